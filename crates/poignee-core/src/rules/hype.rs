//! `hype`: « soyez transparent et authentique ». Flattery, superlatives and
//! buzzwords (« incroyable », « synergie », "rockstar", "game-changer"),
//! shouting in capitals, "!!!" and strings of emoji read as a sales voice,
//! not as a person.

use super::quoting;
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::reading::Family;
use crate::spans::Spans;
use crate::text::is_emoji;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static BANGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[!?]*!\s?[!?]+|\?\s?!").expect("a fixed pattern compiles"));

/// Capitals are shouting from this many letters in one word (shorter ones are
/// acronyms: HEC, INSEAD), or in two capitalised words in a row.
const SHOUT_LETTERS: usize = 8;

pub fn check(n: &Note, out: &mut Out) {
    let flattery: Vec<Range<usize>> = n
        .reading
        .of(Family::Praise)
        .map(|c| c.span.clone())
        .collect();
    for span in &flattery {
        out.push(
            RuleId::Hype,
            span.clone(),
            quoting(
                "{} : un compliment sans rien de précis derrière, qui sonne faux chez un inconnu",
                "{}: praise with nothing specific behind it, which rings false from a stranger",
                &n.text[span.clone()],
            ),
            Some(Localized::new(
                "dites précisément ce qui vous a intéressé : un article, une idée, un projet",
                "say exactly what caught your interest: an article, an idea, a project",
            )),
        );
    }
    // A superlative said to the person in a sentence that names nothing of
    // theirs ("You're doing amazing work!", « Votre parcours est incroyable »)
    // is praise with no content: flattery too.
    // Each question is a binary search, not a scan, for a note of many hits.
    let particular = Spans::new(
        n.reading
            .of(Family::Reason)
            .map(|c| c.span.clone())
            .chain(n.reading.names.iter().cloned()),
    );
    let specific = |sentence: &Range<usize>| particular.overlaps(sentence);
    let in_flattery = Spans::new(flattery.iter().cloned());
    let mut praised: Vec<Range<usize>> = Vec::new();
    for h in n.hits(Category::Hype) {
        // The sentences that speak to the person are in text order, apart.
        let to_them = &n.reading.to_them;
        let sentence = to_them[..to_them.partition_point(|s| s.start <= h.span.start)]
            .last()
            .filter(|s| h.span.end <= s.end);
        if in_flattery.overlaps(&h.span) || sentence.is_none_or(specific) || !is_praise(n, &h.span)
        {
            continue;
        }
        praised.push(h.span.clone());
        out.push(
            RuleId::Hype,
            h.span.clone(),
            quoting(
                "{} : un compliment sans rien de précis derrière, qui sonne faux chez un inconnu",
                "{}: praise with nothing specific behind it, which rings false from a stranger",
                &n.text[h.span.clone()],
            ),
            Some(Localized::new(
                "dites précisément ce qui vous a intéressé : un article, une idée, un projet",
                "say exactly what caught your interest: an article, an idea, a project",
            )),
        );
    }
    // Superlatives and buzzwords outside the flattery: a hint each; a note
    // full of them reads as a sales voice.
    // `praised` is in text order, as the hits are.
    let words: Vec<Range<usize>> = n
        .hits(Category::Hype)
        .map(|h| h.span.clone())
        .filter(|h| !in_flattery.overlaps(h))
        .filter(|h| {
            praised
                .binary_search_by_key(&(h.start, h.end), |p| (p.start, p.end))
                .is_err()
        })
        .collect();
    let natural = if words.len() >= HYPE_WORDS_WARN {
        Severity::Warning
    } else {
        Severity::Info
    };
    for span in words {
        out.push_at(
            RuleId::Hype,
            natural,
            span.clone(),
            quoting(
                "{} : superlatif ou jargon",
                "{}: superlative or buzzword",
                &n.text[span],
            ),
            Some(Localized::new(
                "dites simplement ce qui vous a intéressé",
                "say plainly what caught your interest",
            )),
        );
    }
    // The regular expressions run only where they can match (most notes hold
    // no "!!"), here and in the other rules.
    let bangs = n.text.contains('!') && n.text.contains(['!', '?']);
    for m in BANGS.find_iter(if bangs { n.text } else { "" }) {
        out.push(
            RuleId::Hype,
            m.range(),
            quoting(
                "{} : la ponctuation crie",
                "{}: the punctuation shouts",
                m.as_str(),
            ),
            Some(Localized::new(
                "un seul point d'exclamation suffit",
                "one exclamation mark is enough",
            )),
        );
    }
    shouting(n, out);
    emoji(n, out);
}

