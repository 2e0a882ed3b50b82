//! The audience filter: « ciblez » — only people in the user's chosen regions
//! and sectors. Matching ignores case and accents, knows the user's aliases,
//! and knows hierarchies from the shipped data: "Villeurbanne" is in
//! "Auvergne-Rhône-Alpes", « Développement de logiciels » in "Technology,
//! Information and Media". A place the data does not know is *unknown*, never
//! *out*; an ambiguous one (Saint-Denis: 93 or 974) is never guessed.

mod compile;
pub mod data;
pub mod names;
mod place;
pub mod taxonomy;
mod verdict;

use crate::lang::{Lang, Localize, Localized};
use crate::target::Target;
use data::{Resolution, resolve_place, resolve_sector};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use taxonomy::{Kind, NodeId, Resolved, Taxonomy};

/// The `[audience]` table of the config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AudienceFilter {
    pub regions: Vec<String>,
    pub exclude_regions: Vec<String>,
    pub sectors: Vec<String>,
    pub exclude_sectors: Vec<String>,
    /// Other names for an entry: `"Île-de-France" = ["IDF", "Paris"]`.
    pub aliases: BTreeMap<String, Vec<String>>,
}

/// Which field of the target a verdict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Region,
    Sector,
}

impl Field {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Field::Region => ("région", "region"),
            Field::Sector => ("secteur", "sector"),
        }
    }

    /// The French adjective's ending: « région exclue », « secteur exclu ».
    fn e(self) -> &'static str {
        self.agree("", "e")
    }

    /// A French word in the field's gender.
    fn agree(self, masculine: &'static str, feminine: &'static str) -> &'static str {
        match self {
            Field::Region => feminine,
            Field::Sector => masculine,
        }
    }

    pub fn tree(self) -> &'static Taxonomy {
        match self {
            Field::Region => &data::GEO.tree,
            Field::Sector => &data::SECTORS,
        }
    }

    pub fn resolve(self, text: &str, extra: &HashMap<String, Vec<NodeId>>) -> Resolution {
        match self {
            Field::Region => resolve_place(text, extra),
            Field::Sector => resolve_sector(text, extra),
        }
    }

    fn data_scope(self) -> (&'static str, &'static str) {
        match self {
            Field::Region => (
                "régions, départements et communes de France",
                "French regions, départements and communes",
            ),
            Field::Sector => ("secteurs LinkedIn", "LinkedIn industries"),
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Decision {
    In,
    Out,
    Unknown,
}

impl Decision {
    /// As JSON and CSV write it: `in`, `out`, `unknown`.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// The verdict on one field, with the reason and the path that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldVerdict {
    pub field: Field,
    pub value: Option<String>,
    pub decision: Decision,
    pub why: Localized,
    /// The value names several places or sectors (Saint-Denis: 93 or 974).
    pub ambiguous: bool,
}

/// Whether a person is someone the user means to reach, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub decision: Decision,
    /// One a field the filter speaks of; none when there is no filter.
    pub fields: Vec<FieldVerdict>,
}

impl Verdict {
    /// Undecided because a value names several places or sectors, not
    /// because it is unknown.
    pub fn ambiguous(&self) -> bool {
        self.decision == Decision::Unknown
            && self
                .fields
                .iter()
                .filter(|f| f.decision == Decision::Unknown)
                .all(|f| f.ambiguous)
    }

    /// The reasons of the fields that decided.
    pub fn why(&self) -> Localized {
        let deciding: Vec<&FieldVerdict> = self
            .fields
            .iter()
            .filter(|f| f.decision == self.decision)
            .collect();
        if deciding.is_empty() {
            return Localized::new("aucun filtre de cible", "no audience filter");
        }
        let join = |lang: Lang, sep: &str| {
            deciding
                .iter()
                .map(|f| match lang {
                    Lang::Fr => f.why.fr.as_str(),
                    Lang::En => f.why.en.as_str(),
                })
                .collect::<Vec<_>>()
                .join(sep)
        };
        Localized::new(join(Lang::Fr, " ; "), join(Lang::En, "; "))
    }
}

/// The `[audience]` entries that do not hold up, found when the config loads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .message.en)]
pub struct EntryError {
    /// The dotted config key: `audience.regions`.
    pub key: String,
    /// The entry itself, to point at it in the config.
    pub value: Option<String>,
    pub message: Localized,
}

impl Localize for EntryError {
    fn message(&self) -> Localized {
        self.message.clone()
    }
}

/// One entry of an include or exclude list, resolved once.
#[derive(Debug, Clone)]
struct Entry {
    shown: String,
    /// The places or sectors it stands for.
    nodes: Vec<NodeId>,
    /// Names matched as text: entries and aliases outside the shipped data.
    texts: Vec<String>,
}

#[derive(Debug, Clone)]
struct FieldFilter {
    field: Field,
    include: Vec<Entry>,
    exclude: Vec<Entry>,
    /// The user's aliases of known places or sectors, by key.
    extra: HashMap<String, Vec<NodeId>>,
}

/// The audience filter, its entries resolved against the shipped data.
#[derive(Debug, Clone)]
pub struct Audience {
    filter: AudienceFilter,
    fields: [FieldFilter; 2],
}

impl Default for Audience {
    fn default() -> Self {
        AudienceFilter::default()
            .compile()
            .unwrap_or_else(|_| unreachable!("an empty filter has no entries to reject"))
    }
}

impl AudienceFilter {
    /// True when the user chose no audience: every target is then fine.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
            && self.exclude_regions.is_empty()
            && self.sectors.is_empty()
            && self.exclude_sectors.is_empty()
    }
}

