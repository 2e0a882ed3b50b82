//! Drawing: the compose, templates and drafts screens, the help overlay and
//! dialogs, and the too-small message. Highlights are styled by severity
//! with underline, bold or italics as well as colour, so that `NO_COLOR`
//! still shows them.

use super::app::{App, Dialog, FIELDS, Field, Focus, Screen};
use super::editor::{position, wrap};
use super::keys::{Action, BINDINGS, FIXED, Scope};
use crate::audience::Decision;
use crate::draft::Status;
use crate::lang::{Lang, Text, french_spacing};
use crate::lint::{Diagnostic, Severity};
use crate::template;
use crate::text::{is_bidi_control, is_unsafe_for_terminal};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the screens fit in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Styles, with or without colour.
#[derive(Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A highlighted span in the note.
    pub fn span(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self
                .fg(Color::Red)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
            Severity::Info => self.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Severity::Info => self.fg(Color::Cyan),
        }
    }

    /// The words of a reason poignee found.
    pub fn understood(&self) -> Style {
        self.fg(Color::Green)
    }

    fn good(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    fn label(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }
}

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

fn fr(lang: Lang, s: String) -> String {
    match lang {
        Lang::Fr => french_spacing(&s).into_owned(),
        Lang::En => s,
    }
}

/// Cuts `s` to `width` columns, with "…" when cut.
fn fit(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

pub fn draw(f: &mut Frame, app: &App) {
    screens(f, app);
    shown_safely(f.buffer_mut());
}

/// Every cell made safe for the terminal: the text of a note, a draft's
/// name or a template is the user's, and ratatui hands a cell's symbol to
/// the terminal as it is. A control character (one column wide, as the
/// editor counts it) is drawn as its picture (␛, ␇, ␡, � for C1); a
/// bidirectional control (no column) is left out.
fn shown_safely(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !cell.symbol().chars().any(is_unsafe_for_terminal) {
            continue;
        }
        let shown: String = cell
            .symbol()
            .chars()
            .filter(|&c| !is_bidi_control(c))
            .map(control_picture)
            .collect();
        cell.set_symbol(if shown.is_empty() { " " } else { &shown });
    }
}

/// A control character's picture, one column wide like the character.
fn control_picture(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        0x80..=0x9f => '\u{fffd}',
        _ => c,
    }
}

fn screens(f: &mut Frame, app: &App) {
    let area = f.area();
    let theme = Theme::new(app.color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, app, area);
        return;
    }
    let tabs = tabs(app, &theme);
    // The title gives way to the tabs when both do not fit (the platform
    // and tier are in the form too).
    let full = format!(" poignee · {} ", app.platform_title());
    let room = usize::from(area.width.saturating_sub(4));
    let title = if UnicodeWidthStr::width(full.as_str()) + tabs.width() <= room {
        full
    } else {
        " poignee ".to_string()
    };
    let outer = Block::bordered()
        .title(Line::from(title))
        .title(tabs.alignment(Alignment::Right))
        .title_bottom(key_bar(app, &theme, room));
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    match app.screen {
        Screen::Compose => compose(f, app, &theme, inner),
        Screen::Templates => templates(f, app, &theme, inner),
        Screen::Drafts => drafts(f, app, &theme, inner),
    }
    if let Some(d) = &app.dialog {
        dialog(f, app, &theme, d, area);
    }
}

fn too_small(f: &mut Frame, app: &App, area: Rect) {
    let msg = match app.lang {
        Lang::Fr => format!(
            "Fenêtre trop petite : {}×{}. poignee a besoin d'au moins {MIN_WIDTH}×{MIN_HEIGHT} : agrandissez-la. (Ctrl-Q quitte.)",
            area.width, area.height
        ),
        Lang::En => format!(
            "Window too small: {}×{}. poignee needs at least {MIN_WIDTH}×{MIN_HEIGHT}: make it larger. (Ctrl-Q quits.)",
            area.width, area.height
        ),
    };
    let p = Paragraph::new(fr(app.lang, msg))
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    f.render_widget(p, rect);
}

