//! `no-thanks`: « soyez poli ». A thank-you or a warm closing (« Au plaisir »,
//! "Best regards") ends a note that asks for something.

use crate::diagnostic::RuleId;
use crate::lang::{Lang, Localized};
use crate::lexicon::Category;
use crate::note::{Note, Out};

pub fn check(n: &Note, out: &mut Out) {
    if n.has(Category::Thanks) {
        return;
    }
    let example = match n.lang {
        Lang::Fr => "« Merci, au plaisir ! »",
        Lang::En => "“Thanks, best regards”",
    };
    out.push(
        RuleId::NoThanks,
        n.end(),
        Localized::new(
            "pas de merci ni de formule de fin",
            "no thank-you or closing",
        ),
        Some(Localized::new(
            format!("terminez par {example}"),
            format!("end with {example}"),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::fires;

    #[test]
    fn thanks_and_closings() {
        assert!(!fires("Bonjour, merci !", Lang::Fr, RuleId::NoThanks));
        assert!(!fires(
            "Bonjour. Au plaisir d'échanger.",
            Lang::Fr,
            RuleId::NoThanks
        ));
        assert!(!fires("Hi. Best regards, Sam", Lang::En, RuleId::NoThanks));
        assert!(fires(
            "Bonjour, j'ai lu votre article.",
            Lang::Fr,
            RuleId::NoThanks
        ));
        assert!(!fires("Hi. Best,\nSam", Lang::En, RuleId::NoThanks));
        // "the best" is flattery, not a closing.
        assert!(fires("Hi, you are the best.", Lang::En, RuleId::NoThanks));
    }
}
