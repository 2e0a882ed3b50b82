//! `contact-race`: « la qualité des contacts prime sur leur nombre ». Big
//! numbers are like big cars, all show: « agrandir mon réseau », "LION",
//! "500+" and "I accept everyone" tell the reader they are a number.

use super::quoting;
use super::reason::{Found, states_reason};
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};

pub fn check(n: &Note, found: &[Found], out: &mut Out) {
    // The race is the problem when it is the point of the note; beside a
    // real reason (« pour suivre vos travaux, ancien de l'INSA moi aussi »)
    // it is a hint.
    let natural = if states_reason(found) {
        Severity::Info
    } else {
        Severity::Warning
    };
    for hit in n.hits(Category::ContactRace) {
        out.push_at(
            RuleId::ContactRace,
            natural,
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
