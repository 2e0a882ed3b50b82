//! The names a person can find: every place and sector the filter knows,
//! as it shows them ("Villeurbanne (69)", "Rhône (69)", « Hôpitaux et
//! services de santé »), for "did you mean" on a name it does not know, for
//! `poignee audience --list`, and for the TUI's completion as you type.
//! A city is named with its département, so that a name taken from the list
//! is never ambiguous.

use super::Field;
use super::taxonomy::{Kind, NodeId, Taxonomy, key};
use crate::lang::Lang;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A name as shown, and its lookup key.
#[derive(Debug, Clone)]
pub struct Name {
    pub label: String,
    /// The language of the label: a sector's French or English name; a
    /// place's name is both.
    pub lang: Option<Lang>,
    pub id: NodeId,
    key: String,
    /// How big the place is, to rank names as close as each other: the
    /// regions, départements and areas above every commune, a commune by
    /// its inhabitants (Grenoble before Grenois); 0 for a sector.
    size: u32,
    /// A name worth guessing from a short word (« Lyno »): a sector, or a
    /// place other than a small commune (a region, a département, a city
    /// of the shipped list).
    major: bool,
}

/// The names of one field.
#[derive(Debug, Default)]
pub struct Names {
    names: Vec<Name>,
    /// Every word of every name, sorted, with the name it is in: the names
    /// whose words start as typed are found by a binary search, not by
    /// scoring 70,000 names at every key.
    words: Vec<(String, u32)>,
}

static REGIONS: LazyLock<Names> = LazyLock::new(|| Names::of(Field::Region));
static SECTORS: LazyLock<Names> = LazyLock::new(|| Names::of(Field::Sector));

/// The names of `field`, built the first time they are asked for.
pub fn names(field: Field) -> &'static Names {
    match field {
        Field::Region => &REGIONS,
        Field::Sector => &SECTORS,
    }
}

/// The least closeness ([`closeness`]) of a name suggested.
const CLOSE: f64 = 0.88;

/// One letter changed, added or removed at most in this many typed.
const LETTERS_PER_EDIT: usize = 4;

/// No suggestion for a shorter word: too many names are a letter away.
const MIN_LETTERS: usize = 5;
/// Letters past which a value is no misspelling of a name: twice the
/// longest name known (a sector path of about 120 letters; the test checks).
const MAX_LETTERS: usize = 250;

/// A name's key without its département's code: "clermont ferrand" of
/// "clermont ferrand 63".
fn bare(k: &str) -> &str {
    match k.rsplit_once(' ') {
        Some((name, code)) if code.len() <= 3 && code.starts_with(|c: char| c.is_ascii_digit()) => {
            name
        }
        _ => k,
    }
}

/// How close two lookup keys are, 0 to 1: the better of Jaro-Winkler (a
/// shared start: « Clermont-Fd ») and the edit distance (a word changed:
/// « Hôpitaux et soins de santé »).
fn closeness(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b).max(strsim::normalized_damerau_levenshtein(a, b))
}

