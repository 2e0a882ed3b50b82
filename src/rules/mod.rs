//! The rules. Each module holds one rule (or two that share their evidence):
//! what it catches, the guidance it enforces, and its tests. Their ids,
//! severities and explanations are declared once, in [`crate::diagnostic`].

use crate::lang::Localized;
use crate::note::{Note, Out};
use std::ops::Range;

mod audience;
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
mod reason;
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
    exchange::check(note, out);
    audience::check(note, out);
}

/// The words of a cue through the end of their clause: « vous rencontrer
/// lors de » shown as « vous rencontrer lors de Web Summit », « j'accompagne
/// les PME dans leur » as « j'accompagne les PME dans leur croissance ».
pub(crate) fn to_clause_end(n: &Note, span: Range<usize>) -> Range<usize> {
    /// At most this many words past the cue.
    const MORE: usize = 6;
    let stop = n.text[span.end..]
        .find(['.', ',', ';', ':', '!', '?', '\n', '(', '—', '–'])
        .map_or(n.text.len(), |i| span.end + i);
    let end = n
        .words
        .iter()
        .filter(|w| w.start >= span.end && w.end <= stop)
        .take(MORE)
        .last()
        .map_or(span.end, |w| w.end);
    span.start..end
}

/// A piece of the note, quoted as each language quotes.
pub(crate) fn quoted(s: &str) -> (String, String) {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (format!("« {s} »"), format!("“{s}”"))
}

/// A message that quotes part of the note.
pub(crate) fn quoting(fr: &str, en: &str, piece: &str) -> Localized {
    let (qf, qe) = quoted(piece);
    Localized::new(fr.replace("{}", &qf), en.replace("{}", &qe))
}
