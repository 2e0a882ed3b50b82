//! The outcomes screen (F6): how many invitations were sent and accepted,
//! the acceptance rate and the time to accept; the last eight weeks, a row
//! each (this week first, said in words), sent and accepted as two bars
//! with their counts under a legend that holds without colour (`▒` sent,
//! `█` accepted); and the acceptance rate by template, reason and score,
//! each group with its count and a warning when it is too small to mean
//! anything, scrolled by ↑↓ when it runs past the pane. Figures are
//! written the language's way (`4 026`, `45 %`; `4,026`, `45%`). The
//! figures are `poignee stats`'s, read off the UI thread.

use super::keys::Action;
use super::list::{percent, scrollbar};
use super::theme::{KeyBar, Look, fit};
use poignee::drafts::Entry;
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use poignee::stats::{Dimension, Stats};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Sent and accepted a week over the last eight weeks, oldest first, from
/// the drafts' own dates.
pub fn weeks(entries: &[Entry], today: jiff::civil::Date) -> [(u64, u64); 8] {
    let mut weeks = [(0u64, 0u64); 8];
    let slot = |dt: Option<&toml::value::Datetime>| {
        let day = poignee::outcome::day(dt?)?;
        let ago = (today - day).get_days();
        let w = usize::try_from(ago / 7)
            .ok()
            .filter(|&w| w < 8 && ago >= 0)?;
        Some(7 - w)
    };
    for e in entries.iter().filter_map(|e| e.draft.as_ref()) {
        if let Some(w) = slot(e.front.sent_at.as_ref()) {
            weeks[w].0 += 1;
        }
        if let Some(w) = slot(e.front.accepted_at.as_ref()) {
            weeks[w].1 += 1;
        }
    }
    weeks
}

pub struct OutcomesView<'a> {
    pub stats: Option<&'a Stats>,
    pub weeks: [(u64, u64); 8],
    /// The first row of the rates in sight (↑↓ scroll them).
    pub scroll: usize,
    pub look: Look<'a>,
}

/// The symbols of the weekly bars: told apart without colour.
const SENT_BAR: &str = "▒";
const ACCEPTED_BAR: &str = "█";

/// Where the summary, the weeks and the rates go.
struct Areas {
    top: Rect,
    weeks: Rect,
    rates: Rect,
}

fn summary(stats: &Stats, lang: Lang) -> String {
    let o = &stats.overall;
    let rate = o
        .rate()
        .map_or_else(|| "—".to_string(), |r| percent(r, lang));
    let days = o.median_days();
    let n = |n: usize| lang.count(n);
    match lang {
        Lang::Fr => {
            // French: singular up to one.
            let p = |k: usize, one: &str, many: &str| {
                format!("{} {}", n(k), if k <= 1 { one } else { many })
            };
            let days = days.map_or_else(|| "—".to_string(), |d| format!("{d:.0}"));
            format!(
                "{} · {} · {} · {} · {} en attente — taux d'acceptation {rate} · {days} j pour accepter (médiane)",
                p(o.sent, "envoyée", "envoyées"),
                p(o.accepted, "acceptée", "acceptées"),
                p(o.declined, "refusée", "refusées"),
                p(o.ignored, "ignorée", "ignorées"),
                n(o.pending)
            )
        }
        Lang::En => {
            let days = match days {
                Some(d) if (d - 1.0).abs() < 0.5 => format!("{d:.0} day"),
                Some(d) => format!("{d:.0} days"),
                None => "— days".to_string(),
            };
            format!(
                "{} sent · {} accepted · {} declined · {} ignored · {} pending — acceptance rate {rate} · {days} to accept (median)",
                n(o.sent),
                n(o.accepted),
                n(o.declined),
                n(o.ignored),
                n(o.pending)
            )
        }
    }
}

