//! The words the judgement ([`crate::judge`]) reads in a note: the pattern
//! tokenizer's, accents and case folded; a number is `#`, a capitalised word
//! inside a line (a name) is `CAP`, and `?` and `!` are words of their own.

use super::tokens::{Kind, Token};
use crate::text::Folded;
use std::ops::Range;

/// One token as the model reads it, with the sentence it is in.
pub struct Unit<'a> {
    pub word: &'a str,
    pub sentence: u32,
    /// Byte range in the note.
    pub span: Range<usize>,
}

/// The model's words for the tokens of a note (`folded` is its folded form).
pub(crate) fn units<'a>(original: &str, folded: &'a str, toks: &[Token]) -> Vec<Unit<'a>> {
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let word = match t.kind {
            Kind::Number => "#",
            Kind::Punct => match &folded[t.folded.clone()] {
                "?" => "?",
                "!" => "!",
                _ => continue,
            },
            Kind::Word => {
                let name = t.capital && {
                    let line_start = i.checked_sub(1).is_none_or(|p| {
                        let prev = &toks[p];
                        prev.sentence != t.sentence
                            || original[prev.span.end..t.span.start].contains('\n')
                            || matches!(&folded[prev.folded.clone()], "." | "!" | "?" | ":")
                    });
                    // An acronym ("CV", « RGPD ») is a word, not a name.
                    !line_start && original[t.span.clone()].chars().any(char::is_lowercase)
                };
                if name {
                    "CAP"
                } else {
                    &folded[t.folded.clone()]
                }
            }
        };
        out.push(Unit {
            word,
            sentence: t.sentence,
            span: t.span.clone(),
        });
    }
    out
}

/// The model's words of a text: folds and tokenizes it the way a note is
/// read.
pub fn units_of(text: &str) -> Vec<String> {
    let folded = Folded::new(text);
    let sentences = crate::text::sentences(text);
    let toks = super::tokens::tokenize(text, &folded, &sentences);
    units(text, folded.as_str(), &toks)
        .into_iter()
        .map(|u| u.word.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_questions_are_words_of_their_own() {
        assert_eq!(
            units_of("Bonjour Léa, 40 places chez Acme ? CV joint."),
            [
                "bonjour", "CAP", "#", "places", "chez", "CAP", "?", "cv", "joint"
            ]
        );
    }
}
