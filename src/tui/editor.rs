//! A small text editor, grapheme-correct: `é`, `日本`, `👋🏽` and `👨‍👩‍👧` move
//! and delete as one, so highlights computed on byte spans stay aligned.
//! Undo and redo (typing coalesces into one step), word-wise moves, a
//! selection, and soft wrap computed here so that every visual line keeps its
//! byte range in the text.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Undo steps kept.
const UNDO_DEPTH: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    text: String,
    cursor: usize,
    anchor: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    Typing,
    /// A space typed after a word: it ends the word's undo step.
    Space,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    Up,
    Down,
    Start,
    End_,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    text: String,
    /// A byte offset on a grapheme boundary.
    cursor: usize,
    /// The other end of the selection, when there is one.
    anchor: Option<usize>,
    /// The column kept across vertical moves.
    goal: Option<usize>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
    single_line: bool,
    /// Bumped on every change of the text.
    pub version: u64,
    wrapped: WrapCache,
}

/// The soft wrap of the text at one width, for one version of the text: a
/// frame or a move between lines of a long text does not wrap it again.
#[derive(Debug, Clone, Default)]
struct WrapCache(RefCell<Option<Wrapped>>);

/// A text version, a width, and the visual lines of that text at it.
type Wrapped = (u64, usize, Rc<[Range<usize>]>);

impl PartialEq for WrapCache {
    /// A cache says nothing about the editor: any two are alike.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for WrapCache {}

impl Editor {
    pub fn new(text: &str) -> Editor {
        Editor {
            text: text.to_string(),
            cursor: text.len(),
            ..Editor::default()
        }
    }

