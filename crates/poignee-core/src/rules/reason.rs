//! `no-reason` and `reason-found`: « soyez honnête sur la raison de votre
//! demande ». What tips a stranger's request toward *accepted* is an honest,
//! specific reason: a meeting or an event, their work, something shared, a
//! mutual contact, a purpose aimed at them (LABELS.md). « Votre profil
//! m'intéresse » is not one. When a reason is found, `reason-found` says which
//! kind and where, so the writer sees why the note passes.

use super::{from_its_start, quoted, to_clause_end};
use crate::diagnostic::{ReasonSeen, RuleId, Severity};
use crate::lang::{Lang, Localized};
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::reading::{CueKind, Family};
use crate::spans::Spans;
use std::ops::Range;

/// A reason the note gives: a cue of the reason patterns, or a phrase of
/// the user's own `reason` word list.
pub(crate) struct Found {
    pub kind: Option<CueKind>,
    pub weak: bool,
    pub span: Range<usize>,
}

/// Every reason the note gives, in text order.
pub(crate) fn reasons(n: &Note) -> Vec<Found> {
    // A thin clue inside a remark that fits anyone ("your profile caught my
    // eye", "I see you're hiring") is that remark, not a reason.
    // A thin clue inside what the note sells or asks ("exploring roles in
    // your team") is that ask.
    // Each question below is a binary search over the cues, not a scan.
    let of = |families: &[Family]| {
        Spans::new(
            n.reading
                .cues
                .iter()
                .filter(|c| families.contains(&c.kind.family()))
                .map(|c| c.span.clone()),
        )
    };
    let asks = of(&[Family::Generic, Family::Pitch]);
    let in_generic = |r: &Range<usize>| asks.overlaps(r);
    let mut found: Vec<Found> = n
        .reading
        .of(Family::Reason)
        .filter(|c| !(c.weak && in_generic(&c.span)))
        .map(|c| Found {
            kind: Some(c.kind),
            weak: c.weak,
            span: c.span.clone(),
        })
        .collect();
    found.extend(n.hits(Category::Reason).map(|h| Found {
        kind: None,
        weak: false,
        span: h.span.clone(),
    }));
    // A name (an event, a project, a place) said to the person is a clue of
    // something particular, unless it is what the note sells or a stock
    // remark about their profile.
    let covering = of(&[Family::Pitch, Family::Generic, Family::Praise]);
    let reasons = Spans::new(found.iter().map(|f| f.span.clone()));
    let to_them = Spans::new(n.reading.to_them.iter().cloned());
    let named = n
        .reading
        .names
        .iter()
        .find(|r| !covering.contains(r) && !reasons.contains(r) && to_them.contains(r));
    if let Some(r) = named {
        found.push(Found {
            kind: Some(CueKind::Named),
            weak: true,
            span: r.clone(),
        });
    }
    found.sort_by_key(|f| f.span.start);
    found
}

/// The note states a reason: one that counts alone, or two thin ones.
pub(crate) fn states_reason(found: &[Found]) -> bool {
    found.iter().any(|f| !f.weak) || distinct(found) >= 2
}

/// How many clues stand apart: clues over the same words are one.
fn distinct(found: &[Found]) -> usize {
    let mut count = 0;
    let mut end = 0;
    // `found` is in text order.
    for f in found {
        if count == 0 || f.span.start >= end {
            count += 1;
        }
        end = end.max(f.span.end);
    }
    count
}

/// What a kind of reason is called, in French and English.
fn kind_name(kind: Option<CueKind>) -> (&'static str, &'static str) {
    match kind {
        Some(k) => (k.label().fr, k.label().en),
        None => ("votre liste", "your word list"),
    }
}

pub fn check(n: &Note, found: &[Found], out: &mut Out) {
    if states_reason(found) {
        report_found(n, out, found);
        return;
    }
    if let Some(thin) = found.first() {
        // One thin reason: `generic` says the note could go to anyone.
        let (fr, en) = kind_name(thin.kind);
        let span = to_clause_end(n, from_its_start(n, thin.span.clone()));
        let (qf, qe) = quoted(&n.text[span.clone()]);
        out.push_reason(
            RuleId::ReasonFound.info().severity,
            span,
            Localized::new(
                format!("raison mince : {fr} — {qf}"),
                format!("thin reason: {en} — {qe}"),
            ),
            ReasonSeen {
                kind: thin.kind,
                clue: true,
            },
        );
        return;
    }
    out.push(RuleId::NoReason, 0..0, missing(), Some(give_one(n.lang)));
}

/// What `no-reason` says when nothing in the note is a reason.
pub(crate) fn missing() -> Localized {
    Localized::new(
        "la note ne dit pas pourquoi vous voulez entrer en relation",
        "the note does not say why you want to connect",
    )
}

/// What `no-reason` suggests: a reason, with examples in the note's language.
pub(crate) fn give_one(lang: Lang) -> Localized {
    let example = match lang {
        Lang::Fr => "« nous nous sommes croisés à… », « j’ai lu votre article sur… »",
        Lang::En => "“we met at…”, “I read your article on…”",
    };
    Localized::new(
        format!("donnez une raison précise : {example}"),
        format!("give a specific reason: {example}"),
    )
}