/// The lines above the charts: the summary, and what to do when nothing
/// was sent yet.
fn texts(stats: &Stats, look: &Look) -> Vec<(String, Style)> {
    let theme = look.theme;
    let mut texts = vec![(look.fr(summary(stats, look.lang)), theme.label())];
    if stats.overall.sent == 0 {
        let (sent, drafts) = (
            look.keys.label(Action::MarkSent),
            look.keys.label(Action::Drafts),
        );
        texts.push((
            look.fr(match look.lang {
                Lang::Fr => format!(
                    "aucune invitation marquée envoyée : {sent} après avoir approuvé, ou dans les brouillons ({drafts})"
                ),
                Lang::En => format!(
                    "no invitation marked sent yet: {sent} after approving, or in the drafts ({drafts})"
                ),
            }),
            theme.dim(),
        ));
    }
    texts
}

fn wrapped(texts: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    texts
        .iter()
        .flat_map(|(text, style)| {
            textwrap::wrap(text, width.max(10))
                .into_iter()
                .map(|l| Line::from(Span::styled(l.into_owned(), *style)))
        })
        .collect()
}

fn areas(area: Rect, lines: usize) -> Areas {
    // The summary read whole; the charts keep six rows.
    let most = area.height.saturating_sub(6).max(1);
    let rows = u16::try_from(lines).unwrap_or(most).min(most);
    let [top, charts] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(6)]).areas(area);
    let [weeks, rates] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(charts);
    Areas { top, weeks, rates }
}

/// The rates' pane inside its border.
fn rates_block(look: &Look) -> Block<'static> {
    Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(format!(
            " {} ",
            look.t(Text::new("Taux d'acceptation", "Acceptance rate"))
        ))
}

/// A week's name: this one in words, the others by how long ago.
fn week_label(ago: usize, long: bool, lang: Lang) -> String {
    match (ago, long, lang) {
        (0, true, Lang::Fr) => "cette semaine".into(),
        (0, false, Lang::Fr) => "cette sem.".into(),
        (0, _, Lang::En) => "this week".into(),
        (1, true, Lang::Fr) => "il y a 1 semaine".into(),
        (n, true, Lang::Fr) => format!("il y a {n} semaines"),
        (n, false, Lang::Fr) => format!("−{n} sem."),
        (1, true, Lang::En) => "1 week ago".into(),
        (n, true, Lang::En) => format!("{n} weeks ago"),
        (1, false, Lang::En) => "−1 week".into(),
        (n, false, Lang::En) => format!("−{n} weeks"),
    }
}

/// The rows of the rates: each dimension's heading and its groups, then
/// the warning's meaning when a group is too small.
fn rate_lines(stats: &Stats, look: &Look, w: usize) -> Vec<Line<'static>> {
    let theme = look.theme;
    let lang = look.lang;
    let mut lines = Vec::new();
    let mut small = false;
    const SHOWN: [Dimension; 5] = [
        Dimension::Template,
        Dimension::Reason,
        Dimension::Score,
        Dimension::Verdict,
        Dimension::Note,
    ];
    // The counts as wide as the widest, so that the bars line up.
    let count_w = SHOWN
        .iter()
        .flat_map(|&d| stats.of(d))
        .map(|(_, f)| lang.count(f.answered()).chars().count())
        .max()
        .unwrap_or(1);
    for dimension in SHOWN {
        let groups: Vec<_> = stats.of(dimension).collect();
        if groups.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(
            look.t(dimension.heading()),
            theme.label(),
        )));
        for (group, figures) in groups {
            let name = group.label_in(lang);
            let answered = lang.count(figures.answered());
            let rate = figures.rate().unwrap_or(0.0);
            let cells = if w >= 40 { 10 } else { 5 };
            let filled = ((rate * cells as f64).round() as usize).min(cells);
            let bar = format!("{}{}", "█".repeat(filled), "·".repeat(cells - filled));
            let tail = match lang {
                Lang::Fr => format!(" {:>5} de {answered:<count_w$}", percent(rate, lang)),
                Lang::En => format!(" {:>4} of {answered:<count_w$}", percent(rate, lang)),
            };
            // The name takes what is left, the warning's column kept.
            let name_w = w
                .saturating_sub(cells + 1 + UnicodeWidthStr::width(tail.as_str()) + 2)
                .max(4);
            let warn = if figures.too_small() {
                small = true;
                " ⚠"
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{:<name_w$} ", fit(&name, name_w))),
                Span::styled(bar, theme.good()),
                Span::raw(tail),
                Span::styled(warn, theme.severity(Severity::Warning)),
            ]));
        }
    }
    if small {
        let note = look.fr(look.t(Text::new(
            "⚠ moins de 10 réponses : trop peu pour conclure",
            "⚠ fewer than 10 answers: too few to tell",
        )));
        for l in textwrap::wrap(&note, w.max(10)) {
            lines.push(Line::from(Span::styled(l.into_owned(), theme.dim())));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(
            look.t(Text::new("aucune invitation envoyée", "no invitation sent")),
        ));
    }
    lines
}

