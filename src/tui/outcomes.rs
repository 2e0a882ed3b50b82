//! The outcomes screen (F6): how many invitations were sent and accepted,
//! the acceptance rate and the time to accept; a chart of the last eight
//! weeks (sent and accepted a week) and one of the acceptance rate by
//! template, each group with its count and a warning when it is too small
//! to mean anything. The figures are `poignee stats`'s, read off the UI
//! thread.

use super::keys::Action;
use super::theme::{Look, fit};
use poignee::drafts::Entry;
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use poignee::stats::{Dimension, Stats};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Widget, Wrap};

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
    pub look: Look<'a>,
}

impl OutcomesView<'_> {
    fn summary(&self, stats: &Stats) -> String {
        let o = &stats.overall;
        let rate = o
            .rate()
            .map_or_else(|| "—".to_string(), |r| format!("{:.0} %", r * 100.0));
        let days = o
            .median_days()
            .map_or_else(|| "—".to_string(), |d| format!("{d:.0}"));
        match self.look.lang {
            Lang::Fr => {
                // French: singular up to one.
                let n = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n <= 1 { one } else { many })
                };
                format!(
                    "{} · {} · {} · {} · {} en attente — taux d'acceptation {rate} · {days} j pour accepter (médiane)",
                    n(o.sent, "envoyée", "envoyées"),
                    n(o.accepted, "acceptée", "acceptées"),
                    n(o.declined, "refusée", "refusées"),
                    n(o.ignored, "ignorée", "ignorées"),
                    o.pending
                )
            }
            Lang::En => format!(
                "{} sent · {} accepted · {} declined · {} ignored · {} pending — acceptance rate {rate} · {days} days to accept (median)",
                o.sent, o.accepted, o.declined, o.ignored, o.pending
            ),
        }
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
        let mut texts = vec![(look.fr(self.summary(stats)), theme.label())];
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
        // Wrapped here, so that the rows are the text's: the summary and
        // what to do next are read whole, the charts keeping six rows.
        let width = usize::from(area.width).max(10);
        let lines: Vec<Line> = texts
            .iter()
            .flat_map(|(text, style)| {
                textwrap::wrap(text, width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l.into_owned(), *style)))
            })
            .collect();
        let most = area.height.saturating_sub(6).max(1);
        let rows = u16::try_from(lines.len()).unwrap_or(most).min(most);
        let [top, charts] =
            Layout::vertical([Constraint::Length(rows), Constraint::Min(6)]).areas(area);
        Paragraph::new(lines).render(top, buf);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(charts);
        // The weeks: sent and accepted, side by side.
        let block = Block::new().borders(Borders::TOP).title(format!(
            " {} ",
            look.t(Text::new(
                "Par semaine : envoyées, acceptées",
                "By week: sent, accepted"
            ))
        ));
        let inner = block.inner(left);
        block.render(left, buf);
        let groups: Vec<BarGroup> = self
            .weeks
            .iter()
            .enumerate()
            .map(|(i, &(sent, accepted))| {
                let label = match (i, look.lang) {
                    (7, Lang::Fr) => "sem.".to_string(),
                    (7, Lang::En) => "now".to_string(),
                    (_, _) => format!("-{}", 7 - i),
                };
                // Heights say it; numbers under one-column bars would run
                // together.
                BarGroup::default().label(Line::from(label)).bars(&[
                    Bar::default()
                        .value(sent)
                        .text_value(String::new())
                        .style(theme.dim()),
                    Bar::default()
                        .value(accepted)
                        .text_value(String::new())
                        .style(theme.good()),
                ])
            })
            .collect();
        let width = usize::from(inner.width);
        // Eight groups of two bars: as wide as the pane allows.
        let bar_w = ((width.saturating_sub(8)) / 16).clamp(1, 3) as u16;
        let mut chart = BarChart::default().bar_width(bar_w).group_gap(1).bar_gap(0);
        for g in groups {
            chart = chart.data(g);
        }
        chart.render(inner, buf);
        // The acceptance rate of each template, then of each kind of reason
        // and score band, each with its count.
        let block = Block::new()
            .borders(Borders::TOP | Borders::LEFT)
            .title(format!(
                " {} ",
                look.t(Text::new("Taux d'acceptation", "Acceptance rate"))
            ));
        let inner = block.inner(right);
        block.render(right, buf);
        let w = usize::from(inner.width);
        let mut lines = Vec::new();
        let mut small = false;
        for dimension in [
            Dimension::Template,
            Dimension::Reason,
            Dimension::Score,
            Dimension::Verdict,
            Dimension::Note,
        ] {
            let groups: Vec<_> = stats.of(dimension).collect();
            if groups.is_empty() {
                continue;
            }
            lines.push(Line::from(Span::styled(
                look.t(dimension.heading()),
                theme.label(),
            )));
            for (group, figures) in groups {
                let name = group.label_in(look.lang);
                let answered = figures.answered();
                let rate = figures.rate().unwrap_or(0.0);
                let cells = 10usize;
                let filled = ((rate * cells as f64).round() as usize).min(cells);
                let bar = format!("{}{}", "█".repeat(filled), "·".repeat(cells - filled));
                let tail = match look.lang {
                    Lang::Fr => format!(" {:>3.0} % de {answered:<4}", rate * 100.0),
                    Lang::En => format!(" {:>3.0} % of {answered:<4}", rate * 100.0),
                };
                let name_w = w
                    .saturating_sub(cells + 1 + tail.chars().count() + 2)
                    .max(6);
                let mut spans = vec![
                    Span::raw(format!("{:<name_w$} ", fit(&name, name_w))),
                    Span::styled(bar, theme.good()),
                    Span::raw(tail),
                ];
                if figures.too_small() {
                    small = true;
                    spans.push(Span::styled(" ⚠", theme.severity(Severity::Warning)));
                }
                lines.push(Line::from(spans));
            }
        }
        if small {
            lines.push(Line::from(Span::styled(
                look.t(Text::new(
                    "⚠ moins de 10 réponses : trop peu pour conclure",
                    "⚠ fewer than 10 answers: too few to tell",
                )),
                theme.dim(),
            )));
        }
        if lines.is_empty() {
            lines.push(Line::from(Span::styled(
                look.t(Text::new("aucune invitation envoyée", "no invitation sent")),
                Style::new(),
            )));
        }
        // The warning first when the list runs past the pane.
        if lines.len() > usize::from(inner.height) && small {
            if let Some(last) = lines.pop() {
                lines.insert(0, last);
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
