//! The reporters of `check`: compiler-style reports, one-line reports, JSON
//! and GitHub annotations, in the interface language, to any writer
//! (coloured when asked); and the CSV writer. Standard output and error are
//! the command line's (`src/cli/report.rs`).
//! What comes from the user (paths, notes, values) is printed through
//! [`terminal_line`]: no control or bidi character reaches the terminal.

use crate::batch::{Checked, FileError, FileReport};
use crate::crossdraft::{Finding, Record};
use crate::lang::{Lang, Localize, Text, french_spacing};
use crate::lint::{Diagnostic, Severity};
use crate::text::{is_unsafe_for_terminal, line_col, terminal_line};
use anstyle::{AnsiColor, Style};
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;

mod csv;
mod excerpt;
mod json;

pub use csv::{CsvOut, is_formula};
use excerpt::excerpt;
use json::*;

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const INFO: Style = AnsiColor::Cyan.on_default().bold();
pub const GOOD: Style = AnsiColor::Green.on_default().bold();
pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = AnsiColor::Blue.on_default().bold();

/// How `check` reports.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style, with the source line and the span underlined
    Human,
    /// One line a diagnostic: path:line:col: severity[rule]: message
    Short,
    /// One JSON document (see the README)
    Json,
    /// GitHub Actions annotations
    Github,
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub unreadable: usize,
    /// Symbolic link loops met by the walk: said, not failed.
    pub skipped: usize,
}

/// Reports files one at a time, to standard output or to any writer.
pub struct Reporter<W: Write> {
    format: Format,
    lang: Lang,
    color: bool,
    out: W,
    summary: Summary,
    cross_written: bool,
}

impl<W: Write> Reporter<W> {
    /// A reporter writing to `out` (the fuzz target's buffer).
    pub fn to(format: Format, lang: Lang, color: bool, out: W) -> Self {
        let mut r = Reporter {
            format,
            lang,
            color,
            out,
            summary: Summary::default(),
            cross_written: false,
        };
        if format == Format::Json {
            r.write("{\"version\":1,\"files\":[");
        }
        r
    }

    fn write(&mut self, s: &str) {
        // A closed pipe (`| head`) is not worth a panic or an error message.
        let _ = self.out.write_all(s.as_bytes());
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if self.color {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }

    /// ":" as each language writes it before a message.
    fn colon(&self) -> &'static str {
        self.lang.colon()
    }

    fn tr(&self, t: Text) -> String {
        t.get(self.lang).into_owned()
    }

    pub fn file(&mut self, checked: &Checked) {
        self.summary.files += 1;
        match &checked.outcome {
            Ok(r) => {
                for sev in [Severity::Error, Severity::Warning, Severity::Info] {
                    let n = r.report.count(sev);
                    match sev {
                        Severity::Error => self.summary.errors += n,
                        Severity::Warning => self.summary.warnings += n,
                        Severity::Info => self.summary.infos += n,
                    }
                }
            }
            Err(FileError::Loop(_)) => self.summary.skipped += 1,
            Err(_) => self.summary.unreadable += 1,
        }
        let text = match self.format {
            Format::Human => self.human(checked),
            Format::Short => self.short(checked),
            Format::Github => self.github(checked),
            Format::Json => self.json(checked),
        };
        self.write(&text);
    }

