//! What the judgement reads in a note: features that carry over to
//! phrasings never seen, each with the words it came from.
//!
//! - the note's words (accents and case folded; a number is `#`, a name
//!   inside a sentence `CAP`, `?` and `!` words of their own) and each pair
//!   of neighbours in a sentence, a sentence's start written `^`;
//! - the letters inside the words, four at a time (`<acc`, `ccom`, …), so
//!   « accompagnons » weighs like « accompagne » and "build" like "builds";
//! - what the patterns found (a cue's kind, and whether it counts alone),
//!   what the rules said (their ids), and the word lists' hits;
//! - the note's shape: its length, sentences, questions, names other than
//!   the recipient's, who the sentences are about, numbers, durations.
//!
//! Every feature has a name (`w:hello`, `p:hello CAP`, `c:<hel`, `k:event!`,
//! `r:no-reason`, `s:len2`); the weights file keys a feature by the hash of
//! its name, and reading a note hashes the name's bytes as they come, so no
//! name is ever built then.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::lexicon::Category;
use crate::note::Note;
use crate::reading::model::units;
use crate::spans::Spans;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Where features go: `parts` joined make the name; `at` is the span of the
/// note it comes from (none for the note's shape).
pub(crate) trait Sink {
    fn feature(&mut self, parts: &[&str], at: Option<Range<usize>>);
}

/// The name's 64-bit FNV-1a hash, the same whether its bytes come in one
/// piece or several.
pub fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Letters taken at a time inside a word.
const GRAM: usize = 4;

const BUCKETS: [&str; 8] = ["0", "1", "2", "3", "4", "5", "6", "7"];

fn bucket(n: usize, max: usize) -> &'static str {
    BUCKETS[n.min(max).min(BUCKETS.len() - 1)]
}

