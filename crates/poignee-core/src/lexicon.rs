//! Word lists: data files per language and category (`data/words/fr/*.txt`,
//! `data/words/en/*.txt`), extensible from the config, compiled once into one
//! Aho–Corasick automaton over accent-folded text.
//!
//! A list has one phrase per line; `#` starts a comment. Matching ignores
//! case and accents and holds on word boundaries, so `offre` finds « l’Offre »
//! but not « offrent ». A trailing `*` matches inflections: `gratuit*` finds
//! « gratuit », « gratuite » and « gratuits ».

use crate::lang::Lang;
use crate::text::{Folded, fold, is_word_char};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// What a word list is for. The names are the file names and the keys of the
/// config's `[words.fr]` / `[words.en]` tables.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Category {
    /// A stated reason. The shipped reasons are patterns
    /// (`data/patterns/*/reason.toml`); phrases the user adds here count too.
    Reason,
    /// Text that could go to anyone. The shipped ones are patterns
    /// (`data/patterns/*/generic.toml`); phrases the user adds here count too.
    Generic,
    /// « Bonjour », "Hi".
    Greeting,
    /// Thanks and closings: « Merci », « Au plaisir », "Best regards".
    Thanks,
    /// Offers, prices, demos, calls: « découvrez notre offre », "book a demo".
    SalesPitch,
    /// Reassurances that are a smell of their own: « je ne vends rien ».
    SalesDisclaimer,
    /// Flattery, superlatives, buzzwords: « incroyable », "synergy".
    Hype,
    /// Claims of a shared past: « comme convenu », "as we discussed".
    FalseFamiliarity,
    /// The race for contacts: « agrandir mon réseau », "LION".
    ContactRace,
    /// Words about the sender: « je », « mon », "I", "my".
    FirstPerson,
    /// Words about the recipient: « vous », « votre », "you", "your".
    SecondPerson,
    /// An opening for a two-way exchange: « échanger », "curious how".
    Exchange,
    /// Function words, used to tell French from English.
    Stopwords,
}

impl Category {
    /// Every list, by value, in the order of the variants (and of
    /// [`shipped_list`]'s files).
    pub const ALL: [Category; 13] = [
        Category::Reason,
        Category::Generic,
        Category::Greeting,
        Category::Thanks,
        Category::SalesPitch,
        Category::SalesDisclaimer,
        Category::Hype,
        Category::FalseFamiliarity,
        Category::ContactRace,
        Category::FirstPerson,
        Category::SecondPerson,
        Category::Exchange,
        Category::Stopwords,
    ];

    pub fn name(self) -> &'static str {
        self.into()
    }
}

macro_rules! lists {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../data/words/", $lang, "/reason.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/generic.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/greeting.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/thanks.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/sales-pitch.txt")),
            include_str!(concat!(
                "../../../data/words/",
                $lang,
                "/sales-disclaimer.txt"
            )),
            include_str!(concat!("../../../data/words/", $lang, "/hype.txt")),
            include_str!(concat!(
                "../../../data/words/",
                $lang,
                "/false-familiarity.txt"
            )),
            include_str!(concat!("../../../data/words/", $lang, "/contact-race.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/first-person.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/second-person.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/exchange.txt")),
            include_str!(concat!("../../../data/words/", $lang, "/stopwords.txt")),
        ]
    };
}

const FR_LISTS: [&str; 13] = lists!("fr");
const EN_LISTS: [&str; 13] = lists!("en");

/// The shipped list for one language and category, as text.
pub fn shipped_list(lang: Lang, cat: Category) -> &'static str {
    let i = Category::ALL.iter().position(|&c| c == cat).unwrap_or(0);
    match lang {
        Lang::Fr => FR_LISTS[i],
        Lang::En => EN_LISTS[i],
    }
}

/// Extra phrases from the config, per language and category.
pub type ExtraWords = BTreeMap<Lang, BTreeMap<Category, Vec<String>>>;

#[derive(Debug, Clone, Copy)]
struct Entry {
    cat: Category,
    lang: Lang,
    prefix: bool,
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub cat: Category,
    pub lang: Lang,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Byte range in the folded text.
    pub folded: Range<usize>,
}

/// Phrases compiled into one automaton.
struct Scanner {
    automaton: AhoCorasick,
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
}

/// Every word list, compiled: the stopwords apart, since they are only
/// read to tell French from English and are the most frequent matches.
pub struct Lexicon {
    lists: Scanner,
    stopwords: Scanner,
}

static SHIPPED: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    // The shipped lists are fixed data, checked by the tests below.
    Arc::new(Lexicon::new(&ExtraWords::new()).expect("the shipped word lists compile"))
});

impl Lexicon {
    /// The shipped lists, compiled once per process.
    pub fn shipped() -> Arc<Lexicon> {
        SHIPPED.clone()
    }

    /// The shipped lists plus `extra`.
    pub fn new(extra: &ExtraWords) -> Result<Lexicon, aho_corasick::BuildError> {
        let lists = Scanner::new(extra, |c| c != Category::Stopwords)?;
        let stopwords = Scanner::new(extra, |c| c == Category::Stopwords)?;
        Ok(Lexicon { lists, stopwords })
    }

    /// Every phrase of every list (stopwords included) found in `folded`, on
    /// word boundaries.
    pub fn scan(&self, folded: &Folded) -> Vec<Hit> {
        let mut hits = self.lists.scan(folded, None);
        hits.extend(self.stopwords.scan(folded, None));
        hits
    }

