//! The drafts screen: the saved drafts (newest first, with status, date,
//! person and score), the chosen one's text, and your pace — a bar a week
//! for the last eight weeks against the weekly budget, and LinkedIn's free
//! notes left. The list is read off the UI thread; until it comes, it says
//! so.

use super::keys::Action;
use super::theme::{Look, fit, fit_middle};
use poignee::drafts::{Entry, Pace};
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct Shelf {
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// A listing was asked for and has not come back yet.
    pub loading: bool,
    /// Say how many were re-checked when it comes back.
    pub announce: bool,
}

/// What a key did in the drafts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShelfEvent {
    Nothing,
    Open(usize),
    Delete(usize),
    Recheck,
    Mark(usize, poignee::outcome::Mark),
    Leave,
}

impl Shelf {
    pub fn set(&mut self, entries: Vec<Entry>) {
        self.entries = entries;
        self.loading = false;
        if self.selected >= self.entries.len() {
            self.selected = self.entries.len().saturating_sub(1);
        }
    }

    pub fn chosen(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn act(&mut self, action: Action) -> ShelfEvent {
        match action {
            Action::Back => return ShelfEvent::Leave,
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down if self.selected + 1 < self.entries.len() => self.selected += 1,
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.entries.len().saturating_sub(1),
            Action::Confirm if self.chosen().is_some() => return ShelfEvent::Open(self.selected),
            Action::DeleteDraft if self.chosen().is_some() => {
                return ShelfEvent::Delete(self.selected);
            }
            Action::Recheck => return ShelfEvent::Recheck,
            Action::MarkSent
            | Action::MarkAccepted
            | Action::MarkIgnored
            | Action::MarkDeclined
                if self.chosen().is_some() =>
            {
                use poignee::outcome::Mark;
                let mark = match action {
                    Action::MarkSent => Mark::Sent,
                    Action::MarkAccepted => Mark::Accepted,
                    Action::MarkIgnored => Mark::Ignored,
                    _ => Mark::Declined,
                };
                return ShelfEvent::Mark(self.selected, mark);
            }
            _ => {}
        }
        ShelfEvent::Nothing
    }
}

/// « Rythme ▁▂▅█▃··▂ 2 cette semaine (budget 20/sem., 8 semaines) · 3 notes
/// gratuites restantes sur 30 jours »: over the budget in warning colour.
pub struct PaceView<'a> {
    pub pace: &'a Pace,
    pub look: Look<'a>,
}

impl Widget for PaceView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        let (look, theme, pace) = (self.look, self.look.theme, self.pace);
        let top = pace
            .weeks
            .iter()
            .copied()
            .max()
            .unwrap_or(0)
            .max(pace.budget as usize)
            .max(1);
        let mut spans = vec![Span::styled(
            look.t(Text::new(" Rythme ", " Pace ")),
            theme.label(),
        )];
        for &n in &pace.weeks {
            // An empty week is a dot: the eight weeks are always there.
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
        let used = pace.weeks.len() + UnicodeWidthStr::width(spans[0].content.as_ref());
        let room = usize::from(area.width).saturating_sub(used);
        let mut lines = Vec::new();
        match self.layout(room) {
            Some(text) => spans.push(Span::styled(text, theme.dim())),
            // Too narrow for one row: the free notes go on the next.
            None => {
                let (week, free) = legend(look.lang, pace, this_week, true);
                spans.push(Span::styled(fit(&look.fr(week), room), theme.dim()));
                lines.push(Line::from(Span::styled(
                    fit(&look.fr(free), usize::from(area.width)),
                    theme.dim(),
                )));
            }
        }
        lines.insert(0, Line::from(spans));
        Paragraph::new(lines).render(area, buf);
    }
}

impl PaceView<'_> {
    /// The legend on one row of `room` columns, long or short, if it fits.
    fn layout(&self, room: usize) -> Option<String> {
        let this_week = self.pace.weeks[self.pace.weeks.len() - 1];
        [false, true].into_iter().find_map(|short| {
            let (week, free) = legend(self.look.lang, self.pace, this_week, short);
            let text = self.look.fr(week + &free);
            (UnicodeWidthStr::width(text.as_str()) <= room).then_some(text)
        })
    }

    /// Rows it takes at `width` columns: one, or two when narrow.
    pub fn rows(&self, width: u16) -> u16 {
        let label = UnicodeWidthStr::width(self.look.t(Text::new(" Rythme ", " Pace ")).as_str());
        let room = usize::from(width).saturating_sub(label + self.pace.weeks.len());
        if self.layout(room).is_some() { 1 } else { 2 }
    }
}

/// " 2 cette semaine (budget 20/sem., 8 semaines)" and " · 3 notes
/// gratuites restantes sur 30 jours", or in `short`: " 2/20 cette sem." and
/// " · reste 3 notes gratuites sur 30 j".
fn legend(lang: Lang, pace: &Pace, this_week: usize, short: bool) -> (String, String) {
    let budget = pace.budget;
    let week = match (lang, short) {
        (Lang::Fr, false) => {
            format!(" {this_week} cette semaine (budget {budget}/sem. ; les 8 dernières semaines)")
        }
        (Lang::En, false) => {
            format!(" {this_week} this week (budget {budget}/week; the last 8 weeks)")
        }
        (Lang::Fr, true) => format!(" {this_week}/{budget} cette sem."),
        (Lang::En, true) => format!(" {this_week}/{budget} this week"),
    };
    let free = match (pace.free_left, lang, short) {
        (None, ..) => String::new(),
        (Some(left), Lang::Fr, false) if left <= 1 => {
            format!(" · {left} note gratuite restante sur 30 jours")
        }
        (Some(left), Lang::Fr, false) => {
            format!(" · {left} notes gratuites restantes sur 30 jours")
        }
        (Some(1), Lang::En, _) => " · 1 free note left in 30 days".to_string(),
        (Some(left), Lang::En, _) => format!(" · {left} free notes left in 30 days"),
        (Some(left), Lang::Fr, true) if left <= 1 => {
            format!(" · reste {left} note gratuite sur 30 j")
        }
        (Some(left), Lang::Fr, true) => format!(" · reste {left} notes gratuites sur 30 j"),
    };
    (week, free)
}

