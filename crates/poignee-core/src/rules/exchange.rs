//! `no-exchange`: « écoutez, participez ». Networks are give-and-take: a good
//! note leaves room for the other person, with a question about their work or
//! an open « au plaisir d'échanger » — never a call or a favour asked, which
//! is a pitch. A hint, never an error.

use crate::diagnostic::RuleId;
use crate::lang::{Lang, Localized};
use crate::lexicon::Category;
use crate::note::{Note, Out};

pub fn check(n: &Note, out: &mut Out) {
    if n.text.contains('?') || n.has(Category::Exchange) {
        return;
    }
    let example = match n.lang {
        Lang::Fr => "« Au plaisir d'échanger sur… »",
        Lang::En => "“Curious how you…?”",
    };
    out.push(
        RuleId::NoExchange,
        n.end(),
        Localized::new(
            "la note ne laisse pas de place à un échange",
            "the note leaves no room for an exchange",
        ),
        Some(Localized::new(
            // A question about their work, not an ask: a call or a favour
            // asked is a pitch (`sales-pitch`).
            format!("laissez-lui de quoi répondre, sans rien demander : {example}"),
            format!("leave them something to answer, asking for nothing: {example}"),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::fires;

    #[test]
    fn openings() {
        assert!(!fires(
            "Comment avez-vous fait ?",
            Lang::Fr,
            RuleId::NoExchange
        ));
        assert!(!fires(
            "Au plaisir d'échanger.",
            Lang::Fr,
            RuleId::NoExchange
        ));
        assert!(!fires(
            "Would love to hear your take.",
            Lang::En,
            RuleId::NoExchange
        ));
        assert!(fires("Bonjour, merci.", Lang::Fr, RuleId::NoExchange));
        assert!(fires("Hi, thanks.", Lang::En, RuleId::NoExchange));
    }
}
