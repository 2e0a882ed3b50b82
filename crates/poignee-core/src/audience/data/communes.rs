//! The communes, read from `fr-communes.tsv` the first time a place is not
//! a region, département, country or listed city: every commune under its
//! département, the places inside them, and the indexes that find them by
//! name and by postal code.

use super::{COMMUNES, Geo, postal_number};
use crate::audience::taxonomy::{Kind, Node, NodeId, key_into};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;

/// One line of `fr-communes.tsv`, borrowed from the embedded text: reading
/// 37,000 of them, and making their nodes, copies no name.
struct CommuneRow {
    code: &'static str,
    name: &'static str,
    /// `C` commune, `R` arrondissement municipal, `D` commune déléguée, `A`
    /// commune associée.
    kind: u8,
    departement: &'static str,
    /// The INSEE code of the commune an `R`, `D` or `A` belongs to.
    parent: &'static str,
    population: u32,
    postal_codes: &'static str,
}

/// The rows of `fr-communes.tsv`, its `#` lines skipped. A line that does
/// not parse is skipped; a test counts them all.
fn commune_rows() -> impl Iterator<Item = CommuneRow> {
    let mut rest = COMMUNES;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let line = cut(&mut rest, b'\n');
            if !line.starts_with('#')
                && let Some(row) = commune_row(line)
            {
                return Some(row);
            }
        }
        None
    })
}

fn commune_row(mut line: &'static str) -> Option<CommuneRow> {
    let mut next = || (!line.is_empty()).then(|| cut(&mut line, b'\t'));
    Some(CommuneRow {
        code: next()?,
        name: next()?,
        kind: *next()?.as_bytes().first()?,
        departement: next()?,
        parent: next()?,
        population: next()?.parse().ok()?,
        postal_codes: next().unwrap_or(""),
    })
}