impl Names {
    fn of(field: Field) -> Names {
        let tree = field.tree();
        let mut seen = HashSet::new();
        let mut names = Vec::new();
        for id in tree.ids() {
            let node = tree.node(id);
            let labels: Vec<(String, Option<Lang>)> = match node.kind {
                Kind::Group | Kind::Industry => vec![
                    (node.fr.to_string(), Some(Lang::Fr)),
                    (node.en.to_string(), Some(Lang::En)),
                ],
                Kind::City => vec![(city_label(tree, id), None)],
                _ => vec![
                    (tree.label(id, Lang::Fr), None),
                    (tree.label(id, Lang::En), None),
                ],
            };
            let (size, major) = match (field, node.kind) {
                (Field::Sector, _) => (0, true),
                (Field::Region, Kind::City) => {
                    let geo = &super::data::GEO;
                    (geo.population(id), geo.is_listed_city(id))
                }
                // The Région de Lyon after the regions and départements.
                (Field::Region, Kind::Metro) => (u32::MAX - 1, true),
                (Field::Region, _) => (u32::MAX, true),
            };
            for (label, lang) in labels {
                if !label.is_empty() && seen.insert(label.clone()) {
                    names.push(Name {
                        key: key(&label),
                        label,
                        lang,
                        id,
                        size,
                        major,
                    });
                }
            }
        }
        names.sort_by(|a, b| a.key.cmp(&b.key).then(a.label.cmp(&b.label)));
        let mut words: Vec<(String, u32)> = names
            .iter()
            .enumerate()
            .flat_map(|(i, n)| n.key.split(' ').map(move |w| (w.to_string(), i as u32)))
            .collect();
        words.sort_unstable();
        words.dedup();
        Names { names, words }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The closest names to one that is not known, best first, at most
    /// `n`, one a place or sector.
    pub fn suggest(&self, text: &str, lang: Lang, n: usize) -> Vec<&str> {
        pick(&self.scored(text), lang, n)
    }

    /// What the completion offers when nothing matches as typed (a
    /// misspelling: « Grenobel », « Hôpitaux et soins de santé »): the
    /// names `suggest` gives, the CLI's « vouliez-vous dire », the biggest
    /// place first among those as close; for a word too short for it
    /// (« Lyno »), the regions, départements and listed cities one letter
    /// away, the biggest first. A popup the user chooses from can guess
    /// where a message could not.
    pub fn rescue(&self, text: &str, lang: Lang, n: usize) -> Vec<&Name> {
        let scored = self.scored(text);
        if !scored.is_empty() {
            let mut found: Vec<&Name> = Vec::new();
            for label in pick(&scored, lang, n) {
                if let Some(&(_, name)) = scored.iter().find(|(_, x)| x.label == label) {
                    found.push(name);
                }
            }
            // `pick` keeps only those about as close as the best: among
            // them the biggest first, and the closest on a tie.
            found.sort_by_key(|name| std::cmp::Reverse(name.size));
            return found;
        }
        let wanted = key(text);
        let letters = wanted.chars().filter(|c| *c != ' ').count();
        if !(3..MIN_LETTERS).contains(&letters) {
            return Vec::new();
        }
        let first = wanted.chars().next();
        let mut near: Vec<&Name> = self
            .names
            .iter()
            .filter(|name| name.major && name.key.chars().next() == first)
            .filter(|name| strsim::damerau_levenshtein(&wanted, bare(&name.key)) <= 1)
            .collect();
        near.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.label.cmp(&b.label)));
        let mut seen = HashSet::new();
        near.retain(|name| seen.insert(name.id));
        near.truncate(n);
        near
    }

    /// Every name close enough to `text`, with how close: scored once, then
    /// picked for each language ([`pick`]).
    ///
    /// The floor: [`CLOSE`], and at most one letter changed in
    /// [`LETTERS_PER_EDIT`] of what was typed, against the name with or
    /// without its département (« Clermont Ferand » and "Clermont-Ferrand
    /// (63)"); nothing for a word of fewer than [`MIN_LETTERS`] letters. With
    /// 37,000 communes, « AURA » is a letter away from Auray (56) and a
    /// prefix of Auradé (32): a guess that helps nobody.
    fn scored(&self, text: &str) -> Vec<(f64, &Name)> {
        let wanted = key(text);
        let letters = wanted.chars().filter(|c| *c != ' ').count();
        let first = wanted.chars().next();
        // Too short to guess from, or longer than any name (a pasted cell):
        // scoring it against every name would take ~100 µs per letter.
        if first.is_none() || !(MIN_LETTERS..=MAX_LETTERS).contains(&letters) {
            return Vec::new();
        }
        let edits = (letters / LETTERS_PER_EDIT).max(1);
        self.names
            .iter()
            // A misspelling rarely starts wrong: far fewer names to score.
            .filter(|name| name.key.chars().next() == first)
            .filter_map(|name| {
                let bare = bare(&name.key);
                let score = closeness(&wanted, &name.key).max(closeness(&wanted, bare));
                let near = strsim::damerau_levenshtein(&wanted, &name.key)
                    .min(strsim::damerau_levenshtein(&wanted, bare))
                    <= edits;
                (score >= CLOSE && near).then_some((score, name))
            })
            .collect()
    }

    /// The names matching `text` as one types it (fuzzy: « villeurb »,
    /// "soft dev"), best first, at most `n`; every name, in order, when
    /// `text` is empty. Names in `lang` come first on a tie.
    pub fn matching(&self, text: &str, lang: Lang, n: usize) -> Vec<&Name> {
        self.matches(text, lang, n).0
    }

    /// The names the completion offers for `text`, and whether they are a
    /// guess: the names matching as typed, or, when no name has words
    /// starting as the words typed (a misspelling: letters scattered over
    /// « Le Puy-Notre-Dame » are no answer to « Lyno »), the closest names
    /// ([`Names::rescue`]) if there are any.
    pub fn complete(&self, text: &str, lang: Lang, n: usize) -> (Vec<&Name>, bool) {
        let (found, by_words) = self.matches(text, lang, n);
        if by_words {
            return (found, false);
        }
        let rescued = self.rescue(text, lang, n);
        if rescued.is_empty() {
            (found, false)
        } else {
            (rescued, true)
        }
    }

    /// [`Names::matching`], and whether the names were found by the words
    /// typed (rather than by letters scattered over a name).
    fn matches(&self, text: &str, lang: Lang, n: usize) -> (Vec<&Name>, bool) {
        if text.trim().is_empty() {
            return (self.names.iter().take(n).collect(), true);
        }
        let wanted = key(text);
        // Punctuation alone ("-") says nothing to match.
        if wanted.is_empty() {
            return (Vec::new(), true);
        }
        let words: Vec<&str> = wanted.split(' ').collect();
        let pattern = Pattern::parse(&wanted, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        // The names with a word starting as each word typed: found in the
        // word index. Only when there are none, every name sharing the
        // first letter is scored (a misspelling, letters skipped).
        let mut candidates: Option<HashSet<u32>> = None;
        for w in &words {
            let from = self.words.partition_point(|(x, _)| x.as_str() < *w);
            let found: HashSet<u32> = self.words[from..]
                .iter()
                .take_while(|(x, _)| x.starts_with(*w))
                .map(|(_, i)| *i)
                .collect();
            candidates = Some(match candidates {
                Some(c) => c.intersection(&found).copied().collect(),
                None => found,
            });
        }
        let candidates = candidates.unwrap_or_default();
        let first = wanted.chars().next();
        let pool: Vec<&Name> = if !candidates.is_empty() {
            candidates
                .iter()
                .map(|&i| &self.names[i as usize])
                .collect()
        } else {
            self.names
                .iter()
                .filter(|name| name.key.chars().next() == first)
                .collect()
        };
        // Names holding every word typed come first; letters scattered over
        // a long name only after them, and only when they match well.
        let mut scored: Vec<(bool, u32, &Name)> = pool
            .into_iter()
            .filter_map(|name| {
                let score = pattern.score(Utf32Str::new(&name.key, &mut buf), &mut matcher)?;
                let whole = words.iter().all(|w| name.key.contains(w));
                Some((whole, score, name))
            })
            .collect();
        let best = scored.iter().map(|s| s.1).max().unwrap_or(0);
        scored.retain(|(whole, score, _)| *whole || *score * 3 >= best * 2);
        let other = |n: &Name| n.lang.is_some_and(|l| l != lang);
        // A name that starts as typed is the one meant (« Lyon » is Lyon
        // (69) before the Région de Lyon).
        let starts = |n: &Name| n.key.starts_with(&wanted);
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| starts(b.2).cmp(&starts(a.2)))
                .then(b.1.cmp(&a.1))
                .then_with(|| other(a.2).cmp(&other(b.2)))
                .then_with(|| b.2.size.cmp(&a.2.size))
                .then_with(|| a.2.label.len().cmp(&b.2.label.len()))
                .then_with(|| a.2.label.cmp(&b.2.label))
        });
        let found = scored.into_iter().take(n).map(|(.., name)| name).collect();
        (found, !candidates.is_empty())
    }
}

