//! `poignee templates …` and `poignee draft`: the template library from the
//! command line, and drafts for a short list of people.

use super::report::{self, BOLD, DIM, ERROR, GOOD, WARNING, out};
use super::{EXIT_FINDINGS, EXIT_USAGE, Format};
use poignee::batch::{Checked, FileReport};
use poignee::config::Config;
use poignee::draft::Draft;
use poignee::drafts;
use poignee::lang::{Lang, Localize, Text, french_spacing};
use poignee::lint::{Linter, Severity};
use poignee::located::did_you_mean;
use poignee::people;
use poignee::template::{self, Library, Origin, Template};
use poignee::text::terminal_line as safe;
use poignee::{Platform, Tier, fsutil};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

fn t(lang: Lang, t: Text) -> String {
    t.get(lang).into_owned()
}

fn fr(lang: Lang, fr: String, en: String) -> String {
    match lang {
        Lang::Fr => french_spacing(&fr).into_owned(),
        Lang::En => en,
    }
}

/// The library, with the user's broken templates said on standard error.
pub fn library(lang: Lang, config: &Config) -> Library {
    let (lib, errors) = Library::load(config.templates_dir().as_deref());
    for e in errors {
        report::warn(lang, &e.message().get(lang));
    }
    lib
}

fn find<'a>(lang: Lang, lib: &'a Library, name: &str) -> Option<&'a Template> {
    let found = lib.find(name);
    if found.is_none() {
        let hint = did_you_mean(name, lib.names());
        let msg = match hint {
            Some(h) => fr(
                lang,
                format!("modèle inconnu « {name} » : vouliez-vous dire « {h} » ?"),
                format!("unknown template `{name}`: did you mean `{h}`?"),
            ),
            None => fr(
                lang,
                format!("modèle inconnu « {name} » : `poignee templates list` les liste"),
                format!("unknown template `{name}`: `poignee templates list` lists them"),
            ),
        };
        report::fail(lang, &msg);
    }
    found
}

/// `key=value` pairs from `--set`.
/// `--set key=value` pairs, for keys the template has a placeholder for
/// (a key it has not is a typo that would silently change nothing).
pub fn parse_sets(lang: Lang, tp: &Template, sets: &[String]) -> Option<BTreeMap<String, String>> {
    let mut values = BTreeMap::new();
    let slots: Vec<String> = template::slots(&tp.draft.body)
        .into_iter()
        .map(|s| s.name)
        .collect();
    for s in sets {
        match s.split_once('=') {
            Some((k, _)) if !k.trim().is_empty() && !slots.iter().any(|n| n == k.trim()) => {
                let known = slots.join(", ");
                let hint = did_you_mean(k.trim(), slots.iter().map(String::as_str))
                    .map(|h| {
                        fr(
                            lang,
                            format!(" ; vouliez-vous dire `{h}` ?"),
                            format!("; did you mean `{h}`?"),
                        )
                    })
                    .unwrap_or_default();
                report::fail(
                    lang,
                    &fr(
                        lang,
                        format!(
                            "--set {} : le modèle {} n’a pas de {{{{{}}}}} (il a : {known}){hint}",
                            k.trim(),
                            tp.name,
                            k.trim()
                        ),
                        format!(
                            "--set {}: template {} has no {{{{{}}}}} (it has: {known}){hint}",
                            k.trim(),
                            tp.name,
                            k.trim()
                        ),
                    ),
                );
                return None;
            }
            Some((k, v)) if !k.trim().is_empty() => {
                values.insert(k.trim().to_string(), v.trim().to_string());
            }
            _ => {
                report::fail(
                    lang,
                    &fr(
                        lang,
                        format!("--set attend clé=valeur, pas « {s} »"),
                        format!("--set takes key=value, not `{s}`"),
                    ),
                );
                return None;
            }
        }
    }
    Some(values)
}

fn origin_word(lang: Lang, o: &Origin) -> String {
    t(
        lang,
        match o {
            Origin::Shipped => Text::new("livré", "shipped"),
            Origin::User(_) => Text::new("à vous", "yours"),
            Origin::Override(_) => Text::new("à vous (remplace le livré)", "yours (over shipped)"),
        },
    )
}

