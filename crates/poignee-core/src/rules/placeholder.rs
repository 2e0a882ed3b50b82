//! `unfilled-placeholder`: a `{{first_name}}` or `[Prénom]` left from a
//! template. Nothing tells a reader "you are on a list" faster.

use super::quoting;
use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::note::{Note, Out};
use regex::Regex;
use std::sync::LazyLock;

// An unclosed `{{word` is cut to 40 characters of its word here, not by
// `{1,40}` in the pattern: a bounded repetition of `\w` compiles to forty
// copies of every Unicode letter, 17 ms at each start of the program.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \{\{[^{}\n]{0,80}\}\}
        | \[\s*(?:pr[ée]nom|nom|name|first\s?name|last\s?name|full\s?name|company|company\s?name|entreprise|soci[ée]t[ée]|poste|job\s?title|title|[ée]v[ée]nement|event|sujet|topic|ville|city|school|[ée]cole|xxx+)[^\]\n]{0,30}\]
        | (?-u:\b)XXX+(?-u:\b)
        | \{\{\s*[\w|]+
        ",
    )
    .expect("a fixed pattern compiles")
});

pub fn check(n: &Note, out: &mut Out) {
    let braces = n.text.contains(['{', '[']) || n.text.to_ascii_lowercase().contains("xxx");
    for m in PLACEHOLDER.find_iter(if braces { n.text } else { "" }) {
        let span = cut(m.as_str(), m.start());
        out.push(
            RuleId::UnfilledPlaceholder,
            span.clone(),
            quoting("{} n'est pas rempli", "{} is not filled in", &n.text[span]),
            Some(Localized::new(
                "remplacez-le par le vrai texte",
                "replace it with the real text",
            )),
        );
    }
}

/// Characters at most of an unclosed `{{`'s word.
const UNCLOSED_WORD: usize = 40;

/// The span of match `s` at `start`: an unclosed `{{` with its word cut to
/// [`UNCLOSED_WORD`] characters.
fn cut(s: &str, start: usize) -> std::ops::Range<usize> {
    if s.starts_with("{{") && !s.ends_with("}}") {
        let word = s[2..].trim_start();
        let before = s.len() - word.len();
        let kept: usize = word.chars().take(UNCLOSED_WORD).map(char::len_utf8).sum();
        return start..start + before + kept;
    }
    start..start + s.len()
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
    fn an_unclosed_brace_is_cut_to_forty_characters_of_its_word() {
        let long = format!("Bonjour {{{{ {}, merci.", "é".repeat(60));
        let found = spans(&long, Lang::Fr, RuleId::UnfilledPlaceholder);
        assert_eq!(found, [format!("{{{{ {}", "é".repeat(40))]);
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