/// Whether a hype word is praise (a superlative), not a buzzword
/// (« synergie », "leverage"), which is jargon rather than flattery.
fn is_praise(n: &Note, span: &Range<usize>) -> bool {
    const JARGON: [&str; 12] = [
        "synerg", "leverag", "disrupt", "paradigm", "game", "10x", "cutting", "bleeding", "next",
        "win", "gagnant", "levier",
    ];
    let word = crate::text::fold(&n.text[span.clone()]);
    !JARGON.iter().any(|j| word.starts_with(j))
}

/// From this many superlatives or buzzwords, `hype` warns.
const HYPE_WORDS_WARN: usize = 2;

fn is_caps_word(w: &str) -> bool {
    // Most words have no capital after their first letter: done.
    if !w.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !w.chars().any(char::is_lowercase)
        && w.chars().any(char::is_uppercase)
}

fn shouting(n: &Note, out: &mut Out) {
    // No two capitals in a row in an ASCII note: nothing shouts.
    let bytes = n.text.as_bytes();
    if n.text.is_ascii()
        && !bytes
            .windows(2)
            .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
    {
        return;
    }
    let words = &n.words;
    let mut i = 0;
    while i < words.len() {
        let w = &n.text[words[i].clone()];
        if !is_caps_word(w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && is_caps_word(&n.text[words[j].clone()]) {
            j += 1;
        }
        let long = w.chars().count() >= SHOUT_LETTERS;
        // Two capitalised words of 3 letters or more, one of 4 or more:
        // "THANK YOU SO MUCH", not "I AM" nor acronyms ("LLM & RAG").
        let sizes: Vec<usize> = words[i..j]
            .iter()
            .map(|r| n.text[r.clone()].chars().count())
            .collect();
        let run = sizes.iter().filter(|&&s| s >= 3).count() >= 2 && sizes.iter().any(|&s| s >= 4);
        if long || run {
            let span = words[i].start..words[j - 1].end;
            out.push(
                RuleId::Hype,
                span.clone(),
                quoting(
                    "{} : les majuscules crient",
                    "{}: capitals shout",
                    &n.text[span],
                ),
                Some(Localized::new(
                    "écrivez en minuscules",
                    "write it in lower case",
                )),
            );
        }
        i = j;
    }
}

fn emoji(n: &Note, out: &mut Out) {
    let max = n.thresholds().max_emoji;
    // A note has as many emoji as it has emoji characters, or fewer: most
    // notes stop here.
    if n.text.is_ascii() || n.text.chars().filter(|&c| is_emoji(c)).count() <= max {
        return;
    }
    // Count what the reader sees: 👨‍👩‍👧 and 👋🏽 are one emoji each.
    let found: Vec<(usize, &str)> = n
        .text
        .grapheme_indices(true)
        .filter(|(_, g)| g.chars().any(is_emoji))
        .collect();
    if found.len() <= max {
        return;
    }
    let (start, _) = found[max];
    let (last, g) = found[found.len() - 1];
    out.push(
        RuleId::Hype,
        start..last + g.len(),
        Localized::new(
            format!("{} emoji : c'est trop pour une première note", found.len()),
            format!("{} emoji: too many for a first note", found.len()),
        ),
        Some(Localized::new(
            format!("gardez-en {max} au plus"),
            format!("keep {max} at most"),
        )),
    );
}

pub(super) fn warm() {
    LazyLock::force(&BANGS);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, spans};

    #[test]
    fn flattery_and_buzzwords() {
        let s = spans(
            "Votre parcours incroyable, quelle synergie !",
            Lang::Fr,
            RuleId::Hype,
        );
        assert_eq!(s, ["Votre parcours incroyable", "synergie"]);
        let s = spans(
            "You're a true rockstar, a real game-changer.",
            Lang::En,
            RuleId::Hype,
        );
        assert_eq!(s, ["rockstar", "game-changer"]);
    }

    #[test]
    fn shouting_bangs_and_emoji() {
        assert_eq!(
            spans("C'est une OFFRE UNIQUE", Lang::Fr, RuleId::Hype),
            ["OFFRE UNIQUE"]
        );
        assert_eq!(spans("Great talk!!!", Lang::En, RuleId::Hype), ["!!!"]);
        assert_eq!(spans("Super ?!", Lang::Fr, RuleId::Hype), ["?!"]);
        assert_eq!(spans("Hi 🚀🔥💯🎉", Lang::En, RuleId::Hype), ["💯🎉"]);
    }

    #[test]
    fn near_misses() {
        // Acronyms, a single French « ! », two emoji, a word containing a buzzword.
        assert!(!fires(
            "Ancienne de l'INSEAD et de HEC, merci !",
            Lang::Fr,
            RuleId::Hype
        ));
        assert!(!fires("Merci 🙂👋", Lang::Fr, RuleId::Hype));
        assert!(!fires(
            "I started at a startup in Paris.",
            Lang::En,
            RuleId::Hype
        ));
        assert!(!fires(
            "Your talk at Devoxx was clear and useful.",
            Lang::En,
            RuleId::Hype
        ));
    }
}