/// Every feature of `n`, given what the rules found (`found`), to `sink`.
pub(crate) fn extract(n: &Note, found: &[Diagnostic], sink: &mut impl Sink) {
    let folded = n.folded.as_str();
    let units = units(n.text, folded, &n.reading.tokens);
    sink.feature(&["s:lang=", n.lang.code()], None);
    if let Some(rel) = n.cx.target.and_then(|t| t.relationship) {
        sink.feature(&["s:known=", rel.name()], None);
    }
    // Words and pairs; and the word classes of the patterns (`@HELP`,
    // `@MEETING`, `@EVENT`…), alone and beside a neighbour or its class, so
    // "we assist clinics" weighs like "we help companies".
    let classes = classes(n.lang);
    // The previous word, its sentence and its classes (looked up once).
    let mut previous: Option<(&str, u32, &[String])> = None;
    for u in &units {
        let at = Some(u.span.clone());
        sink.feature(&["w:", u.word], at.clone());
        let mine = classes.get(u.word).map_or(&[][..], Vec::as_slice);
        for c in mine {
            sink.feature(&["g:", c], at.clone());
        }
        match previous {
            Some((p, s, theirs)) if s == u.sentence => {
                sink.feature(&["p:", p, " ", u.word], at.clone());
                for c in theirs {
                    sink.feature(&["q:", c, " ", u.word], at.clone());
                    for d in mine {
                        sink.feature(&["q:", c, " ", d], at.clone());
                    }
                }
                for d in mine {
                    sink.feature(&["q:", p, " ", d], at.clone());
                }
            }
            _ => sink.feature(&["p:^ ", u.word], at.clone()),
        }
        previous = Some((u.word, u.sentence, mine));
        // The letters of a word of three or more.
        if u.word != "CAP" && u.word.chars().count() >= 3 && u.word.chars().all(char::is_alphabetic)
        {
            grams(u.word, |g| match *g {
                [a] => sink.feature(&["c:", a], at.clone()),
                [a, b] => sink.feature(&["c:", a, b], at.clone()),
                [a, b, c] => sink.feature(&["c:", a, b, c], at.clone()),
                _ => {}
            });
        }
    }
    // What the patterns read.
    for cue in &n.reading.cues {
        let name = cue.kind.name();
        let at = Some(cue.span.clone());
        sink.feature(&["k:", name], at.clone());
        if !cue.weak {
            sink.feature(&["k:", name, "!"], at);
        }
    }
    // What the rules said: the problems, and what they understood.
    for d in found {
        let at = (!d.span.is_empty()).then(|| d.span.clone());
        let rule = d.rule.as_str();
        match d.severity {
            Severity::Info => sink.feature(&["r:", rule, ":info"], at),
            _ => sink.feature(&["r:", rule], at),
        }
        if let Some(seen) = d.reason {
            let kind = seen.kind.map_or("list", |k| k.name());
            let strength = if seen.clue { ":clue" } else { ":reason" };
            sink.feature(&["r:found=", kind, strength], Some(d.span.clone()));
        }
    }
    // The word lists, but for the words that only count.
    let mut me = 0;
    let mut you = 0;
    for h in &n.hits {
        match h.cat {
            Category::FirstPerson => me += 1,
            Category::SecondPerson => you += 1,
            Category::Stopwords => {}
            cat => sink.feature(&["l:", cat.name()], Some(h.span.clone())),
        }
    }
    // The shape.
    sink.feature(&["s:len", bucket(n.length / 60, 6)], None);
    sink.feature(&["s:sentences", bucket(n.sentences.len(), 5)], None);
    let questions = units.iter().filter(|u| u.word == "?").count();
    sink.feature(&["s:questions", bucket(questions, 2)], None);
    let names = n.reading.names.iter().filter(|r| !recipient(n, r)).count();
    sink.feature(&["s:names", bucket(names, 3)], None);
    sink.feature(&["s:me", bucket(me, 4)], None);
    sink.feature(&["s:you", bucket(you, 4)], None);
    let lean = match me.cmp(&you) {
        std::cmp::Ordering::Greater if me >= 2 * you.max(1) => "me",
        std::cmp::Ordering::Greater => "me-ish",
        std::cmp::Ordering::Equal => "even",
        std::cmp::Ordering::Less if you >= 2 * me.max(1) => "you",
        std::cmp::Ordering::Less => "you-ish",
    };
    sink.feature(&["s:about=", lean], None);
    // A sentence that asks them something (one pass over the words, and a
    // binary search per sentence: a 1 MiB note stays linear).
    let mut asks = vec![false; n.sentences.len()];
    for u in units.iter().filter(|u| u.word == "?") {
        if let Some(a) = asks.get_mut(u.sentence as usize) {
            *a = true;
        }
    }
    let to_them = Spans::new(n.reading.to_them.iter().cloned());
    for (s, _) in n.sentences.iter().zip(&asks).filter(|(_, a)| **a) {
        if to_them.contains(s) {
            sink.feature(&["s:asks-them"], Some(s.clone()));
        }
    }
    // A number, and a duration (« 15 min », "half an hour").
    let mut numbers = 0;
    for (i, u) in units.iter().enumerate() {
        if u.word != "#" {
            continue;
        }
        numbers += 1;
        if let Some(next) = units.get(i + 1)
            && DURATIONS.contains(&next.word)
        {
            sink.feature(&["s:duration"], None);
        }
    }
    sink.feature(&["s:numbers", bucket(numbers, 3)], None);
}

/// Words after a number that make it a length of time.
const DURATIONS: [&str; 12] = [
    "min", "mn", "minutes", "minute", "mins", "h", "heure", "heures", "hour", "hours", "jours",
    "days",
];

/// The word classes of the patterns (`data/patterns/*/classes.toml`), by
/// word: their one-word members, folded as the tokens are.
fn classes(lang: Lang) -> &'static FxHashMap<String, Vec<String>> {
    static FR: LazyLock<FxHashMap<String, Vec<String>>> =
        LazyLock::new(|| read_classes(include_str!("../../../../data/patterns/fr/classes.toml")));
    static EN: LazyLock<FxHashMap<String, Vec<String>>> =
        LazyLock::new(|| read_classes(include_str!("../../../../data/patterns/en/classes.toml")));
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

