//! `no-reason`: « soyez honnête sur la raison de votre demande ». What tips a
//! stranger's request toward *accepted* is an honest, specific reason: a
//! meeting, their work, something shared. « Votre profil m'intéresse » is not
//! one.

use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};

/// « votre dernier article », "your BIM presentation": the recipient's work,
/// named within this many words after « votre » / "your".
const WORK_WINDOW: usize = 3;

/// Whether the note names the recipient's work.
fn names_their_work(n: &Note) -> bool {
    n.hits(Category::Work).any(|work| {
        n.hits(Category::SecondPerson).any(|you| {
            you.span.end <= work.span.start
                && crate::text::words(&n.text[you.span.end..work.span.start]).count() <= WORK_WINDOW
        })
    })
}

pub fn check(n: &Note, out: &mut Out) {
    if n.has(Category::Reason) || names_their_work(n) {
        return;
    }
    let example = if n.french() {
        "« nous nous sommes croisés à… », « j'ai lu votre article sur… »"
    } else {
        "“we met at…”, “I read your article on…”"
    };
    out.push(
        RuleId::NoReason,
        0..0,
        Localized::new(
            "la note ne dit pas pourquoi vous voulez entrer en relation",
            "the note does not say why you want to connect",
        ),
        Some(Localized::new(
            format!("donnez une raison précise : {example}"),
            format!("give a specific reason: {example}"),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::fires;

    #[test]
    fn reasons_fr() {
        for ok in [
            "Bonjour Claire, nous nous sommes croisés au salon VivaTech. Merci !",
            "Bonjour, j’ai lu votre article sur la logistique urbaine.",
            "Bonjour Paul, suite à votre intervention à Lyon, je voulais vous remercier.",
            "Bonjour, nous sommes tous les deux anciens de l'INSA.",
        ] {
            assert!(!fires(ok, Lang::Fr, RuleId::NoReason), "{ok}");
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
        }
    }

    #[test]
    fn reasons_en_and_near_misses() {
        assert!(!fires(
            "Hi Sam, thanks for your article on pricing pages!",
            Lang::En,
            RuleId::NoReason
        ));
        assert!(!fires(
            "Hi Sam, we met at RustConf last week.",
            Lang::En,
            RuleId::NoReason
        ));
        assert!(fires(
            "Hi Sam, I came across your profile.",
            Lang::En,
            RuleId::NoReason
        ));
        assert!(fires("Hi", Lang::En, RuleId::NoReason));
    }
}
