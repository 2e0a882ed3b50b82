//! The audience filter: « ciblez » — only people in the user's chosen regions
//! and sectors. Matching ignores case and accents and knows the user's aliases.

use crate::lang::Localized;
use crate::target::Target;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// Whether a person is someone the user means to reach, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    In(Localized),
    Out(Localized),
    Unknown(Localized),
}

#[derive(Clone, Copy)]
enum Field {
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
}

impl AudienceFilter {
    /// True when the user chose no audience: every target is then fine.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
            && self.exclude_regions.is_empty()
            && self.sectors.is_empty()
            && self.exclude_sectors.is_empty()
    }

    pub fn verdict(&self, target: Option<&Target>) -> Verdict {
        let region = target.and_then(|t| t.region.as_deref());
        let sector = target.and_then(|t| t.sector.as_deref());
        let verdicts = [
            self.field(Field::Region, region, &self.regions, &self.exclude_regions),
            self.field(Field::Sector, sector, &self.sectors, &self.exclude_sectors),
        ];
        let mut unknown = None;
        let mut reasons_in = Vec::new();
        for v in verdicts.into_iter().flatten() {
            match v {
                Verdict::Out(_) => return v,
                Verdict::Unknown(_) => unknown = unknown.or(Some(v)),
                Verdict::In(why) => reasons_in.push(why),
            }
        }
        if let Some(v) = unknown {
            return v;
        }
        Verdict::In(Localized::new(
            reasons_in
                .iter()
                .map(|l| l.fr.as_str())
                .collect::<Vec<_>>()
                .join(" ; "),
            reasons_in
                .iter()
                .map(|l| l.en.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ))
    }

    /// The verdict for one field, `None` when the filter says nothing of it.
    fn field(
        &self,
        field: Field,
        value: Option<&str>,
        include: &[String],
        exclude: &[String],
    ) -> Option<Verdict> {
        if include.is_empty() && exclude.is_empty() {
            return None;
        }
        let (fr, en) = field.names();
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            return Some(Verdict::Unknown(Localized::new(
                format!("{fr} de la personne inconnue"),
                format!("the person's {en} is unknown"),
            )));
        };
        if let Some(entry) = exclude.iter().find(|e| self.matches(e, value)) {
            return Some(Verdict::Out(Localized::new(
                format!("{fr} « {value} » exclue par « {entry} »"),
                format!("{en} “{value}” is excluded by “{entry}”"),
            )));
        }
        if include.is_empty() {
            return Some(Verdict::In(Localized::new(
                format!("{fr} « {value} » non exclue"),
                format!("{en} “{value}” not excluded"),
            )));
        }
        match include.iter().find(|e| self.matches(e, value)) {
            Some(entry) => Some(Verdict::In(Localized::new(
                format!("{fr} « {value} » → {entry}"),
                format!("{en} “{value}” → {entry}"),
            ))),
            None => Some(Verdict::Out(Localized::new(
                format!(
                    "{fr} « {value} » hors de votre cible ({})",
                    include.join(", ")
                ),
                format!(
                    "{en} “{value}” is outside your audience ({})",
                    include.join(", ")
                ),
            ))),
        }
    }

    /// Whether a target's value names `entry` (or one of its aliases): the
    /// whole value, or one of its comma- or parenthesis-separated parts
    /// ("Lyon, Auvergne-Rhône-Alpes, France").
    fn matches(&self, entry: &str, value: &str) -> bool {
        let mut names = vec![fold(entry)];
        if let Some(aliases) = self.aliases.iter().find(|(k, _)| fold(k) == names[0]) {
            names.extend(aliases.1.iter().map(|a| fold(a)));
        }
        let whole = fold(value);
        std::iter::once(whole.as_str())
            .chain(whole.split([',', '(', ')', '/', ';']).map(str::trim))
            .any(|part| !part.is_empty() && names.iter().any(|n| n == part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> AudienceFilter {
        AudienceFilter {
            regions: vec!["Île-de-France".into(), "Auvergne-Rhône-Alpes".into()],
            sectors: vec!["Software Development".into()],
            exclude_sectors: vec!["Staffing and Recruiting".into()],
            aliases: [(
                "Île-de-France".to_string(),
                vec!["Paris".to_string(), "IDF".to_string()],
            )]
            .into_iter()
            .collect(),
            ..AudienceFilter::default()
        }
    }

    fn target(region: Option<&str>, sector: Option<&str>) -> Target {
        Target {
            region: region.map(Into::into),
            sector: sector.map(Into::into),
            ..Target::default()
        }
    }

    #[test]
    fn in_by_name_part_or_alias_ignoring_case_and_accents() {
        let f = filter();
        for region in [
            "ile-de-france",
            "Paris, Île-de-France, France",
            "paris",
            "IDF",
            "Auvergne-Rhone-Alpes",
        ] {
            let t = target(Some(region), Some("software development"));
            assert!(matches!(f.verdict(Some(&t)), Verdict::In(_)), "{region}");
        }
    }

    #[test]
    fn out_names_the_field() {
        let f = filter();
        let t = target(Some("Lille"), Some("Software Development"));
        let Verdict::Out(why) = f.verdict(Some(&t)) else {
            panic!("Lille should be out");
        };
        assert!(
            why.en.contains("region") && why.en.contains("Lille"),
            "{}",
            why.en
        );
        let t = target(Some("Paris"), Some("Staffing and Recruiting"));
        assert!(matches!(f.verdict(Some(&t)), Verdict::Out(w) if w.en.contains("excluded")));
    }

    #[test]
    fn unknown_when_missing() {
        let f = filter();
        assert!(matches!(f.verdict(None), Verdict::Unknown(_)));
        let t = target(Some("Paris"), None);
        assert!(matches!(f.verdict(Some(&t)), Verdict::Unknown(w) if w.en.contains("sector")));
    }
}
