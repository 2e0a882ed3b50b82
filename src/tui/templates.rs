//! The template picker: a filter typed as you go, the templates it keeps
//! (the interface's language first), and a preview filled for the target.

use super::editor::{Editor, wrap};
use super::keys::Action;
use super::note::{Edit, edit};
use super::theme::{KeyBar, Look, fit};
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use poignee::template::{self, Library, Origin, Rendered, Template};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
pub struct Picker {
    pub filter: Editor,
    pub selected: usize,
    /// The first row in sight, and the rows the view has (from the layout).
    pub offset: usize,
    pub page: usize,
}

/// What a key did in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerEvent {
    Nothing,
    /// Apply the chosen template.
    Apply,
    /// Back to the note.
    Leave,
    Copied(String),
}

impl Picker {
    pub fn new() -> Picker {
        Picker {
            filter: Editor::single_line(""),
            selected: 0,
            offset: 0,
            page: 10,
        }
    }

    /// The templates the filter keeps, the interface's language first.
    pub fn filtered<'a>(&self, library: &'a Library, lang: Lang) -> Vec<&'a Template> {
        let words: Vec<String> = poignee::text::fold(self.filter.text())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut found: Vec<&Template> = library
            .templates
            .iter()
            .filter(|t| {
                let hay = poignee::text::fold(&format!("{} {}", t.name, t.description()));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        found.sort_by_key(|t| (t.lang() != Some(lang), t.name.clone()));
        found
    }

    /// The choice within the `count` templates kept, and in sight.
    pub fn follow(&mut self, count: usize) {
        self.selected = self.selected.min(count.saturating_sub(1));
        self.offset = super::list::follow(self.selected, self.offset, self.page, count);
    }

    /// `count` is how many templates the filter keeps. The list's moves
    /// (a row, a page, the ends) go to the list; the filter takes the rest.
    pub fn act(&mut self, action: Action, extend: bool, count: usize) -> PickerEvent {
        if let Some(to) = super::list::moved(action, self.selected, count, self.page) {
            self.selected = to;
            self.follow(count);
            return PickerEvent::Nothing;
        }
        match action {
            Action::Back => PickerEvent::Leave,
            Action::Confirm => PickerEvent::Apply,
            _ => match edit(&mut self.filter, action, extend, usize::MAX, false) {
                Edit::Changed => {
                    self.selected = 0;
                    PickerEvent::Nothing
                }
                Edit::Cut(s) => {
                    self.selected = 0;
                    PickerEvent::Copied(s)
                }
                Edit::Copied(s) => PickerEvent::Copied(s),
                Edit::Moved | Edit::Ignored => PickerEvent::Nothing,
            },
        }
    }

    pub fn typed(&mut self, s: &str) {
        self.filter.insert(s);
        self.selected = 0;
    }
}

impl Default for Picker {
    fn default() -> Self {
        Picker::new()
    }
}

pub struct PickerView<'a> {
    pub picker: &'a Picker,
    pub items: &'a [&'a Template],
    /// The chosen template filled for the target.
    pub preview: Option<Rendered>,
    pub look: Look<'a>,
}

fn filter_label(look: &Look) -> String {
    look.t(Text::new("Filtre : ", "Filter: "))
}

fn list_inner(area: Rect) -> Rect {
    let [list, _] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(area);
    Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .inner(list)
}

/// Rows of templates the list shows in `area` (the screen's body): under
/// the filter and a blank row.
pub fn rows(area: Rect) -> usize {
    usize::from(list_inner(area).height.saturating_sub(2))
}

