//! The note editor: the text, where it is scrolled to, its keys, and its
//! view with the findings underlined. Its size comes from the layout in
//! `update` (on resize and when the status line grows), never from drawing,
//! so a vertical move and the scroll are known before the frame.

use super::editor::{Editor, Move, position};
use super::keys::Action;
use super::theme::Look;
use poignee::lang::Text;
use poignee::lint::{Diagnostic, Severity};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text as Lines};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a key did to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor or the selection moved.
    Moved,
    /// Text to put on the clipboard (copied, or cut: then the text changed).
    Copied(String),
    Cut(String),
    /// Not a key for a text.
    Ignored,
}

/// An action on a text: the note (`multiline`) or a one-line field. `width`
/// is the wrap width, for moves between visual lines.
pub fn edit(e: &mut Editor, action: Action, extend: bool, width: usize, multiline: bool) -> Edit {
    let mv = |e: &mut Editor, m| {
        e.moved(m, extend, width);
        Edit::Moved
    };
    let changed = |done: bool| if done { Edit::Changed } else { Edit::Moved };
    // A deletion with nothing to delete (Backspace at the start) changes
    // nothing: the note stays saved.
    let version = e.version;
    let deleted = |e: &Editor| changed(e.version != version);
    match action {
        Action::Undo => changed(e.undo()),
        Action::Redo => changed(e.redo()),
        Action::SelectAll => {
            e.select_all();
            Edit::Moved
        }
        Action::Copy => e
            .selected_text()
            .map_or(Edit::Moved, |s| Edit::Copied(s.to_string())),
        Action::Cut => e.cut().map_or(Edit::Moved, Edit::Cut),
        Action::Backspace => {
            e.backspace();
            deleted(e)
        }
        Action::DeleteChar => {
            e.delete();
            deleted(e)
        }
        Action::DeleteWord => {
            e.delete_word_back();
            deleted(e)
        }
        Action::DeleteWordForward => {
            e.delete_word_forward();
            deleted(e)
        }
        Action::Left => mv(e, Move::Left),
        Action::Right => mv(e, Move::Right),
        Action::WordLeft => mv(e, Move::WordLeft),
        Action::WordRight => mv(e, Move::WordRight),
        Action::Home => mv(e, Move::Home),
        Action::End => mv(e, Move::End),
        Action::Up if multiline => mv(e, Move::Up),
        Action::Down if multiline => mv(e, Move::Down),
        Action::Top if multiline => mv(e, Move::Start),
        Action::Bottom if multiline => mv(e, Move::End_),
        Action::Confirm if multiline => {
            e.insert("\n");
            Edit::Changed
        }
        Action::Back if e.selection().is_some() => {
            e.select(e.cursor()..e.cursor());
            Edit::Moved
        }
        _ => Edit::Ignored,
    }
}

/// The note being written.
#[derive(Debug, Clone)]
pub struct Note {
    pub editor: Editor,
    /// The first visual line shown.
    scroll: usize,
    /// The text's columns and rows on screen.
    width: usize,
    height: usize,
}

/// Where the text goes in the note's pane: under the title, left of the
/// border, one column kept for the cursor at a line's end.
pub fn text_area(pane: Rect) -> Rect {
    let inner = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .inner(pane);
    Rect::new(
        inner.x,
        inner.y,
        inner.width.saturating_sub(1).max(1),
        inner.height,
    )
}

impl Note {
    pub fn new(text: &str) -> Note {
        Note {
            editor: Editor::new(text),
            scroll: 0,
            width: 40,
            height: 10,
        }
    }

    pub fn text(&self) -> &str {
        self.editor.text()
    }

    /// A new text, scrolled to where its cursor is.
    pub fn replace(&mut self, text: &str) {
        self.editor = Editor::new(text);
        self.follow();
    }

    /// The text area's size, from the layout.
    pub fn resize(&mut self, area: Rect) {
        self.width = usize::from(area.width).max(1);
        self.height = usize::from(area.height).max(1);
        self.follow();
    }

    pub fn act(&mut self, action: Action, extend: bool) -> Edit {
        let done = edit(&mut self.editor, action, extend, self.width, true);
        self.follow();
        done
    }

    pub fn insert(&mut self, s: &str) {
        self.editor.insert(s);
        self.follow();
    }

    pub fn select(&mut self, span: Range<usize>) {
        self.editor.select(span);
        self.follow();
    }

    /// Scrolls so that the cursor's line is in sight.
    pub fn follow(&mut self) {
        let lines = self.editor.lines(self.width);
        let (row, _) = position(self.editor.text(), &lines, self.editor.cursor());
        if row < self.scroll {
            self.scroll = row;
        } else if row >= self.scroll + self.height {
            self.scroll = row + 1 - self.height;
        }
    }

    /// Where the terminal's cursor goes, in the text area `area`.
    pub fn cursor(&self, area: Rect) -> Position {
        let text = self.editor.text();
        let lines = self.editor.lines(self.width);
        let (row, col) = position(text, &lines, self.editor.cursor());
        Position::new(
            area.x + col.min(self.width) as u16,
            area.y + row.saturating_sub(self.scroll) as u16,
        )
    }
}

/// The note's styles, from its findings: for each run of bytes, the worst
/// problem over it, or that poignee understood it (a reason). Made once per
/// report, then read in order while drawing: no search over every finding
/// for every character.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// Sorted, not overlapping: a byte range and what covers it.
    runs: Vec<(Range<usize>, Mark)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Problem(Severity),
    Understood,
}