/// "Saint-Denis (93)": a name with its département, to tell places apart.
fn disambiguated(tree: &Taxonomy, id: NodeId, shown: &str) -> String {
    let code = tree
        .chain(id)
        .map(|n| tree.node(n))
        .find(|n| matches!(n.kind, Kind::Departement | Kind::Collectivity))
        .map(|n| n.code.clone());
    match code {
        Some(code) => format!("{shown} ({code})"),
        None => tree.path(id).en,
    }
}

impl Audience {
    pub fn is_empty(&self) -> bool {
        self.filter.is_empty()
    }

    pub fn filter(&self) -> &AudienceFilter {
        &self.filter
    }

    pub fn verdict(&self, target: Option<&Target>) -> Verdict {
        let region = target.and_then(|t| t.region.as_deref());
        let sector = target.and_then(|t| t.sector.as_deref());
        let fields: Vec<FieldVerdict> = [(0, region), (1, sector)]
            .into_iter()
            .filter_map(|(i, value)| self.fields[i].verdict(value))
            .collect();
        let decision = [Decision::Out, Decision::Unknown]
            .into_iter()
            .find(|d| fields.iter().any(|f| f.decision == *d))
            .unwrap_or(Decision::In);
        Verdict { decision, fields }
    }

    /// How a value resolves against the shipped data and the user's
    /// aliases, whatever the filter says: for `poignee audience`.
    pub fn describe(&self, field: Field, value: &str) -> Localized {
        let filter = &self.fields[field as usize];
        let tree = field.tree();
        let r = field.resolve(value, &filter.extra);
        let mut text = match &r.resolved {
            Resolved::One(id) => tree.path(*id),
            Resolved::Ambiguous(ids) => Localized::new(
                format!(
                    "ambigu : {}",
                    ids.iter()
                        .map(|&i| tree.path(i).fr)
                        .collect::<Vec<_>>()
                        .join(" ou ")
                ),
                format!(
                    "ambiguous: {}",
                    ids.iter()
                        .map(|&i| tree.path(i).en)
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ),
            Resolved::None => {
                let (fr, en) = field.data_scope();
                Localized::new(
                    format!("inconnu des données ({fr})"),
                    format!("not in the shipped data ({en})"),
                )
            }
        };
        if !r.unknown_parts.is_empty() && r.resolved != Resolved::None {
            let parts = r.unknown_parts.join(", ");
            text.fr.push_str(&format!(" (ignoré : {parts})"));
            text.en.push_str(&format!(" (ignored: {parts})"));
        }
        text
    }

    /// How each entry of the filter resolved, for `poignee audience`.
    pub fn entries(&self) -> Vec<(Field, bool, String, Localized)> {
        let mut out = Vec::new();
        for f in &self.fields {
            let tree = f.field.tree();
            for (excluded, list) in [(false, &f.include), (true, &f.exclude)] {
                for e in list {
                    let how = if e.nodes.is_empty() {
                        Localized::new(
                            "hors des données : comparé comme texte",
                            "outside the shipped data: matched as text",
                        )
                    } else {
                        let paths: Vec<Localized> = e.nodes.iter().map(|&n| tree.path(n)).collect();
                        Localized::new(
                            paths
                                .iter()
                                .map(|p| p.fr.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                            paths
                                .iter()
                                .map(|p| p.en.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        )
                    };
                    out.push((f.field, excluded, e.shown.clone(), how));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> Audience {
        AudienceFilter {
            regions: vec!["Île-de-France".into(), "Auvergne-Rhône-Alpes".into()],
            sectors: vec!["Software Development".into()],
            exclude_sectors: vec!["Staffing and Recruiting".into()],
            aliases: [(
                "Île-de-France".to_string(),
                vec!["Région parisienne".to_string(), "IDF".to_string()],
            )]
            .into_iter()
            .collect(),
            ..AudienceFilter::default()
        }
        .compile()
        .expect("compiles")
    }

    fn target(region: Option<&str>, sector: Option<&str>) -> Target {
        Target {
            region: region.map(Into::into),
            sector: sector.map(Into::into),
            ..Target::default()
        }
    }

    #[test]
    fn in_by_hierarchy_or_alias_ignoring_case_and_accents() {
        let f = filter();
        for region in [
            "ile-de-france",
            "Paris, Île-de-France, France",
            "région parisienne",
            "IDF",
            "Villeurbanne (69)",
        ] {
            let t = target(Some(region), Some("développement de logiciels"));
            let v = f.verdict(Some(&t));
            assert_eq!(v.decision, Decision::In, "{region}: {:?}", v.why());
        }
    }

    #[test]
    fn out_names_the_field_and_the_path() {
        let f = filter();
        let t = target(Some("Lille"), Some("Software Development"));
        let v = f.verdict(Some(&t));
        assert_eq!(v.decision, Decision::Out);
        let why = v.why();
        assert!(
            why.en.contains("region “Lille”")
                && why.en.contains("Lille → Nord (59) → Hauts-de-France"),
            "{}",
            why.en
        );
        let t = target(Some("Paris"), Some("Staffing and Recruiting"));
        let v = f.verdict(Some(&t));
        assert_eq!(v.decision, Decision::Out);
        assert!(
            v.why()
                .fr
                .contains("secteur « Staffing and Recruiting » exclu par"),
            "{}",
            v.why().fr
        );
    }

    #[test]
    fn unknown_when_missing_unresolved_or_ambiguous() {
        let f = filter();
        assert_eq!(f.verdict(None).decision, Decision::Unknown);
        let t = target(Some("Paris"), None);
        let v = f.verdict(Some(&t));
        assert_eq!(v.decision, Decision::Unknown);
        assert!(v.why().en.contains("sector is unknown"));
        let t = target(Some("Saint-Denis"), Some("Software Development"));
        let v = f.verdict(Some(&t));
        assert_eq!(v.decision, Decision::Unknown);
        assert!(v.why().en.contains("ambiguous"), "{}", v.why().en);
        assert!(
            v.why().fr.contains("région « Saint-Denis » ambiguë"),
            "{}",
            v.why().fr
        );
        let t = target(Some("Genève"), Some("Software Development"));
        let v = f.verdict(Some(&t));
        assert_eq!(v.decision, Decision::Unknown);
        assert!(
            v.why().en.contains("not in the shipped data"),
            "{}",
            v.why().en
        );
    }

    #[test]
    fn config_entries_are_checked() {
        let bad = |regions: &[&str]| {
            AudienceFilter {
                regions: regions.iter().map(|r| r.to_string()).collect(),
                ..AudienceFilter::default()
            }
            .compile()
            .err()
            .map(|e| e.message.en)
        };
        assert_eq!(bad(&["Auvergne-Rhône-Alpes", "Saint-Denis (93)"]), None);
        let msg = bad(&["Saint-Denis"]).unwrap_or_default();
        assert!(
            msg.contains("ambiguous") && msg.contains("Saint-Denis (93)"),
            "{msg}"
        );
        let msg = bad(&["Auvergne-Rhone-Alps"]).unwrap_or_default();
        assert!(msg.contains("did you mean “Auvergne-Rhône-Alpes”"), "{msg}");
        // A name outside the data is refused, with the way to keep it: a
        // name of one's own in [audience.aliases], matched as text.
        let msg = bad(&["Atlantis"]).unwrap_or_default();
        assert!(
            msg.contains("unknown region “Atlantis”") && msg.contains("[audience.aliases]"),
            "{msg}"
        );
        let own = AudienceFilter {
            regions: vec!["Genève".into()],
            aliases: [("Genève".to_string(), vec!["Geneva".to_string()])]
                .into_iter()
                .collect(),
            ..AudienceFilter::default()
        }
        .compile()
        .map(|a| a.verdict(Some(&target(Some("Geneva"), None))).decision);
        assert_eq!(own.ok(), Some(Decision::In));
        let msg = AudienceFilter {
            sectors: vec!["Hôpitaux et soins de santé".into()],
            ..AudienceFilter::default()
        }
        .compile()
        .err()
        .map(|e| e.message.fr)
        .unwrap_or_default();
        assert!(msg.contains("« Hôpitaux et services de santé »"), "{msg}");
    }

    #[test]
    fn aliases_that_lead_nowhere_or_loop_are_refused() {
        let aliases = |pairs: &[(&str, &[&str])]| AudienceFilter {
            regions: vec!["Île-de-France".into()],
            aliases: pairs
                .iter()
                .map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect()))
                .collect(),
            ..AudienceFilter::default()
        };
        let refused = |pairs: &[(&str, &[&str])]| {
            aliases(pairs)
                .compile()
                .err()
                .map(|e| (e.key, e.message.fr, e.message.en))
        };
        // A known place, a known sector, a group listed, a chain to a known
        // name: each stands for something.
        assert_eq!(refused(&[("Lyon", &["Lugdunum"])]), None);
        assert_eq!(refused(&[("Software Development", &["Dev"])]), None);
        assert_eq!(
            refused(&[("Lyon", &["Lugdunum"]), ("Lugdunum", &["Lug"])]),
            None
        );
        let chained = aliases(&[("Lyon", &["Lugdunum"]), ("Lugdunum", &["Lug"])])
            .compile()
            .map(|a| a.describe(Field::Region, "Lug").en);
        assert!(
            chained
                .as_deref()
                .is_ok_and(|d| d.contains("Lyon → Rhône (69)")),
            "{chained:?}"
        );
        // Nothing known.
        let Some((key, fr, en)) = refused(&[("Atlantide", &["Atlantis"])]) else {
            panic!("Atlantide is taken");
        };
        assert_eq!(key, "audience.aliases.Atlantide");
        assert!(en.contains("“Atlantide” names nothing known"), "{en}");
        assert!(
            fr.contains("« Atlantide » ne désigne rien de connu"),
            "{fr}"
        );
        // A chain that ends nowhere.
        let found = refused(&[("Ailleurs", &["Nulle part"]), ("Nulle part", &["Loin"])]);
        assert!(
            found
                .as_ref()
                .is_some_and(|(k, _, en)| k == "audience.aliases.Ailleurs"
                    && en.contains("names nothing known")),
            "{found:?}"
        );
        // Loops, of one name or two.
        let found = refused(&[("Sud", &["Midi"]), ("Midi", &["Sud"])]);
        assert!(
            found
                .as_ref()
                .is_some_and(|(_, fr, en)| en.contains("loop (Midi → Sud → Midi)")
                    && fr.contains("tourne en rond (Midi → Sud → Midi)")),
            "{found:?}"
        );
        let found = refused(&[("Ici", &["Ici"])]);
        assert!(
            found
                .as_ref()
                .is_some_and(|(_, _, en)| en.contains("loop (Ici → Ici)")),
            "{found:?}"
        );
        // An ambiguous name.
        let found = refused(&[("Saint-Denis", &["SD"])]);
        assert!(
            found
                .as_ref()
                .is_some_and(|(_, _, en)| en.contains("ambiguous") && en.contains("Saint-Denis (")),
            "{found:?}"
        );
    }

    #[test]
    fn areas_people_name_are_in_their_region_and_hold_their_departements() {
        let f = |regions: &[&str]| {
            AudienceFilter {
                regions: regions.iter().map(|r| r.to_string()).collect(),
                ..AudienceFilter::default()
            }
            .compile()
            .expect("compiles")
        };
        let decide = |a: &Audience, r: &str| a.verdict(Some(&target(Some(r), None))).decision;
        let paca = f(&["PACA"]);
        assert_eq!(decide(&paca, "Côte d'Azur"), Decision::In);
        assert_eq!(decide(&paca, "Provence"), Decision::In);
        assert_eq!(decide(&paca, "Lyon"), Decision::Out);
        let azur = f(&["Côte d'Azur"]);
        assert_eq!(decide(&azur, "Nice"), Decision::In);
        assert_eq!(decide(&azur, "Toulon"), Decision::In);
        assert_eq!(decide(&azur, "Marseille"), Decision::Out);
        assert_eq!(decide(&azur, "PACA"), Decision::Unknown);
        // An area is wider than one of its départements: cannot tell.
        let nice = f(&["Alpes-Maritimes"]);
        assert_eq!(decide(&nice, "Côte d'Azur"), Decision::Unknown);
        let aura = f(&["AURA", "IDF"]);
        assert_eq!(decide(&aura, "Greater Lyon"), Decision::In);
        assert_eq!(decide(&aura, "Grenoble"), Decision::In);
        assert_eq!(decide(&aura, "HDF"), Decision::Out);
    }

    #[test]
    fn user_groups_from_aliases() {
        let f = AudienceFilter {
            regions: vec!["Grand Ouest".into()],
            aliases: [(
                "Grand Ouest".to_string(),
                vec![
                    "Bretagne".to_string(),
                    "Pays de la Loire".to_string(),
                    "Jersey".to_string(),
                ],
            )]
            .into_iter()
            .collect(),
            ..AudienceFilter::default()
        }
        .compile()
        .expect("compiles");
        let decide = |r: &str| f.verdict(Some(&target(Some(r), None))).decision;
        assert_eq!(decide("Rennes"), Decision::In);
        assert_eq!(decide("Nantes, Pays de la Loire, France"), Decision::In);
        assert_eq!(decide("Jersey"), Decision::In);
        assert_eq!(decide("Lyon"), Decision::Out);
    }
}
