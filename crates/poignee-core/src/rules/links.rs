//! `link` and `contact-details`: « pas de publicité, même indirecte ». A URL,
//! a calendar link, an e-mail address or a phone number in a first note asks
//! the person to go somewhere before they know why; it is how spam looks.

use super::quoting;
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::note::{Note, Out};
use crate::spans::Spans;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}").expect("a fixed pattern compiles")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:\+|(?-u:\b)00)[0-9]{1,3}[\s.-]?(?:\(0\)\s?)?[0-9]{1,4}(?:[\s.-]?[0-9]{2,4}){2,5}(?-u:\b)
        | (?-u:\b)0[1-9](?:[\s.-]?[0-9]{2}){4}(?-u:\b)
        | \([0-9]{3}\)\s?[0-9]{3}[\s.-][0-9]{4}(?-u:\b)
        | (?-u:\b)[0-9]{3}[.-][0-9]{3}[.-][0-9]{4}(?-u:\b)
        | (?-u:\b)0[0-9]{3,4}[\s.-]?[0-9]{3}[\s.-]?[0-9]{3,4}(?-u:\b)
        ",
    )
    .expect("a fixed pattern compiles")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?-u:\b)(?:https?://|www\.)[^\s<>«»]+
        | (?-u:\b)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|fr|io|net|org|co|eu|me|ly|app|dev|ai|biz|info|be|ch|ca|uk|de|link|page|site|gle|gl|xyz|tv|us|nl|es|it|pt|pl|se|ie|au|in|sg|za)(?-u:\b)(?:/[^\s<>«»]*)?
        | (?-u:\b)calendly(?-u:\b)
        ",
    )
    .expect("a fixed pattern compiles")
});

pub fn check(n: &Note, out: &mut Out) {
    let mut taken: Vec<Range<usize>> = Vec::new();
    let has = |c: char| n.text.contains(c);
    let digits = n.text.bytes().any(|b| b.is_ascii_digit());
    for m in EMAIL.find_iter(if has('@') { n.text } else { "" }) {
        taken.push(m.range());
        out.push(
            RuleId::ContactDetails,
            m.range(),
            quoting("adresse e-mail {}", "e-mail address {}", m.as_str()),
            Some(Localized::new(
                "retirez-la : la messagerie suffira une fois l'invitation acceptée",
                "drop it: messages will do once they accept",
            )),
        );
    }
    // The e-mail addresses, then with the phone numbers, asked in O(log n)
    // a match (the matches of one pattern never overlap each other).
    let emails = Spans::new(taken.iter().cloned());
    for m in PHONE.find_iter(if digits { n.text } else { "" }) {
        if emails.overlaps(&m.range()) {
            continue;
        }
        taken.push(m.range());
        out.push(
            RuleId::ContactDetails,
            m.range(),
            quoting("numéro de téléphone {}", "phone number {}", m.as_str()),
            Some(Localized::new(
                "retirez-le : la messagerie suffira une fois l'invitation acceptée",
                "drop it: messages will do once they accept",
            )),
        );
    }
    let taken = Spans::new(taken);
    let url = has('.') || n.text.to_ascii_lowercase().contains("calendly");
    for m in URL.find_iter(if url { n.text } else { "" }) {
        let trimmed = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '’']);
        let span = m.start()..m.start() + trimmed.len();
        // "Booking.com", "Remote.com": a brand written with a capital, not an
        // address to visit.
        let bare = !trimmed.contains("://") && !trimmed.to_ascii_lowercase().starts_with("www.");
        if bare && !trimmed.contains('/') && trimmed.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        if taken.overlaps(&span) {
            continue;
        }
        out.push(
            RuleId::Link,
            span,
            quoting("lien {}", "link {}", trimmed),
            Some(Localized::new(
                "gardez le lien pour après l'acceptation",
                "keep the link for after they accept",
            )),
        );
    }
}

pub(super) fn warm() {
    LazyLock::force(&EMAIL);
    LazyLock::force(&PHONE);
    LazyLock::force(&URL);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::spans;

    #[test]
    fn links() {
        let t = "Voir https://exemple.fr/offre, www.acme.io et calendly.com/sam.";
        assert_eq!(
            spans(t, Lang::Fr, RuleId::Link),
            [
                "https://exemple.fr/offre",
                "www.acme.io",
                "calendly.com/sam"
            ]
        );
        assert!(spans("Node.js et M. Dupont, e.g. 3.5", Lang::Fr, RuleId::Link).is_empty());
    }

    #[test]
    fn emails_and_phones_not_links() {
        let t = "Écrivez-moi à claire.martin@acme.fr ou au 06 12 34 56 78, +33 6 12 34 56 78.";
        assert_eq!(
            spans(t, Lang::Fr, RuleId::ContactDetails),
            [
                "claire.martin@acme.fr",
                "06 12 34 56 78",
                "+33 6 12 34 56 78"
            ]
        );
        assert!(spans(t, Lang::Fr, RuleId::Link).is_empty());
        let en = "Call me at (415) 555-0134 or 415.555.0134.";
        assert_eq!(spans(en, Lang::En, RuleId::ContactDetails).len(), 2);
        let uk = "Ring 07700 900461 or 0161 496 0753 after six.";
        assert_eq!(
            spans(uk, Lang::En, RuleId::ContactDetails),
            ["07700 900461", "0161 496 0753"]
        );
    }

    #[test]
    fn years_and_counts_are_not_phones() {
        assert!(
            spans(
                "En 2024, 1 200 personnes au salon.",
                Lang::Fr,
                RuleId::ContactDetails
            )
            .is_empty()
        );
    }
}
