//! `poignee audience --people FILE.csv`: every row of a prospect list
//! judged against the audience filter, as it streams (memory flat in the
//! number of rows). `csv` writes the list back with two columns more
//! (`audience`, `audience_reason`), so `--only in` is the list to hand to
//! `poignee draft --people`; `human` ends with the counts and the most
//! common reasons; `json` is one document.
//!
//! A row's cells stay under the header's columns: a short row is filled
//! with empty cells, and the two columns are at the header's positions. A
//! row with a cell under no column (shifted), or, run again on a list
//! written before, whose `audience` cells hold what poignee does not write
//! (the user's), is left out with its line and column rather than
//! misplaced or written over, and the run exits 1.

use super::EXIT_USAGE;
use super::report::{BOLD, CsvOut, DIM, ERROR, GOOD, WARNING, json_safe};
use clap::ValueEnum;
use poignee::audience::{Audience, Decision, Field, Verdict};
use poignee::input::ReadError;
use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::prospects::{Charset, Column, Sheet, SheetError};
use poignee::text::terminal_line;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use strum::VariantArray;

/// How a list is written.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A line a person, then the counts and the most common reasons
    Human,
    /// The input's columns unchanged, plus `audience` and `audience_reason`
    Csv,
    /// One JSON document
    Json,
}

/// A row's verdict, as the list says it.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum Category {
    In,
    Out,
    Unknown,
    /// A place that names several (Saint-Denis: 93 or 974)
    Ambiguous,
}

impl Category {
    pub fn of(verdict: &Verdict) -> Category {
        match verdict.decision {
            Decision::In => Category::In,
            Decision::Out => Category::Out,
            Decision::Unknown if verdict.ambiguous() => Category::Ambiguous,
            Decision::Unknown => Category::Unknown,
        }
    }

    /// What the `audience` column writes: the name `--only` takes.
    fn name(self) -> &'static str {
        self.into()
    }

    fn word(self) -> Text {
        match self {
            Category::In => Text::new("✓ dans la cible", "✓ in"),
            Category::Out => Text::new("✖ hors cible", "✖ out"),
            Category::Unknown => Text::new("? inconnu", "? unknown"),
            Category::Ambiguous => Text::new("? ambigu", "? ambiguous"),
        }
    }
}

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

/// Places and sectors repeat down a list (a city, an industry): a verdict
/// and its words are worked out once for each pair, up to this many pairs.
const MEMO: usize = 65_536;

/// A verdict with what the list writes of it.
struct Judged {
    verdict: Verdict,
    cat: Category,
    /// `audience_reason`, as is.
    reason: String,
    /// The reason as the terminal shows it (French spacing, safe).
    shown: String,
    /// Rows with it so far, counted into the tally at the end.
    rows: usize,
}

impl Judged {
    fn new(lang: Lang, verdict: Verdict) -> Judged {
        let cat = Category::of(&verdict);
        let reason = match cat {
            Category::In => String::new(),
            _ => verdict.why().get(lang).into_owned(),
        };
        let shown = terminal_line(&reason).into_owned();
        Judged {
            verdict,
            cat,
            reason,
            shown,
            rows: 0,
        }
    }
}

/// The verdicts already worked out, by place and sector.
#[derive(Default)]
struct Memo {
    seen: HashMap<(Option<String>, Option<String>), usize>,
    judged: Vec<Judged>,
}

impl Memo {
    /// The row's verdict, counted; beyond [`MEMO`] pairs, one made for it.
    fn judge(
        &mut self,
        lang: Lang,
        audience: &Audience,
        target: &poignee::target::Target,
        tally: &mut Tally,
        scratch: &mut Option<Judged>,
    ) -> usize {
        let pair = (target.region.clone(), target.sector.clone());
        let at = match self.seen.get(&pair) {
            Some(&at) => at,
            None if self.judged.len() < MEMO => {
                self.judged
                    .push(Judged::new(lang, audience.verdict(Some(target))));
                self.seen.insert(pair, self.judged.len() - 1);
                self.judged.len() - 1
            }
            None => {
                let j = Judged::new(lang, audience.verdict(Some(target)));
                tally.add(j.cat, lang, &j.verdict, 1);
                *scratch = Some(j);
                return usize::MAX;
            }
        };
        self.judged[at].rows += 1;
        at
    }

    /// The rows counted here, into the tally.
    fn count_into(&self, lang: Lang, tally: &mut Tally) {
        for j in self.judged.iter().filter(|j| j.rows > 0) {
            tally.add(j.cat, lang, &j.verdict, j.rows);
        }
    }
}

/// Distinct reasons counted, at most: past this, the rest are "other".
const REASONS: usize = 10_000;

