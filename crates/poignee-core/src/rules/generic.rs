//! `generic`: a note that could go to anyone unchanged. The test is the whole
//! note (LABELS.md): remove the name, could it go to anyone on a list? A
//! stock closing ("Would love to connect", « Au plaisir d'échanger ») is fine
//! beside a specific reason; alone, beside a profile compliment, a signal
//! ("congrats on the new role") or a link too broad to be one (the same
//! field), it leaves nothing particular to this person. LinkedIn's default
//! text is the archetype.

use super::quoting;
use super::reason::{Found, states_reason};
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::reading::{CueKind, Family};
use std::ops::Range;

pub fn check(n: &Note, found: &[Found], out: &mut Out) {
    if states_reason(found) {
        return;
    }
    // The evidence, most telling first: the platform's default text, a
    // remark that fits any profile, then a thin reason, then a stock phrase.
    let cue = |kinds: &[CueKind]| {
        n.reading
            .of(Family::Generic)
            .find(|c| kinds.contains(&c.kind))
            .map(|c| (Some(c.kind), c.span.clone()))
    };
    let evidence: Option<(Option<CueKind>, Range<usize>)> = cue(&[CueKind::Default])
        .or_else(|| {
            cue(&[
                CueKind::Profile,
                CueKind::Signal,
                CueKind::Vague,
                CueKind::Network,
            ])
        })
        // A thin reason (the same field, an interest in their company); a
        // name said to them is particular enough.
        .or_else(|| {
            found
                .iter()
                .find(|f| f.kind != Some(CueKind::Named))
                .map(|f| (None, f.span.clone()))
        })
        .or_else(|| cue(&[CueKind::Stock]))
        .or_else(|| {
            n.hits(Category::Generic)
                .next()
                .map(|h| (Some(CueKind::Stock), h.span.clone()))
        });
    let Some((kind, span)) = evidence else {
        return;
    };
    let piece = &n.text[span.clone()];
    let message = match kind {
        Some(CueKind::Default) => quoting(
            "{} : le texte par défaut de la plateforme, qui irait à n'importe qui",
            "{}: the platform's default text, which could go to anyone",
            piece,
        ),
        Some(CueKind::Profile) => quoting(
            "{} irait sur n'importe quel profil : rien ne dit pourquoi cette personne",
            "{} fits any profile: nothing says why this person",
            piece,
        ),
        Some(CueKind::Signal) => quoting(
            "{} : un signal, pas une raison ; la note irait à n'importe qui dans ce cas",
            "{}: a signal, not a reason; the note could go to anyone in that case",
            piece,
        ),
        Some(CueKind::Vague | CueKind::Network) => quoting(
            "{} : trop vague pour relier la note à cette personne",
            "{}: too vague to tie the note to this person",
            piece,
        ),
        None => quoting(
            "{} : un lien si large qu'il vaut pour des milliers de gens",
            "{}: a link so broad it fits thousands of people",
            piece,
        ),
        Some(_) => quoting(
            "{} : une formule passe-partout, et rien de propre à cette personne à côté",
            "{}: a stock phrase, with nothing particular to this person beside it",
            piece,
        ),
    };
    out.push(
        RuleId::Generic,
        span,
        message,
        Some(Localized::new(
            "ajoutez ce qui vous relie à cette personne : où vous vous êtes croisés, ce que vous avez lu d'elle",
            "add what links you to this person: where you met, what of theirs you read",
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, spans};

    #[test]
    fn platform_defaults() {
        let en = "I'd like to add you to my professional network on LinkedIn.";
        assert_eq!(
            spans(en, Lang::En, RuleId::Generic),
            ["I'd like to add you to my professional network"]
        );
        assert!(fires(
            "Bonjour, je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
            Lang::Fr,
            RuleId::Generic
        ));
    }

    #[test]
    fn a_stock_closing_beside_a_reason_is_fine() {
        for (t, lang) in [
            (
                "Hi Sam, great seeing your talk at RustConf. Would love to connect!",
                Lang::En,
            ),
            (
                "Bonjour Claire, nous nous sommes croisés au salon VivaTech. Au plaisir d'échanger !",
                Lang::Fr,
            ),
            (
                "Bonjour, j'aimerais vous ajouter à mon réseau : votre billet sur le télétravail m'a fait réfléchir.",
                Lang::Fr,
            ),
        ] {
            assert!(!fires(t, lang, RuleId::Generic), "{t}");
        }
    }

    #[test]
    fn alone_it_is_generic() {
        for (t, lang) in [
            ("Hi Sam, would love to connect!", Lang::En),
            (
                "Hi Sam, I came across your profile. Happy to connect.",
                Lang::En,
            ),
            ("Bonjour, j'aimerais vous ajouter à mon réseau.", Lang::Fr),
            (
                "Bonjour, félicitations pour votre nouveau poste !",
                Lang::Fr,
            ),
        ] {
            assert!(fires(t, lang, RuleId::Generic), "{t}");
        }
    }

    #[test]
    fn near_misses() {
        assert!(!fires(
            "Je travaille sur les réseaux professionnels.",
            Lang::Fr,
            RuleId::Generic
        ));
        assert!(!fires(
            "I wrote about professional networks.",
            Lang::En,
            RuleId::Generic
        ));
    }
}
