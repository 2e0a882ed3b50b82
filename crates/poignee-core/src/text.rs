//! Text helpers shared by the rules: accent folding with a map back to the
//! original bytes, words, sentences, syllables, platform character counts,
//! and what a terminal must never be sent raw (control and bidi characters).
//!
//! Everything here works on byte offsets into the text the user wrote; rules
//! report those offsets and the edges (CLI, TUI) convert them once.

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A lowercase, accent-free copy of a text, with typographic apostrophes made
/// straight and runs of white space folded to one space, plus the map from
/// each folded byte back to the original character it came from.
///
/// « L’Offre  Gratuite » folds to `l'offre gratuite`, so one word list entry
/// matches every way of typing it.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    /// For each byte of `text`: the original char's byte range.
    origin: Vec<(u32, u32)>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut last_space = true;
        for (start, c) in original.char_indices() {
            if c.is_ascii() {
                // Most of a note: one byte in, one byte out.
                let range = (start as u32, start as u32 + 1);
                if c.is_ascii_whitespace() {
                    if !last_space {
                        text.push(' ');
                        origin.push(range);
                        last_space = true;
                    }
                } else {
                    last_space = false;
                    text.push(if c == '`' {
                        '\''
                    } else {
                        c.to_ascii_lowercase()
                    });
                    origin.push(range);
                }
                continue;
            }
            let end = start + c.len_utf8();
            let range = (start as u32, end as u32);
            if c.is_whitespace() {
                if !last_space {
                    text.push(' ');
                    origin.push(range);
                    last_space = true;
                }
                continue;
            }
            last_space = false;
            let before = text.len();
            fold_char(c, &mut text);
            origin.extend(std::iter::repeat_n(range, text.len() - before));
        }
        Folded { text, origin }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range covered by the folded range `r` (non-empty).
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.end > self.origin.len() {
            let at = self.origin.get(r.start).map_or(0, |o| o.0 as usize);
            return at..at;
        }
        self.origin[r.start].0 as usize..self.origin[r.end - 1].1 as usize
    }

    /// The folded offset of the first folded byte at or after original byte `at`.
    pub fn folded_offset(&self, at: usize) -> usize {
        self.origin.partition_point(|o| (o.0 as usize) < at)
    }
}

/// Appends the folded form of `c`: lowercase, without diacritics, ligatures
/// spelled out, typographic apostrophes straight.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' | '`' => out.push('\''),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
        _ => {
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// Folds a whole string (used for word lists, names and aliases).
pub fn fold(s: &str) -> String {
    Folded::new(s.trim()).text
}

/// A letter or digit: what a word is made of, in any script.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte ranges of the words of `text`: runs of letters and digits, with an
/// inner apostrophe or hyphen kept inside the word (« aujourd’hui », "e-mail").
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The char starting at byte `at`, if any.
    let char_at = move |at: usize| text.get(at..).and_then(|s| s.chars().next());
    std::iter::from_fn(move || {
        // Skip to the first letter or digit (ASCII bytes without decoding).
        let start = loop {
            let b = *bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
                continue;
            }
            let c = char_at(i)?;
            if is_word_char(c) {
                break i;
            }
            i += c.len_utf8();
        };
        let mut end = text.len();
        let mut j = start;
        while let Some(c) = char_at(j) {
            let len = c.len_utf8();
            if is_word_char(c) {
                j += len;
                continue;
            }
            let joiner = matches!(c, '\'' | '\u{2019}' | '-');
            if joiner && char_at(j + len).is_some_and(is_word_char) {
                j += len;
                continue;
            }
            end = j;
            break;
        }
        i = end;
        Some(start..end)
    })
}