/// How far the rates scroll at most in a frame of `area`: their rows past
/// the pane.
pub fn scroll_end(stats: Option<&Stats>, look: &Look, area: Rect) -> usize {
    let Some(stats) = stats else {
        return 0;
    };
    let top = wrapped(&texts(stats, look), usize::from(area.width)).len();
    let inner = rates_block(look).inner(areas(area, top).rates);
    let w = usize::from(inner.width).saturating_sub(1);
    rate_lines(stats, look, w)
        .len()
        .saturating_sub(usize::from(inner.height))
}

impl OutcomesView<'_> {
    /// The weeks, this one first: a row each, sent and accepted as two
    /// bars with their counts, under the legend.
    fn render_weeks(&self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let block = Block::new()
            .borders(Borders::TOP)
            .title(format!(" {} ", look.t(Text::new("Par semaine", "By week"))));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let legend = |sent: Text, accepted: Text| {
            Line::from(vec![
                Span::styled(SENT_BAR, theme.dim()),
                Span::raw(format!(" {}  ", look.t(sent))),
                Span::styled(ACCEPTED_BAR, theme.good()),
                Span::raw(format!(" {}", look.t(accepted))),
            ])
        };
        let mut lines = vec![legend(
            Text::new("envoyées", "sent"),
            Text::new("acceptées", "accepted"),
        )];
        let long = w >= 44;
        let label_w = (0..8)
            .map(|ago| UnicodeWidthStr::width(week_label(ago, long, look.lang).as_str()))
            .max()
            .unwrap_or(0);
        let most = self
            .weeks
            .iter()
            .map(|&(s, a)| s.max(a))
            .max()
            .unwrap_or(0)
            .max(1);
        let digits = look.lang.count(most as usize).chars().count();
        // Two halves after the label: a bar and its count each.
        let half = w.saturating_sub(label_w + 1) / 2;
        let bar_w = half.saturating_sub(digits + 2).max(1);
        let bar = |n: u64| {
            let cells = ((n as f64 / most as f64) * bar_w as f64).round() as usize;
            // A week with some has a cell at least: a count never sits
            // alone beside a bar that says nothing.
            if n > 0 { cells.max(1) } else { 0 }
        };
        let rows = usize::from(inner.height).saturating_sub(1);
        // The older weeks beyond the pane are counted on its last row.
        let shown = if rows < 8 { rows.saturating_sub(1) } else { 8 };
        for ago in 0..shown {
            let (sent, accepted) = self.weeks[7 - ago];
            let style = if ago == 0 {
                theme.label()
            } else {
                Style::new()
            };
            let s = bar(sent);
            let a = bar(accepted);
            let sent_n = look.lang.count(sent as usize);
            let sent_part = format!("{} {sent_n}", SENT_BAR.repeat(s));
            let pad = half.saturating_sub(UnicodeWidthStr::width(sent_part.as_str()));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<label_w$} ", week_label(ago, long, look.lang)),
                    style,
                ),
                Span::styled(SENT_BAR.repeat(s), theme.dim()),
                Span::raw(format!(" {sent_n}{}", " ".repeat(pad))),
                Span::styled(ACCEPTED_BAR.repeat(a), theme.good()),
                Span::raw(format!(" {}", look.lang.count(accepted as usize))),
            ]));
        }
        if shown < 8 && rows > 0 {
            let more = 8 - shown;
            let sign = match look.lang {
                Lang::Fr if more > 1 => format!("↓ {more} sem. plus anciennes"),
                Lang::Fr => format!("↓ {more} sem. plus ancienne"),
                Lang::En if more > 1 => format!("↓ {more} older weeks"),
                Lang::En => format!("↓ {more} older week"),
            };
            lines.push(Line::from(Span::styled(fit(&sign, w), theme.dim())));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    /// The rates, scrolled, with a scroll bar when they run past the pane.
    fn render_rates(&self, stats: &Stats, area: Rect, buf: &mut Buffer) {
        let look = self.look;
        let block = rates_block(&look);
        let inner = block.inner(area);
        block.render(area, buf);
        // The right column is kept for the scroll bar.
        let w = usize::from(inner.width).saturating_sub(1);
        let lines = rate_lines(stats, &look, w);
        let page = usize::from(inner.height);
        let offset = self.scroll.min(lines.len().saturating_sub(page));
        let len = lines.len();
        Paragraph::new(
            lines
                .into_iter()
                .skip(offset)
                .take(page)
                .collect::<Vec<_>>(),
        )
        .render(inner, buf);
        scrollbar(inner, buf, len, offset, page, look.theme.dim());
    }
}

