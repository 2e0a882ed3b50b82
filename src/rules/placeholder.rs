//! `unfilled-placeholder`: a `{{first_name}}` or `[Prénom]` left from a
//! template. Nothing tells a reader "you are on a list" faster.

use super::quoting;
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::note::{Note, Out};
use regex::Regex;
use std::sync::LazyLock;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \{\{[^{}\n]{0,80}\}\}
        | \[\s*(?:pr[ée]nom|nom|name|first\s?name|last\s?name|full\s?name|company|company\s?name|entreprise|soci[ée]t[ée]|poste|job\s?title|title|[ée]v[ée]nement|event|sujet|topic|ville|city|school|[ée]cole|xxx+)[^\]\n]{0,30}\]
        | (?-u:\b)XXX+(?-u:\b)
        | \{\{\s*[\w|]{1,40}
        ",
    )
    .expect("a fixed pattern compiles")
});

pub fn check(n: &Note, out: &mut Out) {
    let braces = n.text.contains(['{', '[']) || n.text.to_ascii_lowercase().contains("xxx");
    for m in PLACEHOLDER.find_iter(if braces { n.text } else { "" }) {
        out.push(
            RuleId::UnfilledPlaceholder,
            m.range(),
            quoting("{} n'est pas rempli", "{} is not filled in", m.as_str()),
            Some(Localized::new(
                "remplacez-le par le vrai texte",
                "replace it with the real text",
            )),
        );
    }
}

pub(super) fn warm() {
    LazyLock::force(&PLACEHOLDER);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::spans;

    #[test]
    fn placeholders() {
        assert_eq!(
            spans(
                "Bonjour {{first_name}}, vu à [Événement].",
                Lang::Fr,
                RuleId::UnfilledPlaceholder
            ),
            ["{{first_name}}", "[Événement]"]
        );
        assert_eq!(
            spans(
                "Bonjour {{first_name, merci.",
                Lang::Fr,
                RuleId::UnfilledPlaceholder
            ),
            ["{{first_name"]
        );
        assert_eq!(
            spans(
                "Hi [First Name], XXX",
                Lang::En,
                RuleId::UnfilledPlaceholder
            )
            .len(),
            2
        );
    }

    #[test]
    fn near_misses() {
        assert!(
            spans(
                "Bonjour Claire, [sic] {pas un champ}",
                Lang::Fr,
                RuleId::UnfilledPlaceholder
            )
            .is_empty()
        );
    }
}
