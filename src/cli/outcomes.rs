//! `poignee mark` and `poignee stats`: recording what became of the
//! invitations, and the figures about them. The work is in the library
//! ([`poignee::outcome`], [`poignee::stats`]); this says it.

use super::report::{self, BOLD, CsvOut, WARNING, json_safe, out};
use poignee::draft::Status;
use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::outcome::{self, Mark};
use poignee::stats::{Dimension, Figures, Group, Stats, TOO_FEW};
use poignee::text::terminal_line;
use serde_json::json;
use std::path::{Path, PathBuf};
use strum::VariantArray;
use unicode_width::UnicodeWidthStr;

/// How many files `mark` marked, left as they were, and could not mark.
#[derive(Debug, Default)]
pub struct Tally {
    pub marked: usize,
    pub unchanged: usize,
    pub failed: usize,
}

/// A warning on standard error: « avertissement : … ».
fn warn(lang: Lang, message: &str) {
    let word = Text::new("avertissement", "warning").get(lang);
    anstream::eprintln!(
        "{WARNING}{word}{WARNING:#}{} {}",
        lang.colon(),
        poignee::text::terminal_lines(message)
    );
}

fn shown(path: &Path) -> String {
    terminal_line(&path.display().to_string()).into_owned()
}

/// A path, and for a symbolic link where it points (`link.md → /real.md`):
/// `mark` writes the target, so the user sees which file that is.
fn shown_through(path: &Path) -> String {
    let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !linked {
        return shown(path);
    }
    match std::fs::canonicalize(path).or_else(|_| std::fs::read_link(path)) {
        Ok(target) => format!("{} → {}", shown(path), shown(&target)),
        Err(_) => shown(path),
    }
}

fn status_word(status: Option<Status>) -> Text {
    status.map_or(Text::new("sans statut", "no status"), Status::word)
}

/// Marks each file in turn: one that cannot be marked is said and left as
/// it was, and the others are marked all the same.
pub fn mark(
    lang: Lang,
    files: &[PathBuf],
    how: Mark,
    date: jiff::civil::Date,
    explicit: bool,
) -> Tally {
    let mut tally = Tally::default();
    for path in files {
        let name = shown_through(path);
        // The name as it is (no French typography in a path), then the message.
        let said = |m: &Localized| format!("{name}{} {}", lang.colon(), m.get(lang));
        match outcome::mark_file(path, how, date, explicit) {
            Ok(marked) => {
                let plan = &marked.plan;
                let on = plan.on.map(|d| (format!(" le {d}"), format!(" on {d}")));
                let (on_fr, on_en) = on.unwrap_or_default();
                let (to_fr, to_en) = (plan.to.word().fr, plan.to.word().en);
                let line = if marked.text.is_none() {
                    tally.unchanged += 1;
                    Localized::new(
                        format!("déjà {to_fr}{on_fr} : rien ne change"),
                        format!("already {to_en}{on_en}: nothing changed"),
                    )
                } else {
                    tally.marked += 1;
                    let from = status_word(plan.from);
                    Localized::new(
                        format!("{} → {to_fr}{on_fr}", from.fr),
                        format!("{} → {to_en}{on_en}", from.en),
                    )
                };
                out(&said(&line));
                for w in &plan.warnings {
                    warn(lang, &said(&w.message()));
                }
            }
            Err(e) => {
                tally.failed += 1;
                // Compiler-style: `path:line:col: message`, or `path: message`
                // (« chemin : message » in French).
                let head = match e.place() {
                    Some((l, c)) => format!("{name}:{l}:{c}:"),
                    None => format!("{name}{}", lang.colon()),
                };
                let m = e.message(how);
                report::fail(lang, &format!("{head} {}", m.get(lang)));
            }
        }
    }
    if files.len() > 1 {
        let line = Localized::new(
            format!(
                "{} marqué{}, {} déjà ainsi, {} non marqué{}",
                tally.marked,
                if tally.marked > 1 { "s" } else { "" },
                tally.unchanged,
                tally.failed,
                if tally.failed > 1 { "s" } else { "" },
            ),
            format!(
                "{} marked, {} already so, {} not marked",
                tally.marked, tally.unchanged, tally.failed
            ),
        );
        out(&line.get(lang));
    }
    tally
}

fn percent(lang: Lang, rate: Option<f64>) -> String {
    match (rate, lang) {
        (None, _) => "—".into(),
        (Some(r), Lang::Fr) => format!("{}\u{a0}%", (r * 100.0).round()),
        (Some(r), Lang::En) => format!("{}%", (r * 100.0).round()),
    }
}