/// Byte ranges of the sentences of `text`, trimmed. A sentence ends at `.`,
/// `!`, `?` or `…` followed by white space, or at a line break (unless the
/// next line goes on in lower case).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    // The last character before this one that is not white space: what
    // `text[..i].trim_end()` ends with, kept as we go rather than searched
    // for at each line break (a text of line breaks would be quadratic).
    let mut solid: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        let before = solid;
        if !c.is_whitespace() {
            solid = Some(c);
        }
        let end_here = match c {
            // A line that runs on in lower case was wrapped by hand
            // ("learn about\nopportunities"): the sentence goes on.
            '\n' => {
                let after = text[i + 1..].trim_start_matches([' ', '\t']).chars().next();
                let runs_on = before.is_some_and(|b| b.is_alphanumeric() || b == ',')
                    && after.is_some_and(char::is_lowercase);
                (!runs_on).then_some(i)
            }
            '.' | '!' | '?' | '…' => {
                let mut j = i + c.len_utf8();
                while let Some(&(k, n)) = iter.peek() {
                    if matches!(n, '.' | '!' | '?' | '…' | '»' | '"' | ')' | '\u{201D}') {
                        j = k + n.len_utf8();
                        solid = Some(n);
                        iter.next();
                    } else {
                        break;
                    }
                }
                let followed_by_space = text[j..].chars().next().is_none_or(char::is_whitespace);
                followed_by_space.then_some(j)
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[r.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let r = r.start + lead..r.end - trail;
    if !r.is_empty() && text[r.clone()].chars().any(is_word_char) {
        out.push(r);
    }
}

/// Syllables in a word, by vowel groups: a close estimate for French and
/// English, which is all readability formulas need.
pub fn syllables(word: &str, lang: crate::Lang) -> usize {
    // The base letter of each character, without building a folded copy.
    let base = |c: char| {
        if c.is_ascii() {
            return c.to_ascii_lowercase();
        }
        let mut b = c;
        for lower in c.to_lowercase().take(1) {
            b = lower;
            decompose_canonical(lower, |d| {
                if !is_combining_mark(d) && b == lower {
                    b = d;
                }
            });
        }
        b
    };
    let is_vowel = |c: char| matches!(base(c), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev_vowel = false;
    for c in word.chars() {
        let v = if c.is_ascii() {
            matches!(c as u8 | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        } else {
            is_vowel(c)
        };
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    // Decide on the word as written: « rencontré » ends with a sounded é.
    let ends = |tail: &str| {
        word.len() >= tail.len()
            && word.is_char_boundary(word.len() - tail.len())
            && word[word.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    let silent_e = if lang == crate::Lang::Fr {
        ends("e") || ends("es") || ends("ent")
    } else {
        ends("e") && !ends("le") && !ends("ee")
    };
    if silent_e && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Characters as a platform counts them. LinkedIn's note box counts like a
/// browser text field: UTF-16 code units (👋 is 2), a line break is 1.
/// Viadeo counts characters.
pub fn utf16_len(text: &str) -> usize {
    text.chars()
        .filter(|&c| c != '\r')
        .map(char::len_utf16)
        .sum()
}

pub fn char_len(text: &str) -> usize {
    text.chars().filter(|&c| c != '\r').count()
}

/// The byte offset at which a count of `limit` UTF-16 units is reached, if
/// the text goes past it.
pub fn utf16_cut(text: &str, limit: usize) -> Option<usize> {
    let mut n = 0;
    for (i, c) in text.char_indices() {
        if c == '\r' {
            continue;
        }
        n += c.len_utf16();
        if n > limit {
            return Some(i);
        }
    }
    None
}

pub fn char_cut(text: &str, limit: usize) -> Option<usize> {
    text.char_indices()
        .filter(|&(_, c)| c != '\r')
        .nth(limit)
        .map(|(i, _)| i)
}

/// An emoji or pictograph (the common blocks; skin tones and joiners are not
/// counted on their own).
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1F5FF | 0x1F600..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x1F1E6..=0x1F1FF)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A bidirectional control: the embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) and the direction marks (U+200E, U+200F,
/// U+061C). They reorder the text around them: `exe.txt` shown as `txt.exe`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether the character `c` at byte `i` of `text` is one nobody sees in a
/// note: a control other than a line break or a tab, a bidirectional
/// control, or a zero-width character (U+200B, U+200C, U+2060, U+FEFF, and
/// U+200D unless it joins two pictographs, as in 👩‍💻).
pub fn is_hidden(text: &str, i: usize, c: char) -> bool {
    match c {
        '\n' | '\r' | '\t' => false,
        '\u{200d}' => !joins_emoji(text, i),
        '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' => true,
        _ => c.is_control() || is_bidi_control(c),
    }
}

/// Whether the zero-width joiner at byte `i` sits between two pictographs
/// (past a variation selector after the first).
fn joins_emoji(text: &str, i: usize) -> bool {
    let before = text[..i]
        .chars()
        .rev()
        .find(|&c| !matches!(c, '\u{fe0e}' | '\u{fe0f}'));
    let after = text[i + '\u{200d}'.len_utf8()..].chars().next();
    before.is_some_and(pictograph) && after.is_some_and(pictograph)
}

/// An emoji, a skin tone or another pictograph that may be joined.
fn pictograph(c: char) -> bool {
    is_emoji(c) || matches!(c as u32, 0x1F000..=0x1FAFF | 0x2300..=0x23FF | 0x2B00..=0x2BFF)
}

/// `s` without its hidden characters ([`is_hidden`]), line breaks and tabs
/// made spaces: a value for one line of a note (a spreadsheet cell).
pub fn without_hidden(s: &str) -> Cow<'_, str> {
    let drop = |(i, c): (usize, char)| is_hidden(s, i, c) || c.is_control();
    if !s.char_indices().any(drop) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(' ');
        } else if !is_hidden(s, i, c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A character that must not reach a terminal as it is: a C0 control, DEL
/// or a C1 control (they move the cursor, retitle the window, clear the
/// screen), or a bidirectional control.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `s` made safe to print on one line of a terminal: every character of
/// [`is_unsafe_for_terminal`], line breaks and tabs included, shown as
/// `<U+001B>`. For file names, messages and anything a one-line format
/// (`short`, `github`) prints.
pub fn terminal_line(s: &str) -> Cow<'_, str> {
    escape_unsafe(s, Keep::Nothing)
}

/// `s` made safe to print to a terminal over several lines: as
/// [`terminal_line`], but line breaks are kept (CRLF as LF).
pub fn terminal_lines(s: &str) -> Cow<'_, str> {
    escape_unsafe(s, Keep::Lines)
}

/// A CSV cell made safe to print to a terminal: as [`terminal_line`], but
/// what a cell may hold and a terminal does not act on stays as it is — a
/// line break (LF or CRLF, the cell quoted) and a tab. A lone CR (which
/// writes over the line shown), ESC, BEL, the C1 controls and the bidi
/// controls are shown as `<U+001B>`, as everywhere else.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    escape_unsafe(s, Keep::Cell)
}

/// What [`escape_unsafe`] lets through of [`is_unsafe_for_terminal`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Nothing,
    /// LF; CRLF as LF.
    Lines,
    /// LF, CRLF and tab, as they are.
    Cell,
}

/// The one sanitiser of what poignee prints: every character a terminal
/// acts on, but those `keep` lets through, shown as `<U+001B>`.
fn escape_unsafe(s: &str, keep: Keep) -> Cow<'_, str> {
    let kept = |c: char, next: Option<char>| match keep {
        Keep::Nothing => false,
        Keep::Lines => c == '\n',
        Keep::Cell => c == '\n' || c == '\t' || (c == '\r' && next == Some('\n')),
    };
    let mut chars = s.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if is_unsafe_for_terminal(c) && !kept(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if keep == Keep::Lines && c == '\r' && next == Some('\n') {
            continue;
        }
        if is_unsafe_for_terminal(c) && !kept(c, next) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_keeps_its_lines_and_tabs_not_what_a_terminal_runs() {
        assert_eq!(
            csv_cell("Acme\tSAS\r\n2e étage\n"),
            "Acme\tSAS\r\n2e étage\n"
        );
        assert_eq!(
            csv_cell("\u{1b}]0;owned\u{7}\u{1b}[2J x\ry\u{9b}\u{202e}"),
            "<U+001B>]0;owned<U+0007><U+001B>[2J x<U+000D>y<U+009B><U+202E>"
        );
        assert_eq!(terminal_lines("a\r\nb\tc"), "a\nb<U+0009>c");
        assert_eq!(terminal_line("a\nb"), "a<U+000A>b");
    }

    #[test]
    fn folds_accents_case_apostrophes_and_space() {
        let f = Folded::new("L’Offre  GRATUITE\n Œuvre été");
        assert_eq!(f.as_str(), "l'offre gratuite oeuvre ete");
        // "gratuite" maps back to the original capitals.
        let s = f.as_str().find("gratuite").unwrap_or(0);
        let r = f.original_range(s..s + 8);
        assert_eq!(&"L’Offre  GRATUITE\n Œuvre été"[r], "GRATUITE");
        let s = f.as_str().find("ete").unwrap_or(0);
        let r = f.original_range(s..s + 3);
        assert_eq!(&"L’Offre  GRATUITE\n Œuvre été"[r], "été");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let t = "Aujourd’hui, j'ai lu ton e-mail -- merci !";
        let w: Vec<&str> = words(t).map(|r| &t[r]).collect();
        assert_eq!(w, ["Aujourd’hui", "j'ai", "lu", "ton", "e-mail", "merci"]);
    }

    #[test]
    fn sentences_split_on_terminators_and_lines() {
        let t = "Bonjour Claire,\nJ'ai lu votre article. Il m'a plu !  Merci…";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            [
                "Bonjour Claire,",
                "J'ai lu votre article.",
                "Il m'a plu !",
                "Merci…"
            ]
        );
        assert_eq!(sentences("v1.2 is out").len(), 1);
    }

    #[test]
    fn counts_like_the_platforms() {
        assert_eq!(utf16_len("Salut 👋"), 8);
        assert_eq!(char_len("Salut 👋"), 7);
        assert_eq!(utf16_len("a\r\nb"), 3);
        assert_eq!(utf16_cut("ab👋c", 3), Some(2));
        assert_eq!(utf16_cut("abc", 3), None);
        assert_eq!(char_cut("abcd", 3), Some(3));
    }

    #[test]
    fn syllables_are_close() {
        assert_eq!(syllables("rencontré", crate::Lang::Fr), 3);
        assert_eq!(syllables("table", crate::Lang::Fr), 1);
        assert_eq!(syllables("conference", crate::Lang::En), 3);
        assert_eq!(syllables("a", crate::Lang::En), 1);
    }

    #[test]
    fn terminal_escapes_are_shown_not_sent() {
        let s = "Eve\u{1b}]0;HACKED\u{7} \u{202e}gnp\u{9b}\u{7f}\tok\r\nnext";
        assert_eq!(
            terminal_line(s),
            "Eve<U+001B>]0;HACKED<U+0007> <U+202E>gnp<U+009B><U+007F><U+0009>ok<U+000D><U+000A>next"
        );
        assert_eq!(
            terminal_lines(s),
            "Eve<U+001B>]0;HACKED<U+0007> <U+202E>gnp<U+009B><U+007F><U+0009>ok\nnext"
        );
        assert!(matches!(terminal_line("Bonjour 👩‍💻 é"), Cow::Borrowed(_)));
        assert!(matches!(terminal_lines("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn hidden_characters_are_dropped_from_a_cell() {
        assert_eq!(without_hidden("Eve\u{1b}]0;HACKED\u{7}"), "Eve]0;HACKED");
        assert_eq!(
            without_hidden("\u{202e}Lyon\u{200b}\r\nRhône\t"),
            "Lyon  Rhône "
        );
        assert_eq!(without_hidden("dev 👩‍💻 Cl\u{200d}aire"), "dev 👩‍💻 Claire");
        assert!(matches!(without_hidden("Inès 👩‍💻"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_col_counts_chars() {
        let t = "é\nabc";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 5), (2, 3));
    }
}
