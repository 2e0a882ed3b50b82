//! What the command line prints to the process: the core's reporters
//! ([`poignee::report`], re-exported here) on standard output, and the
//! messages of a run — errors, warnings, notes — on standard error, JSON
//! errors on standard output when the run asked for JSON.

pub use poignee::report::*;

use poignee::RuleId;
use poignee::lang::{Lang, Text, french_spacing};
use poignee::lint::Linter;
use poignee::reading::{CueKind, Family, Library};
use poignee::text::terminal_lines;
use std::io::{BufWriter, StdoutLock};

fn color_on() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// A reporter on standard output, coloured when it is a terminal.
pub fn to_stdout(format: Format, lang: Lang) -> Reporter<BufWriter<StdoutLock<'static>>> {
    let color = color_on() && matches!(format, Format::Human | Format::Short);
    Reporter::to(
        format,
        lang,
        color,
        BufWriter::new(std::io::stdout().lock()),
    )
}

/// A line on standard output.
pub fn out(s: &str) {
    anstream::println!("{s}");
}

static JSON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The run asked for JSON: a fatal error is a JSON document on standard output too.
pub fn set_json(on: bool) {
    JSON.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// `{"version":1,"files":[],"error":{"kind":…,"message":…}}` when the run
/// asked for JSON: a program reading standard output sees why there is no report.
pub fn json_error(kind: &str, message: &str) {
    if !JSON.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let doc = serde_json::json!({
        "version": 1,
        "files": [],
        "error": {"kind": kind, "message": message},
    });
    out(&doc.to_string());
}

/// An error that ends the run before any report: on standard error, and as
/// JSON on standard output when the run asked for JSON.
pub fn fatal(lang: Lang, kind: &str, message: &str) {
    fail(lang, message);
    json_error(kind, message);
}

/// An error on standard error. It may quote what the user gave (a path, a
/// value, a config line): no control or bidi character of it is sent.
pub fn fail(lang: Lang, message: &str) {
    let word = Text::new("erreur", "error").get(lang);
    let head = format!("{ERROR}{word}{ERROR:#}");
    let message = terminal_lines(&lang.typeset(message)).into_owned();
    anstream::eprintln!("{head}{} {message}", lang.colon());
}

/// A notice on standard error that is neither an error nor a warning (a
/// search with no match, nothing to count yet): « remarque : … », as safe
/// as [`fail`]. The run did what it was asked.
pub fn note(lang: Lang, message: &str) {
    let word = Text::new("remarque", "note").get(lang);
    let head = format!("{INFO}{word}{INFO:#}");
    let message = terminal_lines(&lang.typeset(message)).into_owned();
    anstream::eprintln!("{head}{} {message}", lang.colon());
}

/// A warning on standard error: « avertissement : … », as safe as [`fail`].
pub fn warn(lang: Lang, message: &str) {
    let word = Text::new("avertissement", "warning").get(lang);
    let head = format!("{WARNING}{word}{WARNING:#}");
    let message = terminal_lines(&lang.typeset(message)).into_owned();
    anstream::eprintln!("{head}{} {message}", lang.colon());
}

pub fn rules(lang: Lang, linter: &Linter) {
    let t = |t: Text| t.get(lang).into_owned();
    out(&t(Text::new(
        "Règles (id, sévérité, ce qu'elle repère) — `poignee explain RÈGLE` pour le détail :",
        "Rules (id, severity, what it catches) — `poignee explain RULE` for details:",
    )));
    for &id in RuleId::ALL {
        let info = id.info();
        let level = match linter.severity(id) {
            Some(s) => s.name(),
            None => "off",
        };
        let changed = if linter.severity(id) != Some(info.severity) {
            match lang {
                Lang::Fr => format!(" (défaut : {})", info.severity.name()),
                Lang::En => format!(" (default: {})", info.severity.name()),
            }
        } else {
            String::new()
        };
        let style = match linter.severity(id) {
            Some(s) => severity_style(s),
            None => DIM,
        };
        out(&format!(
            "  {:<21} {style}{level:<8}{style:#} {}{}",
            id.as_str(),
            info.summary.get(lang),
            french_spacing(&changed)
        ));
    }
}

pub fn explain(lang: Lang, id: RuleId) {
    let info = id.info();
    let style = severity_style(info.severity);
    out(&format!(
        "{BOLD}{id}{BOLD:#} ({style}{}{style:#})",
        info.severity.name()
    ));
    out(&info.summary.get(lang));
    out("");
    out(&textwrap::fill(&info.explanation.get(lang), 78));
    let family = match id {
        RuleId::NoReason | RuleId::ReasonFound => Family::Reason,
        RuleId::Generic => Family::Generic,
        RuleId::SalesPitch => Family::Pitch,
        RuleId::Hype => Family::Praise,
        _ => return,
    };
    // The patterns behind the rule, by kind, with the examples they are
    // tested on (in the interface's language).
    out("");
    out(&Text::new(
        "Ce que poignee lit, par exemple (data/patterns/) :",
        "What poignee reads, for example (data/patterns/):",
    )
    .get(lang));
    let library = Library::shipped();
    let mut shown: Vec<CueKind> = Vec::new();
    for group in library.groups(lang) {
        if group.kind.family() != family || shown.contains(&group.kind) {
            continue;
        }
        shown.push(group.kind);
        let quote = |s: &String| match lang {
            Lang::Fr => format!("« {s} »"),
            Lang::En => format!("“{s}”"),
        };
        out(&format!("  {BOLD}{}{BOLD:#}", group.kind.label().get(lang)));
        let hits: Vec<String> = group.hits.iter().take(2).map(|h| quote(&h.text)).collect();
        for line in textwrap::wrap(&lang.typeset(&hits.join("  ")), 74) {
            out(&format!("    {line}"));
        }
        if let Some(miss) = group.misses.first() {
            let not = Text::new("mais pas", "but not").get(lang);
            let line = format!("{not} {}", quote(miss));
            for line in textwrap::wrap(&lang.typeset(&line), 74) {
                out(&format!("    {DIM}{line}{DIM:#}"));
            }
        }
    }
    {
        out("");
        let model = Text::new(
            "Ces motifs sont des indices : le verdict est appris. Cinq régressions logistiques \
             (pas de raison, vente ou demande, note passe-partout, flatterie, note à revoir) \
             pèsent les mots de la note, leurs groupes de lettres, ce que les motifs et les \
             règles y trouvent et sa forme ; elles sont ajustées sur des notes réelles et sur \
             le corpus de l’équipe (data/model/judge.tsv), leurs seuils choisis sur des notes \
             que l’ajustement n’a pas vues. Jugées sur des sources jamais vues, elles \
             s’accordent avec un lecteur attentif 86 fois sur 100. Un indice que le jugement \
             écarte reste affiché, en info ; un défaut qu’aucun motif ne nomme désigne la \
             phrase qui y pèse le plus.",
            "These patterns are clues: the verdict is learned. Five logistic regressions (no \
             reason, a pitch or an ask, a note for anyone, flattery, a note to fix) weigh the \
             note's words, their letter groups, what the patterns and rules find in it and its \
             shape; they are fitted on real notes and the team's corpus \
             (data/model/judge.tsv), their thresholds chosen on notes the fit did not see. \
             Judged on sources never seen, they agree with a careful reader 86 times in 100. \
             A clue the judgement sets aside stays shown, as info; a fault no pattern names \
             points at the sentence that weighs most.",
        );
        // Spaces only: the file's path stays on one line.
        let options =
            textwrap::Options::new(78).word_separator(textwrap::WordSeparator::AsciiSpace);
        out(&textwrap::fill(&lang.typeset(&model.get(lang)), options));
    }
}
