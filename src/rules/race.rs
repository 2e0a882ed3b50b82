//! `contact-race`: « la qualité des contacts prime sur leur nombre ». Big
//! numbers are like big cars, all show: « agrandir mon réseau », "LION",
//! "500+" and "I accept everyone" tell the reader they are a number.

use super::{RuleId, RuleInfo, quoting};
use crate::lang::{Localized, Text};
use crate::lexicon::Category;
use crate::lint::{Note, Out, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: RuleId::ContactRace,
    severity: Severity::Warning,
    summary: Text::new(
        "course aux contacts : « agrandir mon réseau », « LION », « 500+ »",
        "race for contacts: \"grow my network\", \"LION\", \"500+\"",
    ),
    explanation: Text::new(
        "Dix contacts attentifs valent mieux que dix mille indifférents. « Agrandir mon réseau » dit à la personne qu'elle n'est qu'un chiffre de plus ; dites plutôt ce qui vous intéresse chez elle.",
        "Ten attentive contacts are worth more than ten thousand who don't care. \"Growing my network\" tells the person they are one more number; say what interests you about them instead.",
    ),
};

pub fn check(n: &Note, out: &mut Out) {
    for hit in n.hits(Category::ContactRace) {
        out.push(
            RuleId::ContactRace,
            hit.span.clone(),
            quoting(
                "{} : la personne devient un chiffre",
                "{}: the person becomes a number",
                &n.text[hit.span.clone()],
            ),
            Some(Localized::new(
                "dites ce qui vous intéresse chez cette personne",
                "say what interests you about this person",
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
    fn races() {
        assert_eq!(
            spans(
                "Je cherche à agrandir mon réseau.",
                Lang::Fr,
                RuleId::ContactRace
            ),
            ["agrandir mon réseau"]
        );
        assert!(fires(
            "Open networker, LION, 500+ connections.",
            Lang::En,
            RuleId::ContactRace
        ));
    }

    #[test]
    fn near_misses() {
        assert!(!fires(
            "Votre réseau de boulangeries à Lyon m'intéresse.",
            Lang::Fr,
            RuleId::ContactRace
        ));
        assert!(!fires(
            "Your article on network effects.",
            Lang::En,
            RuleId::ContactRace
        ));
        assert!(!fires("In 2500 BC.", Lang::En, RuleId::ContactRace));
    }
}
