//! The rules. Each module holds one rule (or two that share their evidence):
//! what it catches, the guidance it enforces, and its tests. Their ids,
//! severities and explanations are declared once, in [`crate::diagnostic`].

use crate::lang::Localized;
use crate::note::{Note, Out};
use crate::spans::holding;
use std::ops::Range;

mod audience;
mod control;
mod exchange;
mod familiarity;
mod generic;
mod greeting;
mod hype;
mod length;
mod links;
mod name;
mod pitch;
mod placeholder;
mod race;
pub(crate) mod reason;
mod self_centered;
mod sentence;
mod thanks;

#[cfg(test)]
pub(crate) mod testing;

/// Runs every rule over a note.
pub(crate) fn run(note: &Note, out: &mut Out) {
    if length::empty(note, out) {
        audience::check(note, out);
        return;
    }
    length::check(note, out);
    // The reasons the note gives, read once for the rules that weigh them.
    let found = reason::reasons(note);
    reason::check(note, &found, out);
    generic::check(note, &found, out);
    greeting::check(note, out);
    name::check(note, out);
    thanks::check(note, out);
    pitch::check(note, out);
    links::check(note, out);
    self_centered::check(note, out);
    hype::check(note, out);
    familiarity::check(note, out);
    race::check(note, &found, out);
    sentence::check(note, out);
    placeholder::check(note, out);
    control::check(note, out);
    exchange::check(note, out);
    audience::check(note, out);
}

/// Compiles the rules' regular expressions now rather than at the first
/// lint (the CLI calls it on another thread at start-up).
pub fn warm() {
    pitch::warm();
    hype::warm();
    placeholder::warm();
    links::warm();
}

/// The words of a cue through the end of their clause: « vous rencontrer
/// lors de » shown as « vous rencontrer lors de Web Summit », « j'accompagne
/// les PME dans leur » as « j'accompagne les PME dans leur croissance ». A
/// long clause is cut after a word that says something, not after « dans »
/// or "of".
pub(crate) fn to_clause_end(n: &Note, span: Range<usize>) -> Range<usize> {
    /// At most this many words past the cue.
    const MORE: usize = 12;
    const SMALL: [&str; 44] = [
        "de", "du", "des", "d", "la", "le", "les", "l", "à", "au", "aux", "en", "dans", "sur",
        "pour", "par", "avec", "et", "ou", "un", "une", "propos", "que", "qui", "votre", "vos",
        "the", "a", "an", "of", "in", "on", "at", "for", "to", "with", "and", "or", "about",
        "from", "by", "as", "your", "their",
    ];
    let sentence_end =
        holding(&n.sentences, span.start).map_or(n.text.len(), |i| n.sentences[i].end);
    let from = span.end.min(sentence_end);
    // The words after the cue, at most `MORE`: the clause's end matters
    // only up to the last of them, so the search for it stops there (a long
    // sentence without a comma is not read again for every cue in it).
    let after = n.words.partition_point(|w| w.start < span.end);
    let next = &n.words[after..n.words.len().min(after + MORE)];
    let bound = next
        .last()
        .map_or(from, |w| w.end)
        .clamp(from, sentence_end);
    let stop = n.text[from..bound]
        .find(['.', ',', ';', ':', '!', '?', '\n', '(', '—', '–'])
        .map_or(bound, |i| from + i);
    let mut more: Vec<&Range<usize>> = next.iter().take_while(|w| w.end <= stop).collect();
    let cut = more.len() == MORE;
    while cut
        && more.last().is_some_and(|w| {
            SMALL
                .iter()
                .any(|s| n.text[(*w).clone()].eq_ignore_ascii_case(s))
        })
    {
        more.pop();
    }
    span.start..more.last().map_or(span.end, |w| w.end)
}

/// The start of a cue moved back over what it leaves out: the name before
/// "and I were discussing" (« Lena Fischer »), the owner of "'s work".
pub(crate) fn from_its_start(n: &Note, span: Range<usize>) -> Range<usize> {
    let mut start = span.start;
    // The last word that ends by `at` (the words are in text order, apart).
    let before = |at: usize| {
        let i = n.words.partition_point(|w| w.end <= at);
        i.checked_sub(1).map(|i| &n.words[i])
    };
    if n.text[start..].starts_with(['\'', '\u{2019}']) {
        // "'s work": from the word it belongs to.
        if let Some(w) = before(start) {
            start = w.start;
        }
    }
    // Capitalised words right before, on the same line: a name.
    while let Some(w) = before(start) {
        let between = &n.text[w.end..start];
        let word = &n.text[w.clone()];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !between.chars().all(|c| c == ' ') || !capital || FIRST_WORDS.contains(&word) {
            break;
        }
        start = w.start;
    }
    start..span.end
}

/// Capitalised words that start a sentence rather than a name.
const FIRST_WORDS: [&str; 24] = [
    "I", "The", "This", "That", "My", "Our", "Your", "We", "You", "Hi", "Hello", "Dear", "Je", "J",
    "Nous", "Vous", "Votre", "Mon", "Ma", "Le", "La", "Les", "Bonjour", "Cher",
];

/// A piece of the note, quoted as each language quotes.
pub(crate) fn quoted(s: &str) -> (String, String) {
    // Words joined by one space, and no more than a reader takes in: a
    // sentence of a pasted page is not quoted whole (the span still points
    // at all of it).
    let mut out = String::new();
    for word in s.split_whitespace() {
        if out.chars().count() + word.chars().count() > MAX_QUOTE {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty()
        && let Some(first) = s.split_whitespace().next()
    {
        // One endless word: its first characters.
        out = first.chars().take(MAX_QUOTE).collect();
        out.push('…');
    }
    let s = out;
    // No-break spaces inside the guillemets: `lang::french_spacing` then
    // leaves the quoted words as they were typed.
    (format!("«\u{a0}{s}\u{a0}»"), format!("“{s}”"))
}

/// The most characters a message quotes of the note.
const MAX_QUOTE: usize = 160;

/// A message that quotes part of the note.
pub(crate) fn quoting(fr: &str, en: &str, piece: &str) -> Localized {
    let (qf, qe) = quoted(piece);
    Localized::new(fr.replace("{}", &qf), en.replace("{}", &qe))
}

#[cfg(test)]
mod quote_tests {
    use super::quoted;

    #[test]
    fn a_quote_is_one_line_and_never_a_whole_page() {
        assert_eq!(quoted("we  met\n at  VivaTech").1, "“we met at VivaTech”");
        let page = "mot ".repeat(100_000);
        let (fr, en) = quoted(&page);
        assert!(fr.chars().count() < 200 && fr.ends_with("…\u{a0}»"), "{fr}");
        assert!(en.chars().count() < 200 && en.ends_with("…”"), "{en}");
        let word = "a".repeat(1 << 20);
        assert!(quoted(&word).1.chars().count() < 200);
    }
}
