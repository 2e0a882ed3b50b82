//! `no-greeting`: « soyez poli ». A note opens with a greeting; a bare name
//! (« Claire, … ») is not one.

use crate::diagnostic::{RuleId, Severity};
use crate::lang::{Lang, Localized};
use crate::lexicon::Category;
use crate::note::{Note, Out};

/// A greeting counts when it starts within the first three words.
const OPENING_WORDS: usize = 3;

pub fn check(n: &Note, out: &mut Out) {
    let opening_end = n
        .words
        .get(OPENING_WORDS.min(n.words.len()).saturating_sub(1))
        .map_or(0, |w| w.end);
    if n.hits(Category::Greeting)
        .any(|h| h.span.start < opening_end)
    {
        return;
    }
    // A note that thanks is polite without a greeting (LABELS.md): a hint
    // then. A closing alone (« Au plaisir », "Best") is not a thank-you.
    let natural = if thanks(n) {
        Severity::Info
    } else {
        Severity::Warning
    };
    let example = match n.lang {
        Lang::Fr => "« Bonjour Claire, »",
        Lang::En => "“Hi Claire,”",
    };
    out.push_at(
        RuleId::NoGreeting,
        natural,
        n.first_word(),
        Localized::new(
            "la note ne commence pas par une salutation",
            "the note does not open with a greeting",
        ),
        Some(Localized::new(
            format!("commencez par une salutation : {example}"),
            format!("open with a greeting: {example}"),
        )),
    );
}

/// Whether the note says thank you, in so many words.
fn thanks(n: &Note) -> bool {
    const WORDS: [&str; 8] = [
        "merci",
        "remerci",
        "thank",
        "thanks",
        "thx",
        "grateful",
        "reconnaissan",
        "gratitude",
    ];
    n.hits(Category::Thanks).any(|h| {
        let folded = crate::text::fold(&n.text[h.span.clone()]);
        WORDS.iter().any(|w| folded.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::fires;

    #[test]
    fn greetings() {
        assert!(!fires(
            "Bonjour Claire, merci.",
            Lang::Fr,
            RuleId::NoGreeting
        ));
        assert!(!fires(
            "Chère Madame Martin, merci.",
            Lang::Fr,
            RuleId::NoGreeting
        ));
        assert!(!fires("Hi Sam, thanks.", Lang::En, RuleId::NoGreeting));
        assert!(!fires(
            "Dear Dr. Smith, thanks.",
            Lang::En,
            RuleId::NoGreeting
        ));
    }

    #[test]
    fn bare_name_or_late_greeting_is_not_one() {
        assert!(fires(
            "Claire, j'ai lu votre article.",
            Lang::Fr,
            RuleId::NoGreeting
        ));
        assert!(fires(
            "Sam, I read your post. Hello from Paris!",
            Lang::En,
            RuleId::NoGreeting
        ));
        // "hi" inside a word is not a greeting
        assert!(fires(
            "This is about your article.",
            Lang::En,
            RuleId::NoGreeting
        ));
    }
}
