//! A tree of named places or sectors, looked up by name whatever the case,
//! accents and punctuation, with the containment questions the audience
//! filter asks: is this place inside that one, or only overlapping it?

use crate::lang::{Lang, Localized};
use crate::text::fold_char;
use std::borrow::Cow;
use std::collections::HashMap;

pub type NodeId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Region,
    /// A pre-2016 region (Alsace), still shown on profiles.
    OldRegion,
    /// A part of France people name that no administration draws (Côte
    /// d'Azur, Provence), given by the départements it lies in.
    Area,
    Departement,
    /// An overseas collectivity outside the départements (Saint-Pierre-et-
    /// Miquelon, 975): in France, in no region.
    Collectivity,
    /// A metropolitan area as LinkedIn shows it ("Région de Lyon").
    Metro,
    City,
    /// One of LinkedIn's 20 top-level industry groups.
    Group,
    Industry,
}

/// A node's name or code: borrowed from the embedded data for the 37,000
/// communes, which are then made without allocating.
pub type Name = Cow<'static, str>;

#[derive(Debug)]
pub struct Node {
    pub kind: Kind,
    /// A département's or collectivity's code (`69`, `2A`, `974`, `975`), a
    /// commune's INSEE code (`69123`), a country's ISO code, an industry's id.
    pub code: Name,
    pub fr: Name,
    pub en: Name,
    pub parent: Option<NodeId>,
    /// What the node covers besides its descendants: an old region's
    /// départements, a metropolitan area's core département.
    pub members: Vec<NodeId>,
}

/// How a name resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    One(NodeId),
    /// Several places of that name, none more likely: never guessed.
    Ambiguous(Vec<NodeId>),
    None,
}

#[derive(Debug, Default)]
pub struct Taxonomy {
    nodes: Vec<Node>,
    names: HashMap<String, Vec<NodeId>>,
    /// Nodes made on first use and numbered after `nodes`: the 37,000
    /// communes (`data::Geo`), which start-up and most lookups never need.
    /// Their names are indexed apart, by their maker.
    later: Option<fn() -> &'static [Node]>,
}

/// The lookup key of a name: folded (case, accents), `&` read as "and",
/// "St" as "Saint", every other non-alphanumeric run a single space. One
/// pass, no copy but the key: the 37,000 commune names go through it.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    key_into(name, &mut out);
    out
}

/// Appends the [`key`] of a name to `out`, after what `out` already holds:
/// the commune names' keys are written one after the other in one string.
pub fn key_into(name: &str, out: &mut String) {
    let base = out.len();
    let out = &mut KeyOut { out, base };
    // Where the word being written starts in `out`, if one is.
    let mut word: Option<usize> = None;
    out.out.reserve(name.len() + 4);
    let mut folded = String::new();
    for c in name.chars() {
        if c == '&' {
            end_word(out, &mut word);
            for c in "and".chars() {
                push_char(out, &mut word, c);
            }
            end_word(out, &mut word);
            continue;
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                push_char(out, &mut word, c.to_ascii_lowercase());
            } else {
                end_word(out, &mut word);
            }
            continue;
        }
        folded.clear();
        fold_char(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() {
                push_char(out, &mut word, f);
            } else {
                end_word(out, &mut word);
            }
        }
    }
    end_word(out, &mut word);
}

/// The string a key is appended to, and where the key begins in it.
struct KeyOut<'a> {
    out: &'a mut String,
    base: usize,
}

/// Appends to the current word of a key, starting one if needed.
fn push_char(k: &mut KeyOut, word: &mut Option<usize>, c: char) {
    if word.is_none() {
        if k.out.len() > k.base {
            k.out.push(' ');
        }
        *word = Some(k.out.len());
    }
    k.out.push(c);
}

/// Closes the current word of a key: « st » and « ste » spelt out.
fn end_word(k: &mut KeyOut, word: &mut Option<usize>) {
    if let Some(start) = word.take() {
        let whole = match &k.out[start..] {
            "st" => "saint",
            "ste" => "sainte",
            _ => return,
        };
        k.out.truncate(start);
        k.out.push_str(whole);
    }
}