/// The best of `scored`, at most `n`, one a place or sector: names of one
/// language are compared with the text as typed (it may be French in the
/// English interface), `lang`'s first on a tie; only those about as close
/// as the closest.
fn pick<'a>(scored: &[(f64, &'a Name)], lang: Lang, n: usize) -> Vec<&'a str> {
    let mut ranked = scored.to_vec();
    ranked.sort_by(|a, b| {
        let other = |n: &Name| n.lang.is_some_and(|l| l != lang);
        b.0.total_cmp(&a.0)
            .then_with(|| other(a.1).cmp(&other(b.1)))
            .then(a.1.label.cmp(&b.1.label))
    });
    let best = ranked.first().map_or(0.0, |s| s.0);
    let mut seen = HashSet::new();
    ranked
        .into_iter()
        .filter(|(score, _)| *score >= best - 0.03)
        .filter(|(_, name)| seen.insert(name.id))
        .take(n)
        .map(|(_, name)| name.label.as_str())
        .collect()
}

/// « « Hôpitaux et services de santé » ou « Hôpitaux » » in French, the
/// same in English: the names closest to `value`, at most `n`, scored once
/// for both languages; `None` when none is close.
pub fn closest(field: Field, value: &str, n: usize) -> Option<crate::lang::Localized> {
    let scored = names(field).scored(value);
    let say = |lang: Lang| {
        let close = pick(&scored, lang, n);
        let (open, shut, or) = match lang {
            Lang::Fr => ("« ", " »", " ou "),
            Lang::En => ("“", "”", " or "),
        };
        (!close.is_empty()).then(|| {
            close
                .iter()
                .map(|n| format!("{open}{n}{shut}"))
                .collect::<Vec<_>>()
                .join(or)
        })
    };
    Some(crate::lang::Localized::new(say(Lang::Fr)?, say(Lang::En)?))
}

