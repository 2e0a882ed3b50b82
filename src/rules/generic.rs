//! `generic`: a note that could go to anyone unchanged. LinkedIn's old
//! default, "I'd like to add you to my professional network on LinkedIn.", is
//! the archetype; « votre profil m'intéresse » is its cousin.

use super::{RuleId, RuleInfo, quoting};
use crate::lang::{Localized, Text};
use crate::lexicon::Category;
use crate::lint::{Note, Out, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: RuleId::Generic,
    severity: Severity::Warning,
    summary: Text::new(
        "texte par défaut ou passe-partout, qui irait à n'importe qui",
        "default or boilerplate text that could go to anyone",
    ),
    explanation: Text::new(
        "Le texte par défaut de la plateforme (« Je souhaiterais vous ajouter à mon réseau professionnel ») et les formules passe-partout disent à la personne qu'elle est un contact parmi d'autres. Remplacez-les par une phrase qui ne pourrait aller qu'à elle.",
        "The platform's default text (\"I'd like to add you to my professional network\") and boilerplate tell the person they are one contact among many. Replace them with a sentence that could only go to them.",
    ),
};

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