fn read_classes(text: &str) -> FxHashMap<String, Vec<String>> {
    let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
    // Fixed data, read by the patterns' own loading (and its tests) first.
    let Ok(table) = text.parse::<toml::Table>() else {
        return out;
    };
    for (name, members) in &table {
        let Some(members) = members.as_array() else {
            continue;
        };
        for m in members.iter().filter_map(|m| m.as_str()) {
            if m.is_empty() || m.contains([' ', '@', '(', '*', '#', '_', '\\', '|']) {
                continue;
            }
            let word = crate::text::fold(m);
            let of = out.entry(word).or_default();
            if !of.contains(name) {
                of.push(name.clone());
            }
        }
    }
    out
}

/// A name that is the recipient's own.
pub(crate) fn recipient(n: &Note, r: &Range<usize>) -> bool {
    let Some(name) = n.cx.target.and_then(|t| t.name.as_deref()) else {
        return false;
    };
    let said = &n.text[r.clone()];
    name.split_whitespace().any(|part| said.contains(part))
}

/// The letter groups of a word, with `<` and `>` for its ends, each given
/// as the pieces of its name (`["<", "aid"]`, `["aide"]`, `["ide", ">"]`),
/// without building the padded word.
fn grams(word: &str, mut each: impl FnMut(&[&str])) {
    // Byte offsets of the word's characters, and its end: at most 64 kept
    // (a longer "word" gives its first groups only).
    let mut bounds = [0usize; 65];
    let mut count = 0;
    bounds[0] = word.len();
    for (i, _) in word.char_indices() {
        bounds[count] = i;
        if count == 64 {
            break;
        }
        count += 1;
        bounds[count] = word.len();
    }
    // Padded, the word has count + 2 characters: `<`, its own, `>`; a group
    // starts at padded index k, from 0 to count + 2 - GRAM.
    let padded = count + 2;
    if padded < GRAM {
        return;
    }
    for k in 0..=padded - GRAM {
        let end = k + GRAM; // exclusive, in padded indices
        let from = k.saturating_sub(1); // the word's first character in it
        let to = (end - 1).min(count); // the word's characters before `>`
        let inner = &word[bounds[from]..bounds[to]];
        match (k == 0, end == padded) {
            (true, true) => each(&["<", inner, ">"]),
            (true, false) => each(&["<", inner]),
            (false, true) => each(&[inner, ">"]),
            (false, false) => each(&[inner]),
        }
    }
}

/// The names of a note's features, for training.
#[derive(Default)]
pub struct Names(pub Vec<String>);

impl Sink for Names {
    fn feature(&mut self, parts: &[&str], _at: Option<Range<usize>>) {
        self.0.push(parts.concat());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_does_not_depend_on_how_the_name_is_cut() {
        assert_eq!(hash(&["w:", "hello"]), hash(&["w:hello"]));
        assert_ne!(hash(&["w:hello"]), hash(&["w:hellp"]));
    }

    #[test]
    fn letter_groups_mark_the_word_ends() {
        let mut out = Vec::new();
        grams("aide", |g| out.push(g.concat()));
        assert_eq!(out, ["<aid", "aide", "ide>"]);
        let mut out = Vec::new();
        grams("ete", |g| out.push(g.concat()));
        assert_eq!(out, ["<ete", "ete>"]);
        let mut out = Vec::new();
        grams("de", |g| out.push(g.concat()));
        assert_eq!(out, ["<de>"]);
        let mut out = Vec::new();
        grams("rôle", |g| out.push(g.concat()));
        assert_eq!(out, ["<rôl", "rôle", "ôle>"]);
    }
}