    /// A one-line field: line breaks typed or pasted become spaces.
    pub fn single_line(text: &str) -> Editor {
        let mut e = Editor::new(&text.replace(['\r', '\n'], " "));
        e.single_line = true;
        e
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn selection(&self) -> Option<Range<usize>> {
        let a = self.anchor?;
        (a != self.cursor).then(|| a.min(self.cursor)..a.max(self.cursor))
    }

    pub fn selected_text(&self) -> Option<&str> {
        self.selection().map(|r| &self.text[r])
    }

    /// The visual lines of the text at `width` columns ([`wrap`]), wrapped
    /// once per version of the text and width.
    pub fn lines(&self, width: usize) -> Rc<[Range<usize>]> {
        let mut cache = self.wrapped.0.borrow_mut();
        match &*cache {
            Some((version, w, lines)) if *version == self.version && *w == width => {
                Rc::clone(lines)
            }
            _ => {
                let lines: Rc<[Range<usize>]> = wrap(&self.text, width).into();
                *cache = Some((self.version, width, Rc::clone(&lines)));
                lines
            }
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            text: self.text.clone(),
            cursor: self.cursor,
            anchor: self.anchor,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.text = s.text;
        self.cursor = s.cursor.min(self.text.len());
        self.anchor = s.anchor.filter(|&a| a <= self.text.len());
        self.goal = None;
        self.version += 1;
    }

    /// Records the state before a change, unless it continues the same
    /// typing: a word and the space after it are one undo step.
    fn before_edit(&mut self, kind: EditKind) {
        let goes_on = matches!(
            (self.last, kind),
            (Some(EditKind::Typing), EditKind::Typing | EditKind::Space)
        );
        if !goes_on {
            self.undo.push(self.snapshot());
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = Some(kind);
        self.goal = None;
        self.version += 1;
    }

    /// Replaces the whole text (a template applied, a draft opened), as one
    /// undoable step.
    pub fn set_text(&mut self, text: &str) {
        self.before_edit(EditKind::Other);
        self.text = if self.single_line {
            text.replace(['\r', '\n'], " ")
        } else {
            text.replace("\r\n", "\n")
        };
        self.cursor = self.text.len();
        self.anchor = None;
    }

    /// Types or pastes `s` over the selection.
    pub fn insert(&mut self, s: &str) {
        let s = if self.single_line {
            s.replace(['\r', '\n'], " ")
        } else {
            s.replace("\r\n", "\n").replace('\r', "\n")
        };
        if s.is_empty() && self.selection().is_none() {
            return;
        }
        let one = s.chars().count() == 1 && self.selection().is_none();
        self.before_edit(match s.as_str() {
            " " | "\t" if one => EditKind::Space,
            _ if one && !s.contains(char::is_whitespace) => EditKind::Typing,
            _ => EditKind::Other,
        });
        let range = self.selection().unwrap_or(self.cursor..self.cursor);
        self.text.replace_range(range.clone(), &s);
        self.cursor = range.start + s.len();
        self.anchor = None;
    }

    fn delete_range(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.before_edit(EditKind::Other);
        self.text.replace_range(range.clone(), "");
        self.cursor = range.start;
        self.anchor = None;
    }

    pub fn backspace(&mut self) {
        let range = self
            .selection()
            .unwrap_or_else(|| prev_boundary(&self.text, self.cursor)..self.cursor);
        self.delete_range(range);
    }

    pub fn delete(&mut self) {
        let range = self
            .selection()
            .unwrap_or_else(|| self.cursor..next_boundary(&self.text, self.cursor));
        self.delete_range(range);
    }

    pub fn delete_word_back(&mut self) {
        let range = self
            .selection()
            .unwrap_or_else(|| word_left(&self.text, self.cursor)..self.cursor);
        self.delete_range(range);
    }

    pub fn delete_word_forward(&mut self) {
        let range = self
            .selection()
            .unwrap_or_else(|| self.cursor..word_right(&self.text, self.cursor));
        self.delete_range(range);
    }

    /// Removes the selection and returns it.
    pub fn cut(&mut self) -> Option<String> {
        let range = self.selection()?;
        let cut = self.text[range.clone()].to_string();
        self.delete_range(range);
        Some(cut)
    }

    pub fn select_all(&mut self) {
        self.anchor = Some(0);
        self.cursor = self.text.len();
        self.last = None;
    }

    /// Selects a byte range (a diagnostic's span), snapped to graphemes.
    pub fn select(&mut self, range: Range<usize>) {
        let start = floor_boundary(&self.text, range.start.min(self.text.len()));
        let end = ceil_boundary(&self.text, range.end.min(self.text.len()));
        self.anchor = (end > start).then_some(start);
        self.cursor = end;
        self.goal = None;
        self.last = None;
    }

    pub fn undo(&mut self) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        self.redo.push(self.snapshot());
        self.restore(s);
        self.last = None;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        self.undo.push(self.snapshot());
        self.restore(s);
        self.last = None;
        true
    }

    /// Moves the cursor; with `select`, extends the selection. `width` is
    /// the wrap width, for moves between visual lines.
    pub fn moved(&mut self, m: Move, select: bool, width: usize) {
        if select {
            self.anchor.get_or_insert(self.cursor);
        } else if let Some(r) = self.selection() {
            // Left or right on a selection goes to its edge.
            self.anchor = None;
            match m {
                Move::Left => {
                    self.cursor = r.start;
                    return;
                }
                Move::Right => {
                    self.cursor = r.end;
                    return;
                }
                _ => {}
            }
        } else {
            self.anchor = None;
        }
        self.last = None;
        if !matches!(m, Move::Up | Move::Down) {
            self.goal = None;
        }
        // Only moves by visual line need the wrap.
        let visual = matches!(m, Move::Home | Move::End | Move::Up | Move::Down);
        let lines = if visual {
            self.lines(width)
        } else {
            Rc::from([])
        };
        let text = &self.text;
        let (row, col) = position(text, &lines, self.cursor);
        self.cursor = match m {
            Move::Left => prev_boundary(text, self.cursor),
            Move::Right => next_boundary(text, self.cursor),
            Move::WordLeft => word_left(text, self.cursor),
            Move::WordRight => word_right(text, self.cursor),
            Move::Home => lines.get(row).map_or(0, |l| l.start),
            // A soft-wrapped row ends where the next begins: End stays on
            // this row, before the break (its space, or its last character).
            Move::End => match lines.get(row) {
                Some(l)
                    if l.end > l.start && lines.get(row + 1).is_some_and(|n| n.start == l.end) =>
                {
                    prev_boundary(text, l.end)
                }
                Some(l) => l.end,
                None => text.len(),
            },
            Move::Start => 0,
            Move::End_ => text.len(),
            Move::Up | Move::Down => {
                let goal = *self.goal.get_or_insert(col);
                let target = if m == Move::Up {
                    row.checked_sub(1)
                } else {
                    Some(row + 1).filter(|&r| r < lines.len())
                };
                match target {
                    Some(r) => offset_at(text, &lines[r], goal),
                    None if m == Move::Up => 0,
                    None => text.len(),
                }
            }
        };
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    // The text's end is a boundary (no grapheme starts there).
    if at >= text.len() {
        return text.len();
    }
    text.grapheme_indices(true)
        .map(|(i, _)| i)
        .take_while(|&i| i <= at)
        .last()
        .unwrap_or(0)
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    text.grapheme_indices(true)
        .map(|(i, g)| i + g.len())
        .find(|&end| end >= at)
        .unwrap_or(text.len())
}

/// The grapheme boundary before `at`.
pub fn prev_boundary(text: &str, at: usize) -> usize {
    text[..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(0, |(i, _)| i)
}

/// The grapheme boundary after `at`.
pub fn next_boundary(text: &str, at: usize) -> usize {
    text[at..]
        .graphemes(true)
        .next()
        .map_or(text.len(), |g| at + g.len())
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn word_left(text: &str, at: usize) -> usize {
    text.split_word_bound_indices()
        .rev()
        .find(|(i, w)| *i < at && is_word(w))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

fn word_right(text: &str, at: usize) -> usize {
    text.split_word_bound_indices()
        .map(|(i, w)| (i + w.len(), w))
        .find(|(end, w)| *end > at && is_word(w))
        .map_or(text.len(), |(end, _)| end)
}

/// Soft wrap: the byte range of each visual line at `width` columns,
/// breaking after white space when it can and inside a word when it must.
/// Line breaks are not in any range.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut hard_start = 0;
    for hard in text.split('\n') {
        let mut start = hard_start;
        let mut used = 0;
        let mut brk: Option<usize> = None;
        let mut since_brk = 0;
        graphemes(hard, |i, g| {
            let at = hard_start + i;
            let w = UnicodeWidthStr::width(g);
            // A no-break space is no place to break: « Merci ! » keeps
            // its « ! » (U+00A0, U+202F, U+2007, U+2060).
            let space = g.chars().all(breaks);
            if used + w > width && !space && at > start {
                match brk.filter(|&b| b > start) {
                    Some(b) => {
                        lines.push(start..b);
                        start = b;
                        used = since_brk;
                    }
                    None => {
                        lines.push(start..at);
                        start = at;
                        used = 0;
                    }
                }
                brk = None;
                since_brk = 0;
            }
            used += w;
            since_brk += w;
            // Nor a space before French « ! ? ; : » typed as a plain one:
            // the sign stays with its word.
            let sign_next = hard
                .get(i + g.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| matches!(c, '!' | '?' | ';' | ':' | '»'));
            if space && !sign_next {
                brk = Some(at + g.len());
                since_brk = 0;
            }
        });
        lines.push(start..hard_start + hard.len());
        hard_start += hard.len() + 1;
    }
    lines
}

/// White space a line may break after: not the no-break ones.
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2060}')
}

/// Calls `f` with each grapheme of `s` and its offset, as
/// `grapheme_indices(true)` gives them, but faster on the ASCII most notes
/// are made of: between two ASCII characters (other than CR LF) there is
/// always a boundary, so those go byte by byte and only the stretches
/// around other characters are segmented. No rule of segmentation looks
/// back past an ASCII character, so the stretches segment alone as they
/// would in the whole.
fn graphemes<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let bytes = s.as_bytes();
    // A boundary for certain between bytes `k - 1` and `k`.
    let certain =
        |k: usize| bytes[k - 1].is_ascii() && bytes[k].is_ascii() && bytes[k - 1..=k] != *b"\r\n";
    let mut i = 0;
    while i < bytes.len() {
        let last = i + 1 == bytes.len();
        if (last && bytes[i].is_ascii()) || (!last && certain(i + 1)) {
            f(i, &s[i..i + 1]);
            i += 1;
            continue;
        }
        let end = (i + 2..bytes.len())
            .find(|&k| certain(k))
            .unwrap_or(bytes.len());
        for (j, g) in s[i..end].grapheme_indices(true) {
            f(i + j, g);
        }
        i = end;
    }
}

/// The visual (row, column) of a byte offset.
pub fn position(text: &str, lines: &[Range<usize>], at: usize) -> (usize, usize) {
    let row = lines.iter().rposition(|l| l.start <= at).unwrap_or(0);
    let start = lines.get(row).map_or(0, |l| l.start);
    let end = at.clamp(start, text.len());
    (row, UnicodeWidthStr::width(&text[start..end]))
}

/// The byte offset at a column of a visual line (the grapheme boundary at
/// or before it).
pub fn offset_at(text: &str, line: &Range<usize>, col: usize) -> usize {
    let mut used = 0;
    for (i, g) in text[line.clone()].grapheme_indices(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w > col {
            return line.start + i;
        }
        used += w;
    }
    line.end
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Text that looks like notes: words, emoji, combining marks, CJK,
    /// line breaks and random characters.
    fn note() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Bonjour".to_string()),
            Just("découvrez notre offre gratuite".to_string()),
            Just("👋🏽".to_string()),
            Just("👨‍👩‍👧".to_string()),
            Just("日本".to_string()),
            Just("e\u{301}".to_string()),
            Just("\n".to_string()),
            Just("L’".to_string()),
            "\\PC{0,8}",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.join(" "))
    }

