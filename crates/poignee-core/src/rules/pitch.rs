//! `sales-pitch` and `sales-disclaimer`: « ne parlez pas que de votre
//! business ». A member who writes to many people about their own service is a
//! spammer, even with one message each: indirect advertising. A first note
//! offers nothing, prices nothing, and asks for no call or demo.

use super::{quoting, to_clause_end};
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::reading::{CueKind, Family};
use crate::spans::{Spans, holding};
use crate::target::Relationship;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Prices and discounts: « 49 € », « 1 200 euros HT », "$99", « -30 % », "20% off".
static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        [€$£]\s?[0-9]{1,3}(?:[\s.,][0-9]{3})*(?:[.,][0-9]{1,2})?(?:k(?-u:\b))?
        | (?-u:\b)[0-9]{1,3}(?:[\s.,][0-9]{3})*(?:[.,][0-9]{1,2})?\s?(?:€|k€|euros?(?-u:\b)|eur(?-u:\b)|\$|£|dollars?(?-u:\b)|usd(?-u:\b))(?:\s?(?:ht|ttc)(?-u:\b))?
        | (?:^|[\s(])-\s?[0-9]{1,2}\s?%
        | (?-u:\b)[0-9]{1,2}\s?%\s?(?:off(?-u:\b)|discount(?-u:\b)|de\s+remise(?-u:\b)|de\s+réduction(?-u:\b))
        ",
    )
    .expect("a fixed pattern compiles")
});