pub struct ShelfView<'a> {
    pub shelf: &'a Shelf,
    pub pace: &'a Pace,
    /// The folder, as the user reads it.
    pub dir: String,
    /// Today, and the days after which a note left sent counts as ignored:
    /// a sent note says how long it has waited.
    pub today: jiff::civil::Date,
    pub ignored_after_days: u32,
    pub look: Look<'a>,
}

impl ShelfView<'_> {
    fn status(&self, e: &Entry) -> String {
        // Sent and waiting: for how long, and past the delay, counted as
        // ignored.
        let waited = e
            .draft
            .as_ref()
            .filter(|_| e.status() == Some(poignee::draft::Status::Sent))
            .and_then(|d| d.front.sent_at.as_ref())
            .and_then(poignee::outcome::day)
            .map(|sent| (self.today - sent).get_days());
        if let Some(days) = waited {
            return match (
                self.look.lang,
                days > i32::try_from(self.ignored_after_days).unwrap_or(i32::MAX),
            ) {
                (Lang::Fr, false) => format!("→ attente {days} j"),
                (Lang::En, false) => format!("→ waiting {days} d"),
                (Lang::Fr, true) => "… sans réponse".to_string(),
                (Lang::En, true) => "… no answer".to_string(),
            };
        }
        self.look.t(match e.status() {
            Some(status) => status.label(),
            None if e.draft.is_none() => Text::new("✖ illisible", "✖ unreadable"),
            None => Text::new("·", "·"),
        })
    }
}

impl Widget for ShelfView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme, shelf) = (self.look, self.look.theme, self.shelf);
        let pace_view = PaceView {
            pace: self.pace,
            look,
        };
        let [list, pace, preview] = Layout::vertical([
            Constraint::Percentage(65),
            Constraint::Length(pace_view.rows(area.width)),
            Constraint::Min(2),
        ])
        .areas(area);
        pace_view.render(pace, buf);
        let block = Block::new().borders(Borders::TOP).title(format!(
            " {} · {} ",
            look.t(Text::new("Brouillons enregistrés", "Saved drafts")),
            self.dir
        ));
        let inner = block.inner(list);
        block.render(list, buf);
        let w = usize::from(inner.width);
        // The score and the status never cut: the name takes what is left
        // (at least 8 columns), the file name shows when there is room.
        let who_w = w.saturating_sub(2 + 15 + 17 + 6).clamp(8, 24);
        let row_of = |status: &str, date: &str, who: &str, score: &str, file: &str| {
            let row = format!(
                "  {:<14} {:<16} {:<who_w$} {:>5}",
                fit(status, 14),
                fit(date, 16),
                fit(who, who_w),
                score
            );
            let left = w.saturating_sub(UnicodeWidthStr::width(row.as_str()) + 2);
            if left >= 6 {
                format!("{row}  {}", fit_middle(file, left))
            } else {
                row
            }
        };
        let head = match look.lang {
            Lang::Fr => row_of("statut", "date", "pour", "score", "fichier"),
            Lang::En => row_of("status", "date", "to", "score", "file"),
        };
        let mut lines = vec![Line::from(Span::styled(fit(&head, w), theme.dim()))];
        let h = usize::from(inner.height.saturating_sub(1));
        let first = shelf.selected.saturating_sub(h.saturating_sub(1));
        for (i, e) in shelf.entries.iter().enumerate().skip(first).take(h) {
            let file = e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let score = e.score.map(|s| s.to_string()).unwrap_or_default();
            let row = row_of(&self.status(e), &e.date, &e.who, &score, &file);
            let style = if i == shelf.selected {
                theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::from(Span::styled(fit(&row, w), style)));
        }
        if shelf.entries.is_empty() {
            let text = if shelf.loading {
                look.t(Text::new("lecture des brouillons…", "reading the drafts…"))
            } else {
                match look.lang {
                    Lang::Fr => format!(
                        "aucun brouillon enregistré pour l’instant : {} en enregistre un, {} l’approuve",
                        look.keys.label(Action::Save),
                        look.keys.label(Action::Approve)
                    ),
                    Lang::En => format!(
                        "no saved draft yet: {} saves one, {} approves it",
                        look.keys.label(Action::Save),
                        look.keys.label(Action::Approve)
                    ),
                }
            };
            lines.push(Line::from(Span::styled(text, theme.dim())));
        }
        Paragraph::new(lines).render(inner, buf);
        let block = Block::new().borders(Borders::TOP);
        let pinner = block.inner(preview);
        block.render(preview, buf);
        if let Some(d) = shelf.chosen().and_then(|e| e.draft.as_ref()) {
            Paragraph::new(d.body.as_str())
                .wrap(Wrap { trim: false })
                .render(pinner, buf);
        }
    }
}