    proptest! {
        #[test]
        fn the_editor_keeps_its_cursor_on_a_boundary(start in note(), ops in proptest::collection::vec((0u8..12, "\\PC{0,6}|👋🏽|e\u{301}|\n"), 0..24)) {
            let mut e = Editor::new(&start);
            for (op, text) in &ops {
                match op {
                    0 => e.insert(text),
                    1 => e.backspace(),
                    2 => e.delete(),
                    3 => e.delete_word_back(),
                    4 => { e.undo(); }
                    5 => { e.redo(); }
                    6 => e.moved(Move::Left, false, 20),
                    7 => e.moved(Move::WordRight, true, 20),
                    8 => e.moved(Move::Up, false, 7),
                    9 => e.moved(Move::Down, true, 7),
                    10 => e.select_all(),
                    _ => { e.cut(); }
                }
                prop_assert!(e.cursor() <= e.text().len() && e.text().is_char_boundary(e.cursor()));
                if let Some(r) = e.selection() {
                    prop_assert!(e.text().is_char_boundary(r.start) && e.text().is_char_boundary(r.end));
                }
            }
            while e.undo() {}
            prop_assert_eq!(e.text(), start.as_str());
        }
    }

    use super::*;

    const HARD: [&str; 4] = ["é", "日本", "👋🏽", "👨‍👩‍👧"];

