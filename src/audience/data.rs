//! The shipped reference data (`data/reference/`), embedded in the binary and
//! built into two trees on first use: French geography (country → region →
//! département → city, with old regions and metropolitan areas beside them)
//! and LinkedIn's industries (group → industry → sub-industry).

use super::taxonomy::{Kind, Node, NodeId, Resolved, Taxonomy, key};
use std::collections::HashMap;
use std::sync::LazyLock;

const DEPARTEMENTS: &str = include_str!("../../data/reference/fr-departements.csv");
const CITIES: &str = include_str!("../../data/reference/fr-cities.csv");
const LOCATIONS: &str = include_str!("../../data/reference/linkedin-locations-fr.csv");
const OLD_REGIONS: &str = include_str!("../../data/reference/fr-old-regions.csv");
const COUNTRIES: &str = include_str!("../../data/reference/countries.csv");
const INDUSTRIES: &str = include_str!("../../data/reference/linkedin-industries-v2.csv");
const INDUSTRIES_FR: &str = include_str!("../../data/reference/linkedin-industries-v2-fr.csv");
const INDUSTRY_ALIASES: &str = include_str!("../../data/reference/linkedin-industries-aliases.csv");

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

pub struct Geo {
    pub tree: Taxonomy,
    /// Whole location strings as LinkedIn shows them, by [`key`].
    exact: HashMap<String, NodeId>,
    departements: HashMap<String, NodeId>,
    /// Paris, Lyon, Marseille: their postal codes name arrondissements.
    arrondissements: [(&'static str, Option<NodeId>); 3],
}

pub static GEO: LazyLock<Geo> = LazyLock::new(Geo::build);
pub static SECTORS: LazyLock<Taxonomy> = LazyLock::new(build_sectors);

impl Geo {
    fn build() -> Geo {
        let mut tree = Taxonomy::default();
        let mut france = None;
        for row in rows(COUNTRIES) {
            let id = tree.add(Node {
                kind: Kind::Country,
                code: field(&row, 0).into(),
                fr: field(&row, 1).into(),
                en: field(&row, 2).into(),
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
        let mut departements = HashMap::new();
        for row in rows(DEPARTEMENTS) {
            let region_name = field(&row, 3);
            let region = *regions.entry(key(region_name)).or_insert_with(|| {
                tree.add(Node {
                    kind: Kind::Region,
                    code: field(&row, 2).into(),
                    fr: region_name.into(),
                    en: region_name.into(),
                    parent: france,
                    members: Vec::new(),
                })
            });
            let code = field(&row, 0);
            let id = tree.add(Node {
                kind: Kind::Departement,
                code: code.into(),
                fr: field(&row, 1).into(),
                en: field(&row, 1).into(),
                parent: Some(region),
                members: Vec::new(),
            });
            departements.insert(code.to_ascii_uppercase(), id);
        }
        let mut cities: HashMap<(String, String), NodeId> = HashMap::new();
        let mut city = |tree: &mut Taxonomy, name: &str, code: &str| -> Option<NodeId> {
            let dep = *departements.get(&code.to_ascii_uppercase())?;
            Some(*cities.entry((key(name), code.into())).or_insert_with(|| {
                tree.add(Node {
                    kind: Kind::City,
                    code: code.into(),
                    fr: name.into(),
                    en: name.into(),
                    parent: Some(dep),
                    members: Vec::new(),
                })
            }))
        };
        for row in rows(CITIES) {
            city(&mut tree, field(&row, 0), field(&row, 1));
        }
        let mut old_regions = HashMap::new();
        for row in rows(OLD_REGIONS) {
            let members: Vec<NodeId> = field(&row, 1)
                .split_whitespace()
                .filter_map(|c| departements.get(c).copied())
                .collect();
            let parent = members.first().and_then(|&d| tree.node(d).parent);
            let id = tree.add(Node {
                kind: Kind::OldRegion,
                code: String::new(),
                fr: field(&row, 0).into(),
                en: field(&row, 0).into(),
                parent,
                members,
            });
            old_regions.insert(key(field(&row, 0)), id);
            for other in field(&row, 2).split('|') {
                tree.name(other, id);
                old_regions.insert(key(other), id);
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
                                code: code.into(),
                                fr: format!("Région de {core}"),
                                en: format!("Greater {core} Area"),
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
        let paris = tree
            .lookup("Paris")
            .iter()
            .copied()
            .find(|&n| tree.node(n).kind == Kind::City);
        let lyon = tree.lookup("Lyon").first().copied();
        let marseille = tree.lookup("Marseille").first().copied();
        Geo {
            tree,
            exact,
            departements,
            arrondissements: [("75", paris), ("69", lyon), ("13", marseille)],
        }
    }

    /// The place a whole location string names, when LinkedIn shows it so.
    pub fn exact(&self, k: &str) -> Option<NodeId> {
        self.exact.get(k).copied()
    }

    pub fn departement(&self, code: &str) -> Option<NodeId> {
        self.departements.get(&code.to_ascii_uppercase()).copied()
    }

    /// A postal code's place: its département (two digits, three overseas,
    /// 2A/2B in Corsica), or the arrondissement's city in Paris, Lyon and
    /// Marseille (75008 → Paris).
    pub fn postal_code(&self, code: &str) -> Option<NodeId> {
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let dep = match &code[..2] {
            "97" | "98" => &code[..3],
            "20" if code.as_bytes()[2] < b'2' => "2A",
            "20" => "2B",
            two => two,
        };
        let arrondissement = self.arrondissements.iter().find_map(|(d, city)| {
            let number: u32 = code[2..].parse().ok()?;
            let max = match *d {
                "75" => 20,
                "69" => 9,
                _ => 16,
            };
            let is_arr = (1..=max).contains(&number) || (*d == "75" && number == 116);
            (dep == *d && is_arr).then_some(*city).flatten()
        });
        arrondissement.or_else(|| self.departement(dep))
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
    const PREFIXES: [&str; 9] = [
        "Région de ",
        "Region de ",
        "Région d'",
        "Région d’",
        "Region d'",
        "Greater ",
        "Métropole de ",
        "Agglomération de ",
        "Grand ",
    ];
    const SUFFIXES: [&str; 6] = [
        " Metropolitan Region",
        " Metropolitan Area",
        " Area",
        " et périphérie",
        " et peripherie",
        " Métropole",
    ];
    let lower = name.to_lowercase();
    let mut start = 0;
    let mut end = name.len();
    if let Some(p) = PREFIXES
        .iter()
        .find(|p| lower.starts_with(&p.to_lowercase()))
    {
        start = p.to_lowercase().len();
    }
    if let Some(s) = SUFFIXES.iter().find(|s| lower.ends_with(&s.to_lowercase())) {
        end = lower.len() - s.to_lowercase().len();
    }
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
            code: id.into(),
            fr: french
                .get(id)
                .cloned()
                .unwrap_or_else(|| field(&row, 1).into()),
            en: field(&row, 1).into(),
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

/// The separators between the parts of a location or sector string.
fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '(', ')', '/', ';', '|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Resolves a location as LinkedIn and Viadeo show it ("Lyon,
/// Auvergne-Rhône-Alpes, France", "Villeurbanne (69)", "69003", "Région de
/// Paris"). `extra` holds the user's aliases, by [`key`].
pub fn resolve_place(text: &str, extra: &HashMap<String, Vec<NodeId>>) -> Resolution {
    let geo = &*GEO;
    let whole = key(text);
    if let Some(ids) = extra.get(&whole) {
        return resolution(geo.tree.combine(std::slice::from_ref(ids)), Vec::new());
    }
    if let Some(id) = geo.exact(&whole) {
        return resolution(Resolved::One(id), Vec::new());
    }
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for part in parts(text) {
        let mut candidates = Vec::new();
        let mut rest = Vec::new();
        for word in part.split_whitespace() {
            match geo.postal_code(word) {
                Some(id) => candidates.push(id),
                None => rest.push(word),
            }
        }
        let rest = rest.join(" ");
        if !rest.is_empty() {
            match place_candidates(geo, &rest, extra) {
                Some(ids) => candidates.extend(ids),
                None if candidates.is_empty() => unknown.push(rest),
                None => {}
            }
        }
        if !candidates.is_empty() {
            found.push(candidates);
        }
    }
    let resolved = if found.is_empty() {
        Resolved::None
    } else {
        geo.tree.combine(&found)
    };
    resolution(resolved, unknown)
}

fn resolution(resolved: Resolved, unknown_parts: Vec<String>) -> Resolution {
    Resolution {
        resolved,
        unknown_parts,
    }
}

fn place_candidates(
    geo: &Geo,
    part: &str,
    extra: &HashMap<String, Vec<NodeId>>,
) -> Option<Vec<NodeId>> {
    let k = key(part);
    if let Some(ids) = extra.get(&k) {
        return Some(ids.clone());
    }
    if let Some(id) = geo.exact(&k) {
        return Some(vec![id]);
    }
    let named = geo.tree.lookup_key(&k);
    if !named.is_empty() {
        return Some(named.to_vec());
    }
    if let Some(id) = geo.departement(part.trim()) {
        return Some(vec![id]);
    }
    // "Région de Grenoble": the city's département, the honest level.
    let core = strip_metro(part)?;
    let ids: Vec<NodeId> = geo
        .tree
        .lookup(core)
        .iter()
        .map(|&id| match geo.tree.node(id).kind {
            Kind::City => geo.tree.node(id).parent.unwrap_or(id),
            _ => id,
        })
        .collect();
    (!ids.is_empty()).then_some(ids)
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
        assert_eq!(label("69003").as_deref(), Some("Lyon"));
        assert_eq!(label("75116").as_deref(), Some("Paris"));
        assert_eq!(label("92100").as_deref(), Some("Hauts-de-Seine (92)"));
        assert_eq!(label("20000").as_deref(), Some("Corse-du-Sud (2A)"));
        assert_eq!(label("20200").as_deref(), Some("Haute-Corse (2B)"));
        assert_eq!(label("97400").as_deref(), Some("La Réunion (974)"));
        assert_eq!(label("6900"), None);
        assert_eq!(label("00000"), None);
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
