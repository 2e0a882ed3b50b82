//! `generic`: a note that could go to anyone unchanged. LinkedIn's old
//! default, "I'd like to add you to my professional network on LinkedIn.", is
//! the archetype; « votre profil m'intéresse » is its cousin.

use super::quoting;
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};

pub fn check(n: &Note, out: &mut Out) {
    for hit in n.hits(Category::Generic) {
        out.push(
            RuleId::Generic,
            hit.span.clone(),
            quoting(
                "{} pourrait aller à n'importe qui",
                "{} could go to anyone",
                &n.text[hit.span.clone()],
            ),
            Some(Localized::new(
                "remplacez-le par ce qui vous relie à cette personne",
                "replace it with what links you to this person",
            )),
        );
    }
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