impl PickerView<'_> {
    pub fn cursor(&self, area: Rect) -> Position {
        let inner = list_inner(area);
        let f = &self.picker.filter;
        let col = UnicodeWidthStr::width(filter_label(&self.look).as_str())
            + UnicodeWidthStr::width(&f.text()[..f.cursor()]);
        Position::new(
            inner.x + col.min(usize::from(inner.width).saturating_sub(1)) as u16,
            inner.y,
        )
    }

    fn preview(&self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let (Some(t), Some(rendered)) = (self.items.get(self.picker.selected), &self.preview)
        else {
            return;
        };
        let pw = usize::from(area.width).max(10);
        let mut lines: Vec<Line> = textwrap::wrap(t.description(), pw)
            .into_iter()
            .map(|l| Line::from(Span::styled(l.into_owned(), theme.dim())))
            .collect();
        lines.push(Line::raw(""));
        let text = &rendered.text;
        let slots = template::slots(text);
        for range in wrap(text, pw) {
            let mut spans = Vec::new();
            let mut at = range.start;
            for s in slots
                .iter()
                .filter(|s| s.span.start < range.end && s.span.end > range.start)
            {
                let (start, end) = (s.span.start.max(range.start), s.span.end.min(range.end));
                if start > at {
                    spans.push(Span::raw(text[at..start].to_string()));
                }
                spans.push(Span::styled(
                    text[start..end].to_string(),
                    theme.span(Severity::Warning),
                ));
                at = end;
            }
            if at < range.end {
                spans.push(Span::raw(text[at..range.end].to_string()));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if !rendered.missing.is_empty() {
            let names = rendered.missing_list();
            let msg = match look.lang {
                Lang::Fr => format!("à remplir après avoir appliqué : {names}"),
                Lang::En => format!("to fill in once applied: {names}"),
            };
            for l in textwrap::wrap(&look.fr(msg), pw) {
                lines.push(Line::from(Span::styled(
                    l.into_owned(),
                    theme.severity(Severity::Warning),
                )));
            }
        }
        Paragraph::new(lines).render(area, buf);
    }
}

impl Widget for PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let [list, preview] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)])
                .areas(area);
        Block::new()
            .borders(Borders::TOP | Borders::RIGHT)
            .title(format!(" {} ", look.t(Text::new("Modèles", "Templates"))))
            .title(
                Line::from(format!(
                    " {} ",
                    super::list::position(self.picker.selected, self.items.len(), look.lang)
                ))
                .alignment(ratatui::layout::Alignment::Right),
            )
            .render(list, buf);
        let inner = list_inner(area);
        Paragraph::new(Line::from(vec![
            Span::styled(filter_label(&look), theme.label()),
            Span::raw(self.picker.filter.text().to_string()),
        ]))
        .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        let h = rows(area);
        let len = self.items.len();
        let first = super::list::follow(self.picker.selected, self.picker.offset, h, len);
        let w = usize::from(inner.width);
        let mut lines = Vec::new();
        for (i, t) in self.items.iter().enumerate().skip(first).take(h) {
            let mark = if matches!(t.origin, Origin::Shipped) {
                " "
            } else {
                "★"
            };
            let text = fit(&format!("{mark} {:<18} {}", t.name, t.description()), w);
            let style = if i == self.picker.selected {
                theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        if self.items.is_empty() {
            lines.push(Line::from(Span::styled(
                look.t(Text::new(
                    "aucun modèle ne correspond",
                    "no template matches",
                )),
                theme.dim(),
            )));
        }
        Paragraph::new(lines).render(
            Rect::new(
                inner.x,
                inner.y + 2,
                inner.width,
                inner.height.saturating_sub(2),
            ),
            buf,
        );
        // The list's right border becomes its scroll bar when it runs on.
        let bar = Rect::new(
            list.x,
            inner.y + 2,
            list.width,
            inner.height.saturating_sub(2),
        );
        super::list::scrollbar(bar, buf, len, first, h, theme.dim());
        let block = Block::new().borders(Borders::TOP).title(format!(
            " {} ",
            look.t(Text::new("Aperçu pour la cible", "Preview for the target"))
        ));
        let pinner = block.inner(preview);
        block.render(preview, buf);
        self.preview(
            Rect::new(
                pinner.x + 1,
                pinner.y,
                pinner.width.saturating_sub(1),
                pinner.height,
            ),
            buf,
        );
    }
}

impl Picker {
    /// What the keys do on the templates screen, for its status line.
    pub fn hint(&self, look: &Look) -> String {
        let keys = look.keys;
        keys.hint(&[
            (
                keys.pair(Action::Up, Action::Down),
                Text::new("choisir", "choose"),
            ),
            (
                keys.label(Action::Confirm),
                Text::new("appliquer à la note", "apply to the note"),
            ),
            (keys.label(Action::Back), Text::new("revenir", "back")),
        ])
    }

    /// The templates screen's keys on the frame's bottom edge.
    pub fn key_bar(&self, look: &Look) -> KeyBar {
        let keys = look.keys;
        let word = |t: Text| look.t(t);
        let short = |a: Action| keys.short(a);
        let items = vec![
            (
                keys.pair(Action::Up, Action::Down),
                word(Text::new("choisir", "choose")),
            ),
            (
                short(Action::Confirm),
                word(Text::new("appliquer", "apply")),
            ),
            (short(Action::Back), word(Text::new("revenir", "back"))),
            (short(Action::Help), word(Text::new("aide", "help"))),
            (short(Action::Quit), word(Text::new("quitter", "quit"))),
        ];
        KeyBar {
            items,
            order: vec![3, 1, 2, 0, 4],
        }
    }
}