    /// The findings of the checks across drafts, after every file.
    pub fn cross(&mut self, findings: &[Finding], records: &[Record]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.summary.errors += 1,
                Severity::Warning => self.summary.warnings += 1,
                Severity::Info => self.summary.infos += 1,
            }
        }
        let lang = self.lang;
        if self.format == Format::Json {
            // One item at a time: there can be one a file.
            self.write("],\"cross_draft\":[");
            for (i, f) in findings.iter().enumerate() {
                let item = JsonCross {
                    path: &records[f.record].path,
                    line: records[f.record].line,
                    column: records[f.record].column,
                    rule: f.rule,
                    severity: f.severity,
                    message: f.text(records).get(lang).into_owned(),
                    related: f.related_paths(records),
                };
                let sep = if i > 0 { "," } else { "" };
                let item = json_safe(serde_json::to_string(&item).unwrap_or_default());
                self.write(&format!("{sep}{item}"));
            }
            self.write("]");
            self.cross_written = true;
            return;
        }
        for f in findings {
            let mut o = String::new();
            let r = &records[f.record];
            let at = format!("{}:{}:{}", terminal_line(&r.path), r.line, r.column);
            let message = f.text(records).get(lang).into_owned();
            let style = severity_style(f.severity);
            match self.format {
                Format::Github => {
                    let level = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    o.push_str(&format!(
                        "::{level} file={},line={},col={},title={}::{}\n",
                        escape_property(&r.path),
                        r.line,
                        r.column,
                        escape_property(&format!("poignee {}", f.rule)),
                        escape_data(&message)
                    ));
                }
                Format::Short => {
                    let sev = self.paint(style, &format!("{}[{}]", f.severity.name(), f.rule));
                    o.push_str(&format!("{at}: {sev}: {}\n", terminal_line(&message)));
                }
                Format::Human | Format::Json => {
                    let head = self.paint(
                        style,
                        &format!("{}[{}]", self.severity_word(f.severity), f.rule),
                    );
                    o.push_str(&format!(
                        "{head}{} {}\n  {} {at}\n\n",
                        self.colon(),
                        self.paint(BOLD, &terminal_line(&message)),
                        self.paint(DIM, "-->")
                    ));
                }
            }
            self.write(&o);
        }
    }

    pub fn finish(mut self) -> Summary {
        let s = self.summary;
        match self.format {
            Format::Json => {
                let summary = serde_json::to_string(&s).unwrap_or_default();
                let close = if self.cross_written {
                    ""
                } else {
                    "],\"cross_draft\":[]"
                };
                self.write(&format!("{close},\"summary\":{summary}}}\n"));
            }
            Format::Human | Format::Short => {
                let line = summary_line(self.lang, &s);
                let style = if s.errors + s.unreadable > 0 {
                    ERROR
                } else if s.warnings > 0 {
                    WARNING
                } else {
                    GOOD
                };
                let painted = self.paint(style, &line);
                self.write(&format!("{painted}\n"));
            }
            Format::Github => {}
        }
        let _ = self.out.flush();
        s
    }

    fn severity_word(&self, s: Severity) -> String {
        self.tr(match s {
            Severity::Error => Text::new("erreur", "error"),
            Severity::Warning => Text::new("avertissement", "warning"),
            Severity::Info => Text::new("info", "info"),
        })
    }

    fn human(&self, checked: &Checked) -> String {
        let mut o = String::new();
        let r = match &checked.outcome {
            Err(e) => {
                let head = match e {
                    FileError::Loop(_) => {
                        self.paint(WARNING, &self.severity_word(Severity::Warning))
                    }
                    _ => self.paint(ERROR, &self.severity_word(Severity::Error)),
                };
                let msg = terminal_line(&e.message().get(self.lang)).into_owned();
                let path = terminal_line(&checked.path);
                let at = match e.position() {
                    Some((l, c)) => format!("{path}:{l}:{c}"),
                    None => path.into_owned(),
                };
                o.push_str(&format!(
                    "{head}{} {}\n  {} {at}\n\n",
                    self.colon(),
                    self.paint(BOLD, &msg),
                    self.paint(DIM, "-->")
                ));
                return o;
            }
            Ok(r) => r,
        };
        for d in &r.report.diagnostics {
            self.human_diagnostic(&mut o, &terminal_line(&checked.path), r, d);
        }
        let errors = r.report.count(Severity::Error);
        let (mark, style) = match (errors, r.report.count(Severity::Warning)) {
            (0, 0) => ("✓", GOOD),
            (0, _) => ("⚠", WARNING),
            _ => ("✖", ERROR),
        };
        let stats = &r.report.stats;
        let readability = match (stats.readability, stats.readability_label()) {
            (Some(x), Some(label)) => {
                let word = self.tr(Text::new("lisibilité", "readability"));
                format!(" · {word} {x:.0} ({})", label.get(self.lang))
            }
            _ => String::new(),
        };
        let line = format!(
            "{} {} — {}/100 · {}/{} · {} · {}{readability}\n",
            self.paint(style, mark),
            self.paint(BOLD, &terminal_line(&checked.path)),
            r.report.score.value,
            stats.length,
            stats.limit,
            r.report.lang,
            r.platform.display(),
        );
        o.push_str(&line);
        if !r.report.diagnostics.is_empty() {
            o.push('\n');
        }
        o
    }

    fn human_diagnostic(&self, o: &mut String, path: &str, r: &FileReport, d: &Diagnostic) {
        let span = r.file_span(&d.span);
        let (line, col) = line_col(&r.source, span.start);
        let style = severity_style(d.severity);
        let head = self.paint(
            style,
            &format!("{}[{}]", self.severity_word(d.severity), d.rule),
        );
        let msg = self.paint(BOLD, &terminal_line(&d.message.get(self.lang)));
        o.push_str(&format!("{head}{} {msg}\n", self.colon()));
        let num = line.to_string();
        let pad = " ".repeat(num.len());
        let bar = self.paint(DIM, "|");
        o.push_str(&format!(
            "{pad}{} {path}:{line}:{col}\n",
            self.paint(DIM, "-->")
        ));
        let line_start = r.source[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = r.source[span.start..]
            .find('\n')
            .map_or(r.source.len(), |i| span.start + i);
        let line_text = r.source[line_start..line_end].trim_end_matches('\r');
        let (shown, lead, width) = excerpt(
            line_text,
            span.start - line_start,
            span.end.min(line_end).max(span.start) - line_start,
        );
        o.push_str(&format!("{pad} {bar}\n"));
        o.push_str(&format!("{} {bar} {shown}\n", self.paint(DIM, &num)));
        let carets = self.paint(style, &"^".repeat(width));
        o.push_str(&format!("{pad} {bar} {}{carets}\n", " ".repeat(lead)));
        if let Some(s) = &d.suggestion {
            let help = self.tr(Text::new("aide", "help"));
            let colon = self.colon();
            o.push_str(&format!(
                "{pad} {} {}{colon} {}\n",
                self.paint(DIM, "="),
                self.paint(BOLD, &help),
                terminal_line(&s.get(self.lang))
            ));
        }
        o.push('\n');
    }

    fn positions(r: &FileReport, d: &Diagnostic) -> Positions {
        let span = r.file_span(&d.span);
        let (line, column) = line_col(&r.source, span.start);
        let (end_line, end_column) = line_col(&r.source, span.end);
        Positions {
            line,
            column,
            end_line,
            end_column,
            byte_start: span.start,
            byte_end: span.end,
        }
    }

    fn short(&self, checked: &Checked) -> String {
        let mut o = String::new();
        match &checked.outcome {
            Err(e) => {
                let (l, c) = e.position().unwrap_or((1, 1));
                let sev = match e {
                    FileError::Loop(_) => self.paint(WARNING, "warning[file]"),
                    _ => self.paint(ERROR, "error[file]"),
                };
                o.push_str(&format!(
                    "{}:{l}:{c}: {sev}: {}\n",
                    terminal_line(&checked.path),
                    terminal_line(&e.message().get(self.lang))
                ));
            }
            Ok(r) => {
                for d in &r.report.diagnostics {
                    let p = Self::positions(r, d);
                    let sev = self.paint(
                        severity_style(d.severity),
                        &format!("{}[{}]", d.severity.name(), d.rule),
                    );
                    o.push_str(&format!(
                        "{}:{}:{}: {sev}: {}\n",
                        terminal_line(&checked.path),
                        p.line,
                        p.column,
                        terminal_line(&d.message.get(self.lang))
                    ));
                }
            }
        }
        o
    }

    fn github(&self, checked: &Checked) -> String {
        let mut o = String::new();
        let file = escape_property(&checked.path);
        match &checked.outcome {
            Err(e) => {
                let (l, c) = e.position().unwrap_or((1, 1));
                let msg = escape_data(&e.message().get(self.lang));
                let level = match e {
                    FileError::Loop(_) => "warning",
                    _ => "error",
                };
                o.push_str(&format!(
                    "::{level} file={file},line={l},col={c},title=poignee::{msg}\n"
                ));
            }
            Ok(r) => {
                for d in &r.report.diagnostics {
                    let p = Self::positions(r, d);
                    let level = match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let mut msg = d.message.get(self.lang).into_owned();
                    if let Some(s) = &d.suggestion {
                        msg.push_str(&format!("\n→ {}", s.get(self.lang)));
                    }
                    o.push_str(&format!(
                        "::{level} file={file},line={},col={},endLine={},endColumn={},title={}::{}\n",
                        p.line,
                        p.column,
                        p.end_line,
                        p.end_column,
                        escape_property(&format!("poignee {}", d.rule)),
                        escape_data(&msg)
                    ));
                }
            }
        }
        o
    }

    fn json(&self, checked: &Checked) -> String {
        let lang = self.lang;
        let file = match &checked.outcome {
            Err(e) => JsonFile {
                path: &checked.path,
                path_bytes: checked.path_bytes.as_deref(),
                lang: None,
                lang_detected: None,
                platform: None,
                score: None,
                score_breakdown: Vec::new(),
                length: None,
                stats: None,
                diagnostics: Vec::new(),
                error: Some(e.message().get(lang).into_owned()),
                error_position: e
                    .position()
                    .map(|(line, column)| JsonPosition { line, column }),
            },
            Ok(r) => JsonFile {
                path: &checked.path,
                path_bytes: checked.path_bytes.as_deref(),
                lang: Some(r.report.lang.code()),
                lang_detected: Some(r.report.lang_detected),
                platform: Some(r.platform.name()),
                score: Some(r.report.score.value),
                score_breakdown: r
                    .report
                    .score
                    .breakdown
                    .iter()
                    .map(|p| JsonPenalty {
                        rule: p.rule,
                        points: p.points,
                    })
                    .collect(),
                length: Some(JsonLength {
                    count: r.report.stats.length,
                    limit: r.report.stats.limit,
                }),
                stats: Some(JsonStats {
                    words: r.report.stats.words,
                    sentences: r.report.stats.sentences,
                    readability: r
                        .report
                        .stats
                        .readability
                        .map(|x| (x * 10.0).round() / 10.0),
                    first_person: r.report.stats.first_person,
                    second_person: r.report.stats.second_person,
                }),
                diagnostics: r
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| JsonDiagnostic {
                        rule: d.rule,
                        severity: d.severity,
                        position: Self::positions(r, d),
                        message: d.message.get(lang).into_owned(),
                        suggestion: d.suggestion.as_ref().map(|s| s.get(lang).into_owned()),
                    })
                    .collect(),
                error: None,
                error_position: None,
            },
        };
        let sep = if self.summary.files > 1 { "," } else { "" };
        let json = json_safe(serde_json::to_string(&file).unwrap_or_default());
        format!("{sep}{json}")
    }
}

