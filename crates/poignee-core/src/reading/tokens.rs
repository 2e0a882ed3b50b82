//! Tokens for the pattern matcher: words, numbers and punctuation of the
//! accent-folded text, each with its span in the original text and the
//! sentence it belongs to.
//!
//! French elisions are split off (« j’ai » is `j'` + `ai`, « l’offre » is
//! `l'` + `offre`), and so are English clitics ("I'm" is `i` + `'m`,
//! "Acme's" is `acme` + `'s`, "don't" is `do` + `n't`), so a pattern says
//! each once. Hyphens separate words (« seriez-vous » is `seriez` `vous`,
//! "like-minded" is `like` `minded`), and a gender mark glued to a word
//! (« ravi(e) », « intéressé·e ») is part of the word, not a token.

use crate::text::Folded;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the folded text.
    pub folded: Range<usize>,
    /// Byte range in the original text.
    pub span: Range<usize>,
    pub kind: Kind,
    /// Index of the sentence the token is in.
    pub sentence: u32,
    /// The original starts with a capital letter.
    pub capital: bool,
}

/// French words that elide their vowel before another word.
const ELISIONS: [&str; 13] = [
    "l", "d", "j", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];
/// English endings after an apostrophe that are words of their own.
const CLITICS: [&str; 6] = ["m", "re", "ve", "d", "ll", "s"];

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\''
}

/// Splits `folded` (the folded form of `original`) into tokens.
/// `sentences` are the original byte ranges of the sentences, in order; a
/// token between two sentences joins the next.
pub fn tokenize(original: &str, folded: &Folded, sentences: &[Range<usize>]) -> Vec<Token> {
    let text = folded.as_str();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentence = 0usize;
    let mut push = |r: Range<usize>, kind: Kind| {
        let span = folded.original_range(r.clone());
        while sentence + 1 < sentences.len() && span.start >= sentences[sentence].end {
            sentence += 1;
        }
        let capital = original
            .get(span.clone())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase);
        tokens.push(Token {
            folded: r,
            span,
            kind,
            sentence: sentence as u32,
            capital,
        });
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if c == ' ' || c == '-' || is_apostrophe(c) {
            i += c.len_utf8();
            continue;
        }
        if !is_word(c) {
            let end = i + c.len_utf8();
            push(i..end, Kind::Punct);
            i = end;
            continue;
        }
        // A run of letters, or of digits: « 3x » and "15min" are two tokens.
        // ASCII bytes are read as bytes; the rest as characters.
        let digits = c.is_ascii_digit();
        let mut end = i;
        while let Some(&b) = bytes.get(end) {
            if !b.is_ascii() || !b.is_ascii_alphanumeric() || b.is_ascii_digit() != digits {
                break;
            }
            end += 1;
        }
        if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
            end += text[end..]
                .find(|ch: char| !is_word(ch) || ch.is_ascii_digit() != digits)
                .unwrap_or(text.len() - end);
        }
        if digits {
            push(i..end, Kind::Number);
            i = end;
            continue;
        }
        let word = &text[i..end];
        let after = &text[end..];
        if after.starts_with('\'') && ELISIONS.contains(&word) {
            // « j' », then the next word on the next turn.
            push(i..end + 1, Kind::Word);
            i = end + 1;
            continue;
        }
        if let Some(tail) = after.strip_prefix('\'')
            && tail.chars().next().is_some_and(is_word)
        {
            let tail_end = end + 1 + tail.find(|ch: char| !is_word(ch)).unwrap_or(tail.len());
            let tail = &text[end + 1..tail_end];
            if tail == "t" && word.len() > 1 && word.ends_with('n') {
                // "don't": `do` + `n't`.
                push(i..end - 1, Kind::Word);
                push(end - 1..tail_end, Kind::Word);
                i = tail_end;
            } else if CLITICS.contains(&tail) {
                push(i..end, Kind::Word);
                push(end..tail_end, Kind::Word);
                i = tail_end;
            } else {
                // « aujourd'hui », "o'clock": one word.
                push(i..tail_end, Kind::Word);
                i = tail_end;
            }
            continue;
        }
        push(i..end, Kind::Word);
        i = end + gender_mark(after).unwrap_or(0);
    }
    tokens
}

/// The length of a gender mark at the start of `rest`: `(e)`, `(es)`,
/// `(ne)`, `·e`, `.e`, `.es`.
fn gender_mark(rest: &str) -> Option<usize> {
    if let Some(inner) = rest.strip_prefix('(') {
        // Look a few bytes ahead only: a mark is short, and a note full of
        // "(" must not be read again for each one.
        let close = inner.get(..inner.len().min(6)).unwrap_or("").find(')')?;
        let mark = &inner[..close];
        let ok = (1..=4).contains(&mark.len()) && mark.bytes().all(|c| c.is_ascii_lowercase());
        return ok.then_some(close + 2);
    }
    for dot in ["\u{b7}", "."] {
        if let Some(tail) = rest.strip_prefix(dot) {
            let mark = ["es", "e"].into_iter().find(|m| tail.starts_with(m))?;
            let ends = !tail[mark.len()..].chars().next().is_some_and(is_word);
            return ends.then_some(dot.len() + mark.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let f = Folded::new(s);
        let sentences = crate::text::sentences(s);
        tokenize(s, &f, &sentences)
            .into_iter()
            .map(|t| f.as_str()[t.folded].to_string())
            .collect()
    }

    #[test]
    fn elisions_clitics_hyphens_and_marks() {
        assert_eq!(
            toks("J’ai vu l'offre, seriez-vous ravi(e) ?"),
            [
                "j'", "ai", "vu", "l'", "offre", ",", "seriez", "vous", "ravi", "?"
            ]
        );
        assert_eq!(
            toks("I'm sure Acme's team don't mind aujourd'hui"),
            [
                "i",
                "'m",
                "sure",
                "acme",
                "'s",
                "team",
                "do",
                "n't",
                "mind",
                "aujourd'hui"
            ]
        );
        assert_eq!(
            toks("3x faster, 15min, -40%"),
            ["3", "x", "faster", ",", "15", "min", ",", "40", "%"]
        );
        assert_eq!(
            toks("intéressé·e et ravi.e."),
            ["interesse", "et", "ravi", "."]
        );
    }

    #[test]
    fn sentences_and_capitals() {
        let s = "Hi Claire,\nWe met at VivaTech. Thanks!";
        let f = Folded::new(s);
        let t = tokenize(s, &f, &crate::text::sentences(s));
        let sent: Vec<u32> = t.iter().map(|t| t.sentence).collect();
        assert_eq!(sent, [0, 0, 0, 1, 1, 1, 1, 1, 2, 2]);
        assert!(t[1].capital && !t[4].capital);
        assert_eq!(&s[t[6].span.clone()], "VivaTech");
    }
}
