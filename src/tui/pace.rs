//! Your pace on the drafts screen: a bar a week for the last eight weeks
//! against the weekly budget, and LinkedIn's free notes left.

use super::theme::{Look, fit};
use poignee::drafts::Pace;
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The pace as a chart: a bar a week for the last eight weeks (the last
/// one the trailing 7 days), each with its count over it and the day it
/// starts under it, the weekly budget as a dotted line across, over budget
/// in warning colour; over it, the legend (« Rythme · 2 cette semaine ·
/// budget 20/sem. · 3 notes gratuites restantes sur 30 jours »). It grows
/// with the window: taller bars on a taller screen, wider on a wider one.
pub struct PaceView<'a> {
    pub pace: &'a Pace,
    /// Today, for the days the weeks start.
    pub today: jiff::civil::Date,
    pub look: Look<'a>,
}

/// Rows the pace takes in the drafts screen's body `body`: a quarter of
/// it, three at least (legend, bars, days), twelve at most.
pub fn pace_rows(body: Rect) -> u16 {
    (body.height / 4).clamp(3, 12)
}

/// The day a week of the chart starts, as a short label: « 18/11 »,
/// "Nov 18"; in English on `room` columns under six, "11/18" (a month cut
/// to "Nov …" told nothing).
fn week_label(lang: Lang, day: jiff::civil::Date, room: usize) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}", day.day(), day.month()),
        Lang::En if room < 6 => format!("{}/{:02}", day.month(), day.day()),
        Lang::En => day.strftime("%b %-d").to_string(),
    }
}

impl Widget for PaceView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        const PARTS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        let (look, theme, pace) = (self.look, self.look.theme, self.pace);
        if area.height == 0 || area.width == 0 {
            return;
        }
        let width = usize::from(area.width);
        let label = look.t(Text::new(" Rythme", " Pace"));
        let room = width.saturating_sub(UnicodeWidthStr::width(label.as_str()));
        let this_week = pace.weeks[pace.weeks.len() - 1];
        // The legend: on one row when it fits, long or short, else two.
        let mut legend_lines = match self.layout(room) {
            Some(text) => vec![Line::from(vec![
                Span::styled(label.clone(), theme.label()),
                Span::styled(text, theme.dim()),
            ])],
            None => {
                let (week, free) = legend(look.lang, pace, this_week, true);
                vec![
                    Line::from(vec![
                        Span::styled(label.clone(), theme.label()),
                        Span::styled(fit(&look.fr(week), room), theme.dim()),
                    ]),
                    Line::from(Span::styled(fit(&look.fr(free), width), theme.dim())),
                ]
            }
        };
        legend_lines.truncate(usize::from(area.height.saturating_sub(2)).max(1));
        let top_rows = u16::try_from(legend_lines.len()).unwrap_or(1);
        Paragraph::new(legend_lines).render(
            Rect::new(area.x, area.y, area.width, top_rows.min(area.height)),
            buf,
        );
        let bars_h = area.height.saturating_sub(top_rows + 1);
        if bars_h == 0 {
            return;
        }
        let n = pace.weeks.len();
        // The budget's label on the left, then a column a week.
        let budget = pace.budget as usize;
        let axis = format!("{budget} ");
        let axis_w = UnicodeWidthStr::width(axis.as_str());
        let col_w = (width.saturating_sub(axis_w + 1) / n).clamp(2, 12);
        let bar_w = if col_w > 3 { col_w - 2 } else { col_w - 1 };
        let peak = pace.weeks.iter().copied().max().unwrap_or(0);
        let top = peak.max(budget).max(1);
        // Heights in eighths of a row, the count's row kept above the top.
        let rows = usize::from(bars_h);
        let scale = |v: usize| (v * rows.saturating_sub(1).max(1) * 8).div_ceil(top);
        let budget_eighths = scale(budget);
        let budget_row = rows.saturating_sub(budget_eighths.div_ceil(8).max(1));
        let y0 = area.y + top_rows;
        let x0 = area.x + u16::try_from(axis_w).unwrap_or(0);
        // The budget line first: the bars are drawn over it.
        if budget > 0 {
            let y = y0 + u16::try_from(budget_row).unwrap_or(0);
            buf.set_string(area.x, y, &axis, theme.dim());
            let line_w = u16::try_from((col_w * n).min(width.saturating_sub(axis_w))).unwrap_or(0);
            for x in 0..line_w {
                buf.set_string(x0 + x, y, "┄", theme.dim());
            }
        }
        let start = |i: usize| {
            let back = i64::try_from(7 * (n - i) - 1).unwrap_or(0);
            self.today
                .checked_sub(jiff::Span::new().days(back))
                .unwrap_or(self.today)
        };
        for (i, &count) in pace.weeks.iter().enumerate() {
            let x = x0 + u16::try_from(i * col_w).unwrap_or(0);
            if usize::from(x - area.x) + bar_w > width {
                break;
            }
            let style = if count > budget {
                theme.severity(Severity::Warning)
            } else {
                theme.good()
            };
            let h = if count == 0 { 0 } else { scale(count).max(1) };
            let (full, part) = (h / 8, h % 8);
            for r in 0..rows {
                // From the bottom.
                let from_bottom = rows - 1 - r;
                let y = y0 + u16::try_from(r).unwrap_or(0);
                let cell = if from_bottom < full {
                    Some('█')
                } else if from_bottom == full && part > 0 {
                    Some(PARTS[part - 1])
                } else {
                    None
                };
                if let Some(c) = cell {
                    buf.set_string(x, y, c.to_string().repeat(bar_w), style);
                }
            }
            // The count just over its bar (on the bar's top row when the
            // bar fills the chart).
            let bar_rows = h.div_ceil(8);
            let count_row = rows.saturating_sub(bar_rows + 1);
            let text = look.lang.count(count);
            let count_style = if count == 0 { theme.dim() } else { style };
            let y = y0 + u16::try_from(count_row).unwrap_or(0);
            buf.set_string(x, y, fit(&text, col_w.saturating_sub(1)), count_style);
            // The day the week starts, under it.
            let label = if i + 1 == n {
                look.t(Text::new("7 j", "7 d"))
            } else {
                week_label(look.lang, start(i), col_w.saturating_sub(1))
            };
            let y = y0 + bars_h;
            if col_w > 3 {
                buf.set_string(x, y, fit(&label, col_w - 1), theme.dim());
            }
        }
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