/// `3 days`, `2.5 days`, `1 day`; `2,5 jours` in French.
fn days(lang: Lang, d: Option<f64>) -> String {
    let Some(d) = d else {
        return "—".into();
    };
    let n = if d.fract() == 0.0 {
        format!("{d:.0}")
    } else {
        format!("{d:.1}")
    };
    match lang {
        Lang::Fr => format!(
            "{} jour{}",
            n.replace('.', ","),
            if d >= 2.0 { "s" } else { "" }
        ),
        Lang::En => format!("{n} day{}", if d == 1.0 { "" } else { "s" }),
    }
}

/// Cells of the bar at 100 %.
const BAR: usize = 20;

/// `█████▌` for `share` of [`BAR`] cells, padded to the full width.
fn bar(share: Option<f64>) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (share.unwrap_or(0.0).clamp(0.0, 1.0) * (BAR * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        s.push(PARTS[eighths % 8]);
    }
    let used = eighths.div_ceil(8);
    s.push_str(&" ".repeat(BAR - used));
    s
}

/// `s` cut to `width` cells (with `…`), then padded to it.
fn fit(s: &str, width: usize) -> String {
    let mut cut = String::new();
    let mut used = 0;
    if s.width() <= width {
        cut.push_str(s);
        used = s.width();
    } else {
        for c in s.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            cut.push(c);
            used += w;
        }
        cut.push('…');
        used += 1;
    }
    cut.push_str(&" ".repeat(width.saturating_sub(used)));
    cut
}