    /// The phrases of `lang`'s lists (stopwords left out) found in `folded`.
    pub fn scan_lang(&self, folded: &Folded, lang: Lang) -> Vec<Hit> {
        self.lists.scan(folded, Some(lang))
    }

    /// How many French and English stopwords `folded` holds.
    pub fn stopwords(&self, folded: &Folded) -> (usize, usize) {
        let hits = self.stopwords.scan(folded, None);
        let count = |l| hits.iter().filter(|h| h.lang == l).count();
        (count(Lang::Fr), count(Lang::En))
    }
}

impl Scanner {
    fn new(
        extra: &ExtraWords,
        keep: impl Fn(Category) -> bool,
    ) -> Result<Scanner, aho_corasick::BuildError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |phrase: &str, cat: Category, lang: Lang| {
            let phrase = phrase.split('#').next().unwrap_or("").trim();
            let (phrase, prefix) = match phrase.strip_suffix('*') {
                Some(p) => (p, true),
                None => (phrase, false),
            };
            let folded = fold(phrase);
            if folded.is_empty() {
                return;
            }
            let id = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                entries.push(Vec::new());
                patterns.len() - 1
            });
            entries[id].push(Entry { cat, lang, prefix });
        };
        for lang in Lang::ALL {
            for cat in Category::ALL.into_iter().filter(|c| keep(*c)) {
                for line in shipped_list(lang, cat).lines() {
                    add(line, cat, lang);
                }
                let more = extra.get(&lang).and_then(|m| m.get(&cat));
                for phrase in more.into_iter().flatten() {
                    add(phrase, cat, lang);
                }
            }
        }
        // A contiguous NFA: a DFA scans a 300-character note 2 % faster
        // (7,000 of 365,000 instructions) but takes 38 million instructions
        // to build, a third of a one-note `check` process.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)?;
        Ok(Scanner {
            automaton,
            patterns,
            entries,
        })
    }

    fn scan(&self, folded: &Folded, lang: Option<Lang>) -> Vec<Hit> {
        let text = folded.as_str();
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let entries = &self.entries[m.pattern().as_usize()];
            if lang.is_some_and(|l| entries.iter().all(|e| e.lang != l)) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            let (start, end) = (m.start(), m.end());
            let starts_word = pattern.chars().next().is_some_and(is_word_char);
            if starts_word && text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            let ends_word = pattern.chars().next_back().is_some_and(is_word_char);
            let whole_word_end = !text[end..].chars().next().is_some_and(is_word_char);
            for entry in entries.iter().filter(|e| lang.is_none_or(|l| e.lang == l)) {
                let end = if entry.prefix {
                    end + text[end..]
                        .find(|c: char| !is_word_char(c))
                        .unwrap_or(text.len() - end)
                } else if ends_word && !whole_word_end {
                    continue;
                } else {
                    end
                };
                hits.push(Hit {
                    cat: entry.cat,
                    lang: entry.lang,
                    span: folded.original_range(start..end),
                    folded: start..end,
                });
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` holds every list, in the order of the variants.
    #[test]
    fn all_is_every_category() {
        use strum::VariantNames;
        assert_eq!(
            Category::ALL.map(Category::name).as_slice(),
            Category::VARIANTS
        );
    }

    fn found(text: &str, cat: Category, lang: Lang) -> Vec<String> {
        let f = Folded::new(text);
        Lexicon::shipped()
            .scan(&f)
            .into_iter()
            .filter(|h| h.cat == cat && h.lang == lang)
            .map(|h| text[h.span].to_string())
            .collect()
    }

    #[test]
    fn matches_ignore_case_accents_and_elision() {
        let hits = found(
            "Découvrez NOTRE Offre gratuite",
            Category::SalesPitch,
            Lang::Fr,
        );
        assert!(hits.iter().any(|h| h == "Découvrez NOTRE"), "{hits:?}");
        assert!(hits.iter().any(|h| h == "NOTRE Offre"), "{hits:?}");
        assert!(hits.iter().any(|h| h == "gratuite"), "{hits:?}");
        let hits = found("Merci pour l’échange", Category::Exchange, Lang::Fr);
        assert_eq!(hits, ["échange"]);
    }

    #[test]
    fn matches_hold_on_word_boundaries() {
        assert!(found("Ils offrent peu", Category::SalesPitch, Lang::Fr).is_empty());
        assert!(found("a freelance designer", Category::SalesPitch, Lang::En).is_empty());
    }

    #[test]
    fn extra_words_from_config() {
        let mut extra = ExtraWords::new();
        extra
            .entry(Lang::En)
            .or_default()
            .insert(Category::Hype, vec!["ninja*".into()]);
        let lex = Lexicon::new(&extra).expect("compiles");
        let f = Folded::new("You are a coding Ninjas");
        let hype: Vec<_> = lex
            .scan(&f)
            .into_iter()
            .filter(|h| h.cat == Category::Hype)
            .collect();
        assert_eq!(hype.len(), 1);
        assert_eq!(hype[0].span, 17..23);
    }

    #[test]
    fn every_shipped_list_has_entries() {
        for lang in Lang::ALL {
            // Reasons and stock phrases ship as patterns; these lists are the user's.
            for cat in Category::ALL
                .into_iter()
                .filter(|c| !matches!(c, Category::Reason | Category::Generic))
            {
                let n = shipped_list(lang, cat)
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .count();
                assert!(n >= 3, "{lang}/{} has {n} entries", cat.name());
            }
        }
    }
}