impl Taxonomy {
    pub fn add(&mut self, node: Node) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let names = [key(&node.fr), key(&node.en)];
        self.nodes.push(node);
        for name in names {
            self.name(&name, id);
        }
        id
    }

    /// Numbers the nodes `later` makes after the ones added so far; they
    /// are made the first time one of them is asked for.
    pub fn defer(&mut self, later: fn() -> &'static [Node]) {
        self.later = Some(later);
    }

    /// The number the first deferred node will have.
    pub fn core_len(&self) -> usize {
        self.nodes.len()
    }

    fn later(&self) -> &[Node] {
        self.later.map_or(&[], |later| later())
    }

    /// Adds another name for a node.
    pub fn name(&mut self, name: &str, id: NodeId) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let ids = self.names.entry(k).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        let i = id as usize;
        match self.nodes.get(i) {
            Some(node) => node,
            None => &self.later()[i - self.nodes.len()],
        }
    }

    /// A node added with [`Taxonomy::add`], not a deferred one.
    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    /// Every node, the deferred ones made if they were not yet.
    pub fn len(&self) -> usize {
        self.nodes.len() + self.later().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.len()).map(|i| i as NodeId)
    }

    /// The nodes of that name (an already computed [`key`]).
    pub fn lookup_key(&self, k: &str) -> &[NodeId] {
        self.names.get(k).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn lookup(&self, name: &str) -> &[NodeId] {
        self.lookup_key(&key(name))
    }

    /// Every name known, for "did you mean".
    pub fn names(&self) -> impl Iterator<Item = (&str, NodeId)> {
        self.names
            .iter()
            .flat_map(|(k, ids)| ids.iter().map(move |&id| (k.as_str(), id)))
    }

    /// The node and its ancestors, nearest first.
    pub fn chain(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&n| self.node(n).parent)
    }

    /// Whether `inner` lies within `outer` (or is it).
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        self.holds(outer, self.chain(inner))
    }

    /// Whether `outer` is in a chain of nodes, or holds one of them as a
    /// member (an old region its départements).
    fn holds(&self, outer: NodeId, mut chain: impl Iterator<Item = NodeId>) -> bool {
        // Only the tree's own nodes have members: no deferred node is made
        // to learn that a commune has none.
        match self.nodes.get(outer as usize).map(|n| &n.members) {
            Some(members) if !members.is_empty() => {
                chain.any(|n| n == outer || members.contains(&n))
            }
            _ => chain.any(|n| n == outer),
        }
    }

    /// The nearest node that holds them all (one of them, or an ancestor):
    /// the département that every commune of a postal code lies in.
    pub fn common_ancestor(&self, ids: &[NodeId]) -> Option<NodeId> {
        let (&first, rest) = ids.split_first()?;
        self.chain(first)
            .find(|&a| rest.iter().all(|&id| self.chain(id).any(|n| n == a)))
    }

    /// Whether the two share ground without one holding the other for sure:
    /// "France" and "Rhône", "Région de Lyon" and "Lyon".
    pub fn overlaps(&self, a: NodeId, b: NodeId) -> bool {
        let member_overlap = |x: NodeId, y: NodeId| {
            self.node(x)
                .members
                .iter()
                .any(|&m| self.contains(m, y) || self.contains(y, m))
        };
        self.contains(a, b) || self.contains(b, a) || member_overlap(a, b) || member_overlap(b, a)
    }

    /// Keeps the candidates that agree with every part (each part has a
    /// candidate on the same branch), then the most specific of them.
    pub fn combine<P: AsRef<[NodeId]>>(&self, parts: &[P]) -> Resolved {
        // Each candidate's chain, walked once, all in one vector: a name may
        // have a dozen candidates, each compared with every other.
        let mut ids: Vec<NodeId> = Vec::with_capacity(parts.iter().map(|p| p.as_ref().len()).sum());
        for p in parts {
            ids.extend_from_slice(p.as_ref());
        }
        ids.sort_unstable();
        ids.dedup();
        let mut chains: Vec<NodeId> = Vec::with_capacity(ids.len() * 5);
        let mut ends = Vec::with_capacity(ids.len());
        for &id in &ids {
            chains.extend(self.chain(id));
            ends.push(chains.len());
        }
        let chain = |i: usize| &chains[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
        let of = |id: NodeId| ids.binary_search(&id).map_or(&[][..], chain);
        let contains = |outer: NodeId, inner: NodeId| self.holds(outer, of(inner).iter().copied());
        let related = |a: NodeId, b: NodeId| contains(a, b) || contains(b, a);
        let agreed: Vec<NodeId> = match parts {
            // One part agrees with itself.
            [_] => ids.clone(),
            _ => ids
                .iter()
                .copied()
                .filter(|&c| {
                    parts.iter().all(|p| {
                        let p = p.as_ref();
                        p.contains(&c) || p.iter().any(|&q| related(q, c))
                    })
                })
                .collect(),
        };
        // The most specific: no other candidate lies within. The ancestors
        // of all, sorted once, answer that for a node without members.
        let mut above: Vec<NodeId> = Vec::with_capacity(chains.len());
        for &c in &agreed {
            above.extend_from_slice(of(c).get(1..).unwrap_or(&[]));
        }
        above.sort_unstable();
        above.dedup();
        let wider = |c: NodeId| match self.nodes.get(c as usize) {
            Some(n) if !n.members.is_empty() => agreed.iter().any(|&o| o != c && contains(c, o)),
            _ => above.binary_search(&c).is_ok(),
        };
        let specific: Vec<NodeId> = agreed.iter().copied().filter(|&c| !wider(c)).collect();
        match specific.as_slice() {
            [] => Resolved::None,
            [one] => Resolved::One(*one),
            _ => Resolved::Ambiguous(specific),
        }
    }

    /// A node's name as shown: "Rhône (69)" for a département.
    pub fn label(&self, id: NodeId, lang: Lang) -> String {
        let n = self.node(id);
        let name = match lang {
            Lang::Fr => &n.fr,
            Lang::En => &n.en,
        };
        match n.kind {
            Kind::Departement | Kind::Collectivity => format!("{name} ({})", n.code),
            _ => name.to_string(),
        }
    }

    /// "Villeurbanne → Rhône (69) → Auvergne-Rhône-Alpes": the chain, without
    /// the country once inside it.
    pub fn path(&self, id: NodeId) -> Localized {
        let path = |lang| {
            let chain: Vec<NodeId> = self.chain(id).collect();
            let shown = match chain.split_last() {
                Some((&last, rest))
                    if !rest.is_empty() && self.node(last).kind == Kind::Country =>
                {
                    rest
                }
                _ => &chain[..],
            };
            shown
                .iter()
                .map(|&n| self.label(n, lang))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        Localized::new(path(Lang::Fr), path(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_punctuation_and_abbreviations() {
        assert_eq!(key("Auvergne-Rhône-Alpes"), "auvergne rhone alpes");
        assert_eq!(key("  St-Étienne "), "saint etienne");
        assert_eq!(key("Food & Beverages"), "food and beverages");
        assert_eq!(
            key("Provence-Alpes-Côte d’Azur"),
            "provence alpes cote d azur"
        );
        assert_eq!(key("!!"), "");
        assert_eq!(key("R&D"), "r and d");
        assert_eq!(
            key("Ste-Maxime & St Tropez"),
            "sainte maxime and saint tropez"
        );
        assert_eq!(key("Straße Œuvre"), "strasse oeuvre");
    }

    /// The key as it was first written: fold, then split.
    fn reference_key(name: &str) -> String {
        crate::text::fold(name)
            .replace('&', " and ")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| match w {
                "st" => "saint",
                "ste" => "sainte",
                w => w,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_one_pass_key_is_the_folded_key() {
        let names = include_str!("../../../../data/reference/fr-communes.tsv")
            .lines()
            .filter_map(|l| l.split('\t').nth(1))
            .chain(include_str!("../../../../data/reference/linkedin-industries-v2-fr.csv").lines())
            .chain([
                "  St-Étienne ",
                "ǅemal & Ǆ",
                "İstanbul",
                "ﬁnance",
                "Ⅻ arr.",
                "a\u{301}b",
                "\u{2019}x",
            ])
            .chain(["St&Ste", "&&", "R&D St. Ste-", " 8e ARR ", "", "-st-"])
            .chain(include_str!("../../../../data/reference/linkedin-industries-v2.csv").lines());
        for name in names {
            assert_eq!(key(name), reference_key(name), "{name}");
        }
    }
}