fn right(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

/// The longest a group's name is shown.
const LABEL_MAX: usize = 28;

/// The figures as a person reads them: a summary, then a table a
/// dimension, each row with a bar, aligned across the tables.
pub fn human(
    lang: Lang,
    stats: &Stats,
    since: Option<jiff::civil::Date>,
    after_days: u32,
) -> Vec<String> {
    let t = |t: Text| t.get(lang).into_owned();
    let l = |l: &Localized| l.get(lang).into_owned();
    let o = &stats.overall;
    let mut lines = Vec::new();
    let since_text = since.map(|d| (format!(" depuis le {d}"), format!(" since {d}")));
    let (since_fr, since_en) = since_text.unwrap_or_default();
    if o.sent == 0 {
        lines.push(l(&Localized::new(
            format!(
                "Aucune invitation envoyée{since_fr} parmi {} brouillon{} : marquez-les avec `poignee mark FICHIER… sent`.",
                lang.count(stats.drafts),
                if stats.drafts > 1 { "s" } else { "" }
            ),
            format!(
                "No invitation sent{since_en} among {} draft{}: mark them with `poignee mark FILE… sent`.",
                lang.count(stats.drafts),
                if stats.drafts == 1 { "" } else { "s" }
            ),
        )));
        return lines;
    }
    let c = |n: usize| lang.count(n);
    // The invitations an import found sent without a note are not in the
    // figures over notes: said beside them, not left out in silence.
    let bare = stats
        .of(poignee::stats::Dimension::Note)
        .filter(|(g, _)| *g == poignee::stats::Group::Note(poignee::stats::Noted::Without))
        .map(|(_, f)| f.sent)
        .sum::<usize>();
    let (bare_fr, bare_en) = if bare > 0 {
        (
            format!(
                " avec une note (et {} sans note, comptée{} à part)",
                c(bare),
                if bare > 1 { "s" } else { "" }
            ),
            format!(" with a note (and {} without, counted apart)", c(bare)),
        )
    } else {
        (String::new(), String::new())
    };
    lines.push(format!(
        "{BOLD}{}{BOLD:#}",
        l(&Localized::new(
            format!(
                "{} invitation{} envoyée{}{bare_fr}{since_fr}",
                c(o.sent),
                if o.sent > 1 { "s" } else { "" },
                if o.sent > 1 { "s" } else { "" }
            ),
            format!(
                "{} invitation{} sent{bare_en}{since_en}",
                c(o.sent),
                if o.sent == 1 { "" } else { "s" }
            ),
        ))
    ));
    let (unanswered_fr, unanswered_en) = if o.unanswered > 0 {
        (
            format!(
                " (dont {} sans réponse après {after_days} jours)",
                c(o.unanswered)
            ),
            format!(
                " ({} of them unanswered after {after_days} days)",
                c(o.unanswered)
            ),
        )
    } else {
        Default::default()
    };
    lines.push(l(&Localized::new(
        format!(
            "{} acceptée{} · {} refusée{} · {} ignorée{}{unanswered_fr} · {} en attente",
            c(o.accepted),
            plural_s(o.accepted),
            c(o.declined),
            plural_s(o.declined),
            c(o.ignored),
            plural_s(o.ignored),
            c(o.pending)
        ),
        format!(
            "{} accepted · {} declined · {} ignored{unanswered_en} · {} pending",
            c(o.accepted),
            c(o.declined),
            c(o.ignored),
            c(o.pending)
        ),
    )));
    let mut rows: Vec<(Option<Dimension>, String, &Figures)> =
        vec![(None, t(Text::new("toutes", "all")), o)];
    for (g, f) in &stats.groups {
        // A template's name comes from a file: shown safely.
        rows.push((
            Some(g.dimension()),
            terminal_line(&g.label_in(lang)).into_owned(),
            f,
        ));
    }
    let heads = [
        t(Text::new("acceptation", "acceptance")),
        t(Text::new("répondues", "answered")),
        t(Text::new("envoyées", "sent")),
        t(Text::new("délai médian", "time to accept")),
    ];
    let label_w = rows
        .iter()
        .map(|(_, s, _)| s.width())
        .max()
        .unwrap_or(0)
        .clamp(12, LABEL_MAX);
    let rate_w = 5;
    let answered_w = rows
        .iter()
        .map(|(_, _, f)| c(f.answered()).width())
        .chain([heads[1].width()])
        .max()
        .unwrap_or(0);
    let sent_w = rows
        .iter()
        .map(|(_, _, f)| c(f.sent).width())
        .chain([heads[2].width()])
        .max()
        .unwrap_or(0);
    let days_w = rows
        .iter()
        .map(|(_, _, f)| days(lang, f.median_days()).width())
        .chain([heads[3].width()])
        .max()
        .unwrap_or(0);
    let few = l(&Localized::new(
        format!("⚠ trop peu pour conclure (n < {TOO_FEW})"),
        format!("⚠ too few to tell (n < {TOO_FEW})"),
    ));
    let header = |title: &str| {
        format!(
            "{BOLD}{}{BOLD:#}  {}   {}  {}  {}",
            fit(title, label_w + 2),
            fit(&heads[0], BAR + 1 + rate_w),
            right(&heads[1], answered_w),
            right(&heads[2], sent_w),
            right(&heads[3], days_w),
        )
    };
    let row = |label: &str, f: &Figures| {
        let mut s = format!(
            "  {}  {} {}   {}  {}  {}",
            fit(label, label_w),
            bar(f.rate()),
            right(&percent(lang, f.rate()), rate_w),
            right(&c(f.answered()), answered_w),
            right(&c(f.sent), sent_w),
            right(&days(lang, f.median_days()), days_w),
        );
        if f.too_small() {
            s.push_str(&format!("  {WARNING}{few}{WARNING:#}"));
        }
        s
    };
    lines.push(String::new());
    lines.push(header(""));
    lines.push(row(&rows[0].1, rows[0].2));
    let mut current = None;
    for (dim, label, f) in &rows[1..] {
        if *dim != current {
            current = *dim;
            lines.push(String::new());
            if let Some(d) = dim {
                lines.push(format!("{BOLD}{}{BOLD:#}", t(d.heading())));
            }
        }
        lines.push(row(label, f));
    }
    lines.push(String::new());
    lines.push(l(&Localized::new(
        "acceptation : acceptées ÷ répondues (acceptées, refusées, ignorées)",
        "acceptance: accepted ÷ answered (accepted, declined, ignored)",
    )));
    lines.push(l(&Localized::new(
        format!(
            "délai médian : de l'envoi à l'acceptation ; {} brouillon{} pas encore envoyé{}",
            c(stats.not_sent),
            plural_s(stats.not_sent),
            plural_s(stats.not_sent),
        ),
        format!(
            "time to accept: median days from sent to accepted; {} draft{} not sent yet",
            c(stats.not_sent),
            if stats.not_sent == 1 { "" } else { "s" },
        ),
    )));
    if stats.before > 0 {
        lines.push(l(&Localized::new(
            format!(
                "{} invitation{} envoyée{} avant, non comptée{}",
                c(stats.before),
                plural_s(stats.before),
                plural_s(stats.before),
                plural_s(stats.before)
            ),
            format!("{} sent before, not counted", c(stats.before)),
        )));
    }
    lines
}

fn plural_s(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

fn figures_json(f: &Figures) -> serde_json::Value {
    json!({
        "sent": f.sent,
        "accepted": f.accepted,
        "declined": f.declined,
        "ignored": f.ignored,
        "unanswered": f.unanswered,
        "pending": f.pending,
        "answered": f.answered(),
        "acceptance_rate": f.rate().map(|r| (r * 10_000.0).round() / 10_000.0),
        "median_days_to_accept": f.median_days(),
        "timed": f.timed(),
        "too_small": f.too_small(),
    })
}

/// One JSON document.
pub fn json(
    lang: Lang,
    stats: &Stats,
    today: jiff::civil::Date,
    since: Option<jiff::civil::Date>,
    after_days: u32,
) -> String {
    let mut by = serde_json::Map::new();
    for &d in Dimension::VARIANTS {
        let groups: Vec<serde_json::Value> = stats
            .of(d)
            .map(|(g, f)| {
                let mut v = figures_json(f);
                if let Some(o) = v.as_object_mut() {
                    o.insert("group".into(), json!(g.key()));
                    o.insert("label".into(), json!(g.label_in(lang)));
                }
                v
            })
            .collect();
        by.insert(d.key().into(), json!(groups));
    }
    let skipped: Vec<serde_json::Value> = stats
        .skipped
        .iter()
        .map(|s| {
            json!({
                "path": s.path,
                "line": s.at.map(|a| a.0),
                "column": s.at.map(|a| a.1),
                "message": s.message.get(lang),
            })
        })
        .collect();
    json_safe(
        json!({
            "version": 1,
            "today": today.to_string(),
            "since": since.map(|d| d.to_string()),
            "ignored_after_days": after_days,
            "too_few": TOO_FEW,
            "drafts": stats.drafts,
            "not_sent": stats.not_sent,
            "sent_before_since": stats.before,
            "skipped": skipped,
            "overall": figures_json(&stats.overall),
            "by": by,
        })
        .to_string(),
    )
}

/// One CSV row a group, the first for all the invitations. Every cell goes
/// through the one sanitiser ([`CsvOut`]): a template's name from a file
/// cannot carry an escape sequence to the terminal, nor a formula to Excel;
/// a cell so changed is said on standard error.
pub fn csv(lang: Lang, stats: &Stats, keep_formulas: bool) -> String {
    let mut w = CsvOut::new(b',').keep_formulas(keep_formulas);
    let mut bytes = Vec::new();
    let mut put = |w: &mut CsvOut, fields: &[String]| {
        if let Ok(line) = w.line(fields) {
            bytes.extend_from_slice(&line);
        }
    };
    let head = [
        "by",
        "group",
        "label",
        "sent",
        "accepted",
        "declined",
        "ignored",
        "unanswered",
        "pending",
        "answered",
        "acceptance_rate",
        "median_days_to_accept",
        "too_small",
    ]
    .map(String::from);
    put(&mut w, &head);
    let all = Text::new("toutes", "all").get(lang).into_owned();
    let rows = std::iter::once(("overall", "all".to_string(), all, &stats.overall)).chain(
        stats
            .groups
            .iter()
            .map(|(g, f): &(Group, Figures)| (g.dimension().key(), g.key(), g.label_in(lang), f)),
    );
    for (by, key, label, f) in rows {
        put(
            &mut w,
            &[
                by.to_string(),
                key,
                label,
                f.sent.to_string(),
                f.accepted.to_string(),
                f.declined.to_string(),
                f.ignored.to_string(),
                f.unanswered.to_string(),
                f.pending.to_string(),
                f.answered().to_string(),
                f.rate().map(|r| format!("{r:.4}")).unwrap_or_default(),
                f.median_days().map(|d| d.to_string()).unwrap_or_default(),
                f.too_small().to_string(),
            ],
        );
    }
    for notice in w.notices() {
        report::warn(lang, &notice.get(lang));
    }
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

/// The files left out, on standard error.
pub fn skipped(lang: Lang, stats: &Stats) {
    for s in &stats.skipped {
        let path = terminal_line(&s.path);
        let head = match s.at {
            Some((l, c)) => format!("{path}:{l}:{c}:"),
            None => format!("{path}{}", lang.colon()),
        };
        let m = s.message.get(lang);
        warn(
            lang,
            &format!(
                "{head} {m} ({})",
                Text::new("non compté", "not counted").get(lang)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_numbers() {
        assert_eq!(bar(Some(0.0)), " ".repeat(BAR));
        assert_eq!(bar(Some(1.0)), "█".repeat(BAR));
        assert_eq!(bar(Some(0.275)), format!("█████▌{}", " ".repeat(14)));
        assert_eq!(bar(None).chars().count(), BAR);
        assert_eq!(Lang::En.count(10_000), "10,000");
        assert_eq!(Lang::Fr.count(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(percent(Lang::Fr, Some(0.425)), "43\u{a0}%");
        assert_eq!(percent(Lang::En, Some(0.5)), "50%");
        assert_eq!(days(Lang::Fr, Some(2.5)), "2,5 jours");
        assert_eq!(days(Lang::En, Some(1.0)), "1 day");
        assert_eq!(fit("fr/evenement-salon-professionnel", 10), "fr/evenem…");
        assert_eq!(fit("été", 5), "été  ");
    }
}