/// What the run counted.
#[derive(Default)]
struct Tally {
    counts: HashMap<Category, usize>,
    /// A reason, how often, and the field and value it is about.
    reasons: HashMap<(Category, String), (usize, Field, Option<String>)>,
    /// What the CSV written changed of the cells, said on standard error.
    csv: Vec<Localized>,
    /// Rows left out rather than misplaced or written over: how many, and
    /// what the first [`SAID`] of them were, to be said with their lines.
    left_out: usize,
    refused: Vec<Localized>,
}

/// The rows left out that are said one by one; past these, a count.
const SAID: usize = 20;

/// Why a row is left out: its cells would not stay under their columns.
enum Refused<'a> {
    /// A cell that is not empty past the header's last column (the row
    /// is shifted: a separator inside an unquoted cell, a cell added).
    PastHeader {
        cells: usize,
        column: usize,
        cell: &'a str,
    },
    /// `audience` holds a value poignee does not write: the user's.
    Audience { column: usize, cell: &'a str },
    /// `audience_reason` holds text beside an empty `audience`: the user's.
    Reason { column: usize, cell: &'a str },
}

/// A cell quoted in a message: its first 40 characters.
fn quote(cell: &str) -> String {
    let cell = cell.trim();
    match cell.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_string(),
    }
}

impl Refused<'_> {
    fn message(&self, line: u64, sheet: &Sheet) -> Localized {
        let width = sheet.headers.len();
        let header = sheet.header_line;
        let (cols_fr, cols_en) = if width > 1 {
            (format!("{width} colonnes"), format!("{width} columns"))
        } else {
            (format!("{width} colonne"), format!("{width} column"))
        };
        match self {
            Refused::PastHeader {
                cells,
                column,
                cell,
            } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : {cells} cellules quand l’en-tête (ligne {header}) nomme {cols_fr} ; « {} » n’est sous aucune (un séparateur dans une cellule sans guillemets ?) : ligne laissée de côté plutôt que décalée",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: {cells} cells where the header (line {header}) names {cols_en}; “{}” is under none (a separator inside an unquoted cell?): row left out rather than shifted",
                    quote(cell)
                ),
            ),
            Refused::Audience { column, cell } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : la cellule `audience` contient « {} », que poignee n’écrit pas (in, out, unknown, ambiguous) : ligne laissée de côté plutôt qu’écrite par-dessus",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: the `audience` cell holds “{}”, which poignee does not write (in, out, unknown, ambiguous): row left out rather than written over",
                    quote(cell)
                ),
            ),
            Refused::Reason { column, cell } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : la cellule `audience_reason` contient « {} » à côté d’une cellule `audience` vide : poignee ne l’a pas écrite ; ligne laissée de côté plutôt qu’écrite par-dessus",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: the `audience_reason` cell holds “{}” beside an empty `audience` cell: poignee did not write it; row left out rather than written over",
                    quote(cell)
                ),
            ),
        }
    }
}

/// The cells of a row placed under the header's columns: a short row
/// filled with empty cells, empty cells past the header (a trailing
/// separator) dropped. A cell that is not empty past the header is refused:
/// the row's cells are not under the columns that name them.
fn fit<'a>(record: &'a csv::StringRecord, width: usize) -> Result<Vec<&'a str>, Refused<'a>> {
    let mut fields: Vec<&str> = record.iter().collect();
    if let Some((i, cell)) = fields
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, c)| !c.trim().is_empty())
    {
        return Err(Refused::PastHeader {
            cells: fields.len(),
            column: i + 1,
            cell,
        });
    }
    fields.resize(width, "");
    Ok(fields)
}

/// Whether the `audience` and `audience_reason` cells a list run before
/// holds are poignee's to write over: `audience` empty or one of its
/// words, and no reason beside an empty one. Anything else is the user's.
fn ours<'a>(
    fields: &[&'a str],
    at_audience: Option<usize>,
    at_reason: Option<usize>,
) -> Result<(), Refused<'a>> {
    let cell = |at: Option<usize>| at.and_then(|i| fields.get(i).map(|c| (i, *c)));
    let audience = cell(at_audience);
    if let Some((i, c)) = audience {
        let c = c.trim();
        if !c.is_empty() && !Category::VARIANTS.iter().any(|k| k.name() == c) {
            return Err(Refused::Audience {
                column: i + 1,
                cell: c,
            });
        }
    }
    if let Some((i, c)) = cell(at_reason) {
        let empty = audience.is_none_or(|(_, a)| a.trim().is_empty());
        if empty && !c.trim().is_empty() {
            return Err(Refused::Reason {
                column: i + 1,
                cell: c,
            });
        }
    }
    Ok(())
}