    #[test]
    fn clusters_move_and_delete_as_one() {
        for s in HARD {
            let g = s.graphemes(true).next().unwrap_or("");
            let mut e = Editor::new(&format!("a{s}b"));
            e.moved(Move::Left, false, 80);
            e.moved(Move::Left, false, 80);
            assert_eq!(e.cursor(), 1 + s.len() - g.len(), "{s}");
            e.delete();
            assert_eq!(e.text(), format!("a{}b", &s[..s.len() - g.len()]), "{s}");
            let mut e = Editor::new(&format!("a{s}"));
            e.backspace();
            assert_eq!(e.text(), format!("a{}", &s[..s.len() - g.len()]), "{s}");
        }
        // é as e + combining accent is one grapheme too.
        let mut e = Editor::new("ae\u{301}");
        e.backspace();
        assert_eq!(e.text(), "a");
    }

    #[test]
    fn typing_undoes_as_one_step_and_redo_returns() {
        let mut e = Editor::new("");
        for c in ["B", "o", "n"] {
            e.insert(c);
        }
        e.insert(" ");
        for c in ["j", "o", "u", "r"] {
            e.insert(c);
        }
        assert_eq!(e.text(), "Bon jour");
        // A word and the space after it are one step: every undo does
        // something.
        assert!(e.undo());
        assert_eq!(e.text(), "Bon ");
        assert!(e.undo());
        assert_eq!(e.text(), "");
        assert!(e.redo());
        assert_eq!(e.text(), "Bon ");
        assert!(e.redo());
        assert_eq!(e.text(), "Bon jour");
        assert!(!e.redo());
        // Two spaces: the second is a step of its own.
        e.insert(" ");
        e.insert(" ");
        assert!(e.undo());
        assert_eq!(e.text(), "Bon jour ");
    }

    #[test]
    fn word_moves_and_selection() {
        // « l’équipe » is one word (UAX #29), emoji and punctuation none.
        let mut e = Editor::new("Bonjour l’équipe 👋🏽 !");
        e.moved(Move::WordLeft, false, 80);
        assert_eq!(&e.text()[e.cursor()..], "l’équipe 👋🏽 !");
        e.moved(Move::WordLeft, true, 80);
        assert_eq!(e.selected_text(), Some("Bonjour "));
        e.moved(Move::Start, false, 80);
        e.moved(Move::WordRight, true, 80);
        assert_eq!(e.selected_text(), Some("Bonjour"));
        e.insert("Salut");
        assert_eq!(e.text(), "Salut l’équipe 👋🏽 !");
        e.delete_word_back();
        assert_eq!(e.text(), " l’équipe 👋🏽 !");
    }

