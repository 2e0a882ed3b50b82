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

//!
//! Here the run: the list opened and how it was read said, the rows
//! written, the exit code. `verdicts.rs` holds a row's verdict and the
//! tally, `rows.rs` a row's cells under the header's columns, `write.rs` the
//! three formats.

mod rows;
mod verdicts;
mod write;

pub(super) use verdicts::Category;

use super::EXIT_USAGE;
use super::report::DIM;
use clap::ValueEnum;
use poignee::audience::Audience;
use poignee::input::ReadError;
use poignee::lang::{Lang, Localize, Localized};
use poignee::prospects::{Charset, Column, Sheet, SheetError};
use poignee::text::terminal_line;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use strum::VariantArray;
use verdicts::SAID;
use write::{How, Styles, counts_line, write_all};

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
