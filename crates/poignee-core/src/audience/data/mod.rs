//! The shipped reference data (`data/reference/`), embedded in the binary and
//! built into two trees on first use: French geography (country → region →
//! département → commune → arrondissement or commune déléguée, with old
//! regions and metropolitan areas beside them) and LinkedIn's industries
//! (group → industry → sub-industry).

mod communes;

use super::taxonomy::{Kind, Node, NodeId, Resolved, Taxonomy, key};
use communes::Communes;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

pub use super::place::resolve_place;

const DEPARTEMENTS: &str = include_str!("../../../../../data/reference/fr-departements.csv");
const COLLECTIVITIES: &str = include_str!("../../../../../data/reference/fr-collectivities.csv");
const CITIES: &str = include_str!("../../../../../data/reference/fr-cities.csv");
/// Every commune, arrondissement municipal, commune déléguée and associée
/// (`scripts/fetch-geography.sh`): 1.3 MB, the bulk of the embedded data.
const COMMUNES: &str = include_str!("../../../../../data/reference/fr-communes.tsv");
const LOCATIONS: &str = include_str!("../../../../../data/reference/linkedin-locations-fr.csv");
const OLD_REGIONS: &str = include_str!("../../../../../data/reference/fr-old-regions.csv");
/// Other names of the regions, as French people write them (IDF, PACA, AURA).
const REGION_NAMES: &str = include_str!("../../../../../data/reference/fr-region-names.csv");
/// Parts of France people name that no administration draws (Côte d'Azur,
/// Provence), by their départements.
const AREAS: &str = include_str!("../../../../../data/reference/fr-areas.csv");
const COUNTRIES: &str = include_str!("../../../../../data/reference/countries.csv");
const INDUSTRIES: &str = include_str!("../../../../../data/reference/linkedin-industries-v2.csv");
const INDUSTRIES_FR: &str =
    include_str!("../../../../../data/reference/linkedin-industries-v2-fr.csv");
const INDUSTRY_ALIASES: &str =
    include_str!("../../../../../data/reference/linkedin-industries-aliases.csv");