/// The main keys, always in sight on the frame's bottom edge: approve,
/// templates, drafts, quit, as many as fit, and help always (from the key
/// table, so a rebinding shows).
fn key_bar<'a>(app: &App, theme: &Theme, room: usize) -> Line<'a> {
    let mut hints = app.keymap.hinted(app.lang);
    // Help last, and kept whatever the width.
    if let Some(i) = hints.iter().position(|(a, ..)| *a == Action::Help) {
        let help = hints.remove(i);
        hints.push(help);
    }
    let width = |(_, k, w): &(Action, String, String)| {
        UnicodeWidthStr::width(k.as_str()) + UnicodeWidthStr::width(w.as_str()) + 3
    };
    let help_w = hints.last().map_or(0, width);
    let mut used = 2;
    let mut spans = vec![Span::raw(" ")];
    let last = hints.len().saturating_sub(1);
    for (i, hint) in hints.into_iter().enumerate() {
        let w = width(&hint);
        let reserve = if i == last { 0 } else { help_w };
        if used + w + reserve > room && i != last {
            continue;
        }
        used += w;
        let (_, key, what) = hint;
        spans.push(Span::styled(key, theme.label()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}

fn tabs<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let names = [
        (Screen::Compose, app.t(Text::new("Rédaction", "Compose"))),
        (Screen::Templates, app.t(Text::new("Modèles", "Templates"))),
        (Screen::Drafts, app.t(Text::new("Brouillons", "Drafts"))),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (screen, name) in names {
        if screen == app.screen {
            spans.push(Span::styled(format!("[{name}]"), theme.label()));
        } else {
            spans.push(Span::raw(name));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

impl App {
    /// "LinkedIn (free, 200)".
    pub fn platform_title(&self) -> String {
        let tier = match self.platform {
            crate::Platform::Viadeo => String::new(),
            crate::Platform::Linkedin => format!("{}, ", self.tier_word()),
        };
        format!("{} ({tier}{})", self.platform.display(), self.limit())
    }

    fn tier_word(&self) -> String {
        self.t(match self.tier {
            crate::Tier::Free => Text::new("gratuit", "free"),
            crate::Tier::Premium => Text::new("Premium", "Premium"),
            crate::Tier::SalesNavigator => Text::new("Sales Navigator", "Sales Navigator"),
        })
    }

    fn relationship_word(&self) -> String {
        use crate::Relationship as R;
        self.t(match self.relationship {
            None => Text::new("inconnue", "unknown"),
            Some(R::None) => Text::new("aucune", "none"),
            Some(R::Met) => Text::new("rencontré·e", "met"),
            Some(R::Mutual) => Text::new("contact commun", "mutual"),
            Some(R::Colleague) => Text::new("collègue", "colleague"),
            Some(R::Alumni) => Text::new("même école", "alumni"),
        })
    }

    fn verdict_span(&self, theme: &Theme) -> Span<'static> {
        if self.linter.audience.is_empty() {
            return Span::styled(
                self.t(Text::new("· pas de cible", "· no audience")),
                theme.dim(),
            );
        }
        match self.verdict.decision {
            Decision::In => Span::styled(self.t(Text::new("✓ cible", "✓ audience")), theme.good()),
            Decision::Out => Span::styled(
                self.t(Text::new("✖ hors cible", "✖ out of audience")),
                theme.severity(Severity::Error),
            ),
            Decision::Unknown => Span::styled(
                self.t(Text::new("? cible", "? audience")),
                theme.severity(Severity::Warning),
            ),
        }
    }
}

fn compose(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [form, body, status] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(6),
        Constraint::Length(2 + notice_rows(app, area.width)),
    ])
    .areas(area);
    target_form(f, app, theme, form);
    let [note, checks] =
        Layout::horizontal([Constraint::Percentage(57), Constraint::Percentage(43)]).areas(body);
    note_pane(f, app, theme, note);
    checks_pane(f, app, theme, checks);
    status_bar(f, app, theme, status);
}

fn target_form(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let w = area.width as usize;
    let verdict = app.verdict_span(theme);
    // The columns stay put whatever the verdict says: room for the widest.
    let verdict_w = [
        Text::new("· pas de cible", "· no audience"),
        Text::new("✖ hors cible", "✖ out of audience"),
    ]
    .iter()
    .map(|t| UnicodeWidthStr::width(t.get(app.lang).as_ref()))
    .max()
    .unwrap_or(0)
        + 1;
    let label_w = 9;
    let col_w = (w.saturating_sub(verdict_w) / 2).max(label_w + 4);
    let value_w = col_w.saturating_sub(label_w + 1);
    let third = (w / 3).max(label_w + 4);
    let mut cursor = None;
    let mut cell = |i: usize, x: u16, y: u16, spans: &mut Vec<Span<'static>>| {
        let value_w = if i >= 4 {
            third.saturating_sub(label_w + 1)
        } else {
            value_w
        };
        let field = FIELDS[i];
        let focused = app.focus == Focus::Form(i) && app.screen == Screen::Compose;
        let label = app.t(field.label());
        let lstyle = if focused {
            theme.label().add_modifier(Modifier::REVERSED)
        } else {
            theme.label()
        };
        spans.push(Span::styled(
            format!("{:<width$}", fit(&label, label_w - 1), width = label_w),
            lstyle,
        ));
        let (value, editor) = match field {
            Field::Relationship => (app.relationship_word(), None),
            Field::Platform => (app.platform.display().to_string(), None),
            Field::Tier => (app.tier_word(), None),
            _ => {
                let idx = match field {
                    Field::Name => 0,
                    Field::Headline => 1,
                    Field::Region => 2,
                    _ => 3,
                };
                (app.fields[idx].text().to_string(), Some(&app.fields[idx]))
            }
        };
        let shown = match editor {
            Some(e) if focused => {
                // Keep the cursor in view: show the end of a long value.
                let before = &e.text()[..e.cursor()];
                let bw = UnicodeWidthStr::width(before);
                let start = if bw + 1 > value_w {
                    let mut skip = bw + 1 - value_w;
                    let mut at = 0;
                    for (i, g) in before.grapheme_indices(true) {
                        if skip == 0 {
                            break;
                        }
                        skip = skip.saturating_sub(UnicodeWidthStr::width(g));
                        at = i + g.len();
                    }
                    at
                } else {
                    0
                };
                let col = UnicodeWidthStr::width(&e.text()[start..e.cursor()]);
                cursor = Some(Position::new(x + (label_w + col) as u16, y));
                fit(&e.text()[start..], value_w)
            }
            _ if editor.is_none() && focused => format!("‹ {value} ›"),
            _ => fit(&value, value_w),
        };
        // A selection in a one-line field (Ctrl-A) shows as the whole value
        // reversed: what the next key replaces.
        let selected = focused && editor.is_some_and(|e| e.selection().is_some());
        let vstyle = if selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if focused {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        let pad = value_w.saturating_sub(UnicodeWidthStr::width(shown.as_str()));
        spans.push(Span::styled(shown, vstyle));
        spans.push(Span::raw(" ".repeat(pad + 1)));
    };
    let rows: [(usize, usize); 2] = [(0, 1), (2, 3)];
    for (r, (a, b)) in rows.iter().enumerate() {
        let y = area.y + r as u16;
        let mut spans = Vec::new();
        cell(*a, area.x, y, &mut spans);
        cell(*b, area.x + col_w as u16, y, &mut spans);
        if r == 0 {
            spans.push(verdict.clone());
        }
        f.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(area.x, y, area.width, 1),
        );
    }
    let mut spans = Vec::new();
    for (k, i) in [4usize, 5, 6].iter().enumerate() {
        cell(*i, area.x + (k * third) as u16, area.y + 2, &mut spans);
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect::new(area.x, area.y + 2, area.width, 1),
    );
    if let Some(p) = cursor {
        f.set_cursor_position(p);
    }
}

/// The style of each byte of the note: the worst diagnostic over it.
/// The worst problem at byte `at` of the note.
fn severity_at(diags: &[Diagnostic], at: usize) -> Option<Severity> {
    covering(diags, at)
        .filter(|d| d.rule.is_problem())
        .map(|d| d.severity)
        .max()
}

/// Whether byte `at` is part of what poignee understood (a reason found).
fn understood_at(diags: &[Diagnostic], at: usize) -> bool {
    covering(diags, at).any(|d| !d.rule.is_problem())
}

fn covering(diags: &[Diagnostic], at: usize) -> impl Iterator<Item = &Diagnostic> {
    diags
        .iter()
        .filter(move |d| !d.span.is_empty() && d.span.start <= at && at < d.span.end)
}

fn note_pane(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.focus == Focus::Note;
    let title_style = if focused { theme.label() } else { Style::new() };
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(Span::styled(
            format!(" {} ", app.t(Text::new("Note", "Note"))),
            title_style,
        ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width.saturating_sub(1).max(1) as usize;
    app.wrap_width.set(width);
    let text = app.note.text();
    if text.is_empty() {
        if focused && app.dialog.is_none() {
            f.set_cursor_position(Position::new(inner.x, inner.y));
        }
        let hint = app.t(Text::new(
            "Écrivez votre note ici, ou partez d'un modèle (Ctrl-T).",
            "Write your note here, or start from a template (Ctrl-T).",
        ));
        f.render_widget(
            Paragraph::new(hint)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let lines = app.note.lines(width);
    let (row, col) = position(text, &lines, app.note.cursor());
    let height = inner.height as usize;
    let mut scroll = app.scroll.get();
    if row < scroll {
        scroll = row;
    } else if row >= scroll + height {
        scroll = row + 1 - height;
    }
    app.scroll.set(scroll);
    let selection = app.note.selection();
    let diags = &app.report.diagnostics;
    let mut out = Vec::new();
    for range in lines.iter().skip(scroll).take(height) {
        let mut spans: Vec<Span> = Vec::new();
        let mut run = String::new();
        let mut run_style = Style::new();
        for (i, g) in text[range.clone()].grapheme_indices(true) {
            let at = range.start + i;
            let mut style = match severity_at(diags, at) {
                Some(s) => theme.span(s),
                None if understood_at(diags, at) => theme.understood(),
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
    f.render_widget(Paragraph::new(out), inner);
    if focused && app.dialog.is_none() {
        let x = inner.x + (col.min(width)) as u16;
        let y = inner.y + (row - scroll) as u16;
        f.set_cursor_position(Position::new(x, y));
    }
}

fn checks_pane(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let report = &app.report;
    let focused = app.focus == Focus::Checks;
    // A long note waiting to be checked again: its score is not known yet.
    let score = if app.stale {
        " …/100 ".to_string()
    } else {
        format!(" {}/100 ", report.score.value)
    };
    let score_style = match (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    ) {
        (0, 0) => theme.good(),
        (0, _) => theme.severity(Severity::Warning),
        _ => theme.severity(Severity::Error),
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(
            format!(" {} ", app.t(Text::new("Vérifications", "Checks"))),
            if focused { theme.label() } else { Style::new() },
        ))
        .title(Line::from(Span::styled(score, score_style)).alignment(Alignment::Right));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(1),
        inner.height,
    );
    let w = inner.width as usize;
    let diags = &report.diagnostics;
    let clean = !diags.iter().any(|d| d.rule.is_problem());
    let rows = diags.len() + usize::from(clean) + 1;
    let list_h = rows.min(inner.height as usize / 2).max(2) as u16;
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)]).areas(inner);
    let mut lines = Vec::new();
    let shown = (list_h as usize - 1).saturating_sub(usize::from(clean && !diags.is_empty()));
    let first = app.selected.saturating_sub(shown.saturating_sub(1));
    for (i, d) in diags.iter().enumerate().skip(first).take(shown) {
        let quote = if d.span.is_empty() {
            String::new()
        } else {
            // What the row can show of it: a span may cover a long text,
            // and, while a long note waits to be checked again, be stale.
            let text = app.note.text();
            let end = d.span.end.min(d.span.start.saturating_add(4 * w));
            let end = crate::text::floor_char_boundary(text, end.min(text.len()));
            let q: String = text
                .get(d.span.start..end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match app.lang {
                Lang::Fr => format!(" « {q} »"),
                Lang::En => format!(" “{q}”"),
            }
        };
        let (text, mut style) = if d.rule.is_problem() {
            (
                fit(&format!("{} {}{quote}", icon(d.severity), d.rule), w),
                theme.severity(d.severity),
            )
        } else {
            // What was understood: « ✓ raison : une rencontre — « … » ».
            (fit(&format!("✓ {}", app.l(&d.message)), w), theme.good())
        };
        if i == app.selected {
            style = style.add_modifier(if focused {
                Modifier::REVERSED
            } else {
                Modifier::UNDERLINED
            });
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    if clean && app.stale {
        lines.push(Line::from(Span::styled(
            app.t(Text::new("… vérification", "… checking")),
            theme.dim(),
        )));
    } else if clean {
        lines.push(Line::from(Span::styled(
            app.t(Text::new("✓ rien à redire", "✓ nothing to fix")),
            theme.good(),
        )));
    }
    // Checks beyond the rows: said, never hidden silently (each one may have
    // cost points of the score).
    let below = diags.len().saturating_sub(first + shown);
    let stats = &report.stats;
    if below > 0 || first > 0 {
        let mark = match app.lang {
            Lang::Fr if below > 0 => format!("↓ {below} de plus : Tab, puis ↑↓"),
            Lang::En if below > 0 => format!("↓ {below} more: Tab, then ↑↓"),
            Lang::Fr => format!("↑ {first} au-dessus"),
            Lang::En => format!("↑ {first} above"),
        };
        lines.push(Line::from(Span::styled(
            fit(&fr(app.lang, mark), w),
            theme.severity(Severity::Warning),
        )));
    } else if let (Some(x), Some(label)) = (stats.readability, stats.readability_label()) {
        let word = app.t(Text::new("lisibilité", "readability"));
        lines.push(Line::from(Span::styled(
            fit(
                &format!(
                    "ℹ {word} {x:.0} ({}) · {}",
                    label.get(app.lang),
                    report.lang
                ),
                w,
            ),
            theme.dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), list_area);
    // The selected diagnostic, explained.
    let Some(d) = diags.get(app.selected) else {
        return;
    };
    let info = d.rule.info();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", d.rule), theme.severity(d.severity)),
        Span::styled(
            "─".repeat(w.saturating_sub(d.rule.as_str().len() + 1)),
            theme.dim(),
        ),
    ])];
    let mut text = app.l(&d.message);
    if let Some(s) = &d.suggestion {
        text.push_str(" → ");
        text.push_str(&app.l(s));
    }
    for l in textwrap::wrap(&text, w.max(10)) {
        lines.push(Line::from(Span::styled(
            l.into_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        )));
    }
    for l in textwrap::wrap(&info.explanation.get(app.lang), w.max(10)) {
        lines.push(Line::from(l.into_owned()));
    }
    // The title stays; the text under it scrolls, and says when it goes on.
    let rows = usize::from(detail_area.height);
    let body = lines.len().saturating_sub(1);
    let room = rows.saturating_sub(1);
    let scroll = app
        .detail_scroll
        .min(body.saturating_sub(room.saturating_sub(1)));
    let more_above = scroll > 0;
    let more_below = body > scroll + room;
    let mut shown: Vec<Line> = lines.drain(..1).collect();
    let take = if more_below {
        room.saturating_sub(1)
    } else {
        room
    };
    shown.extend(lines.into_iter().skip(scroll).take(take));
    if more_below || more_above {
        let mark = match (more_above, more_below) {
            (true, true) => app.t(Text::new("↕ suite : PgSuiv, PgPréc", "↕ more: PgDn, PgUp")),
            (false, true) => app.t(Text::new("↓ suite : PgSuiv", "↓ more: PgDn")),
            _ => app.t(Text::new("↑ début : PgPréc", "↑ start: PgUp")),
        };
        if more_below {
            shown.push(Line::from(Span::styled(
                fit(&fr(app.lang, mark), w),
                theme.dim(),
            )));
        } else if let Some(first) = shown.get_mut(0) {
            *first = Line::from(vec![
                Span::styled(format!("{} ", d.rule), theme.severity(d.severity)),
                Span::styled(
                    fit(
                        &fr(app.lang, mark),
                        w.saturating_sub(d.rule.as_str().len() + 1),
                    ),
                    theme.dim(),
                ),
            ]);
        }
    }
    f.render_widget(Paragraph::new(shown), detail_area);
}

fn gauge(length: usize, limit: usize, cells: usize) -> String {
    let filled = if limit == 0 {
        cells
    } else {
        (length * cells).div_ceil(limit).min(cells)
    };
    format!("▕{}{}▏", "█".repeat(filled), "▁".repeat(cells - filled))
}

/// Rows the notice takes: a message after Ctrl-S (the pace warning, where
/// the file went) is read whole, on up to three rows.
fn notice_rows(app: &App, width: u16) -> u16 {
    app.notice.as_ref().map_or(1, |n| {
        let rows = textwrap::wrap(&n.text, usize::from(width).max(10)).len();
        u16::try_from(rows.clamp(1, 3)).unwrap_or(1)
    })
}

fn status_bar(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    // Notice line.
    let rows = notice_rows(app, inner.width);
    let notice = match &app.notice {
        Some(n) => Span::styled(n.text.clone(), theme.severity(n.level)),
        None => {
            let why = match app.verdict.decision {
                Decision::In => fr(app.lang, app.t(match app.focus {
                    Focus::Note => Text::new(
                        "F8 : problème suivant · Tab : vérifications, puis la cible",
                        "F8: next problem · Tab: checks, then the target",
                    ),
                    Focus::Checks => Text::new(
                        "↑↓ choisir · Entrée : aller au texte · Tab : la cible",
                        "↑↓ choose · Enter: go to the text · Tab: the target",
                    ),
                    Focus::Form(_) => Text::new(
                        "↑↓ champ précédent, suivant · Espace ou ←→ : changer un choix · Tab : la note",
                        "↑↓ previous, next field · Space or ←→: change a choice · Tab: the note",
                    ),
                })),
                _ => app.l(&app.verdict.why()),
            };
            Span::styled(fit(&why, w), theme.dim())
        }
    };
    f.render_widget(
        Paragraph::new(Line::from(notice)).wrap(Wrap { trim: true }),
        Rect::new(inner.x, inner.y, inner.width, rows),
    );
    // Counter, gauge, counts, score, hints.
    let stats = &app.report.stats;
    let near = (stats.limit as f32 * app.linter.thresholds.near_limit) as usize;
    let cstyle = if stats.length > stats.limit {
        theme.severity(Severity::Error)
    } else if stats.length >= near {
        theme.severity(Severity::Warning)
    } else {
        Style::new()
    };
    let e = app.report.count(Severity::Error);
    let wn = app.report.count(Severity::Warning);
    let counts = match app.lang {
        Lang::Fr => format!(
            "{e} {} · {wn} {}",
            if e <= 1 { "erreur" } else { "erreurs" },
            "avert."
        ),
        Lang::En => format!(
            "{e} {} · {wn} {}",
            if e == 1 { "error" } else { "errors" },
            if wn == 1 { "warning" } else { "warnings" }
        ),
    };
    let spans = vec![
        Span::styled(format!("{}/{} ", stats.length, stats.limit), cstyle),
        Span::styled(gauge(stats.length, stats.limit, 10), cstyle),
        Span::raw(" "),
        Span::styled(
            counts,
            if e > 0 {
                theme.severity(Severity::Error)
            } else if wn > 0 {
                theme.severity(Severity::Warning)
            } else {
                theme.good()
            },
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{}/100", app.report.score.value),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" · "),
        app.verdict_span(theme),
        Span::raw("  "),
    ];
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect::new(inner.x, inner.y + rows, inner.width, 1),
    );
}

fn templates(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [body, status] = Layout::vertical([Constraint::Min(4), Constraint::Length(3)]).areas(area);
    let [list, preview] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body);
    let block = Block::new()
        .borders(Borders::TOP | Borders::RIGHT)
        .title(format!(" {} ", app.t(Text::new("Modèles", "Templates"))));
    let inner = block.inner(list);
    f.render_widget(block, list);
    let filter_label = app.t(Text::new("Filtre : ", "Filter: "));
    let filter_label = fr(app.lang, filter_label);
    let filter = Line::from(vec![
        Span::styled(filter_label.clone(), theme.label()),
        Span::raw(app.tfilter.text().to_string()),
    ]);
    f.render_widget(
        Paragraph::new(filter),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if app.dialog.is_none() {
        let col = UnicodeWidthStr::width(filter_label.as_str())
            + UnicodeWidthStr::width(&app.tfilter.text()[..app.tfilter.cursor()]);
        f.set_cursor_position(Position::new(
            inner.x + col.min(inner.width as usize - 1) as u16,
            inner.y,
        ));
    }
    let items = app.filtered_templates();
    let h = inner.height.saturating_sub(2) as usize;
    let first = app.tselected.saturating_sub(h.saturating_sub(1));
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, t) in items.iter().enumerate().skip(first).take(h) {
        let mine = !matches!(t.origin, template::Origin::Shipped);
        let mark = if mine { "★" } else { " " };
        let text = fit(&format!("{mark} {:<18} {}", t.name, t.description()), w);
        let style = if i == app.tselected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if items.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(Text::new(
                "aucun modèle ne correspond",
                "no template matches",
            )),
            theme.dim(),
        )));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(
            inner.x,
            inner.y + 2,
            inner.width,
            inner.height.saturating_sub(2),
        ),
    );
    // The preview, filled for the current target.
    let block = Block::new().borders(Borders::TOP).title(format!(
        " {} ",
        app.t(Text::new("Aperçu pour la cible", "Preview for the target"))
    ));
    let pinner = block.inner(preview);
    f.render_widget(block, preview);
    let pinner = Rect::new(
        pinner.x + 1,
        pinner.y,
        pinner.width.saturating_sub(1),
        pinner.height,
    );
    if let Some(t) = items.get(app.tselected) {
        let rendered = app.preview(t);
        let pw = pinner.width as usize;
        let mut lines: Vec<Line> = textwrap::wrap(t.description(), pw.max(10))
            .into_iter()
            .map(|l| Line::from(Span::styled(l.into_owned(), theme.dim())))
            .collect();
        lines.push(Line::raw(""));
        let slots = template::slots(&rendered.text);
        for range in wrap(&rendered.text, pw.max(10)) {
            let mut spans = Vec::new();
            let mut at = range.start;
            for s in slots
                .iter()
                .filter(|s| s.span.start < range.end && s.span.end > range.start)
            {
                let start = s.span.start.max(range.start);
                let end = s.span.end.min(range.end);
                if start > at {
                    spans.push(Span::raw(rendered.text[at..start].to_string()));
                }
                spans.push(Span::styled(
                    rendered.text[start..end].to_string(),
                    theme.span(Severity::Warning),
                ));
                at = end;
            }
            if at < range.end {
                spans.push(Span::raw(rendered.text[at..range.end].to_string()));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if !rendered.missing.is_empty() {
            let names = rendered.missing_list();
            let msg = match app.lang {
                Lang::Fr => format!("à remplir après avoir appliqué : {names}"),
                Lang::En => format!("to fill in once applied: {names}"),
            };
            for l in textwrap::wrap(&fr(app.lang, msg), pw.max(10)) {
                lines.push(Line::from(Span::styled(
                    l.into_owned(),
                    theme.severity(Severity::Warning),
                )));
            }
        }
        f.render_widget(Paragraph::new(lines), pinner);
    }
    simple_status(
        f,
        app,
        theme,
        status,
        Text::new(
            "↑↓ choisir · Entrée appliquer à la note · Échap revenir",
            "↑↓ choose · Enter apply to the note · Esc back",
        ),
    );
}

fn simple_status(f: &mut Frame, app: &App, theme: &Theme, area: Rect, help: Text) {
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    if let Some(n) = &app.notice {
        f.render_widget(
            Paragraph::new(Span::styled(fit(&n.text, w), theme.severity(n.level))),
            Rect::new(inner.x, inner.y, inner.width, 1),
        );
    }
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(&fr(app.lang, app.t(help)), w),
            theme.dim(),
        )),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
}

/// « Rythme ▁▂▅█▃▁▁▂ (8 semaines, budget 20/sem.) · 2 notes gratuites
/// restantes sur 30 jours »: a bar a week, over the budget in warning colour.
fn pace_line(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let pace = app.pace(app.clock.unwrap_or_else(jiff::Timestamp::now));
    let top = pace
        .weeks
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(pace.budget as usize)
        .max(1);
    let mut spans = vec![Span::styled(
        app.t(Text::new(" Rythme ", " Pace ")),
        theme.label(),
    )];
    for &n in &pace.weeks {
        // An empty week is a dot: the eight weeks are always there to count.
        let bar = if n == 0 {
            '·'
        } else {
            BARS[((n * 8).div_ceil(top)).clamp(1, 8) - 1]
        };
        let style = if n > pace.budget as usize {
            theme.severity(Severity::Warning)
        } else if n == 0 {
            theme.dim()
        } else {
            theme.good()
        };
        spans.push(Span::styled(bar.to_string(), style));
    }
    let this_week = pace.weeks[pace.weeks.len() - 1];
    let mut legend = match app.lang {
        Lang::Fr => format!(
            " {this_week} cette semaine (budget {}/sem., 8 semaines)",
            pace.budget
        ),
        Lang::En => format!(
            " {this_week} this week (budget {}/week, 8 weeks)",
            pace.budget
        ),
    };
    if let Some(left) = pace.free_left {
        legend.push_str(&match app.lang {
            Lang::Fr if left <= 1 => format!(" · {left} note gratuite restante sur 30 jours"),
            Lang::Fr => format!(" · {left} notes gratuites restantes sur 30 jours"),
            Lang::En if left == 1 => " · 1 free note left in 30 days".to_string(),
            Lang::En => format!(" · {left} free notes left in 30 days"),
        });
    }
    let used: usize = 8 + UnicodeWidthStr::width(spans[0].content.as_ref());
    spans.push(Span::styled(
        fit(
            &fr(app.lang, legend),
            usize::from(area.width).saturating_sub(used),
        ),
        theme.dim(),
    ));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn drafts(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [list, pace_area, preview, status] = Layout::vertical([
        Constraint::Percentage(60),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(3),
    ])
    .areas(area);
    pace_line(f, app, theme, pace_area);
    let dir = app
        .drafts_dir
        .as_deref()
        .map(super::app::shown)
        .unwrap_or_default();
    let block = Block::new().borders(Borders::TOP).title(format!(
        " {} · {dir} ",
        app.t(Text::new("Brouillons enregistrés", "Saved drafts"))
    ));
    let inner = block.inner(list);
    f.render_widget(block, list);
    let w = inner.width as usize;
    // The score and the status never cut: the name takes what is left (at
    // least 8 columns), and the file name only shows when there is room.
    let who_w = w.saturating_sub(2 + 13 + 17 + 6).clamp(8, 24);
    let row_of = |status: &str, date: &str, who: &str, score: &str, file: &str| {
        let row = format!(
            "  {:<12} {:<16} {:<who_w$} {:>5}",
            fit(status, 12),
            fit(date, 16),
            fit(who, who_w),
            score
        );
        let left = w.saturating_sub(UnicodeWidthStr::width(row.as_str()) + 2);
        if left >= 6 {
            format!("{row}  {}", fit(file, left))
        } else {
            row
        }
    };
    let head = match app.lang {
        Lang::Fr => row_of("statut", "date", "pour", "score", "fichier"),
        Lang::En => row_of("status", "date", "to", "score", "file"),
    };
    let mut lines = vec![Line::from(Span::styled(fit(&head, w), theme.dim()))];
    let h = inner.height.saturating_sub(1) as usize;
    let first = app.dselected.saturating_sub(h.saturating_sub(1));
    for (i, d) in app.drafts.iter().enumerate().skip(first).take(h) {
        let status = match d.status {
            Some(Status::Approved) => app.t(Text::new("✓ approuvé", "✓ approved")),
            Some(Status::Draft) => app.t(Text::new("✎ brouillon", "✎ draft")),
            None if d.draft.is_none() => app.t(Text::new("✖ illisible", "✖ unreadable")),
            None => "·".into(),
        };
        let file = d
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let score = d.score.map(|s| s.to_string()).unwrap_or_default();
        let row = row_of(&status, &d.date, &d.who, &score, &file);
        let style = if i == app.dselected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(fit(&row, w), style)));
    }
    if app.drafts.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(Text::new(
                "aucun brouillon enregistré pour l'instant : Ctrl-S en enregistre un",
                "no saved draft yet: Ctrl-S saves one",
            )),
            theme.dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
    let block = Block::new().borders(Borders::TOP);
    let pinner = block.inner(preview);
    f.render_widget(block, preview);
    if let Some(body) = app
        .drafts
        .get(app.dselected)
        .and_then(|d| d.draft.as_ref())
        .map(|d| d.body.clone())
    {
        f.render_widget(Paragraph::new(body).wrap(Wrap { trim: false }), pinner);
    }
    simple_status(
        f,
        app,
        theme,
        status,
        Text::new(
            "↑↓ choisir · Entrée ouvrir · Suppr supprimer · Ctrl-R revérifier · Échap revenir",
            "↑↓ choose · Enter open · Del delete · Ctrl-R re-check · Esc back",
        ),
    );
}

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn dialog(f: &mut Frame, app: &App, theme: &Theme, d: &Dialog, area: Rect) {
    if let Dialog::Help = d {
        help(f, app, theme, area);
        return;
    }
    let (title, body, keys) = match d {
        Dialog::Quit => (
            app.t(Text::new("Texte non enregistré", "Unsaved text")),
            app.t(Text::new(
                "La note n'est pas enregistrée. L'approuver et l'enregistrer avant de quitter ?",
                "The note is not saved. Approve and save it before quitting?",
            )),
            app.t(Text::new(
                "[O] oui, puis quitter · [N] quitter sans enregistrer · Échap ou Entrée : rester",
                "[Y] yes, then quit · [N] quit without saving · Esc or Enter: stay",
            )),
        ),
        Dialog::NewNote => (
            app.t(Text::new("Texte non enregistré", "Unsaved text")),
            app.t(Text::new(
                "La note n'est pas enregistrée. L'approuver et l'enregistrer avant d'en commencer une autre ?",
                "The note is not saved. Approve and save it before starting another?",
            )),
            app.t(Text::new(
                "[O] oui · [N] non, la jeter · Échap ou Entrée : la garder",
                "[Y] yes · [N] no, discard it · Esc or Enter: keep it",
            )),
        ),
        Dialog::Approve { errors, .. } => (
            app.t(Text::new(
                "Approuver malgré les erreurs ?",
                "Approve despite errors?",
            )),
            match app.lang {
                Lang::Fr if *errors > 1 => format!(
                    "La note a {errors} erreurs : une invitation qui les garde a peu de chances d'être acceptée."
                ),
                Lang::Fr => "La note a 1 erreur : une invitation qui la garde a peu de chances d'être acceptée.".to_string(),
                Lang::En => format!(
                    "The note has {errors} error{}: an invitation that keeps {} is unlikely to be accepted.",
                    if *errors > 1 { "s" } else { "" },
                    if *errors > 1 { "them" } else { "it" }
                ),
            },
            app.t(Text::new(
                "[O] approuver quand même · [N], Échap ou Entrée : non, corriger",
                "[Y] approve anyway · [N], Esc or Enter: no, fix it",
            )),
        ),
        Dialog::Delete(p) => (
            app.t(Text::new("Supprimer ce brouillon ?", "Delete this draft?")),
            p.display().to_string(),
            app.t(Text::new(
                "[O] supprimer · [N], Échap ou Entrée : garder",
                "[Y] delete · [N], Esc or Enter: keep",
            )),
        ),
        Dialog::Template(name) => (
            app.t(Text::new("Remplacer la note ?", "Replace the note?")),
            {
                let undo = app
                    .keymap
                    .keys(Action::Undo)
                    .first()
                    .map(|k| k.label_in(app.lang))
                    .unwrap_or_default();
                match app.lang {
                    Lang::Fr => format!(
                        "Le modèle « {name} » remplacera votre texte ({undo} le rend d'un coup)."
                    ),
                    Lang::En => format!(
                        "Template “{name}” will replace your text ({undo} brings it back in one step)."
                    ),
                }
            },
            app.t(Text::new(
                "[O] remplacer · [N], Échap ou Entrée : garder ma note",
                "[Y] replace · [N], Esc or Enter: keep my note",
            )),
        ),
        Dialog::Recover(draft) => {
            let who = draft
                .front
                .target
                .as_ref()
                .and_then(|t| t.name.clone())
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let first = draft.body.lines().find(|l| !l.trim().is_empty());
            let excerpt = match first {
                Some(l) => match app.lang {
                    Lang::Fr => format!(" : « {} »", fit(l, 50)),
                    Lang::En => format!(": “{}”", fit(l, 50)),
                },
                None => app.t(Text::new(", sans texte", ", with no text")),
            };
            (
                app.t(Text::new("Texte retrouvé", "Text recovered")),
                match app.lang {
                    Lang::Fr => format!("Une note non enregistrée a été retrouvée{who}{excerpt}"),
                    Lang::En => format!("An unsaved note was found{who}{excerpt}"),
                },
                app.t(Text::new(
                    "[O] ou Entrée : la reprendre · [N] la mettre de côté",
                    "[Y] or Enter: restore it · [N] set it aside",
                )),
            )
        }
        Dialog::Help => unreachable!("drawn above"),
    };
    let (body, keys) = (fr(app.lang, body), fr(app.lang, keys));
    // As tall as its text wrapped at its width: the keys are never cut off.
    let width = area.width.saturating_sub(2).min(72);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows =
        textwrap::wrap(&body, inner_width).len() + 1 + textwrap::wrap(&keys, inner_width).len();
    let rect = popup(area, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    f.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.severity(Severity::Warning));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let lines = vec![
        Line::raw(body),
        Line::raw(""),
        Line::from(Span::styled(keys, theme.label())),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn help(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let rect = popup(area, 76, area.height.saturating_sub(2));
    f.render_widget(Clear, rect);
    let block = Block::bordered().title(format!(
        " {} ",
        app.t(Text::new(
            "Aide — touches (Échap ferme)",
            "Help — keys (Esc closes)"
        ))
    ));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = inner.width as usize;
    // Keys and what they do, grouped by where they work; a long description
    // goes on under itself instead of being cut.
    let entries: Vec<(Option<Scope>, String, String)> = BINDINGS
        .iter()
        .map(|b| {
            let keys = app
                .keymap
                .keys(b.action)
                .iter()
                .map(|k| k.label_in(app.lang))
                .collect::<Vec<_>>()
                .join(", ");
            (Some(b.scope), keys, b.what.get(app.lang).into_owned())
        })
        .chain(FIXED.iter().map(|(k, what)| {
            (
                None,
                k.get(app.lang).into_owned(),
                what.get(app.lang).into_owned(),
            )
        }))
        .collect();
    let widest = entries
        .iter()
        .map(|(_, k, _)| UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0);
    let key_w = (widest + 2).min(w / 3).max(8);
    let what_w = w.saturating_sub(key_w).max(10);
    let mut lines = Vec::new();
    let groups = [
        (Some(Scope::Everywhere), Text::new("Partout", "Everywhere")),
        (
            Some(Scope::Editor),
            Text::new("En écrivant", "While writing"),
        ),
        (
            Some(Scope::Drafts),
            Text::new("Écran des brouillons", "Drafts screen"),
        ),
        (None, Text::new("Touches fixes", "Fixed keys")),
    ];
    for (scope, title) in groups {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            app.t(title),
            Style::new().add_modifier(Modifier::BOLD),
        )));
        for (_, keys, what) in entries.iter().filter(|(s, ..)| *s == scope) {
            let what = fr(app.lang, what.clone());
            for (i, part) in textwrap::wrap(&what, what_w).into_iter().enumerate() {
                let key = if i == 0 {
                    fit(keys, key_w - 1)
                } else {
                    String::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{key:<key_w$}"), theme.label()),
                    Span::raw(part.into_owned()),
                ]));
            }
        }
    }
    lines.push(Line::raw(""));
    for part in textwrap::wrap(
        &fr(
            app.lang,
            app.t(Text::new(
                "Touches réglables dans la configuration, table [keys] (ex. approve = [\"f10\"]).",
                "Keys can be changed in the config, [keys] table (e.g. approve = [\"f10\"]).",
            )),
        ),
        w.max(10),
    ) {
        lines.push(Line::from(Span::styled(part.into_owned(), theme.dim())));
    }
    let h = inner.height as usize;
    let max_scroll = lines.len().saturating_sub(h);
    let scroll = app.help_scroll.min(max_scroll);
    let more = scroll < max_scroll;
    let mut lines: Vec<Line> = lines.into_iter().skip(scroll).take(h).collect();
    if more {
        if let Some(last) = lines.last_mut() {
            *last = Line::from(Span::styled(
                app.t(Text::new("↓ la suite : ↓ ou PgSuiv", "↓ more: ↓ or PgDn")),
                theme.dim(),
            ));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}
