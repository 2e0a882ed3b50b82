//! The verdict on one field: whether the person's region or sector is in an
//! entry, excluded by one or wider than it, with the reason in both languages.

use super::taxonomy::{NodeId, Resolved, Taxonomy, key};
use super::{Decision, Entry, FieldFilter, FieldVerdict, disambiguated};
use crate::lang::{Lang, Localized};

impl Entry {
    fn contains(&self, tree: &Taxonomy, id: NodeId) -> bool {
        self.nodes.iter().any(|&n| tree.contains(n, id))
    }

    /// The person's place overlaps the entry without lying inside it.
    fn overlaps(&self, tree: &Taxonomy, id: NodeId) -> bool {
        self.nodes.iter().any(|&n| tree.overlaps(n, id))
    }

    fn names_text(&self, keys: &[String]) -> bool {
        self.texts.iter().any(|t| keys.contains(t))
    }
}

impl FieldFilter {
    pub(super) fn verdict(&self, value: Option<&str>) -> Option<FieldVerdict> {
        if self.include.is_empty() && self.exclude.is_empty() {
            return None;
        }
        let field = self.field;
        let (fr, en) = field.names();
        let e = field.e();
        let verdict = |decision, why, ambiguous| {
            Some(FieldVerdict {
                field,
                value: value.map(str::to_string),
                decision,
                why,
                ambiguous,
            })
        };
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return verdict(
                Decision::Unknown,
                Localized::new(
                    format!("{fr} de la personne inconnu{e}"),
                    format!("the person's {en} is unknown"),
                ),
                false,
            );
        };
        let tree = field.tree();
        let keys: Vec<String> = std::iter::once(key(value))
            .chain(value.split([',', '(', ')', '/', ';']).map(key))
            .filter(|k| !k.is_empty())
            .collect();
        let resolution = field.resolve(value, &self.extra);
        let ambiguous = matches!(resolution.resolved, Resolved::Ambiguous(_));
        let (decision, why) = match resolution.resolved {
            Resolved::One(id) => self.decide(tree, id, &keys, value),
            Resolved::Ambiguous(ids) => {
                let each = |lang: Lang| {
                    ids.iter()
                        .map(|&id| {
                            let (d, _) = self.decide(tree, id, &keys, value);
                            let path = tree.path(id);
                            let d = match (lang, d) {
                                (Lang::Fr, Decision::In) => "dans la cible",
                                (Lang::Fr, Decision::Out) => "hors cible",
                                (Lang::Fr, Decision::Unknown) => "indécis",
                                (Lang::En, Decision::In) => "in",
                                (Lang::En, Decision::Out) => "out",
                                (Lang::En, Decision::Unknown) => "undecided",
                            };
                            format!("{} ({d})", path.get(lang))
                        })
                        .collect::<Vec<_>>()
                };
                let example = disambiguated(tree, ids[0], value);
                (
                    Decision::Unknown,
                    Localized::new(
                        format!(
                            "{fr} « {value} » {} : {} ; précisez, par exemple « {example} »",
                            field.agree("ambigu", "ambiguë"),
                            each(Lang::Fr).join(" ou ")
                        ),
                        format!(
                            "{en} “{value}” is ambiguous: {}; say which, e.g. “{example}”",
                            each(Lang::En).join(" or ")
                        ),
                    ),
                )
            }
            Resolved::None => {
                if let Some(x) = self.exclude.iter().find(|x| x.names_text(&keys)) {
                    (
                        Decision::Out,
                        Localized::new(
                            format!("{fr} « {value} » exclu{e} par « {} »", x.shown),
                            format!("{en} “{value}” is excluded by “{}”", x.shown),
                        ),
                    )
                } else if let Some(x) = self.include.iter().find(|x| x.names_text(&keys)) {
                    (
                        Decision::In,
                        Localized::new(
                            format!("{fr} « {value} » dans votre cible (« {} »)", x.shown),
                            format!("{en} “{value}” is in your audience (“{}”)", x.shown),
                        ),
                    )
                } else {
                    let (sfr, sen) = field.data_scope();
                    (
                        Decision::Unknown,
                        Localized::new(
                            format!(
                                "{fr} « {value} » inconnu{e} des données ({sfr}) : impossible de dire {} dans votre cible ; un alias dans [audience.aliases] l'y rattache",
                                field.agree("s'il est", "si elle est")
                            ),
                            format!(
                                "{en} “{value}” is not in the shipped data ({sen}): cannot tell whether it is in your audience; an alias in [audience.aliases] can place it"
                            ),
                        ),
                    )
                }
            }
        };
        verdict(decision, why, ambiguous)
    }

    /// The verdict for a value that resolved to one place or sector.
    fn decide(
        &self,
        tree: &Taxonomy,
        id: NodeId,
        keys: &[String],
        value: &str,
    ) -> (Decision, Localized) {
        let (fr, en) = self.field.names();
        let e = self.field.e();
        let path = tree.path(id);
        let (pfr, pen) = (&path.fr, &path.en);
        if let Some(x) = self
            .exclude
            .iter()
            .find(|x| x.contains(tree, id) || x.names_text(keys))
        {
            return (
                Decision::Out,
                Localized::new(
                    format!("{fr} « {value} » exclu{e} par « {} » : {pfr}", x.shown),
                    format!("{en} “{value}” is excluded by “{}”: {pen}", x.shown),
                ),
            );
        }
        if let Some(x) = self.exclude.iter().find(|x| x.overlaps(tree, id)) {
            return (
                Decision::Unknown,
                Localized::new(
                    format!(
                        "{fr} « {value} » ({pfr}) plus large que l'exclusion « {} » : impossible de trancher",
                        x.shown
                    ),
                    format!(
                        "{en} “{value}” ({pen}) is wider than the exclusion “{}”: cannot tell",
                        x.shown
                    ),
                ),
            );
        }
        if self.include.is_empty() {
            return (
                Decision::In,
                Localized::new(
                    format!("{fr} « {value} » non exclu{e} : {pfr}"),
                    format!("{en} “{value}” is not excluded: {pen}"),
                ),
            );
        }
        if let Some(x) = self
            .include
            .iter()
            .find(|x| x.contains(tree, id) || x.names_text(keys))
        {
            return (
                Decision::In,
                Localized::new(
                    format!(
                        "{fr} « {value} » dans votre cible (« {} ») : {pfr}",
                        x.shown
                    ),
                    format!("{en} “{value}” is in your audience (“{}”): {pen}", x.shown),
                ),
            );
        }
        let audience = self
            .include
            .iter()
            .map(|x| x.shown.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if self.include.iter().any(|x| x.overlaps(tree, id)) {
            return (
                Decision::Unknown,
                Localized::new(
                    format!(
                        "{fr} « {value} » ({pfr}) plus large que votre cible ({audience}) : impossible de trancher"
                    ),
                    format!(
                        "{en} “{value}” ({pen}) is wider than your audience ({audience}): cannot tell"
                    ),
                ),
            );
        }
        (
            Decision::Out,
            Localized::new(
                format!("{fr} « {value} » hors de votre cible ({audience}) : {pfr}"),
                format!("{en} “{value}” is outside your audience ({audience}): {pen}"),
            ),
        )
    }
}