impl Highlights {
    pub fn of(diags: &[Diagnostic]) -> Highlights {
        // Every start and end, then the spans open between two of them.
        let mut cuts: Vec<usize> = diags
            .iter()
            .filter(|d| !d.span.is_empty())
            .flat_map(|d| [d.span.start, d.span.end])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut starts: Vec<&Diagnostic> = diags.iter().filter(|d| !d.span.is_empty()).collect();
        starts.sort_by_key(|d| d.span.start);
        let mut open: Vec<&Diagnostic> = Vec::new();
        let mut next = 0;
        let mut runs: Vec<(Range<usize>, Mark)> = Vec::new();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            open.retain(|d| d.span.end > a);
            while next < starts.len() && starts[next].span.start <= a {
                if starts[next].span.end > a {
                    open.push(starts[next]);
                }
                next += 1;
            }
            let worst = open
                .iter()
                .filter(|d| d.rule.is_problem())
                .map(|d| d.severity)
                .max();
            let mark = match worst {
                Some(s) => Mark::Problem(s),
                None if !open.is_empty() => Mark::Understood,
                None => continue,
            };
            match runs.last_mut() {
                Some((r, m)) if r.end == a && *m == mark => r.end = b,
                _ => runs.push((a..b, mark)),
            }
        }
        Highlights { runs }
    }

    /// The mark over byte `at`.
    pub fn at(&self, at: usize) -> Option<Mark> {
        let i = self.runs.partition_point(|(r, _)| r.end <= at);
        self.runs
            .get(i)
            .filter(|(r, _)| r.start <= at)
            .map(|(_, m)| *m)
    }
}

/// The note's pane.
pub struct NoteView<'a> {
    pub note: &'a Note,
    pub highlights: &'a Highlights,
    pub focused: bool,
    pub look: Look<'a>,
}

impl Widget for NoteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.look.theme;
        let title_style = if self.focused {
            theme.accent()
        } else {
            theme.label()
        };
        Block::new()
            .borders(Borders::TOP | Borders::RIGHT)
            .border_style(theme.border(self.focused))
            .title(Span::styled(
                format!(
                    " {} ",
                    self.look.t(poignee::lang::Text::new("Note", "Note"))
                ),
                title_style,
            ))
            .render(area, buf);
        let inner = text_area(area);
        let note = self.note;
        let text = note.editor.text();
        if text.is_empty() {
            let hint = match self.look.lang {
                poignee::Lang::Fr => format!(
                    "Écrivez votre note ici, ou partez d’un modèle ({}).",
                    self.look.keys.label(Action::Templates)
                ),
                poignee::Lang::En => format!(
                    "Write your note here, or start from a template ({}).",
                    self.look.keys.label(Action::Templates)
                ),
            };
            Paragraph::new(hint)
                .style(theme.dim())
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let lines = note.editor.lines(note.width);
        let selection = note.editor.selection();
        let mut out = Vec::new();
        for range in lines
            .iter()
            .skip(note.scroll)
            .take(usize::from(inner.height))
        {
            let mut spans: Vec<Span> = Vec::new();
            let mut run = String::new();
            let mut run_style = Style::new();
            for (i, g) in text[range.clone()].grapheme_indices(true) {
                let at = range.start + i;
                let mut style = match self.highlights.at(at) {
                    Some(Mark::Problem(s)) => theme.span(s),
                    Some(Mark::Understood) => theme.understood(),
                    None => Style::new(),
                };
                if selection.as_ref().is_some_and(|r| r.contains(&at)) {
                    style = style.patch(theme.selected());
                }
                if style != run_style && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), run_style));
                }
                run_style = style;
                run.push_str(g);
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, run_style));
            }
            out.push(Line::from(spans));
        }
        Paragraph::new(Lines::from(out)).render(inner, buf);
        // The right border becomes a scroll bar when the note runs past
        // its pane: its arrows say there is more above or below.
        let bar = Rect::new(
            area.x,
            inner.y,
            area.width,
            area.height.saturating_sub(inner.y - area.y),
        );
        super::list::scrollbar(
            bar,
            buf,
            lines.len(),
            note.scroll,
            usize::from(inner.height),
            theme.dim(),
        );
    }
}

impl Note {
    /// What the keys do in the note, for the status line.
    pub fn hint(&self, look: &Look) -> String {
        let keys = look.keys;
        keys.hint(&[
            (
                keys.label(Action::NextProblem),
                Text::new("problème suivant", "next problem"),
            ),
            (
                keys.label(Action::NextFocus),
                Text::new("vérifications, puis la cible", "checks, then the target"),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use poignee::lint::{Context, Linter};

    #[test]
    fn highlights_are_the_worst_finding_over_each_byte() {
        let text =
            "Bonjour, je vous contacte car je vends une offre exceptionnelle, démo gratuite !";
        let report = Linter::default().lint(text, &Context::default());
        let h = Highlights::of(&report.diagnostics);
        for at in 0..text.len() {
            let covering = || {
                report
                    .diagnostics
                    .iter()
                    .filter(move |d| !d.span.is_empty() && d.span.start <= at && at < d.span.end)
            };
            let worst = covering()
                .filter(|d| d.rule.is_problem())
                .map(|d| d.severity)
                .max();
            let expected = match worst {
                Some(s) => Some(Mark::Problem(s)),
                None if covering().next().is_some() => Some(Mark::Understood),
                None => None,
            };
            assert_eq!(h.at(at), expected, "byte {at}");
        }
        assert!(h.runs.iter().any(|(_, m)| matches!(m, Mark::Problem(_))));
    }
}
