//! `self-centered`: « ne parlez pas que de vous ». Social media is a
//! conversation, not a TV ad where you are the hero: a note about the sender
//! (je, mon, notre ; I, my, our) far more than the recipient (vous, votre ;
//! you, your) is a monologue.

use super::{RuleId, RuleInfo};
use crate::lang::{Localized, Text};
use crate::lexicon::Category;
use crate::lint::{Note, Out, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: RuleId::SelfCentered,
    severity: Severity::Warning,
    summary: Text::new(
        "parle de vous bien plus que de la personne",
        "talks about you far more than about the person",
    ),
    explanation: Text::new(
        "Une note qui dit surtout « je », « mon entreprise », « nos services » est un monologue. Parlez de la personne : son travail, son article, ce qui vous relie ; gardez une phrase pour vous présenter.",
        "A note that mostly says \"I\", \"my company\", \"our services\" is a monologue. Talk about the person: their work, their article, what links you; keep one sentence to introduce yourself.",
    ),
};

pub fn check(n: &Note, out: &mut Out) {
    let me = n.count(Category::FirstPerson);
    let you = n.count(Category::SecondPerson);
    let t = n.thresholds();
    if me < t.self_centered_min || (me as f32) < t.self_centered_ratio * (you + 1) as f32 {
        return;
    }
    let span = n
        .hits(Category::FirstPerson)
        .next()
        .map_or(0..0, |h| h.span.clone());
    out.push(
        RuleId::SelfCentered,
        span,
        Localized::new(
            format!("{me} mots parlent de vous, {you} de la personne"),
            format!("{me} words about you, {you} about them"),
        ),
        Some(Localized::new(
            "parlez de son travail : « votre article », « votre projet »",
            "talk about their work: “your article”, “your project”",
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::fires;

    #[test]
    fn monologues() {
        assert!(fires(
            "Bonjour, je suis consultant, mon cabinet accompagne mes clients et je développe mon activité.",
            Lang::Fr,
            RuleId::SelfCentered
        ));
        assert!(fires(
            "Hi, I run my own agency and my team and I help our clients with my method.",
            Lang::En,
            RuleId::SelfCentered
        ));
    }

    #[test]
    fn balanced_notes() {
        assert!(!fires(
            "Bonjour Claire, j'ai lu votre article sur votre projet et je vous remercie de votre partage.",
            Lang::Fr,
            RuleId::SelfCentered
        ));
        assert!(!fires(
            "Hi Sam, I read your post on your team's migration; I'm working on the same. Thanks!",
            Lang::En,
            RuleId::SelfCentered
        ));
    }
}
