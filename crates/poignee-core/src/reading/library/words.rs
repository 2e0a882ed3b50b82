//! What a note holds besides its cues, read from its tokens: its words as
//! a reader counts them, the names in it, and the sentences that speak to
//! the person.

use crate::reading::tokens::{self, Kind};
use std::ops::Range;

/// The words of the note as a reader counts them: letters and digits,
/// with an inner apostrophe or hyphen kept inside the word (« aujourd’hui »,
/// "e-mail", "l'offre"), from the tokens.
pub(super) fn words(text: &str, toks: &[tokens::Token]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(toks.len());
    for t in toks.iter().filter(|t| t.kind != Kind::Punct) {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.end.min(t.span.start)..t.span.start];
            let joined = gap.is_empty()
                || (matches!(gap, "'" | "\u{2019}" | "-" | "\u{2010}" | "\u{2011}")
                    && t.span.start > last.end);
            if joined && t.span.start >= last.end {
                last.end = t.span.end;
                continue;
            }
        }
        out.push(t.span.clone());
    }
    out
}

/// Words that open a note or a line, or that are capitalised anyway: not
/// names of something particular.
const NOT_NAMES: [&str; 24] = [
    "i",
    "hi",
    "hello",
    "hey",
    "dear",
    "bonjour",
    "salut",
    "cher",
    "chere",
    "hello",
    "madame",
    "monsieur",
    "mr",
    "mrs",
    "ms",
    "dr",
    "linkedin",
    "viadeo",
    "thanks",
    "merci",
    "best",
    "cordialement",
    "regards",
    "ps",
];

/// Acronyms of trades and roles: capitalised, but shared by thousands.
const FIELDS: [&str; 40] = [
    "hr", "rh", "it", "ux", "ui", "ai", "ia", "b2b", "b2c", "saas", "ceo", "cto", "cfo", "coo",
    "cmo", "vp", "pm", "rse", "csr", "seo", "sea", "crm", "erp", "esn", "pme", "tpe", "eti", "drh",
    "daf", "dsi", "qa", "ops", "devops", "ml", "bi", "cdi", "cdd", "mba", "phd", "ssii",
];

/// The words after which a capitalised word is the sender's own name
/// ("I'm Viresh", « je m'appelle Inès »), as pairs of folded tokens.
const OWN_NAME: [(&str, &str); 7] = [
    ("i", "'m"),
    ("i", "am"),
    ("name", "is"),
    ("this", "is"),
    ("here", "'s"),
    ("je", "suis"),
    ("m'", "appelle"),
];

/// The names in a note: capitalised words that do not start a sentence or
/// a line, and are not greetings or the words right after one (the
/// person's own name), nor the sender's own name.
pub(super) fn names(text: &str, folded: &str, toks: &[tokens::Token]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    // Inside the sender's own name, "I'm Viresh Kumar": its words are skipped.
    let mut own = false;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || !t.capital {
            own = false;
            continue;
        }
        let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else {
            continue;
        };
        let pair = (
            i.checked_sub(2)
                .map_or("", |p| &folded[toks[p].folded.clone()]),
            &folded[prev.folded.clone()],
        );
        own = OWN_NAME.contains(&pair) || own && text.get(prev.span.end..t.span.start) == Some(" ");
        if own {
            continue;
        }
        let starts_line = prev.sentence != t.sentence
            || text[prev.span.end..t.span.start].contains('\n')
            || matches!(
                &folded[prev.folded.clone()],
                "." | "!" | "?" | ":" | "—" | "-"
            );
        let word = &folded[t.folded.clone()];
        let after_greeting = NOT_NAMES.contains(&&folded[prev.folded.clone()]);
        if starts_line
            || after_greeting
            || NOT_NAMES.contains(&word)
            || FIELDS.contains(&word)
            || word.len() < 2
        {
            continue;
        }
        // "Fromageries Bel", « Web Summit »: one name.
        match out.last_mut() {
            Some(last) if text.get(last.end..t.span.start) == Some(" ") => last.end = t.span.end,
            _ => out.push(t.span.clone()),
        }
    }
    out
}

/// The words that speak to the person.
pub(super) const YOU: [&str; 12] = [
    "you", "your", "yours", "vous", "votre", "vos", "ton", "ta", "tes", "toi", "tu", "t'",
];

/// The sentences that speak to the person (`you` holds the ids of [`YOU`]).
pub(super) fn to_them(
    ids: &[u32],
    you: &[bool],
    toks: &[tokens::Token],
    sentences: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (t, &id) in toks.iter().zip(ids) {
        if you.get(id as usize).copied().unwrap_or(false)
            && let Some(s) = sentences.get(t.sentence as usize)
            && out.last() != Some(s)
        {
            out.push(s.clone());
        }
    }
    out
}