pub fn check(n: &Note, out: &mut Out) {
    let mut taken: Vec<Range<usize>> = Vec::new();
    // Overlapping cues are one stretch of selling (« découvrez notre » +
    // « notre offre »), reported once, as the first.
    let mut cues: Vec<(CueKind, Range<usize>)> = Vec::new();
    for cue in n.reading.of(Family::Pitch) {
        match cues.last_mut() {
            Some((_, last)) if cue.span.start < last.end => last.end = last.end.max(cue.span.end),
            _ => cues.push((cue.kind, cue.span.clone())),
        }
    }
    for (kind, span) in cues {
        // What is sold reads through to the end of its clause.
        let span = if matches!(kind, CueKind::Sells | CueKind::Results) {
            to_clause_end(n, span)
        } else {
            span
        };
        let piece = n.text[span.clone()].trim();
        let (message, suggestion) = match kind {
            CueKind::Sells => (
                quoting(
                    "{} : vous décrivez ce que vous vendez ; une première note ne vend rien",
                    "{}: this describes what you sell; a first note sells nothing",
                    piece,
                ),
                Localized::new(
                    "gardez ce que vous faites pour plus tard, et dites pourquoi cette personne",
                    "keep what you sell for later, and say why this person",
                ),
            ),
            CueKind::Results => (
                quoting(
                    "{} : une promesse de résultats, le ton d'une publicité",
                    "{}: a promise of results, the voice of an ad",
                    piece,
                ),
                Localized::new(
                    "retirez les chiffres de vente ; parlez de ce qui vous relie",
                    "drop the sales figures; talk about what links you",
                ),
            ),
            CueKind::Sends => (
                quoting(
                    "{} : une offre d'envoyer ou de montrer quelque chose, avant toute relation",
                    "{}: an offer to send or show something, before any relationship",
                    piece,
                ),
                Localized::new(
                    "n'offrez rien dans l'invitation ; si la personne accepte, elle demandera",
                    "offer nothing in the invitation; if they accept, they will ask",
                ),
            ),
            CueKind::Meeting => (
                quoting(
                    "{} : une demande d'appel, de rendez-vous ou de temps dans une première note",
                    "{}: a request for a call, a meeting or their time in a first note",
                    piece,
                ),
                Localized::new(
                    "ne demandez pas de temps à un inconnu ; « au plaisir d'échanger » suffit",
                    "ask a stranger for no time; \"happy to exchange ideas\" is enough",
                ),
            ),
            CueKind::Job => (
                quoting(
                    "{} : une demande à un inconnu — un poste, une recommandation, des conseils",
                    "{}: asking a stranger for something — a job, a referral, advice",
                    piece,
                ),
                Localized::new(
                    "présentez-vous et dites pourquoi cette personne ; la demande viendra après",
                    "introduce yourself and say why this person; the ask can come later",
                ),
            ),
            _ => (
                quoting(
                    "{} : une offre sous-entendue, qui se lit comme de la prospection",
                    "{}: an offer hinted at, which reads as prospecting",
                    piece,
                ),
                Localized::new(
                    "dites ce que vous voulez vraiment, ou ne dites rien",
                    "say what you really want, or say nothing",
                ),
            ),
        };
        // Asking for time is a pitch before any relationship (LABELS.md);
        // with someone met or worked with, it is how a relationship goes on.
        let known = matches!(
            n.cx.target.and_then(|t| t.relationship),
            Some(Relationship::Met | Relationship::Colleague)
        );
        let natural = if kind == CueKind::Meeting && known {
            Severity::Info
        } else {
            Severity::Error
        };
        out.push_at(
            RuleId::SalesPitch,
            natural,
            span.clone(),
            message,
            Some(suggestion),
        );
        taken.push(span);
    }
    // What is taken so far, and the topics, asked in O(log n) a hit. The
    // hits, then the prices, come in text order, so one taken earlier in
    // the same loop overlaps this one only if it reaches past its start.
    let topics = Spans::new(topics(n));
    let mut before = Spans::new(taken.iter().cloned());
    let free = |r: &Range<usize>, before: &Spans, reach: usize| {
        reach <= r.start && !before.overlaps(r) && !topics.overlaps(r)
    };
    let mut reach = 0;
    for hit in n.hits(Category::SalesPitch) {
        if free(&hit.span, &before, reach) && !theirs(n, &hit.span) {
            pitch(n, out, hit.span.clone());
            taken.push(hit.span.clone());
            reach = reach.max(hit.span.end);
        }
    }
    before = Spans::new(taken.iter().cloned());
    let mut reach = 0;
    let priced = n
        .text
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '€' | '$' | '£'));
    for m in PRICE.find_iter(if priced { n.text } else { "" }) {
        let s = m.as_str();
        let lead = s.len() - s.trim_start().len();
        let r = m.start() + lead..m.end();
        if free(&r, &before, reach) {
            pitch(n, out, r.clone());
            taken.push(r.clone());
            reach = reach.max(r.end);
        }
    }
    for hit in n.hits(Category::SalesDisclaimer) {
        out.push(
            RuleId::SalesDisclaimer,
            hit.span.clone(),
            quoting(
                "{} fait penser à la vente plutôt que de l'écarter",
                "{} makes the reader think of selling",
                &n.text[hit.span.clone()],
            ),
            Some(Localized::new(
                "retirez-le : une raison claire suffit",
                "drop it: a clear reason is enough",
            )),
        );
    }
}

/// Where the note talks about the person's work or an event: from the
/// reason to the end of its sentence, or to the sender's next "I"/"we". A
/// sales word there is their topic (« votre post sur les outils gratuits »,
/// "your talk at the YC demo day"), not an offer.
fn topics(n: &Note) -> Vec<Range<usize>> {
    let sender = |w: &str| {
        const SENDER: [&str; 12] = [
            "i", "we", "je", "nous", "on", "our", "my", "notre", "nos", "mon", "ma", "mes",
        ];
        let head = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
        SENDER.iter().any(|s| w.eq_ignore_ascii_case(s))
            || (head.len() < w.len()
                && ["j", "i", "we"]
                    .iter()
                    .any(|s| head.eq_ignore_ascii_case(s)))
    };
    let cues: Vec<&Range<usize>> = n
        .reading
        .of(Family::Reason)
        .filter(|c| !c.weak && matches!(c.kind, CueKind::Work | CueKind::Event))
        .map(|c| &c.span)
        .collect();
    if cues.is_empty() {
        return Vec::new();
    }
    // For each word, the first word from there on that is the sender's: one
    // pass from the end, instead of a search from every cue.
    let mut next_sender = vec![None; n.words.len() + 1];
    for (i, w) in n.words.iter().enumerate().rev() {
        next_sender[i] = if sender(&n.text[w.clone()]) {
            Some(i)
        } else {
            next_sender[i + 1]
        };
    }
    cues.into_iter()
        .map(|span| {
            let sentence_end =
                holding(&n.sentences, span.start).map_or(span.end, |i| n.sentences[i].end);
            // The words are in text order and apart, so the first sender's
            // word after the cue is inside the sentence if it ends there.
            let from = n.words.partition_point(|w| w.start < span.end);
            let cut = next_sender[from]
                .map(|i| &n.words[i])
                .filter(|w| w.end <= sentence_end)
                .map_or(sentence_end, |w| w.start);
            span.start..cut
        })
        .collect()
}