/// The rows of an embedded CSV file (its header skipped). The files are ours
/// and tested; a row that does not parse is skipped rather than trusted.
fn rows(text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

fn field(row: &csv::StringRecord, i: usize) -> &str {
    row.get(i).unwrap_or("").trim()
}

/// A five-digit postal code as a number ("01400" → 1400), if it is one.
pub fn postal_number(word: &str) -> Option<u32> {
    (word.len() == 5 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

pub struct Geo {
    pub tree: Taxonomy,
    /// France's node: a place outside it is abroad.
    pub france: Option<NodeId>,
    /// Whole location strings as LinkedIn shows them, by [`key`].
    exact: HashMap<String, NodeId>,
    /// Départements and overseas collectivities by code (`69`, `2A`, `975`).
    departements: FxHashMap<String, NodeId>,
    /// The cities of `fr-cities.csv` by INSEE code: the places people mean
    /// by their names, whose nodes the communes reuse.
    listed: FxHashMap<String, NodeId>,
    /// Their names ([`key`]), sorted: "Aix" may mean Aix-en-Provence.
    listed_names: Vec<(String, NodeId)>,
    /// `fr-communes.tsv`, read the first time a place is not a region,
    /// département, country or listed city: start-up, which reads the
    /// config's regions, does without it.
    communes: OnceLock<Communes>,
}

pub static GEO: LazyLock<Geo> = LazyLock::new(Geo::build);
pub static SECTORS: LazyLock<Taxonomy> = LazyLock::new(build_sectors);

/// The deferred nodes of `GEO.tree`: the communes.
fn commune_nodes() -> &'static [Node] {
    &GEO.communes().nodes
}

/// A [`key`] without its spaces: "SaintEtienne" is "Saint-Étienne".
pub fn compact(k: &str) -> String {
    k.replace(' ', "")
}

impl Geo {
    fn build() -> Geo {
        let mut tree = Taxonomy::default();
        let mut france = None;
        for row in rows(COUNTRIES) {
            let id = tree.add(Node {
                kind: Kind::Country,
                code: field(&row, 0).to_owned().into(),
                fr: field(&row, 1).to_owned().into(),
                en: field(&row, 2).to_owned().into(),
                parent: None,
                members: Vec::new(),
            });
            for other in field(&row, 3).split('|') {
                tree.name(other, id);
            }
            if field(&row, 0) == "FR" {
                france = Some(id);
            }
        }
        let mut regions: HashMap<String, NodeId> = HashMap::new();
        let mut departements = FxHashMap::default();
        for row in rows(DEPARTEMENTS) {
            let region_name = field(&row, 3);
            let region = *regions.entry(key(region_name)).or_insert_with(|| {
                tree.add(Node {
                    kind: Kind::Region,
                    code: field(&row, 2).to_owned().into(),
                    fr: region_name.to_owned().into(),
                    en: region_name.to_owned().into(),
                    parent: france,
                    members: Vec::new(),
                })
            });
            let code = field(&row, 0);
            let id = tree.add(Node {
                kind: Kind::Departement,
                code: code.to_owned().into(),
                fr: field(&row, 1).to_owned().into(),
                en: field(&row, 1).to_owned().into(),
                parent: Some(region),
                members: Vec::new(),
            });
            departements.insert(code.to_ascii_uppercase(), id);
        }
        for row in rows(REGION_NAMES) {
            if let Some(&region) = regions.get(&key(field(&row, 0))) {
                for other in field(&row, 1).split('|') {
                    tree.name(other, region);
                }
            }
        }
        for row in rows(COLLECTIVITIES) {
            let code = field(&row, 0);
            let id = tree.add(Node {
                kind: Kind::Collectivity,
                code: code.to_owned().into(),
                fr: field(&row, 1).to_owned().into(),
                en: field(&row, 2).to_owned().into(),
                parent: france,
                members: Vec::new(),
            });
            for other in field(&row, 3).split('|') {
                tree.name(other, id);
            }
            departements.insert(code.to_string(), id);
        }
        let mut cities: HashMap<(String, String), NodeId> = HashMap::new();
        let mut city = |tree: &mut Taxonomy, name: &str, code: &str| -> Option<NodeId> {
            let dep = *departements.get(&code.to_ascii_uppercase())?;
            Some(*cities.entry((key(name), code.into())).or_insert_with(|| {
                tree.add(Node {
                    kind: Kind::City,
                    code: "".into(),
                    fr: name.to_owned().into(),
                    en: name.to_owned().into(),
                    parent: Some(dep),
                    members: Vec::new(),
                })
            }))
        };
        let mut listed = FxHashMap::default();
        let mut listed_names = Vec::new();
        for row in rows(CITIES) {
            let Some(id) = city(&mut tree, field(&row, 0), field(&row, 1)) else {
                continue;
            };
            let insee = field(&row, 2);
            if !insee.is_empty() {
                tree.node_mut(id).code = insee.to_owned().into();
                listed.insert(insee.to_string(), id);
            }
            listed_names.push((key(field(&row, 0)), id));
            for other in field(&row, 3).split('|') {
                tree.name(other, id);
                listed_names.push((key(other), id));
            }
        }
        listed_names.sort_unstable();
        let mut old_regions = HashMap::new();
        for row in rows(OLD_REGIONS) {
            let members: Vec<NodeId> = field(&row, 1)
                .split_whitespace()
                .filter_map(|c| departements.get(c).copied())
                .collect();
            let parent = members.first().and_then(|&d| tree.node(d).parent);
            let id = tree.add(Node {
                kind: Kind::OldRegion,
                code: "".into(),
                fr: field(&row, 0).to_owned().into(),
                en: field(&row, 0).to_owned().into(),
                parent,
                members,
            });
            old_regions.insert(key(field(&row, 0)), id);
            for other in field(&row, 2).split('|') {
                tree.name(other, id);
                old_regions.insert(key(other), id);
            }
        }
        for row in rows(AREAS) {
            let members: Vec<NodeId> = field(&row, 1)
                .split_whitespace()
                .filter_map(|c| departements.get(c).copied())
                .collect();
            // In the region of its départements when they share one (Provence
            // in Provence-Alpes-Côte d'Azur), else in France.
            let parents: Vec<Option<NodeId>> =
                members.iter().map(|&d| tree.node(d).parent).collect();
            let parent = match parents.split_first() {
                Some((first, rest)) if rest.iter().all(|p| p == first) => *first,
                _ => france,
            };
            let id = tree.add(Node {
                kind: Kind::Area,
                code: "".into(),
                fr: field(&row, 0).to_owned().into(),
                en: field(&row, 0).to_owned().into(),
                parent,
                members,
            });
            for other in field(&row, 2).split('|') {
                tree.name(other, id);
            }
        }
        let mut exact = HashMap::new();
        let mut metros: HashMap<String, NodeId> = HashMap::new();
        for row in rows(LOCATIONS) {
            let location = field(&row, 0);
            let code = field(&row, 1);
            let first = location.split(',').next().unwrap_or("").trim();
            let region = regions.get(&key(field(&row, 2))).copied();
            let id = match field(&row, 3) {
                "country" => france,
                "region" => region,
                "departement" => departements.get(&code.to_ascii_uppercase()).copied(),
                "city_with_region" => city(&mut tree, first, code),
                "old_region" => old_regions.get(&key(first)).copied().or(region),
                "metro_area" => {
                    let dep = departements.get(&code.to_ascii_uppercase()).copied();
                    match metros.get(code) {
                        Some(&m) => Some(m),
                        None => dep.map(|dep| {
                            let core = metro_core(location);
                            let m = tree.add(Node {
                                kind: Kind::Metro,
                                code: code.to_owned().into(),
                                fr: format!("Région de {core}").into(),
                                en: format!("Greater {core} Area").into(),
                                parent: tree.node(dep).parent,
                                members: vec![dep],
                            });
                            metros.insert(code.to_string(), m);
                            m
                        }),
                    }
                }
                _ => None,
            };
            if let Some(id) = id {
                exact.insert(key(location), id);
            }
        }
        tree.defer(commune_nodes);
        Geo {
            tree,
            france,
            exact,
            departements,
            listed,
            listed_names,
            communes: OnceLock::new(),
        }
    }

    fn communes(&self) -> &Communes {
        self.communes.get_or_init(|| Communes::read(self))
    }

    /// The place a whole location string names, when LinkedIn shows it so.
    pub fn exact(&self, k: &str) -> Option<NodeId> {
        self.exact.get(k).copied()
    }

    /// A département or overseas collectivity by its code (`69`, `2a`, `975`).
    pub fn departement(&self, code: &str) -> Option<NodeId> {
        // No code is longer: a name is not copied to be looked up.
        if code.len() > 3 {
            return None;
        }
        self.departements.get(&code.to_ascii_uppercase()).copied()
    }

    pub fn population(&self, id: NodeId) -> u32 {
        let population = &self.communes().population;
        population.get(id as usize).copied().unwrap_or(0)
    }

    /// Whether the node is a city of `fr-cities.csv`: the one people mean by
    /// its name, whatever smaller communes bear it too.
    pub fn is_listed_city(&self, id: NodeId) -> bool {
        (id as usize) < self.tree.core_len() && self.tree.node(id).kind == Kind::City
    }

    /// The listed cities whose name begins with that one (a [`key`]) and
    /// goes on: "aix" → Aix-en-Provence, Aix-les-Bains.
    pub fn listed_starting(&self, k: &str) -> Vec<NodeId> {
        // A space sorts before any letter or digit: "aix", then "aix en
        // provence", "aix les bains", then "aixe sur vienne".
        let start = self.listed_names.partition_point(|(n, _)| n.as_str() <= k);
        let mut ids: Vec<NodeId> = self.listed_names[start..]
            .iter()
            .take_while(|(n, _)| n.starts_with(k) && n.as_bytes().get(k.len()) == Some(&b' '))
            .map(|&(_, id)| id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The communes, arrondissements and communes déléguées of that name (a
    /// [`key`]), in the order of the data: listed cities first.
    pub fn communes_keyed(&self, k: &str) -> Vec<NodeId> {
        self.communes().names.get(k)
    }

    /// [`Geo::communes_keyed`], or when none has that name, the names with
    /// spaces written without them ("Saintetienne", "Lagarde").
    pub fn communes_named(&self, k: &str) -> Vec<NodeId> {
        let communes = self.communes();
        let ids = communes.names.get(k);
        if !ids.is_empty() {
            return ids;
        }
        if k.contains(' ') {
            communes.compact_names.get(&compact(k))
        } else {
            communes.compact_names.get(k)
        }
    }

    /// The arrondissement `number` of a city (Paris, Lyon, Marseille).
    pub fn arrondissement(&self, city: NodeId, number: u32) -> Option<NodeId> {
        self.communes()
            .arrondissements
            .iter()
            .find(|&&(c, n, _)| c == city && n == number)
            .map(|&(_, _, id)| id)
    }

    /// The places a postal code serves, the most precise ones (75008: the
    /// 8th arrondissement, not Paris as well); for a code missing from the
    /// data (a CEDEX), its département by the first digits: two, three
    /// overseas, 2A/2B in Corsica.
    pub fn postal_places(&self, word: &str) -> Option<Vec<NodeId>> {
        let code = postal_number(word)?;
        let all = self.communes().postal.get(code);
        let tree = &self.tree;
        let mut ids: Vec<NodeId> = all
            .iter()
            .copied()
            .filter(|&a| !all.iter().any(|&b| b != a && tree.contains(a, b)))
            .collect();
        if ids.is_empty() {
            let dep = match &word[..2] {
                "97" | "98" => &word[..3],
                "20" if word.as_bytes()[2] < b'2' => "2A",
                "20" => "2B",
                two => two,
            };
            ids.extend(self.departement(dep));
        }
        (!ids.is_empty()).then_some(ids)
    }

    /// A postal code's place: its commune or arrondissement when it serves
    /// one (69003 → Lyon 3e Arrondissement), else the département all its
    /// communes lie in (20200 → Haute-Corse).
    pub fn postal_code(&self, code: &str) -> Option<NodeId> {
        match self.postal_places(code)?.as_slice() {
            [one] => Some(*one),
            several => self.tree.common_ancestor(several),
        }
    }
}

/// "Lyon" from "Région de Lyon, France", "Greater Lyon Area", "Lyon et
/// périphérie", "Greater Paris Metropolitan Region".
fn metro_core(location: &str) -> String {
    strip_metro(location.split(',').next().unwrap_or(location).trim())
        .unwrap_or(location)
        .to_string()
}

/// The city inside a metropolitan area's name, if it is one.
pub fn strip_metro(name: &str) -> Option<&str> {
    // In lower case already: the name is lowered once, these never.
    const PREFIXES: [&str; 9] = [
        "région de ",
        "region de ",
        "région d'",
        "région d’",
        "region d'",
        "greater ",
        "métropole de ",
        "agglomération de ",
        "grand ",
    ];
    const SUFFIXES: [&str; 6] = [
        " metropolitan region",
        " metropolitan area",
        " area",
        " et périphérie",
        " et peripherie",
        " métropole",
    ];
    let lower = name.to_lowercase();
    let start = PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(0, |p| p.len());
    let end = SUFFIXES
        .iter()
        .find(|s| lower.ends_with(*s))
        .map_or(name.len(), |s| lower.len() - s.len());
    ((start, end) != (0, name.len()) && start < end)
        .then(|| name.get(start..end))
        .flatten()
        .map(str::trim)
}

fn build_sectors() -> Taxonomy {
    let mut tree = Taxonomy::default();
    let french: HashMap<String, String> = rows(INDUSTRIES_FR)
        .map(|r| (field(&r, 0).to_string(), field(&r, 1).to_string()))
        .collect();
    let mut by_id = HashMap::new();
    let mut hierarchies = Vec::new();
    for row in rows(INDUSTRIES) {
        let id = field(&row, 0);
        let hierarchy = field(&row, 2);
        let node = tree.add(Node {
            kind: if hierarchy.contains('>') {
                Kind::Industry
            } else {
                Kind::Group
            },
            code: id.to_owned().into(),
            fr: french
                .get(id)
                .cloned()
                .unwrap_or_else(|| field(&row, 1).to_owned())
                .into(),
            en: field(&row, 1).to_owned().into(),
            parent: None,
            members: Vec::new(),
        });
        by_id.insert(id.to_string(), node);
        hierarchies.push((node, hierarchy.to_string()));
    }
    // The parent is the label before the last in "Group > Industry > Sub".
    for (node, hierarchy) in hierarchies {
        let steps: Vec<&str> = hierarchy.split('>').map(str::trim).collect();
        if let [.., parent, _] = steps.as_slice() {
            let found = tree
                .lookup(parent)
                .iter()
                .copied()
                .find(|&p| p != node && tree.node(p).en.eq_ignore_ascii_case(parent))
                .or_else(|| tree.lookup(parent).first().copied());
            tree.node_mut(node).parent = found;
        }
    }
    for row in rows(INDUSTRY_ALIASES) {
        if let Some(&id) = by_id.get(field(&row, 1)) {
            tree.name(field(&row, 0), id);
        }
    }
    tree
}

/// How a free-text value resolved, with the parts that named nothing known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub resolved: Resolved,
    pub unknown_parts: Vec<String>,
}

pub(super) fn resolution(resolved: Resolved, unknown_parts: Vec<String>) -> Resolution {
    Resolution {
        resolved,
        unknown_parts,
    }
}

/// Resolves a sector as LinkedIn shows it, in English or French, V2 or
/// older names ("Computer Software").
pub fn resolve_sector(text: &str, extra: &HashMap<String, Vec<NodeId>>) -> Resolution {
    let tree = &*SECTORS;
    let lookup = |k: &str| -> Option<Vec<NodeId>> {
        extra.get(k).cloned().or_else(|| {
            let ids = tree.lookup_key(k);
            (!ids.is_empty()).then(|| ids.to_vec())
        })
    };
    if let Some(ids) = lookup(&key(text)) {
        return resolution(tree.combine(&[ids]), Vec::new());
    }
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for part in text
        .split(['/', ';', '|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match lookup(&key(part)) {
            Some(ids) => found.push(ids),
            None => unknown.push(part.to_string()),
        }
    }
    let resolved = if found.is_empty() {
        Resolved::None
    } else {
        // Two sectors named: the person is in both, so each must hold.
        tree.combine(&found)
    };
    resolution(resolved, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_is_complete() {
        let geo = &*GEO;
        let count = |k: Kind| {
            geo.tree
                .ids()
                .filter(|&i| geo.tree.node(i).kind == k)
                .count()
        };
        assert_eq!(count(Kind::Region), 18);
        assert_eq!(count(Kind::Departement), 101);
        assert!(count(Kind::City) >= 280, "{}", count(Kind::City));
        assert!(count(Kind::Metro) >= 20);
        assert!(geo.exact.len() >= 780, "{}", geo.exact.len());
        let sectors = &*SECTORS;
        assert_eq!(sectors.len(), 434);
        let groups = sectors
            .ids()
            .filter(|&i| sectors.node(i).kind == Kind::Group)
            .count();
        assert_eq!(groups, 20);
        // Every industry reaches a group, and has a French label.
        for id in sectors.ids() {
            let top = sectors.chain(id).last().unwrap_or(id);
            assert_eq!(
                sectors.node(top).kind,
                Kind::Group,
                "{}",
                sectors.node(id).en
            );
            assert!(!sectors.node(id).fr.is_empty());
        }
    }

    #[test]
    fn every_linkedin_location_resolves_to_its_region() {
        let geo = &*GEO;
        let none = HashMap::new();
        for row in rows(LOCATIONS) {
            let location = field(&row, 0);
            let Resolved::One(id) = resolve_place(location, &none).resolved else {
                panic!("{location} does not resolve");
            };
            let chain: Vec<&Node> = geo.tree.chain(id).map(|n| geo.tree.node(n)).collect();
            let region = field(&row, 2);
            if !region.is_empty() {
                assert!(
                    chain
                        .iter()
                        .any(|n| n.kind == Kind::Region && n.fr == region),
                    "{location}: {}",
                    geo.tree.path(id).en
                );
            }
            let code = field(&row, 1);
            if !code.is_empty() {
                assert!(
                    chain.iter().any(|n| n.code == code)
                        || chain[0]
                            .members
                            .iter()
                            .any(|&m| geo.tree.node(m).code == code),
                    "{location}: {}",
                    geo.tree.path(id).en
                );
            }
        }
    }

    #[test]
    fn postal_codes() {
        let geo = &*GEO;
        let label = |c: &str| {
            geo.postal_code(c)
                .map(|id| geo.tree.label(id, crate::Lang::Fr))
        };
        // A code that serves one commune or arrondissement names it…
        assert_eq!(label("69003").as_deref(), Some("Lyon 3e Arrondissement"));
        assert_eq!(label("75116").as_deref(), Some("Paris 16e Arrondissement"));
        assert_eq!(label("92100").as_deref(), Some("Boulogne-Billancourt"));
        assert_eq!(label("20000").as_deref(), Some("Ajaccio"));
        assert_eq!(label("97400").as_deref(), Some("Saint-Denis"));
        assert_eq!(label("97133").as_deref(), Some("Saint-Barthélemy"));
        // …one that serves several, the département they share…
        assert_eq!(label("20200").as_deref(), Some("Haute-Corse (2B)"));
        // …one missing from the data (a CEDEX), its département by its digits.
        assert_eq!(label("92081").as_deref(), Some("Hauts-de-Seine (92)"));
        assert_eq!(label("20199").as_deref(), Some("Corse-du-Sud (2A)"));
        assert_eq!(label("97499").as_deref(), Some("La Réunion (974)"));
        assert_eq!(label("6900"), None);
        assert_eq!(label("00000"), None);
    }

    #[test]
    fn listed_cities_are_their_communes() {
        let geo = &*GEO;
        for row in rows(CITIES) {
            let (name, dep, insee) = (field(&row, 0), field(&row, 1), field(&row, 2));
            let named = geo.tree.lookup(name);
            let Some(&id) = named
                .iter()
                .filter(|&&n| geo.tree.node(n).kind == Kind::City)
                .find(|&&n| geo.tree.chain(n).any(|d| geo.tree.node(d).code == dep))
            else {
                panic!("{name} ({dep}) is not a city of its département");
            };
            assert!(geo.is_listed_city(id), "{name}");
            if insee.is_empty() {
                // A business district (La Défense), not a commune.
                assert!(geo.communes_named(&key(name)).is_empty(), "{name}");
            } else {
                assert_eq!(geo.tree.node(id).code, insee, "{name}");
                assert!(geo.communes_named(&key(name)).contains(&id), "{name}");
            }
        }
    }

    #[test]
    fn metro_names() {
        assert_eq!(strip_metro("Région de Lyon"), Some("Lyon"));
        assert_eq!(
            strip_metro("Greater Paris Metropolitan Region"),
            Some("Paris")
        );
        assert_eq!(strip_metro("Lille et périphérie"), Some("Lille"));
        assert_eq!(strip_metro("Lyon"), None);
        assert_eq!(strip_metro("Grand "), None);
    }
}
