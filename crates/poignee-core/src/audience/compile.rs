//! The `[audience]` table compiled: every entry resolved against the shipped
//! data once, when the config loads, the user's aliases placed and checked,
//! and an entry that matches nothing or several places refused.

use super::taxonomy::{NodeId, Resolved, key};
use super::{
    Audience, AudienceFilter, Entry, EntryError, Field, FieldFilter, disambiguated, names,
};
use crate::lang::Localized;
use std::collections::HashMap;

impl AudienceFilter {
    /// Resolves every entry; an ambiguous entry, or one that looks like a
    /// misspelt known name, is an error.
    pub fn compile(&self) -> Result<Audience, EntryError> {
        let (region, placed_r) =
            self.compile_field(Field::Region, &self.regions, &self.exclude_regions)?;
        let (sector, placed_s) =
            self.compile_field(Field::Sector, &self.sectors, &self.exclude_sectors)?;
        self.check_aliases(|k| placed_r.iter().chain(&placed_s).any(|p| p == k))?;
        Ok(Audience {
            filter: self.clone(),
            fields: [region, sector],
        })
    }

    /// Every name of `[audience.aliases]` must stand for something: a place
    /// or sector the data knows (in either field), a group listed in the
    /// filter, or the alias of such a name. One that stands for nothing, or
    /// only for names that come back to it, is refused: its aliases would
    /// be dropped without a word. `placed(key)` says whether a field placed
    /// a name.
    fn check_aliases(&self, placed: impl Fn(&str) -> bool) -> Result<(), EntryError> {
        // Each name, and the names it is an alias of.
        let of: HashMap<String, Vec<&String>> = self.aliases.iter().fold(
            HashMap::new(),
            |mut of: HashMap<String, Vec<&String>>, (name, aliases)| {
                for alias in aliases {
                    of.entry(key(alias)).or_default().push(name);
                }
                of
            },
        );
        for name in self.aliases.keys() {
            if placed(&key(name)) {
                continue;
            }
            let config_key = format!("audience.aliases.{name}");
            // The names this one is an alias of, and theirs, none placed:
            // does one of them come back to it?
            let mut path = vec![name];
            let mut seen = vec![key(name)];
            let mut cycle = None;
            while let Some(&last) = path.last() {
                let Some(next) = of.get(&key(last)).and_then(|n| n.first()) else {
                    break;
                };
                let k = key(next);
                if let Some(at) = seen.iter().position(|s| *s == k) {
                    cycle = Some(at);
                    path.push(next);
                    break;
                }
                seen.push(k);
                path.push(next);
            }
            let message = match cycle {
                Some(_) => {
                    let shown = path
                        .iter()
                        .map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ");
                    Localized::new(
                        format!(
                            "l'alias « {name} » tourne en rond ({shown}) sans nommer un lieu ni un secteur connu : rattachez l'un d'eux à un nom que `poignee audience --list` connaît"
                        ),
                        format!(
                            "the alias “{name}” goes round in a loop ({shown}) without naming a known place or sector: tie one of them to a name `poignee audience --list` knows"
                        ),
                    )
                }
                None => {
                    if let Some((field, ids)) =
                        [Field::Region, Field::Sector].into_iter().find_map(|f| {
                            match f.resolve(name, &HashMap::new()).resolved {
                                Resolved::Ambiguous(ids) => Some((f, ids)),
                                _ => None,
                            }
                        })
                    {
                        let example = disambiguated(field.tree(), ids[0], name);
                        return Err(EntryError {
                            key: config_key,
                            value: None,
                            message: Localized::new(
                                format!(
                                    "« {name} » est ambigu, ses alias ne mènent à aucun lieu : précisez lequel, par exemple « {example} »"
                                ),
                                format!(
                                    "“{name}” is ambiguous, so its aliases lead to no one place: write which one, e.g. “{example}”"
                                ),
                            ),
                        });
                    }
                    let hint = [Field::Region, Field::Sector]
                        .into_iter()
                        .find_map(|f| names::closest(f, name, 2));
                    let (hint_fr, hint_en) = match hint {
                        Some(c) => (
                            format!("vouliez-vous dire {} ?", c.fr),
                            format!("did you mean {}?", c.en),
                        ),
                        None => (
                            "nommez un lieu ou un secteur connu (`poignee audience --list regions TEXTE`), ou listez-le dans regions ou sectors pour en faire un groupe à vous".to_string(),
                            "name a known place or sector (`poignee audience --list regions TEXT`), or list it in regions or sectors to make it a group of your own".to_string(),
                        ),
                    };
                    Localized::new(
                        format!(
                            "« {name} » ne désigne rien de connu, ses alias ne mènent nulle part : {hint_fr}"
                        ),
                        format!(
                            "“{name}” names nothing known, so its aliases lead nowhere: {hint_en}"
                        ),
                    )
                }
            };
            return Err(EntryError {
                key: config_key,
                value: None,
                message,
            });
        }
        Ok(())
    }