pub fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Info => INFO,
    }
}

/// GitHub workflow commands: `%`, CR and LF are escaped in the message (and
/// any other control or bidi character shown as `<U+…>`)…
fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    terminal_line(&s).into_owned()
}

/// …and `:` and `,` too in properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A JSON document with DEL, the C1 controls and the bidi controls written
/// `\u…` as well (serde_json escapes only the C0 controls): the same
/// strings, nothing a terminal acts on. They can only be inside strings.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(is_unsafe_for_terminal) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// "1 error", "2 errors"; in French the singular covers 0 too (« 0 erreur »).
pub fn plural(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let single = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if single { one } else { many })
}

pub fn summary_line(lang: Lang, s: &Summary) -> String {
    match lang {
        Lang::Fr => {
            let mut line = format!(
                "{} vérifié{} : {}, {}, {}",
                plural(lang, s.files, "fichier", "fichiers"),
                if s.files > 1 { "s" } else { "" },
                plural(lang, s.errors, "erreur", "erreurs"),
                plural(lang, s.warnings, "avertissement", "avertissements"),
                plural(lang, s.infos, "info", "infos"),
            );
            if s.unreadable > 0 {
                line.push_str(&format!(
                    " ; {} illisible{}",
                    s.unreadable,
                    if s.unreadable > 1 { "s" } else { "" }
                ));
            }
            if s.skipped > 0 {
                line.push_str(&format!(
                    " ; {}",
                    plural(lang, s.skipped, "ignoré", "ignorés")
                ));
            }
            french_spacing(&line).into_owned()
        }
        Lang::En => {
            let mut line = format!(
                "{} checked: {}, {}, {}",
                plural(lang, s.files, "file", "files"),
                plural(lang, s.errors, "error", "errors"),
                plural(lang, s.warnings, "warning", "warnings"),
                plural(lang, s.infos, "info", "infos"),
            );
            if s.unreadable > 0 {
                line.push_str(&format!("; {} unreadable", s.unreadable));
            }
            if s.skipped > 0 {
                line.push_str(&format!("; {} skipped", s.skipped));
            }
            line
        }
    }
}