impl Widget for OutcomesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let Some(stats) = self.stats else {
            Paragraph::new(Span::styled(
                look.t(Text::new("lecture des résultats…", "reading the outcomes…")),
                theme.dim(),
            ))
            .render(area, buf);
            return;
        };
        // Wrapped here, so that the rows are the text's: the summary and
        // what to do next are read whole, the charts keeping six rows.
        let mut lines = wrapped(&texts(stats, &look), usize::from(area.width));
        let at = areas(area, lines.len());
        // Rows past the charts' share: the last one shown says it goes on.
        let rows = usize::from(at.top.height);
        if lines.len() > rows && rows > 0 {
            lines.truncate(rows);
            if let Some(last) = lines.last_mut() {
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                let style = last.spans.first().map(|s| s.style).unwrap_or_default();
                let w = usize::from(area.width);
                *last = Line::from(Span::styled(fit(&format!("{text} …"), w), style));
            }
        }
        Paragraph::new(lines).render(at.top, buf);
        self.render_weeks(at.weeks, buf);
        self.render_rates(stats, at.rates, buf);
    }
}

/// What the keys do on the outcomes screen, for its status line.
pub fn hint(look: &Look) -> String {
    let keys = look.keys;
    keys.hint(&[
        (
            keys.pair(Action::Up, Action::Down),
            Text::new("faire défiler les taux", "scroll the rates"),
        ),
        (
            keys.label(Action::Drafts),
            Text::new("marquer dans les brouillons", "mark in the drafts"),
        ),
        (keys.label(Action::Back), Text::new("revenir", "back")),
    ])
}

/// The outcomes screen's keys on the frame's bottom edge.
pub fn key_bar(look: &Look) -> KeyBar {
    let keys = look.keys;
    let word = |t: Text| look.t(t);
    let short = |a: Action| keys.short(a);
    let items = vec![
        (
            keys.pair(Action::Up, Action::Down),
            word(Text::new("défiler", "scroll")),
        ),
        (
            short(Action::Drafts),
            word(Text::new(
                "marquer dans les brouillons",
                "mark in the drafts",
            )),
        ),
        (short(Action::Back), word(Text::new("revenir", "back"))),
        (short(Action::Help), word(Text::new("aide", "help"))),
        (short(Action::Quit), word(Text::new("quitter", "quit"))),
    ];
    KeyBar {
        items,
        order: vec![3, 2, 1, 4, 0],
    }
}