    #[test]
    fn end_on_a_wrapped_row_stays_on_that_row() {
        let mut e = Editor::new("hello world again");
        e.moved(Move::Start, false, 10);
        e.moved(Move::End, false, 10);
        let lines = e.lines(10);
        assert_eq!(position(e.text(), &lines, e.cursor()), (0, 5));
        e.insert("!");
        assert_eq!(e.text(), "hello! world again");
        // The last row of the text ends at the text's end.
        e.moved(Move::End_, false, 10);
        e.moved(Move::Home, false, 10);
        e.moved(Move::End, false, 10);
        assert_eq!(e.cursor(), e.text().len());
        // A word cut without a space: End stops before the row's last character.
        let mut e = Editor::new("abcdefghijklmno");
        e.moved(Move::Start, false, 5);
        e.moved(Move::End, false, 5);
        assert_eq!(position(e.text(), &e.lines(5), e.cursor()), (0, 4));
    }

    #[test]
    fn wrap_keeps_byte_ranges_and_counts_wide_cells() {
        let text = "Bonjour Claire, 日本語のテキスト et 👨‍👩‍👧 ensemble";
        let lines = wrap(text, 12);
        for l in &lines {
            let w = UnicodeWidthStr::width(text[l.clone()].trim_end());
            assert!(w <= 12, "{:?} is {w} wide", &text[l.clone()]);
        }
        let joined: String = lines.iter().map(|l| &text[l.clone()]).collect();
        assert_eq!(joined, text);
        // A hard break starts a new line, and an empty line is kept.
        let lines = wrap("a\n\nb", 10);
        assert_eq!(lines, [0..1, 2..2, 3..4]);
        let (row, col) = position("a\n\nb", &lines, 4);
        assert_eq!((row, col), (2, 1));
    }

    #[test]
    fn graphemes_are_those_of_the_whole_text() {
        for s in [
            "",
            "a",
            "é",
            "ab\r\ncd\r",
            "e\u{301}a\u{301}\u{302}x",
            "Salut l’équipe 👋🏽 ! 👨‍👩‍👧 ok",
            "🇫🇷🇫🇷🇫a🇫🇷🇫",
            "日本 a\u{200d}b ok",
            "\u{0915}\u{094D}\u{0937} a",
        ] {
            let mut ours = Vec::new();
            graphemes(s, |i, g| ours.push((i, g)));
            let theirs: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
            assert_eq!(ours, theirs, "{s:?}");
        }
    }

    #[test]
    fn the_wrap_is_kept_until_the_text_or_width_changes() {
        let mut e = Editor::new("Bonjour Claire, merci pour votre article.");
        let a = e.lines(12);
        assert!(Rc::ptr_eq(&a, &e.lines(12)));
        assert_eq!(&*e.lines(20), &wrap(e.text(), 20)[..]);
        e.insert("!");
        assert_eq!(&*e.lines(12), &wrap(e.text(), 12)[..]);
        assert_ne!(&*a, &*e.lines(12));
    }

    #[test]
    fn vertical_moves_keep_the_column() {
        let text = "日本語です\nab\nxyzxyz";
        let mut e = Editor::new(text);
        e.moved(Move::Start, false, 80);
        e.moved(Move::Right, false, 80);
        e.moved(Move::Right, false, 80);
        // Column 4 (two wide cells), down to a short line, then further.
        e.moved(Move::Down, false, 80);
        assert_eq!(&e.text()[e.cursor()..], "\nxyzxyz");
        e.moved(Move::Down, false, 80);
        assert_eq!(&e.text()[e.cursor()..], "yz");
    }

    #[test]
    fn single_line_fields_refuse_line_breaks() {
        let mut e = Editor::single_line("Claire");
        e.insert("\nMartin");
        assert_eq!(e.text(), "Claire Martin");
    }

    #[test]
    fn select_snaps_to_graphemes() {
        let mut e = Editor::new("a👋🏽b");
        e.select(2..3);
        assert_eq!(e.selected_text(), Some("👋🏽"));
    }
}