pub fn list(lang: Lang, config: &Config, only: Option<Lang>) -> ExitCode {
    let lib = library(lang, config);
    let shown: Vec<&Template> = lib
        .templates
        .iter()
        .filter(|tp| only.is_none() || tp.lang() == only)
        .collect();
    let width = shown
        .iter()
        .map(|tp| tp.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let (h_name, h_lang, h_origin) = match lang {
        Lang::Fr => ("NOM", "LANGUE", "ORIGINE"),
        Lang::En => ("NAME", "LANG", "SOURCE"),
    };
    out(&format!(
        "{BOLD}{h_name:<width$}  {h_lang:<6}  {h_origin:<10}  DESCRIPTION{BOLD:#}"
    ));
    for tp in &shown {
        let code = tp.lang().map(|l| l.code()).unwrap_or("?");
        out(&format!(
            "{:<width$}  {code:<6}  {DIM}{:<10}{DIM:#}  {}",
            safe(&tp.name),
            origin_word(lang, &tp.origin),
            safe(tp.description())
        ));
    }
    out(&fr(
        lang,
        format!(
            "{} modèles — `poignee templates show NOM` pour l'aperçu rempli",
            shown.len()
        ),
        format!(
            "{} templates — `poignee templates show NAME` for a filled preview",
            shown.len()
        ),
    ));
    ExitCode::SUCCESS
}

pub fn show(lang: Lang, config: &Config, linter: &Linter, name: &str, sets: &[String]) -> ExitCode {
    let lib = library(lang, config);
    let Some(tp) = find(lang, &lib, name) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let Some(given) = parse_sets(lang, tp, sets) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let values = tp.values(None, &given);
    let code = tp.lang().map(|l| l.code()).unwrap_or("?");
    out(&format!(
        "{BOLD}{}{BOLD:#} — {} {DIM}({code}, {}){DIM:#}",
        safe(&tp.name),
        safe(tp.description()),
        origin_word(lang, &tp.origin)
    ));
    let used = template::slots(&tp.draft.body);
    let mut names: Vec<&str> = used.iter().map(|s| s.name.as_str()).collect();
    names.dedup();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
    for n in names {
        let declared = tp.draft.front.placeholders.get(n);
        let description = declared
            .and_then(|p| p.description.as_deref())
            .unwrap_or("");
        let (value, whence) = match (given.get(n), values.get(n)) {
            (Some(v), _) => (v.as_str(), "--set"),
            (None, Some(v)) => (
                v.as_str(),
                if lang == Lang::Fr {
                    "exemple"
                } else {
                    "example"
                },
            ),
            (None, None) => (
                "—",
                if lang == Lang::Fr {
                    "manquant"
                } else {
                    "missing"
                },
            ),
        };
        let label = format!("{{{{{n}}}}}");
        out(&format!(
            "  {label:<width$}  {} {DIM}({whence}) {}{DIM:#}",
            safe(value),
            safe(description),
            width = width + 4
        ));
    }
    let (rendered, report) = tp.lint(linter, &values, config.platform, config.tier);
    out("");
    for line in textwrap::wrap(rendered.text.trim_end(), 74) {
        out(&format!("  {DIM}│{DIM:#} {}", safe(&line)));
    }
    out("");
    let has_errors = report.has_errors();
    let mut reporter = report::to_stdout(Format::Human, lang);
    let draft = Draft {
        front: tp.draft.front.clone(),
        body: rendered.text.clone(),
        body_offset: 0,
    };
    reporter.file(&Checked {
        path: tp.name.clone(),
        path_bytes: None,
        outcome: Ok(FileReport {
            source: rendered.text,
            draft,
            platform: config.platform,
            report,
        }),
        record: None,
    });
    drop(reporter);
    if has_errors {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn check(
    lang: Lang,
    config: &Config,
    linter: &Linter,
    names: &[String],
    format: Format,
    strict: bool,
) -> ExitCode {
    let (lib, errors) = Library::load(config.templates_dir().as_deref());
    let mut chosen = Vec::new();
    for n in names {
        // A template that failed to load is reported below, with its error.
        let broken = errors.iter().any(|e| {
            Path::new(&e.path).file_stem().and_then(|s| s.to_str())
                == Some(n.trim_end_matches(".md"))
        });
        match lib.find(n) {
            Some(tp) => chosen.push(tp),
            None if broken => {}
            None => {
                find(lang, &lib, n);
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    if names.is_empty() {
        chosen = lib.templates.iter().collect();
    }
    let mut reporter = report::to_stdout(format, lang);
    for e in &errors {
        reporter.file(&Checked {
            path: e.path.clone(),
            path_bytes: None,
            outcome: Err(e.error.clone()),
            record: None,
        });
    }
    for tp in chosen {
        let values = template::examples(&tp.draft.front);
        let (rendered, mut report) = tp.lint(linter, &values, config.platform, config.tier);
        for d in &mut report.diagnostics {
            d.span = rendered.to_body(&d.span);
        }
        reporter.file(&Checked {
            path: tp.shown_path(),
            path_bytes: None,
            outcome: Ok(FileReport {
                source: tp.source.clone(),
                draft: tp.draft.clone(),
                platform: config.platform,
                report,
            }),
            record: None,
        });
    }
    let s = reporter.finish();
    if s.errors > 0 || s.unreadable > 0 || (strict && s.warnings > 0) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn new(lang: Lang, config: &Config, name: &str, tlang: Lang) -> ExitCode {
    let Some(dir) = config.templates_dir() else {
        report::fail(
            lang,
            &t(
                lang,
                Text::new(
                    "aucun dossier de modèles : réglez templates_dir dans la configuration",
                    "no templates folder: set templates_dir in the config",
                ),
            ),
        );
        return ExitCode::from(EXIT_USAGE);
    };
    let clean: Vec<String> = name
        .trim_end_matches(".md")
        .split('/')
        .map(template::slug)
        .collect();
    // A name with no letter or digit would become the fallback slug.
    let nameless = name.trim_end_matches(".md").split('/').any(|part| {
        !poignee::text::fold(part)
            .chars()
            .any(|c| c.is_ascii_alphanumeric())
    });
    if nameless || name.contains("..") || Path::new(name).is_absolute() {
        report::fail(
            lang,
            &fr(
                lang,
                format!("nom de modèle invalide « {name} »"),
                format!("invalid template name `{name}`"),
            ),
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if dir.exists() && !dir.is_dir() {
        report::fail(
            lang,
            &fr(
                lang,
                format!("templates_dir {} n’est pas un dossier", dir.display()),
                format!("templates_dir {} is not a folder", dir.display()),
            ),
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let rel = clean.join("/");
    let path = dir.join(format!("{rel}.md"));
    match fsutil::write_new(&path, template::scaffold(&rel, tlang).as_bytes()) {
        Ok(()) => {
            out(&fr(
                lang,
                format!(
                    "modèle « {rel} » créé : {} — modifiez-le, puis `poignee templates check {rel}`",
                    safe(&path.display().to_string())
                ),
                format!(
                    "template `{rel}` created: {} — edit it, then `poignee templates check {rel}`",
                    safe(&path.display().to_string())
                ),
            ));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            report::fail(
                lang,
                &fr(
                    lang,
                    format!("{} existe déjà : rien n'a été écrit", path.display()),
                    format!("{} already exists: nothing written", path.display()),
                ),
            );
            ExitCode::from(EXIT_USAGE)
        }
        Err(e) => {
            let m = poignee::input::ReadError::from_io_at(&e, &path).message();
            report::fail(
                lang,
                &fr(
                    lang,
                    format!(
                        "{} : impossible d’écrire le modèle : {}",
                        path.display(),
                        m.fr
                    ),
                    format!("{}: cannot write the template: {}", path.display(), m.en),
                ),
            );
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// What `poignee draft` asks for.
pub struct DraftJob<'a> {
    pub template: &'a str,
    pub people: &'a Path,
    pub out_dir: &'a Path,
    pub sets: &'a [String],
    pub platform: Option<Platform>,
    pub tier: Option<Tier>,
}

pub fn draft(lang: Lang, config: &Config, linter: &Linter, job: DraftJob) -> ExitCode {
    let lib = library(lang, config);
    let Some(tp) = find(lang, &lib, job.template) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let Some(given) = parse_sets(lang, tp, job.sets) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let Some(list) = read_list(lang, job.people) else {
        return ExitCode::from(EXIT_USAGE);
    };
    if let Err(why) = writable_folder(job.out_dir) {
        report::fail(
            lang,
            &format!(
                "--out {}{} {}",
                job.out_dir.display(),
                lang.colon(),
                why.get(lang)
            ),
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // Two runs of one list at once (two terminals) would each find the
    // folder without the other's drafts and write every person twice: the
    // second waits for the first, then finds its drafts there.
    let Some(_lock) = lock_folder(lang, job.out_dir) else {
        return ExitCode::from(EXIT_USAGE);
    };
    // The saved drafts compared with; a `drafts_dir` that is a file is said
    // after the rows, with the other findings across drafts.
    let drafts_dir = config.drafts_dir();
    let saved = drafts_dir
        .as_deref()
        .filter(|d| d.is_dir())
        .map(drafts::Folder::new);
    let folder = drafts::Folder::new(job.out_dir);
    let people_job = drafts::PeopleJob {
        template: tp,
        given: &given,
        folder: &folder,
        platform: job.platform.unwrap_or(config.platform),
        tier: job.tier.unwrap_or(config.tier),
        saved: saved.as_ref(),
        settings: config.cross_settings(),
        now: jiff::Timestamp::now(),
    };
    let run = drafts::for_people(&people_job, &list, linter);
    for row in &run.rows {
        say_row(lang, row);
    }
    let totals = run.totals;
    if let Some(left) = totals.full {
        report::fail(
            lang,
            &fr(
                lang,
                format!("le disque est plein : arrêt, {left} lignes non traitées"),
                format!("the disk is full: stopped, {left} rows not done"),
            ),
        );
    }
    if let Some(dir) = drafts_dir.filter(|d| d.exists() && !d.is_dir()) {
        super::not_compared(lang, &dir);
    }
    let out_dir = job.out_dir.display().to_string();
    let out_dir = safe(&out_dir);
    say_across(lang, &run.rows, &out_dir);
    say_totals(lang, &totals, &out_dir);
    if totals.skipped > 0 || totals.with_errors > 0 || totals.full.is_some() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The list of people at `path`, or `None` once why not is said.
fn read_list(lang: Lang, path: &Path) -> Option<Vec<people::Person>> {
    let fail = |why: poignee::lang::Localized| {
        let shown = path.display();
        report::fail(lang, &format!("{shown}{} {}", lang.colon(), why.get(lang)));
    };
    let bytes = poignee::input::read_bytes(path, poignee::input::MAX_LIST_BYTES)
        .map_err(|e| fail(e.message()))
        .ok()?;
    people::read(&bytes).map_err(|e| fail(e.message())).ok()
}

/// The run's last line: how many drafts were written, rows skipped, drafts
/// already there.
fn say_totals(lang: Lang, totals: &drafts::Totals, out_dir: &str) {
    out("");
    let drafts = report::plural(
        lang,
        totals.written,
        &t(lang, Text::new("brouillon écrit", "draft written")),
        &t(lang, Text::new("brouillons écrits", "drafts written")),
    );
    let mut rows = report::plural(
        lang,
        totals.skipped,
        &t(lang, Text::new("ligne écartée", "row skipped")),
        &t(lang, Text::new("lignes écartées", "rows skipped")),
    );
    if totals.same > 0 {
        let already = report::plural(
            lang,
            totals.same,
            &t(lang, Text::new("déjà là", "already there")),
            &t(lang, Text::new("déjà là", "already there")),
        );
        rows = format!("{rows}, {already}");
    }
    out(&fr(
        lang,
        format!(
            "{drafts} dans {}, {rows}. Rien n'est envoyé : relisez et approuvez chaque brouillon.",
            out_dir
        ),
        format!(
            "{drafts} to {}, {rows}. Nothing is sent: read and approve each draft.",
            out_dir
        ),
    ));
}

/// One person's line: written (with its score), already there, or skipped
/// and why.
fn say_row(lang: Lang, row: &drafts::Row) {
    let who = safe(&row.who);
    let line = row.line;
    let at = fr(lang, format!("ligne {line}"), format!("line {line}"));
    match &row.outcome {
        drafts::Outcome::Written(w) => {
            let errors = w.report.count(Severity::Error);
            let warnings = w.report.count(Severity::Warning);
            let (mark, style) = match (errors, warnings) {
                (0, 0) => ("✓", GOOD),
                (0, _) => ("⚠", WARNING),
                _ => ("✖", ERROR),
            };
            out(&format!(
                "{style}{mark}{style:#} {} {DIM}— {who} ({at}) — {}/100{DIM:#}",
                safe(&w.path.display().to_string()),
                w.report.score.value
            ));
            if let Some(why) = &w.unsure {
                out(&format!("  {WARNING}?{WARNING:#} {}", safe(&why.get(lang))));
            }
        }
        drafts::Outcome::Same(path) => {
            let word = t(
                lang,
                Text::new("déjà là, identique", "already there, the same"),
            );
            out(&format!(
                "{DIM}= {} — {who} ({at}) — {word}{DIM:#}",
                path.display()
            ));
        }
        skipped => {
            let word = t(lang, Text::new("écartée\u{a0}:", "skipped:"));
            let why = skipped.reason().map(|r| r.get(lang).into_owned());
            let why = safe(why.as_deref().unwrap_or_default());
            out(&format!("{ERROR}✖{ERROR:#} {at} ({who}) {word} {why}"));
        }
    }
}

/// The findings across drafts on those just written: how many say nearly
/// the same thing (in one line), and each over the pace.
fn say_across(lang: Lang, rows: &[drafts::Row], out_dir: &str) {
    let written = rows.iter().filter_map(|r| match &r.outcome {
        drafts::Outcome::Written(w) => Some(w),
        _ => None,
    });
    let across = || {
        written
            .clone()
            .flat_map(|w| w.cross.iter().map(move |c| (w, c)))
    };
    let repeated = across()
        .filter(|(_, c)| c.rule == poignee::RuleId::RepeatedText)
        .count();
    if repeated > 0 {
        out("");
        out(&format!(
            "{WARNING}⚠ repeated-text{WARNING:#} {}",
            fr(
                lang,
                format!(
                    ": {repeated} de ces brouillons disent presque la même chose, noms et valeurs du modèle mis à part. Donnez à chacun sa vraie raison avant de l'approuver (`poignee check {}` les détaille)."
                    , out_dir
                ),
                format!(
                    ": {repeated} of these drafts say nearly the same thing, names and template values aside. Give each its own reason before approving it (`poignee check {}` has the details).",
                    out_dir
                ),
            )
            .trim_start_matches(['\u{a0}', ' '])
        ));
    }
    for (w, c) in across().filter(|(_, c)| c.rule == poignee::RuleId::Pace) {
        out(&format!(
            "{WARNING}⚠ pace{WARNING:#} {}: {}",
            safe(&w.path.display().to_string()),
            safe(&c.text.get(lang))
        ));
    }
}

/// How long `draft` waits for another run writing to the same folder.
const FOLDER_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// The drafts folder to itself for this run ([`fsutil::Lock::folder`]),
/// waiting for another `draft` at most [`FOLDER_WAIT`] and saying so; `None`
/// once the reason is said.
fn lock_folder(lang: Lang, dir: &Path) -> Option<fsutil::Lock> {
    let shown = dir.display().to_string();
    let mut waiting = || {
        report::note(
            lang,
            &fr(
                lang,
                format!(
                    "un autre poignee écrit des brouillons dans {shown} : j’attends qu’il ait fini (Ctrl-C pour arrêter), puis ceux qu’il a écrits ne seront pas réécrits…"
                ),
                format!(
                    "another poignee is writing drafts to {shown}: waiting for it to finish (Ctrl-C to stop); the drafts it wrote will not be written again…"
                ),
            ),
        );
    };
    match fsutil::Lock::folder(dir, FOLDER_WAIT, &mut waiting) {
        Ok(lock) => Some(lock),
        Err(e) => {
            let why = match e {
                fsutil::LockError::Busy => fr(
                    lang,
                    format!(
                        "un autre poignee écrit encore des brouillons dans {shown} après {} s d’attente : rien n’a été écrit ; relancez quand il aura fini, les brouillons déjà là ne seront pas réécrits",
                        FOLDER_WAIT.as_secs()
                    ),
                    format!(
                        "another poignee is still writing drafts to {shown} after waiting {} s: nothing written; run again once it is done, the drafts already there will not be written again",
                        FOLDER_WAIT.as_secs()
                    ),
                ),
                fsutil::LockError::NotALockFile(p) => fr(
                    lang,
                    format!(
                        "{} n’est pas un fichier de verrou de poignee (un lien ou un dossier) : rien n’a été écrit ; retirez-le si vous ne l’utilisez pas",
                        p.display()
                    ),
                    format!(
                        "{} is not a poignee lock file (a link or a folder): nothing written; remove it if it is not yours",
                        p.display()
                    ),
                ),
                fsutil::LockError::Io(e) => {
                    let m = poignee::input::ReadError::from_io(&e).message();
                    fr(
                        lang,
                        format!("--out {shown} : {} ; rien n’a été écrit", m.fr),
                        format!("--out {shown}: {}; nothing written", m.en),
                    )
                }
            };
            report::fail(lang, &why);
            None
        }
    }
}

/// `dir` exists or can be made, is a folder, and takes a file: checked once
/// before any row, so that a bad `--out` is one message, not one a row.
fn writable_folder(dir: &Path) -> Result<(), poignee::lang::Localized> {
    use poignee::lang::Localized;
    if dir.exists() && !dir.is_dir() {
        return Err(poignee::input::ReadError::NotAFolder.message());
    }
    let probe = fsutil::create_private_dir(dir).and_then(|()| {
        tempfile::Builder::new()
            .prefix(".poignee-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map(drop)
    });
    probe.map_err(|e| {
        let e = poignee::input::ReadError::from_io(&e).message();
        Localized::new(
            format!("impossible d’y écrire ({})", e.fr),
            format!("cannot write there ({})", e.en),
        )
    })
}
