//! `sales-pitch` and `sales-disclaimer`: « ne parlez pas que de votre
//! business ». A member who writes to many people about their own service is a
//! spammer, even with one message each: indirect advertising. A first note
//! offers nothing, prices nothing, and asks for no call or demo.

use super::quoting;
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::{Note, Out};
use regex::Regex;
use std::sync::LazyLock;

/// Prices and discounts: « 49 € », « 1 200 euros HT », "$99", « -30 % », "20% off".
static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        [€$£]\s?\d{1,3}(?:[\s.,]\d{3})*(?:[.,]\d{1,2})?(?:k(?-u:\b))?
        | (?-u:\b)\d{1,3}(?:[\s.,]\d{3})*(?:[.,]\d{1,2})?\s?(?:€|k€|euros?(?-u:\b)|eur(?-u:\b)|\$|£|dollars?(?-u:\b)|usd(?-u:\b))(?:\s?(?:ht|ttc)(?-u:\b))?
        | (?:^|[\s(])-\s?\d{1,2}\s?%
        | (?-u:\b)\d{1,2}\s?%\s?(?:off(?-u:\b)|discount(?-u:\b)|de\s+remise(?-u:\b)|de\s+réduction(?-u:\b))
        ",
    )
    .expect("a fixed pattern compiles")
});

pub fn check(n: &Note, out: &mut Out) {
    for hit in n.hits(Category::SalesPitch) {
        pitch(n, out, hit.span.clone());
    }
    for m in PRICE.find_iter(n.text) {
        let s = m.as_str();
        let lead = s.len() - s.trim_start().len();
        pitch(n, out, m.start() + lead..m.end());
    }
    for hit in n.hits(Category::SalesDisclaimer) {
        out.push(
            RuleId::SalesDisclaimer,
            hit.span.clone(),
            quoting(
                "{} fait penser à la vente plutôt que de l'écarter",
                "{} makes the reader think of selling",
                &n.text[hit.span.clone()],
            ),
            Some(Localized::new(
                "retirez-le : une raison claire suffit",
                "drop it: a clear reason is enough",
            )),
        );
    }
}

fn pitch(n: &Note, out: &mut Out, span: std::ops::Range<usize>) {
    out.push(
        RuleId::SalesPitch,
        span.clone(),
        quoting(
            "{} : une première note ne vend rien",
            "{}: a first note sells nothing",
            n.text[span].trim(),
        ),
        Some(Localized::new(
            "retirez l'offre et dites pourquoi vous voulez échanger",
            "drop the offer and say why you want to connect",
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, spans};

    #[test]
    fn french_pitches() {
        let t = "Bonjour, découvrez notre offre gratuite, -30 % jusqu'à vendredi, à 49 € HT.";
        let s = spans(t, Lang::Fr, RuleId::SalesPitch);
        assert!(s.contains(&"découvrez notre offre".to_string()), "{s:?}");
        assert!(s.contains(&"gratuite".to_string()), "{s:?}");
        assert!(s.contains(&"-30 %".to_string()), "{s:?}");
        assert!(s.contains(&"49 € HT".to_string()), "{s:?}");
        assert!(fires(
            "Prenons 15 minutes pour en parler.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
    }

    #[test]
    fn english_pitches() {
        let t = "Book a demo of our platform: 20% off, only $99.";
        let s = spans(t, Lang::En, RuleId::SalesPitch);
        assert!(s.contains(&"Book a demo of".to_string()), "{s:?}");
        assert!(s.contains(&"our platform".to_string()), "{s:?}");
        assert!(s.contains(&"20% off".to_string()), "{s:?}");
        assert!(s.contains(&"$99".to_string()), "{s:?}");
    }

    #[test]
    fn near_misses() {
        // A reassurance is a smell, not a pitch.
        assert!(!fires(
            "Je ne vends rien, promis.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        assert!(fires(
            "Je ne vends rien, promis.",
            Lang::Fr,
            RuleId::SalesDisclaimer
        ));
        assert!(!fires(
            "I'm not selling anything.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(fires(
            "I'm not selling anything.",
            Lang::En,
            RuleId::SalesDisclaimer
        ));
        // Words that merely contain a pitch word.
        assert!(!fires(
            "Feel free to ignore this; ils offrent peu.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "Votre article sur la tarification m'a appris beaucoup.",
            Lang::Fr,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "Your post on 30% growth in Lyon was great.",
            Lang::En,
            RuleId::SalesPitch
        ));
        assert!(!fires(
            "We met at the YC demo day.",
            Lang::En,
            RuleId::SalesPitch
        ));
    }
}