/// « vouliez-vous dire « Hôpitaux et services de santé » ? » for a value
/// the filter does not know (none for one it places, even ambiguously), if
/// a name is close to it.
pub fn did_you_mean(field: Field, value: &str) -> Option<crate::lang::Localized> {
    let known = field.resolve(value, &Default::default()).resolved;
    if known != super::taxonomy::Resolved::None {
        return None;
    }
    let close = closest(field, value, 2)?;
    Some(crate::lang::Localized::new(
        format!("vouliez-vous dire {} ?", close.fr),
        format!("did you mean {}?", close.en),
    ))
}

/// "Villeurbanne (69)": a city with its département's code.
fn city_label(tree: &Taxonomy, id: NodeId) -> String {
    let node = tree.node(id);
    let code = tree
        .chain(id)
        .skip(1)
        .map(|n| tree.node(n))
        .find(|n| n.kind == Kind::Departement)
        .map(|d| d.code.to_string());
    match code {
        Some(c) => format!("{} ({c})", node.fr),
        None => node.fr.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_name_finds_the_real_one() {
        let sectors = names(Field::Sector);
        assert_eq!(
            sectors.suggest("Hôpitaux et soins de santé", Lang::Fr, 1),
            ["Hôpitaux et services de santé"]
        );
        assert_eq!(
            sectors.suggest("Sofware Developement", Lang::En, 1),
            ["Software Development"]
        );
        let places = names(Field::Region);
        let found = places.suggest("Villeurbane", Lang::Fr, 3);
        assert_eq!(found.first(), Some(&"Villeurbanne (69)"), "{found:?}");
        let found = places.suggest("Clermont Ferand", Lang::Fr, 3);
        assert!(found.contains(&"Clermont-Ferrand (63)"), "{found:?}");
        assert!(places.suggest("Auvergne Rhone Alpe", Lang::Fr, 1) == ["Auvergne-Rhône-Alpes"]);
        assert!(places.suggest("xyzzy", Lang::Fr, 3).is_empty());
        // Every name is short enough to be guessed.
        let letters = |n: &Name| n.key.chars().filter(|c| *c != ' ').count();
        assert!(
            names(Field::Sector)
                .names
                .iter()
                .all(|n| letters(n) * 2 <= MAX_LETTERS)
        );
        assert!(places.names.iter().all(|n| letters(n) * 2 <= MAX_LETTERS));
        // A pasted page is no name, and is not scored against every one.
        let long = "Villeurbanne ".repeat(5_000);
        assert!(places.suggest(&long, Lang::Fr, 3).is_empty());
        assert!(closest(Field::Region, &long, 3).is_none());
    }

    #[test]
    fn a_poor_guess_is_not_suggested() {
        let places = names(Field::Region);
        // A short word is a letter away from some village: no guess.
        for typed in ["AURA", "ARAA", "IDFF", "Lyom"] {
            assert!(
                places.suggest(typed, Lang::Fr, 3).is_empty(),
                "{typed}: {:?}",
                places.suggest(typed, Lang::Fr, 3)
            );
        }
        // A prefix of a longer name is not a misspelling of it.
        let found = places.suggest("Auvergn", Lang::Fr, 3);
        assert!(
            !found.iter().any(|n| n.contains("Auvergne-Rhône")),
            "{found:?}"
        );
        assert!(
            places
                .suggest("Marseile", Lang::Fr, 3)
                .contains(&"Marseille (13)")
        );
        assert_eq!(places.suggest("Bretgane", Lang::Fr, 1), ["Bretagne"],);
        // Every suggestion is within a letter in four of what was typed.
        for typed in ["Villeurbane", "Clermont Ferand", "Sant-Etienne", "Grenobel"] {
            for name in places.suggest(typed, Lang::Fr, 3) {
                let (a, b) = (key(typed), key(name));
                let d = strsim::damerau_levenshtein(&a, &b)
                    .min(strsim::damerau_levenshtein(&a, bare(&b)));
                assert!(d <= (a.len() / 4).max(1), "{typed} → {name}: {d}");
            }
        }
    }

    #[test]
    fn a_misspelling_is_rescued_for_the_completion() {
        let labels = |v: Vec<&Name>| v.iter().map(|n| n.label.clone()).collect::<Vec<_>>();
        let places = names(Field::Region);
        let found = labels(places.rescue("Grenobel", Lang::Fr, 6));
        assert_eq!(
            found.first().map(String::as_str),
            Some("Grenoble (38)"),
            "{found:?}"
        );
        let found = labels(places.rescue("Lyno", Lang::Fr, 6));
        assert_eq!(
            found.first().map(String::as_str),
            Some("Lyon (69)"),
            "{found:?}"
        );
        let sectors = names(Field::Sector);
        let found = labels(sectors.rescue("Hôpitaux et soins de santé", Lang::Fr, 6));
        assert_eq!(
            found.first().map(String::as_str),
            Some("Hôpitaux et services de santé"),
            "{found:?}"
        );
        assert!(places.rescue("xyzzy", Lang::Fr, 6).is_empty());
        assert!(places.rescue("Ly", Lang::Fr, 6).is_empty());
        // As typed, the bigger place first when the names match as well.
        let found: Vec<&str> = places
            .matching("Greno", Lang::Fr, 6)
            .iter()
            .map(|n| n.label.as_str())
            .collect();
        let at = |l: &str| found.iter().position(|x| *x == l);
        assert!(at("Grenoble (38)") < at("Grenois (58)"), "{found:?}");
        let found = places.matching("Lyon", Lang::Fr, 6);
        assert_eq!(found.first().map(|n| n.label.as_str()), Some("Lyon (69)"));
    }

    #[test]
    fn names_complete_as_one_types() {
        let places = names(Field::Region);
        let found: Vec<&str> = places
            .matching("villeurb", Lang::Fr, 3)
            .iter()
            .map(|n| n.label.as_str())
            .collect();
        assert_eq!(found.first(), Some(&"Villeurbanne (69)"), "{found:?}");
        let sectors = names(Field::Sector);
        let found: Vec<&str> = sectors
            .matching("dev logiciel", Lang::Fr, 3)
            .iter()
            .map(|n| n.label.as_str())
            .collect();
        assert_eq!(
            found.first(),
            Some(&"Développement de logiciels"),
            "{found:?}"
        );
        // Every label resolves to what it names.
        for name in places.matching("saint denis", Lang::Fr, 10) {
            let r = crate::audience::data::resolve_place(&name.label, &Default::default());
            assert_eq!(
                r.resolved,
                super::super::taxonomy::Resolved::One(name.id),
                "{}",
                name.label
            );
        }
    }
}
