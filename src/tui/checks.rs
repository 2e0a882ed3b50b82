//! The checks pane: the findings on the note (worst first), the chosen one
//! explained below, the score. It owns the report, the choice, how far its
//! explanation is scrolled, and the note's highlights made from it.

use super::keys::Action;
use super::note::Highlights;
use super::theme::{Look, fit, icon};
use poignee::lang::{Lang, Text};
use poignee::lint::{Context, Linter, Report, Severity};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
pub struct Checks {
    pub report: Report,
    pub highlights: Highlights,
    pub selected: usize,
    /// Lines of the chosen check's explanation scrolled past.
    pub detail_scroll: usize,
    /// The note changed and is too long to check at every key: the report
    /// is of an earlier text until the typing pauses.
    pub stale: bool,
}

/// What a key did in the checks list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecksEvent {
    Nothing,
    /// Go to this finding in the text.
    GoTo(usize),
    /// Back to the note.
    Leave,
}

impl Checks {
    pub fn new() -> Checks {
        let report = Linter::default().lint("", &Context::default());
        Checks {
            highlights: Highlights::of(&report.diagnostics),
            report,
            selected: 0,
            detail_scroll: 0,
            stale: false,
        }
    }

    /// A new report: worst first, then in reading order; what was
    /// understood last.
    pub fn set(&mut self, mut report: Report) {
        report.diagnostics.sort_by_key(|d| {
            (
                !d.rule.is_problem(),
                std::cmp::Reverse(d.severity),
                d.span.start,
                d.rule,
            )
        });
        self.highlights = Highlights::of(&report.diagnostics);
        self.report = report;
        self.stale = false;
        if self.selected >= self.report.diagnostics.len() {
            self.selected = self.report.diagnostics.len().saturating_sub(1);
        }
    }

    /// The findings of an earlier text are not this one's.
    pub fn forget(&mut self) {
        self.report.diagnostics.clear();
        self.highlights = Highlights::default();
        self.selected = 0;
    }

    pub fn choose(&mut self, i: usize) {
        self.selected = i;
        self.detail_scroll = 0;
    }

    pub fn act(&mut self, action: Action) -> ChecksEvent {
        match action {
            Action::Up => self.choose(self.selected.saturating_sub(1)),
            Action::Down if self.selected + 1 < self.report.diagnostics.len() => {
                self.choose(self.selected + 1);
            }
            // The explanation of the chosen check, when it is longer than
            // its pane (the pane says so).
            Action::PageDown => self.detail_scroll += 3,
            Action::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
            Action::Confirm => return ChecksEvent::GoTo(self.selected),
            Action::Back => return ChecksEvent::Leave,
            _ => {}
        }
        ChecksEvent::Nothing
    }
}

impl Default for Checks {
    fn default() -> Self {
        Checks::new()
    }
}

pub struct ChecksView<'a> {
    pub checks: &'a Checks,
    pub note: &'a str,
    pub focused: bool,
    pub look: Look<'a>,
}