    /// The filter of one field, and the alias names it placed ([`key`]s).
    fn compile_field(
        &self,
        field: Field,
        include: &[String],
        exclude: &[String],
    ) -> Result<(FieldFilter, Vec<String>), EntryError> {
        let tree = field.tree();
        let listed: Vec<String> = include.iter().chain(exclude).map(|e| key(e)).collect();
        let mut extra: HashMap<String, Vec<NodeId>> = HashMap::new();
        // A key outside the data is a group of the user's: its aliases.
        let mut groups: HashMap<String, Entry> = HashMap::new();
        let mut placed: Vec<String> = Vec::new();
        // A name that is the alias of a placed one is placed in its turn
        // ("Lyon" = ["Lugdunum"], "Lugdunum" = ["Lug"]): until none is.
        let mut pending: Vec<(&String, &Vec<String>)> = self.aliases.iter().collect();
        loop {
            let before = pending.len();
            pending.retain(|(name, aliases)| {
                let k = key(name);
                let resolved = match extra.get(&k) {
                    Some(ids) => tree.combine(std::slice::from_ref(ids)),
                    None => field.resolve(name, &HashMap::new()).resolved,
                };
                match resolved {
                    Resolved::One(id) => {
                        for alias in aliases.iter() {
                            extra.entry(key(alias)).or_insert_with(|| vec![id]);
                        }
                        placed.push(k);
                        false
                    }
                    _ => true,
                }
            });
            if pending.len() == before {
                break;
            }
        }
        for (name, aliases) in pending {
            let k = key(name);
            if listed.contains(&k) {
                {
                    let mut group = Entry {
                        shown: name.clone(),
                        nodes: Vec::new(),
                        texts: vec![k.clone()],
                    };
                    for alias in aliases {
                        match field.resolve(alias, &HashMap::new()).resolved {
                            Resolved::One(id) => group.nodes.push(id),
                            _ => group.texts.push(key(alias)),
                        }
                    }
                    groups.insert(k.clone(), group);
                    placed.push(k);
                }
            }
        }
        let entry = |list: &str, shown: &String| -> Result<Entry, EntryError> {
            let config_key = format!("audience.{list}");
            if let Some(group) = groups.get(&key(shown)) {
                return Ok(group.clone());
            }
            let resolution = field.resolve(shown, &extra);
            match resolution.resolved {
                Resolved::One(id) => Ok(Entry {
                    shown: shown.clone(),
                    nodes: vec![id],
                    texts: vec![key(shown)],
                }),
                Resolved::Ambiguous(ids) => {
                    let paths = |fr: bool| {
                        ids.iter()
                            .map(|&id| {
                                if fr {
                                    tree.path(id).fr
                                } else {
                                    tree.path(id).en
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(if fr { " ou " } else { " or " })
                    };
                    let example = disambiguated(tree, ids[0], shown);
                    Err(EntryError {
                        key: config_key,
                        value: Some(shown.clone()),
                        message: Localized::new(
                            format!(
                                "« {shown} » est ambigu : {} ; précisez lequel, par exemple « {example} »",
                                paths(true)
                            ),
                            format!(
                                "“{shown}” is ambiguous: {}; write which one, e.g. “{example}”",
                                paths(false)
                            ),
                        ),
                    })
                }
                // What the filter cannot place is refused, with the names
                // closest to it: an entry that matches nobody would put
                // every real person out without a word.
                Resolved::None => Err(EntryError {
                    key: config_key,
                    value: Some(shown.clone()),
                    message: unknown_entry(field, shown),
                }),
            }
        };
        let (inc_key, exc_key) = match field {
            Field::Region => ("regions", "exclude_regions"),
            Field::Sector => ("sectors", "exclude_sectors"),
        };
        let filter = FieldFilter {
            field,
            include: include
                .iter()
                .map(|e| entry(inc_key, e))
                .collect::<Result<_, _>>()?,
            exclude: exclude
                .iter()
                .map(|e| entry(exc_key, e))
                .collect::<Result<_, _>>()?,
            extra,
        };
        Ok((filter, placed))
    }
}

/// « région inconnue « Atlantis » : vouliez-vous dire … ? », with the
/// names closest to it in each language, or how to find one.
fn unknown_entry(field: Field, shown: &str) -> Localized {
    let (fr, en) = field.names();
    let list = match field {
        Field::Region => "regions",
        Field::Sector => "sectors",
    };
    let close = names::closest(field, shown, 3);
    let (hint_fr, hint_en) = match close {
        Some(c) => (
            format!("vouliez-vous dire {} ?", c.fr),
            format!("did you mean {}?", c.en),
        ),
        None => (
            format!("`poignee audience --list {list} TEXTE` montre les noms connus"),
            format!("`poignee audience --list {list} TEXT` shows the names it knows"),
        ),
    };
    Localized::new(
        format!(
            "{fr} inconnu{} « {shown} » : {hint_fr} (un nom à vous va dans [audience.aliases])",
            field.e()
        ),
        format!(
            "unknown {en} “{shown}”: {hint_en} (a name of your own goes in [audience.aliases])"
        ),
    )
}