/// One `reason-found` per kind of reason, at its first place (words found
/// for two kinds are quoted once, after the judgement has weighed both:
/// [`quoted_once`]).
fn report_found(n: &Note, out: &mut Out, found: &[Found]) {
    let mut seen: Vec<Option<CueKind>> = Vec::new();
    let strong_first = found
        .iter()
        .filter(|f| !f.weak)
        .chain(found.iter().filter(|f| f.weak));
    for f in strong_first {
        if seen.contains(&f.kind) {
            continue;
        }
        seen.push(f.kind);
        let (fr, en) = kind_name(f.kind);
        let span = to_clause_end(n, from_its_start(n, f.span.clone()));
        let (qf, qe) = quoted(&n.text[span.clone()]);
        let (lead_fr, lead_en) = if f.weak {
            ("indice", "clue")
        } else {
            ("raison", "reason")
        };
        out.push_reason(
            Severity::Info,
            span,
            Localized::new(
                format!("{lead_fr} : {fr} — {qf}"),
                format!("{lead_en}: {en} — {qe}"),
            ),
            ReasonSeen {
                kind: f.kind,
                clue: f.weak,
            },
        );
    }
}

/// Keeps the first `reason-found` of each span: the same words found for
/// two kinds of reason ("common ground", "a purpose") are quoted once.
pub(crate) fn quoted_once(diags: &mut Vec<crate::diagnostic::Diagnostic>) {
    let mut quoted: Vec<Range<usize>> = Vec::new();
    diags.retain(|d| {
        if d.rule != RuleId::ReasonFound {
            return true;
        }
        if quoted.contains(&d.span) {
            return false;
        }
        quoted.push(d.span.clone());
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, report};

    #[test]
    fn reasons_fr() {
        for ok in [
            "Bonjour Claire, nous nous sommes croisés au salon VivaTech. Merci !",
            "Bonjour, j’ai lu votre article sur la logistique urbaine.",
            "Bonjour Paul, suite à votre intervention à Lyon, je voulais vous remercier.",
            "Bonjour, nous sommes tous les deux anciens de l'INSA.",
            "Bonjour Claire. J'ai été ravie de vous rencontrer au Salon du Livre.",
            "Bonjour, Paul Martin m'a conseillé de vous écrire. Merci !",
            "Bonjour, je prépare un mémoire sur la logistique du dernier kilomètre, votre avis m'aiderait.",
        ] {
            assert!(!fires(ok, Lang::Fr, RuleId::NoReason), "{ok}");
            assert!(fires(ok, Lang::Fr, RuleId::ReasonFound), "{ok}");
        }
    }

    #[test]
    fn not_reasons_fr() {
        for bad in [
            "Bonjour, votre profil m'intéresse, acceptez mon invitation.",
            "Bonjour, j'ai vu votre profil et je souhaiterais vous ajouter.",
            "Bonjour Claire, je souhaite agrandir mon réseau.",
        ] {
            assert!(fires(bad, Lang::Fr, RuleId::NoReason), "{bad}");
            assert!(!fires(bad, Lang::Fr, RuleId::ReasonFound), "{bad}");
        }
    }

    #[test]
    fn reasons_en_and_near_misses() {
        for ok in [
            "Hi Sam, thanks for your article on pricing pages!",
            "Hi Sam, we met at RustConf last week.",
            "Hi Sam, I'll be at DevFest too, see you there.",
            "Hi Sam, Sara suggested I reach out.",
            "Hi Sam, I applied for the data engineer role and wanted to introduce myself.",
        ] {
            assert!(!fires(ok, Lang::En, RuleId::NoReason), "{ok}");
        }
        for bad in [
            "Hi Sam, I came across your profile.",
            "Hi",
            "Hi Sam, I'd like to expand my network.",
        ] {
            assert!(fires(bad, Lang::En, RuleId::NoReason), "{bad}");
        }
    }

    #[test]
    fn the_kind_found_is_shown_where_it_is_said() {
        let t = "Bonjour Inès. J'ai été ravie de vous rencontrer au forum Emploi.";
        let r = report(t, Lang::Fr, None);
        let d = r.diagnostics.iter().find(|d| d.rule == RuleId::ReasonFound);
        let d = d.map(|d| (d.severity, d.message.fr.clone(), &t[d.span.clone()]));
        assert!(
            d.as_ref().is_some_and(|(s, m, piece)| *s == Severity::Info
                && m.starts_with("raison : une rencontre")
                && piece.ends_with("rencontrer au forum Emploi")),
            "{d:?}"
        );
    }

    #[test]
    fn the_diagnostic_carries_the_kind_it_names() {
        let seen = |t: &str, lang| {
            report(t, lang, None)
                .diagnostics
                .iter()
                .filter_map(|d| d.reason)
                .collect::<Vec<_>>()
        };
        let met = seen(
            "Bonjour Inès. J'ai été ravie de vous rencontrer au forum Emploi.",
            Lang::Fr,
        );
        assert!(
            met.iter()
                .any(|r| r.kind == Some(CueKind::Event) && !r.clue),
            "{met:?}"
        );
        let thin = seen(
            "Hi Sam, we both work in the HR field. I'd love to connect.",
            Lang::En,
        );
        assert!(!thin.is_empty() && thin.iter().all(|r| r.clue), "{thin:?}");
        assert!(seen("Hi Sam, I came across your profile.", Lang::En).is_empty());
    }

    #[test]
    fn the_same_words_are_quoted_once() {
        let r = report(
            "Hi Sarah, saw your post about onboarding. We're working on similar problems at Brightline, around making training actually stick.",
            Lang::En,
            None,
        );
        let mut spans: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == RuleId::ReasonFound)
            .map(|d| d.span.clone())
            .collect();
        let all = spans.len();
        spans.dedup();
        assert!(all >= 2, "{:?}", r.diagnostics);
        assert_eq!(spans.len(), all, "{:?}", r.diagnostics);
    }

    #[test]
    fn one_thin_reason_is_a_clue_not_a_reason() {
        let t = "Hi Sam, we both work in the HR field. I'd love to connect.";
        assert!(!fires(t, Lang::En, RuleId::NoReason));
        assert!(fires(t, Lang::En, RuleId::Generic));
    }
}