impl ChecksView<'_> {
    /// A finding's row: « ✖ pitch « Découvrez notre offre » », or what was
    /// understood: « ✓ raison : une rencontre ».
    fn row(&self, i: usize, w: usize) -> Line<'static> {
        let (look, theme) = (self.look, self.look.theme);
        let d = &self.checks.report.diagnostics[i];
        let quote = if d.span.is_empty() {
            String::new()
        } else {
            // What the row can show of it: a span may cover a long text,
            // and, while a long note waits to be checked again, be stale.
            let text = self.note;
            let end = d.span.end.min(d.span.start.saturating_add(4 * w));
            let end = poignee::text::floor_char_boundary(text, end.min(text.len()));
            let q: String = text
                .get(d.span.start..end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match look.lang {
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
            (fit(&format!("✓ {}", look.l(&d.message)), w), theme.good())
        };
        if i == self.checks.selected {
            style = style.add_modifier(if self.focused {
                Modifier::REVERSED
            } else {
                Modifier::UNDERLINED
            });
        }
        Line::from(Span::styled(text, style))
    }

    fn list(&self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let checks = self.checks;
        let report = &checks.report;
        let w = usize::from(area.width);
        let diags = &report.diagnostics;
        let clean = !diags.iter().any(|d| d.rule.is_problem());
        let mut lines = Vec::new();
        let shown = usize::from(area.height)
            .saturating_sub(1)
            .saturating_sub(usize::from(clean && !diags.is_empty()));
        let first = checks.selected.saturating_sub(shown.saturating_sub(1));
        for i in (first..diags.len()).take(shown) {
            lines.push(self.row(i, w));
        }
        if clean {
            let (text, style) = if checks.stale {
                (Text::new("… vérification", "… checking"), theme.dim())
            } else {
                (
                    Text::new("✓ rien à redire", "✓ nothing to fix"),
                    theme.good(),
                )
            };
            lines.push(Line::from(Span::styled(look.t(text), style)));
        }
        // Checks beyond the rows: said, never hidden silently (each one may
        // have cost points of the score).
        let below = diags.len().saturating_sub(first + shown);
        if below > 0 || first > 0 {
            let keys = look.keys;
            let (tab, updown) = (
                keys.label(Action::NextFocus),
                keys.pair(Action::Up, Action::Down),
            );
            let mut mark = look.fr(match look.lang {
                Lang::Fr if below > 0 => format!("↓ {below} de plus : {tab}, puis {updown}"),
                Lang::En if below > 0 => format!("↓ {below} more: {tab}, then {updown}"),
                Lang::Fr => format!("↑ {first} au-dessus"),
                Lang::En => format!("↑ {first} above"),
            });
            // Narrow, the count alone: the keys are in the help.
            if below > 0 && UnicodeWidthStr::width(mark.as_str()) > w {
                mark = match look.lang {
                    Lang::Fr => format!("↓ {below} de plus"),
                    Lang::En => format!("↓ {below} more"),
                };
            }
            lines.push(Line::from(Span::styled(
                fit(&mark, w),
                theme.severity(Severity::Warning),
            )));
        } else if let (Some(x), Some(label)) =
            (report.stats.readability, report.stats.readability_label())
        {
            let word = look.t(Text::new("lisibilité", "readability"));
            // A Flesch score runs past 0–100 on very short notes.
            let x = x.clamp(0.0, 100.0);
            let text = format!(
                "ℹ {word} {x:.0} ({}) · {}",
                label.get(look.lang),
                report.lang
            );
            lines.push(Line::from(Span::styled(fit(&text, w), theme.dim())));
        }
        Paragraph::new(lines).render(area, buf);
    }

    /// The chosen finding, explained; the title stays, the text under it
    /// scrolls and says when it goes on.
    fn detail(&self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let Some(d) = self.checks.report.diagnostics.get(self.checks.selected) else {
            return;
        };
        let w = usize::from(area.width);
        let title = |rest: Span<'static>| {
            Line::from(vec![
                Span::styled(format!("{} ", d.rule), theme.severity(d.severity)),
                rest,
            ])
        };
        let rule_w = d.rule.as_str().len() + 1;
        let mut lines = vec![title(Span::styled(
            "─".repeat(w.saturating_sub(rule_w)),
            theme.dim(),
        ))];
        let mut text = look.l(&d.message);
        if let Some(s) = &d.suggestion {
            text.push_str(" → ");
            text.push_str(&look.l(s));
        }
        for l in textwrap::wrap(&text, w.max(10)) {
            lines.push(Line::from(Span::styled(
                l.into_owned(),
                Style::new().add_modifier(Modifier::BOLD),
            )));
        }
        for l in textwrap::wrap(&d.rule.info().explanation.get(look.lang), w.max(10)) {
            lines.push(Line::from(l.into_owned()));
        }
        let rows = usize::from(area.height);
        let body = lines.len().saturating_sub(1);
        let room = rows.saturating_sub(1);
        let scroll = self
            .checks
            .detail_scroll
            .min(body.saturating_sub(room.saturating_sub(1)));
        let (above, below) = (scroll > 0, body > scroll + room);
        let mut shown: Vec<Line> = lines.drain(..1).collect();
        shown.extend(lines.into_iter().skip(scroll).take(if below {
            room.saturating_sub(1)
        } else {
            room
        }));
        if above || below {
            let keys = look.keys;
            let (down, up) = (keys.label(Action::PageDown), keys.label(Action::PageUp));
            let mark = match (look.lang, above, below) {
                (Lang::Fr, true, true) => format!("↕ suite : {down}, {up}"),
                (Lang::En, true, true) => format!("↕ more: {down}, {up}"),
                (Lang::Fr, false, _) => format!("↓ suite : {down}"),
                (Lang::En, false, _) => format!("↓ more: {down}"),
                (Lang::Fr, ..) => format!("↑ début : {up}"),
                (Lang::En, ..) => format!("↑ start: {up}"),
            };
            let mark = look.fr(mark);
            if below {
                shown.push(Line::from(Span::styled(fit(&mark, w), theme.dim())));
            } else {
                shown[0] = title(Span::styled(
                    fit(&mark, w.saturating_sub(rule_w)),
                    theme.dim(),
                ));
            }
        }
        Paragraph::new(shown).render(area, buf);
    }
}

impl Widget for ChecksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let report = &self.checks.report;
        // A long note waiting to be checked again: its score is not known.
        let score = if self.checks.stale {
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
            .border_style(theme.border(self.focused))
            .title(Span::styled(
                format!(" {} ", look.t(Text::new("Vérifications", "Checks"))),
                if self.focused {
                    theme.accent()
                } else {
                    theme.label()
                },
            ))
            .title(Line::from(Span::styled(score, score_style)).alignment(Alignment::Right));
        let inner = block.inner(area);
        block.render(area, buf);
        let inner = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(1),
            inner.height,
        );
        let diags = &report.diagnostics;
        let clean = !diags.iter().any(|d| d.rule.is_problem());
        let rows = diags.len() + usize::from(clean) + 1;
        let list_h = rows.min(usize::from(inner.height) / 2).max(2) as u16;
        let [list, detail] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)]).areas(inner);
        self.list(list, buf);
        self.detail(detail, buf);
    }
}

impl Checks {
    /// What the keys do in the checks pane, for the status line.
    pub fn hint(&self, look: &Look) -> String {
        let keys = look.keys;
        keys.hint(&[
            (
                keys.pair(Action::Up, Action::Down),
                Text::new("choisir", "choose"),
            ),
            (
                look.t(Text::new("lettres", "letters")),
                Text::new("écrites dans la note", "typed in the note"),
            ),
            (
                keys.label(Action::Confirm),
                Text::new("aller au texte", "go to the text"),
            ),
            (
                keys.label(Action::NextFocus),
                Text::new("la cible", "the target"),
            ),
        ])
    }
}