/// The text up to the next `byte` (an ASCII one), which `rest` then starts
/// after: a byte loop, half the instructions `str::split` took on 1.3 MB.
fn cut(rest: &mut &'static str, byte: u8) -> &'static str {
    let end = rest.bytes().position(|b| b == byte).unwrap_or(rest.len());
    let (head, tail) = rest.split_at(end);
    *rest = tail.get(1..).unwrap_or("");
    head
}

/// The communes and the places inside them, with what finds them.
pub(super) struct Communes {
    /// Numbered after the tree's own nodes
    /// ([`Taxonomy::defer`](crate::audience::taxonomy::Taxonomy::defer)).
    pub(super) nodes: Vec<Node>,
    /// Inhabitants, by node (0 for the tree's own nodes but the listed
    /// cities, and for communes déléguées, which INSEE does not count).
    pub(super) population: Vec<u32>,
    /// By [`key`](crate::audience::taxonomy::key).
    pub(super) names: NameIndex,
    /// By [`compact`](super::compact) key, for the names with spaces.
    pub(super) compact_names: NameIndex,
    /// The communes and arrondissements of each postal code.
    pub(super) postal: PostalIndex,
    /// (city, number, arrondissement): Paris 1–20, Lyon 1–9, Marseille 1–16.
    pub(super) arrondissements: Vec<(NodeId, u32, NodeId)>,
    /// Rows read; none is lost to an unknown département or commune.
    rows: usize,
}

impl Communes {
    /// Reads every commune under its département, then the arrondissements,
    /// communes déléguées and associées under their commune. A listed city
    /// is its commune's node. Reads the tree's own nodes only: the deferred
    /// ones are these.
    pub(super) fn read(geo: &Geo) -> Communes {
        let first = geo.tree.core_len();
        let mut out = Communes {
            nodes: Vec::with_capacity(38_000),
            population: vec![0; first],
            names: NameIndex::default(),
            compact_names: NameIndex::default(),
            postal: PostalIndex::default(),
            arrondissements: Vec::new(),
            rows: 0,
        };
        let mut by_code: Vec<(&'static str, NodeId)> = Vec::with_capacity(35_000);
        let mut inside = Vec::new();
        for row in commune_rows() {
            if row.kind != b'C' {
                inside.push(row);
                continue;
            }
            // The data's codes are upper case already: no copy to look one up.
            let Some(&dep) = geo.departements.get(row.departement) else {
                continue;
            };
            let id = match geo.listed.get(row.code) {
                Some(&id) => id,
                None => out.push(first, &row, dep),
            };
            by_code.push((row.code, id));
            out.add(id, &row);
        }
        // The file is sorted by code; sorted again only if it were not.
        if !by_code.is_sorted() {
            by_code.sort_unstable();
        }
        for row in inside {
            let Ok(at) = by_code.binary_search_by(|&(code, _)| code.cmp(row.parent)) else {
                continue;
            };
            let parent = by_code[at].1;
            let id = out.push(first, &row, parent);
            if row.kind == b'R' {
                let digits: String = row.name.chars().filter(char::is_ascii_digit).collect();
                if let Ok(n) = digits.parse() {
                    out.arrondissements.push((parent, n, id));
                }
            }
            out.add(id, &row);
        }
        out.postal.finish();
        out
    }

    /// Makes the node of a row, under `parent`.
    fn push(&mut self, first: usize, row: &CommuneRow, parent: NodeId) -> NodeId {
        let id = (first + self.nodes.len()) as NodeId;
        self.nodes.push(Node {
            kind: Kind::City,
            code: row.code.into(),
            fr: row.name.into(),
            en: row.name.into(),
            parent: Some(parent),
            members: Vec::new(),
        });
        id
    }

    /// Indexes a row's node by name and postal code.
    fn add(&mut self, id: NodeId, row: &CommuneRow) {
        self.rows += 1;
        let at = id as usize;
        if self.population.len() <= at {
            self.population.resize(at + 1, 0);
        }
        self.population[at] = row.population;
        for code in row.postal_codes.split(' ').filter_map(postal_number) {
            self.postal.pairs.push((code, id));
        }
        let k = self.names.add(row.name, id);
        if k.contains(' ') {
            self.compact_names.add_compact(k, id);
        }
    }
}

/// The places of each postal code, found by the code as an index: a
/// counting sort of the pairs read, where a comparison sort of 36,000 pairs
/// took a third of the reading.
#[derive(Default)]
pub(super) struct PostalIndex {
    /// (code, place) as read; emptied by [`PostalIndex::finish`].
    pairs: Vec<(u32, NodeId)>,
    /// The places of code `c`: `ids[first[c]..first[c + 1]]`.
    first: Vec<u32>,
    ids: Vec<NodeId>,
}

impl PostalIndex {
    const CODES: usize = 100_000;

    fn finish(&mut self) {
        let mut first = vec![0u32; Self::CODES + 1];
        for &(code, _) in &self.pairs {
            first[code as usize + 1] += 1;
        }
        for c in 0..Self::CODES {
            first[c + 1] += first[c];
        }
        let mut next = first.clone();
        let mut ids = vec![0; self.pairs.len()];
        for &(code, id) in &self.pairs {
            let at = &mut next[code as usize];
            ids[*at as usize] = id;
            *at += 1;
        }
        self.first = first;
        self.ids = ids;
        self.pairs = Vec::new();
    }

    pub(super) fn get(&self, code: u32) -> Vec<NodeId> {
        let c = code as usize;
        match (self.first.get(c), self.first.get(c + 1)) {
            (Some(&start), Some(&end)) => self.ids[start as usize..end as usize].to_vec(),
            _ => Vec::new(),
        }
    }
}

/// Names found by their key, 37,000 of them in three allocations: the keys
/// one after the other in one string, the entries, and a table from a key's
/// hash to its last entry (the others chained from it).
#[derive(Default)]
pub(super) struct NameIndex {
    keys: String,
    entries: Vec<NameEntry>,
    last: FxHashMap<u64, u32>,
}

struct NameEntry {
    id: NodeId,
    /// The key, in `keys`.
    start: u32,
    end: u32,
    /// The entry before it with the same hash (`u32::MAX`: none).
    previous: u32,
}

impl NameIndex {
    /// Indexes a name by its [`key`](crate::audience::taxonomy::key);
    /// returns the key.
    fn add(&mut self, name: &str, id: NodeId) -> &str {
        let start = self.keys.len();
        key_into(name, &mut self.keys);
        self.push(start, id);
        &self.keys[start..]
    }

    /// Indexes a key without its spaces.
    fn add_compact(&mut self, k: &str, id: NodeId) {
        let start = self.keys.len();
        self.keys.extend(k.split(' '));
        self.push(start, id);
    }

    fn push(&mut self, start: usize, id: NodeId) {
        let at = self.entries.len() as u32;
        let hash = FxBuildHasher.hash_one(&self.keys[start..]);
        let previous = self.last.insert(hash, at).unwrap_or(u32::MAX);
        self.entries.push(NameEntry {
            id,
            start: start as u32,
            end: self.keys.len() as u32,
            previous,
        });
    }

    /// The nodes of a key, in their order.
    pub(super) fn get(&self, k: &str) -> Vec<NodeId> {
        let mut ids = Vec::new();
        let mut at = self.last.get(&FxBuildHasher.hash_one(k)).copied();
        while let Some(e) = at.and_then(|i| self.entries.get(i as usize)) {
            if self.keys.get(e.start as usize..e.end as usize) == Some(k) {
                ids.push(e.id);
            }
            at = Some(e.previous);
        }
        ids.sort_unstable();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audience::data::GEO;
    use crate::audience::taxonomy::key;

    #[test]
    fn every_commune_is_read_under_its_departement() {
        let geo = &*GEO;
        let lines = COMMUNES.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(
            commune_rows().count(),
            lines,
            "a line of fr-communes.tsv does not parse"
        );
        // Every row became a node: none lost to an unknown département or parent.
        let communes = geo.communes();
        assert_eq!(communes.rows, lines);
        let kinds = |k: u8| commune_rows().filter(|r| r.kind == k).count();
        assert!(kinds(b'C') >= 34_900, "{}", kinds(b'C'));
        assert!(kinds(b'D') >= 2_000 && kinds(b'A') >= 400);
        assert_eq!(kinds(b'R'), 45);
        assert_eq!(communes.arrondissements.len(), 45);
        assert!(
            communes.postal.ids.len() >= 35_000,
            "{}",
            communes.postal.ids.len()
        );
        // Each is found by its name, under the département the data gives,
        // and that under a region (or France, for a collectivity).
        for row in commune_rows() {
            let found = geo
                .communes_named(&key(row.name))
                .into_iter()
                .find(|&id| geo.tree.node(id).code == row.code && geo.tree.node(id).fr == row.name);
            let Some(id) = found else {
                panic!("{} ({}) is not found by its name", row.name, row.code);
            };
            let dep = geo
                .tree
                .chain(id)
                .map(|n| geo.tree.node(n))
                .find(|n| matches!(n.kind, Kind::Departement | Kind::Collectivity));
            assert_eq!(
                dep.map(|d| d.code.as_ref()),
                Some(row.departement),
                "{}",
                row.name
            );
            let top = geo
                .tree
                .chain(id)
                .last()
                .map(|n| geo.tree.node(n).code.as_ref());
            assert_eq!(top, Some("FR"), "{}", row.name);
        }
        assert_eq!(
            geo.tree
                .ids()
                .filter(|&i| geo.tree.node(i).kind == Kind::Collectivity)
                .count(),
            8
        );
    }
}
