//! `self-centered`: « ne parlez pas que de vous ». Social media is a
//! conversation, not a TV ad where you are the hero: a note about the sender
//! (je, mon, notre ; I, my, our) far more than the recipient (vous, votre ;
//! you, your) is a monologue.

use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::reading::Family;
use crate::spans::Spans;

pub fn check(n: &Note, out: &mut Out) {
    // Words inside a stated reason are about the link, not the sender:
    // « notre conversation », "we both studied at".
    let reasons = Spans::new(n.reading.of(Family::Reason).map(|c| c.span.clone()));
    let in_reason = |r: &std::ops::Range<usize>| reasons.contains(r);
    let me = n
        .hits(Category::FirstPerson)
        .filter(|h| !in_reason(&h.span))
        .count();
    let you = n.count(Category::SecondPerson);
    let t = n.thresholds();
    if me < t.self_centered_min || (me as f32) < t.self_centered_ratio * (you + 1) as f32 {
        return;
    }
    let span = n
        .hits(Category::FirstPerson)
        .find(|h| !in_reason(&h.span))
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
    fn shared_words_are_about_the_link() {
        // « Notre conversation » and « vous rencontrer » are the link, not a monologue.
        assert!(!fires(
            "Bonjour Claire. J'ai eu le plaisir de vous croiser au forum de Lille. Notre conversation sur la data m'a beaucoup inspiré. J'aimerais rester en contact.",
            Lang::Fr,
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