impl Tally {
    /// A row, and the reasons of the fields that decided it (each counted
    /// on its own: « secteur « Banque » inconnu » comes back row after row).
    fn add(&mut self, cat: Category, lang: Lang, verdict: &Verdict, rows: usize) {
        *self.counts.entry(cat).or_default() += rows;
        if matches!(cat, Category::In) {
            return;
        }
        for f in verdict
            .fields
            .iter()
            .filter(|f| f.decision == verdict.decision)
        {
            let key = (cat, f.why.get(lang).into_owned());
            if self.reasons.len() < REASONS || self.reasons.contains_key(&key) {
                self.reasons
                    .entry(key)
                    .or_insert_with(|| (0, f.field, f.value.clone()))
                    .0 += rows;
            }
        }
    }

    fn count(&self, cat: Category) -> usize {
        self.counts.get(&cat).copied().unwrap_or(0)
    }

    /// The most common reasons of `cat`, most common first, with what
    /// they are about.
    fn top(&self, cat: Category, n: usize) -> Vec<(&str, usize, Field, Option<&str>)> {
        let mut v: Vec<(&str, usize, Field, Option<&str>)> = self
            .reasons
            .iter()
            .filter(|((c, _), _)| *c == cat)
            .map(|((_, r), (n, f, value))| (r.as_str(), *n, *f, value.as_deref()))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// A message in `lang`, French typography applied ([`Localized::get`]).
fn said(lang: Lang, fr: String, en: String) -> String {
    Localized::new(fr, en).get(lang).into_owned()
}

/// How the file was read, said on standard error: never guessed silently.
fn read_as(lang: Lang, shown: &str, sheet: &Sheet) -> String {
    let sep = match sheet.delimiter {
        b';' => "« ; »",
        b'\t' => "tab",
        _ => "« , »",
    };
    let excel = match (sheet.charset, lang) {
        (Charset::Windows1252, Lang::Fr) => " (Excel en français)",
        (Charset::Windows1252, Lang::En) => " (French Excel)",
        _ => "",
    };
    let cols: Vec<&str> = sheet
        .headers
        .iter()
        .zip(&sheet.columns)
        .filter(|(_, c)| {
            matches!(
                c,
                Column::Location
                    | Column::City
                    | Column::PostalCode
                    | Column::Region
                    | Column::Country
                    | Column::CompanyLocation
                    | Column::CompanyCity
                    | Column::CompanyCountry
                    | Column::Sector
            )
        })
        .map(|(h, _)| h)
        .collect();
    let cols = cols.join(", ");
    let path = shown;
    let cols = terminal_line(&cols).into_owned();
    said(
        lang,
        format!(
            "{path} : lu en {}{excel}, séparateur {sep}, en-tête ligne {} ; lieu et secteur lus dans : {cols}",
            sheet.charset.name(),
            sheet.header_line
        ),
        format!(
            "{path}: read as {}{excel}, separator {}, header on line {}; place and sector read from: {cols}",
            sheet.charset.name(),
            sep.replace(['«', '»'], "").trim(),
            sheet.header_line
        ),
    )
}

pub fn run(
    lang: Lang,
    audience: &Audience,
    path: &Path,
    format: ListFormat,
    only: Option<Category>,
    keep_formulas: bool,
) -> ExitCode {
    let fail = |message: String| {
        super::report::fatal(lang, "input", &message);
        ExitCode::from(EXIT_USAGE)
    };
    // `-`: standard input, as `check -` reads it.
    let stdin = path.as_os_str() == "-";
    let shown = if stdin {
        "<stdin>".to_string()
    } else {
        terminal_line(&path.display().to_string()).into_owned()
    };
    if audience.is_empty() {
        return fail(said(
            lang,
            "aucun filtre de cible dans la configuration ([audience]) : toute personne convient, il n’y a rien à trier".into(),
            "no audience filter in the config ([audience]): every person is in, there is nothing to sort".into(),
        ));
    }
    let opened = if stdin {
        Sheet::stdin()
    } else {
        Sheet::open(path)
    };
    let mut sheet = match opened {
        Ok(s) => s,
        Err(e) => {
            let mut m = e.message();
            if stdin && matches!(e, SheetError::Read(ReadError::TooLarge { .. })) {
                m = Localized::new(
                    format!(
                        "{} : donnez une liste plus longue en fichier (`--people liste.csv`), lue au fil de l’eau",
                        m.fr
                    ),
                    format!(
                        "{}: give a longer list as a file (`--people list.csv`), which is streamed",
                        m.en
                    ),
                );
            }
            return fail(format!("{shown}{} {}", lang.colon(), m.get(lang)));
        }
    };
    anstream::eprintln!("{DIM}{}{DIM:#}", read_as(lang, &shown, &sheet));
    // Styles go to a terminal only; the CSV and JSON are written as they are.
    // Styles only to a terminal that takes them, decided once (not
    // stripped again from every line); the CSV and JSON as they are.
    let styles = if format == ListFormat::Human
        && anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
    {
        Styles::TERMINAL
    } else {
        Styles::PLAIN
    };
    let mut w = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let how = How {
        format,
        only,
        styles,
        keep_formulas,
    };
    let result = write_all(lang, audience, &mut sheet, &mut w, how)
        .and_then(|tally| w.flush().map(|()| tally).map_err(Failure::Io));
    match result {
        Ok(tally) => {
            if format != ListFormat::Human {
                let total: usize = Category::VARIANTS.iter().map(|c| tally.count(*c)).sum();
                anstream::eprintln!("{DIM}{}{DIM:#}", counts_line(lang, &tally, total));
            }
            for notice in &tally.csv {
                super::report::warn(lang, &notice.get(lang));
            }
            for refused in &tally.refused {
                super::report::warn(lang, &refused.get(lang));
            }
            if tally.left_out > 0 {
                let n = tally.left_out;
                let more = n - tally.refused.len();
                let (fr_more, en_more) = if more > 0 {
                    (
                        format!(" ({more} de plus que les {SAID} ci-dessus)"),
                        format!(" ({more} more than the {SAID} above)"),
                    )
                } else {
                    Default::default()
                };
                let m = Localized::new(
                    format!(
                        "{n} ligne{s} laissée{s} de côté{fr_more} : {leurs} cellules ne tombent pas sous les colonnes de l’en-tête, ou poignee y écrirait par-dessus les vôtres ; corrigez-{les} dans la liste et relancez",
                        s = if n > 1 { "s" } else { "" },
                        leurs = if n > 1 { "leurs" } else { "ses" },
                        les = if n > 1 { "les" } else { "la" },
                    ),
                    format!(
                        "{n} row{s} left out{en_more}: {their} cells do not fall under the header's columns, or poignee would write over yours; fix {them} in the list and run again",
                        s = if n == 1 { "" } else { "s" },
                        their = if n == 1 { "its" } else { "their" },
                        them = if n == 1 { "it" } else { "them" },
                    ),
                );
                super::report::fail(lang, &m.get(lang));
                return ExitCode::from(super::EXIT_FINDINGS);
            }
            // A list with nobody in the audience (every row judged out) is
            // what a single person out is: exit 1, as `audience --region`.
            let judged: usize = Category::VARIANTS.iter().map(|c| tally.count(*c)).sum();
            if judged > 0 && tally.count(Category::Out) == judged {
                super::report::warn(
                    lang,
                    &Localized::new(
                        "personne de la liste n’est dans la cible".to_owned(),
                        "nobody in the list is in the audience".to_owned(),
                    )
                    .get(lang),
                );
                return ExitCode::from(super::EXIT_FINDINGS);
            }
            ExitCode::SUCCESS
        }
        // `| head`: the reader has what it wanted.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            let m = poignee::input::ReadError::from_io(&e).message();
            fail(
                Localized::new(
                    format!("impossible d’écrire sur la sortie standard : {}", m.fr),
                    format!("cannot write to standard output: {}", m.en),
                )
                .get(lang)
                .into_owned(),
            )
        }
        Err(Failure::Sheet(e)) => {
            fail(format!("{shown}{} {}", lang.colon(), e.message().get(lang)))
        }
    }
}

enum Failure {
    Io(io::Error),
    Sheet(poignee::prospects::SheetError),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// The styles of the human format.
#[derive(Clone, Copy)]
struct Styles {
    bold: anstyle::Style,
    dim: anstyle::Style,
    good: anstyle::Style,
    error: anstyle::Style,
    warning: anstyle::Style,
}

impl Styles {
    const TERMINAL: Styles = Styles {
        bold: BOLD,
        dim: DIM,
        good: GOOD,
        error: ERROR,
        warning: WARNING,
    };
    const PLAIN: Styles = Styles {
        bold: anstyle::Style::new(),
        dim: anstyle::Style::new(),
        good: anstyle::Style::new(),
        error: anstyle::Style::new(),
        warning: anstyle::Style::new(),
    };
}

/// How the list is written: the format, the rows kept, the styles, and
/// whether a cell Excel would run is written as it is.
struct How {
    format: ListFormat,
    only: Option<Category>,
    styles: Styles,
    keep_formulas: bool,
}

fn write_all(
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

fn counts_line(lang: Lang, tally: &Tally, total: usize) -> String {
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