/// Whether a sales word describes something of the person's: « votre MOOC
/// gratuit », "your free course" — one of the three words before it is
/// "your" or « votre ».
fn theirs(n: &Note, span: &Range<usize>) -> bool {
    const YOUR: [&str; 8] = ["your", "votre", "vos", "ton", "ta", "tes", "yours", "vôtre"];
    let at = n.words.partition_point(|w| w.end <= span.start);
    n.words[at.saturating_sub(3)..at].iter().any(|w| {
        YOUR.iter()
            .any(|y| n.text[w.clone()].eq_ignore_ascii_case(y))
    })
}

/// A sales word or a price outside any pattern.
fn pitch(n: &Note, out: &mut Out, span: Range<usize>) {
    out.push(
        RuleId::SalesPitch,
        span.clone(),
        quoting(
            "{} : une première note ne vend rien",
            "{}: a first note sells nothing",
            n.text[span].trim(),
        ),
        Some(Localized::new(
            "retirez l'offre et dites pourquoi vous voulez échanger",
            "drop the offer and say why you want to connect",
        )),
    );
}

pub(super) fn warm() {
    LazyLock::force(&PRICE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, spans};

    #[test]
    fn french_pitches() {
        let t = "Bonjour, découvrez notre offre gratuite, -30 % jusqu'à vendredi, à 49 € HT.";
        let s = spans(t, Lang::Fr, RuleId::SalesPitch);
        // The offer through to the end of its clause, as one.
        assert!(
            s.contains(&"découvrez notre offre gratuite".to_string()),
            "{s:?}"
        );
        assert!(s.contains(&"-30 %".to_string()), "{s:?}");
        assert!(s.contains(&"49 € HT".to_string()), "{s:?}");
        assert!(fires(
            "Prenons 15 minutes pour en parler.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
    }

    #[test]
    fn english_pitches() {
        let t = "Book a demo of our platform: 20% off, only $99.";
        let s = spans(t, Lang::En, RuleId::SalesPitch);
        assert!(s.contains(&"Book a demo".to_string()), "{s:?}");
        assert!(s.contains(&"our platform".to_string()), "{s:?}");
        assert!(s.contains(&"20% off".to_string()), "{s:?}");
        assert!(s.contains(&"$99".to_string()), "{s:?}");
    }

    #[test]
    fn near_misses() {
        // A reassurance is a smell, not a pitch.
        assert!(!fires(
            "Je ne vends rien, promis.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        assert!(fires(
            "Je ne vends rien, promis.",
            Lang::Fr,
            RuleId::SalesDisclaimer
        ));
        assert!(!fires(
            "I'm not selling anything.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(fires(
            "I'm not selling anything.",
            Lang::En,
            RuleId::SalesDisclaimer
        ));
        // A sales word that describes their work, not an offer.
        assert!(!fires(
            "Bonjour Inès, votre MOOC gratuit sur la paie m'a sauvé l'hiver dernier.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        assert!(fires(
            "Bonjour Inès, je propose un MOOC gratuit sur la paie.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        // Words that merely contain a pitch word.
        assert!(!fires(
            "Feel free to ignore this; ils offrent peu.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "Votre article sur la tarification m'a appris beaucoup.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "Your post on 30% growth in Lyon was great.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "We met at the YC demo day.",
            Lang::En,
            RuleId::SalesPitch
        ));
    }
}
