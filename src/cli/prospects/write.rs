//! The list written on standard output: a line a person (human), the
//! list with two columns more (CSV), or one document (JSON), then the
//! counts and the most common reasons.

use super::rows::{fit, ours};
use super::verdicts::{Category, Memo, SAID, Tally};
use super::{Failure, ListFormat, said};
use crate::cli::report::{BOLD, CsvOut, DIM, ERROR, GOOD, WARNING, json_safe};
use poignee::audience::Audience;
use poignee::lang::{Lang, Text};
use poignee::prospects::{Charset, Sheet};
use poignee::text::terminal_line;
use std::io::{self, Write};
use strum::VariantArray;

/// A row of `--format json`.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    line: u64,
    name: Option<&'a str>,
    company: Option<&'a str>,
    place: Option<&'a str>,
    sector: Option<&'a str>,
    audience: &'static str,
    reason: Option<&'a str>,
}

/// The styles of the human format.
#[derive(Clone, Copy)]
pub(super) struct Styles {
    bold: anstyle::Style,
    dim: anstyle::Style,
    good: anstyle::Style,
    error: anstyle::Style,
    warning: anstyle::Style,
}

impl Styles {
    pub(super) const TERMINAL: Styles = Styles {
        bold: BOLD,
        dim: DIM,
        good: GOOD,
        error: ERROR,
        warning: WARNING,
    };
    pub(super) const PLAIN: Styles = Styles {
        bold: anstyle::Style::new(),
        dim: anstyle::Style::new(),
        good: anstyle::Style::new(),
        error: anstyle::Style::new(),
        warning: anstyle::Style::new(),
    };
}

/// How the list is written: the format, the rows kept, the styles, and
/// whether a cell Excel would run is written as it is.
pub(super) struct How {
    pub(super) format: ListFormat,
    pub(super) only: Option<Category>,
    pub(super) styles: Styles,
    pub(super) keep_formulas: bool,
}

