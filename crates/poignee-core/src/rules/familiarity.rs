//! `false-familiarity`: « ne jouez pas un rôle ». « Comme convenu », "as we
//! discussed", "great to reconnect" claim a shared past; sent to someone the
//! sender has never met, they are a lie the reader sees at once.

use super::quoting;
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::target::Relationship;

pub fn check(n: &Note, out: &mut Out) {
    let relationship = n.cx.target.and_then(|t| t.relationship);
    let natural = match relationship {
        Some(Relationship::None) => Severity::Error,
        None => Severity::Info,
        Some(_) => return,
    };
    for hit in n.hits(Category::FalseFamiliarity) {
        let piece = &n.text[hit.span.clone()];
        let message = if natural == Severity::Error {
            quoting(
                "{} suppose un échange que vous n'avez pas eu",
                "{} claims a conversation you never had",
                piece,
            )
        } else {
            quoting(
                "{} suppose un échange passé : vérifiez qu'il a eu lieu",
                "{} claims a past conversation: make sure it happened",
                piece,
            )
        };
        out.push_at(
            RuleId::FalseFamiliarity,
            natural,
            hit.span.clone(),
            message,
            Some(Localized::new(
                "dites d'où vous connaissez la personne, ou présentez-vous",
                "say where you know them from, or introduce yourself",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::report;
    use crate::target::Target;

    fn severity(text: &str, lang: Lang, rel: Option<Relationship>) -> Option<Severity> {
        let t = Target {
            relationship: rel,
            ..Target::default()
        };
        report(text, lang, Some(&t))
            .diagnostics
            .iter()
            .find(|d| d.rule == RuleId::FalseFamiliarity)
            .map(|d| d.severity)
    }

    #[test]
    fn by_relationship() {
        let fr = "Bonjour Claire, comme convenu je vous envoie ma demande.";
        assert_eq!(
            severity(fr, Lang::Fr, Some(Relationship::None)),
            Some(Severity::Error)
        );
        assert_eq!(severity(fr, Lang::Fr, None), Some(Severity::Info));
        assert_eq!(severity(fr, Lang::Fr, Some(Relationship::Met)), None);
        let en = "Hi Sam, as we discussed, here is my request.";
        assert_eq!(
            severity(en, Lang::En, Some(Relationship::None)),
            Some(Severity::Error)
        );
    }

    #[test]
    fn near_miss() {
        let en = "Hi Sam, I'd love to discuss your article.";
        assert_eq!(severity(en, Lang::En, Some(Relationship::None)), None);
        let fr = "Bonjour, nous avons convenu de rien.";
        assert_eq!(severity(fr, Lang::Fr, Some(Relationship::None)), None);
    }
}