pub(super) fn write_all(
    lang: Lang,
    audience: &Audience,
    sheet: &mut Sheet,
    w: &mut impl Write,
    how: How,
) -> Result<Tally, Failure> {
    let How {
        format,
        only,
        styles,
        keep_formulas,
    } = how;
    let Styles {
        bold,
        dim,
        good,
        error,
        warning,
    } = styles;
    let mut tally = Tally::default();
    // The list written back: the same separator; UTF-8, with a BOM when it
    // came from Excel, so that Excel reads the accents back.
    // Every cell through the one sanitiser, counted.
    let mut csv_out = CsvOut::new(sheet.delimiter).keep_formulas(keep_formulas);
    // Written once: a list run twice keeps two columns, not four.
    let extra = |name: &str| sheet.headers.iter().position(|h| h == name);
    let (at_audience, at_reason) = (extra("audience"), extra("audience_reason"));
    let width = sheet.headers.len();
    if format == ListFormat::Csv {
        if matches!(sheet.charset, Charset::Windows1252 | Charset::Utf8Bom) {
            w.write_all("\u{feff}".as_bytes())?;
        }
        let mut head: Vec<&str> = sheet.headers.iter().collect();
        if at_audience.is_none() {
            head.push("audience");
        }
        if at_reason.is_none() {
            head.push("audience_reason");
        }
        w.write_all(&csv_out.line(&head)?)?;
    }
    if format == ListFormat::Json {
        w.write_all(b"{\"version\":1,\"rows\":[")?;
    }
    let mut first = true;
    let mut memo = Memo::default();
    let mut scratch = None;
    while let Some(row) = sheet.next_row() {
        let row = row.map_err(Failure::Sheet)?;
        // Cells under their columns, or the row is left out (in every
        // format: a shifted row would be judged on the wrong cells); the
        // CSV writes over only what a run before wrote.
        let fields = fit(&row.record, width).and_then(|fields| {
            if format == ListFormat::Csv {
                ours(&fields, at_audience, at_reason)?;
            }
            Ok(fields)
        });
        let mut fields = match fields {
            Ok(fields) => fields,
            Err(refused) => {
                tally.left_out += 1;
                if tally.refused.len() < SAID {
                    tally.refused.push(refused.message(row.line, sheet));
                }
                continue;
            }
        };
        let at = memo.judge(lang, audience, &row.target, &mut tally, &mut scratch);
        let judged = match memo.judged.get(at) {
            Some(j) => j,
            None => match &scratch {
                Some(j) => j,
                None => continue,
            },
        };
        let (cat, reason) = (judged.cat, &judged.reason);
        if only.is_some_and(|o| o != cat) {
            continue;
        }
        match format {
            ListFormat::Csv => {
                for (at, value) in [(at_audience, cat.name()), (at_reason, reason.as_str())] {
                    match at {
                        Some(i) => fields[i] = value,
                        None => fields.push(value),
                    }
                }
                w.write_all(&csv_out.line(&fields)?)?;
            }
            ListFormat::Json => {
                if !first {
                    w.write_all(b",")?;
                }
                let doc = JsonRow {
                    line: row.line,
                    name: row.target.name.as_deref(),
                    company: row.target.company.as_deref(),
                    place: row.target.region.as_deref(),
                    sector: row.target.sector.as_deref(),
                    audience: cat.name(),
                    reason: (cat != Category::In).then_some(reason.as_str()),
                };
                let doc = serde_json::to_string(&doc).map_err(|e| Failure::Io(e.into()))?;
                w.write_all(json_safe(doc).as_bytes())?;
            }
            ListFormat::Human => {
                let who = row
                    .target
                    .name
                    .as_deref()
                    .or(row.target.company.as_deref())
                    .unwrap_or("—");
                let style = match cat {
                    Category::In => good,
                    Category::Out => error,
                    _ => warning,
                };
                let what = [row.target.region.as_deref(), row.target.sector.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                let line = match lang {
                    Lang::Fr => format!("ligne {}", row.line),
                    Lang::En => format!("line {}", row.line),
                };
                let mut text = format!(
                    "{dim}{line:>11}{dim:#}  {style}{:<16}{style:#} {}",
                    cat.word().get(lang),
                    terminal_line(who)
                );
                if !what.is_empty() {
                    text.push_str(&format!(" {dim}({}){dim:#}", terminal_line(&what)));
                }
                if !reason.is_empty() {
                    text.push_str(" — ");
                    text.push_str(&judged.shown);
                }
                writeln!(w, "{text}")?;
            }
        }
        first = false;
    }
    memo.count_into(lang, &mut tally);
    tally.csv = csv_out.notices();
    match format {
        ListFormat::Json => {
            let counts: serde_json::Map<String, serde_json::Value> = Category::VARIANTS
                .iter()
                .map(|c| (c.name().to_string(), tally.count(*c).into()))
                .collect();
            let reasons: serde_json::Map<String, serde_json::Value> = Category::VARIANTS[1..]
                .iter()
                .map(|c| {
                    let top: Vec<serde_json::Value> = tally
                        .top(*c, 10)
                        .into_iter()
                        .map(|(r, n, ..)| serde_json::json!({"reason": r, "count": n}))
                        .collect();
                    (c.name().to_string(), top.into())
                })
                .collect();
            let tail = serde_json::json!({"counts": counts, "reasons": reasons, "left_out": tally.left_out})
                .to_string();
            // `{"counts":…}` without its braces, after the rows.
            let inner = &tail[1..tail.len() - 1];
            writeln!(w, "],{}}}", json_safe(inner.to_string()))?;
        }
        ListFormat::Human => summary(lang, &tally, w, bold)?,
        ListFormat::Csv => {}
    }
    Ok(tally)
}

pub(super) fn counts_line(lang: Lang, tally: &Tally, total: usize) -> String {
    let (i, o, u, a) = (
        tally.count(Category::In),
        tally.count(Category::Out),
        tally.count(Category::Unknown),
        tally.count(Category::Ambiguous),
    );
    // French singular up to 1, English only at 1.
    let fr = |n: usize, one: &str, many: &str| format!("{n} {}", if n <= 1 { one } else { many });
    let en = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    said(
        lang,
        format!(
            "{} : {i} dans la cible, {o} hors cible, {}, {}",
            fr(total, "personne", "personnes"),
            fr(u, "inconnue", "inconnues"),
            fr(a, "ambiguë", "ambiguës")
        ),
        format!(
            "{}: {i} in, {o} out, {u} unknown, {a} ambiguous",
            en(total, "person", "people")
        ),
    )
}

fn summary(lang: Lang, tally: &Tally, w: &mut impl Write, bold: anstyle::Style) -> io::Result<()> {
    let total: usize = Category::VARIANTS.iter().map(|c| tally.count(*c)).sum();
    writeln!(w)?;
    writeln!(w, "{bold}{}{bold:#}", counts_line(lang, tally, total))?;
    for cat in [Category::Out, Category::Unknown, Category::Ambiguous] {
        let top = tally.top(cat, 5);
        if top.is_empty() {
            continue;
        }
        let head = match cat {
            Category::Out => Text::new(
                "Raisons les plus fréquentes, hors cible :",
                "Most common reasons, out:",
            ),
            Category::Unknown => Text::new(
                "Raisons les plus fréquentes, inconnues :",
                "Most common reasons, unknown:",
            ),
            _ => Text::new(
                "Raisons les plus fréquentes, ambiguës :",
                "Most common reasons, ambiguous:",
            ),
        };
        writeln!(w, "{}", head.get(lang))?;
        for (reason, n, field, value) in top {
            writeln!(w, "  {n:>7}  {}", terminal_line(reason))?;
            // A name it does not know: the closest ones it does (for the
            // most common only, not at every row).
            let close = value
                .filter(|_| cat == Category::Unknown)
                .and_then(|v| poignee::audience::names::did_you_mean(field, v));
            if let Some(close) = close {
                writeln!(w, "           → {}", terminal_line(&close.get(lang)))?;
            }
        }
    }
    Ok(())
}
