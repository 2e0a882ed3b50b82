//! The command-line face: the run (arguments parsed, config loaded, the
//! command called), usage errors, exit codes. The arguments are defined in
//! `args.rs`; each command's work is in a module of its own.

mod args;
mod audience;
mod check;
mod compose;
mod french;
mod generate;
mod import;
mod init;
mod outcomes;
mod prospects;
pub mod report;
mod templates;

use args::{
    AudienceArgs, Cli, Command, ComposeArgs, DraftArgs, ImportArgs, ImportCommand, ImportFormat,
    ListWhat, MarkArgs, StatsArgs, StatsFormat, TemplatesCommand,
};
use clap::{CommandFactory, Parser};
use poignee::batch::Options;
use poignee::config::Config;
use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::located::did_you_mean;
pub use report::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 bad
/// usage or config.
const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    report::set_json(wants_json(args.iter().cloned()));
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage(e, &args),
    };
    if cli.no_color {
        anstream::ColorChoice::Never.write_global();
    }
    // What is generated from the command line's definition needs no config:
    // a broken one does not stand in the way of installing them.
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let lang = french::language(&args);
            let cmd = french::localize(Cli::command(), lang);
            return generate::completions(lang, *shell, cmd);
        }
        Some(Command::Man { command, out }) => {
            let lang = french::language(&args);
            // The pages have no `help` command of their own (before the
            // tree is built: French builds it).
            let cmd = Cli::command().disable_help_subcommand(true);
            let cmd = french::localize(cmd, lang);
            return generate::man(lang, cmd, command, out.as_deref());
        }
        _ => {}
    }
    // The patterns and the judgement take a few milliseconds to read:
    // start on the other core while the config, the word lists and the
    // terminal are made ready (the first lint waits for them if it must).
    // The language of the interface first: most notes are written in it;
    // a note in the other one compiles its patterns when it comes.
    // Not for a command that lints nothing: an import would pay their
    // tens of MB and share its cores with them.
    let guess = cli.lang.unwrap_or_else(Lang::from_env);
    let lints = !matches!(
        cli.command,
        Some(Command::Import(_) | Command::Mark(_) | Command::Init { .. })
    );
    if lints {
        std::thread::spawn(move || {
            let library = poignee::reading::Library::shipped();
            library.warm(guess);
            let _ = poignee::judge::Weights::shipped();
            poignee::rules::warm();
            library.warm(guess.other());
        });
    }
    let (config, config_path) = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            let lang = cli.lang.unwrap_or_else(Lang::from_env);
            report::fatal(lang, "config", &e.message().get(lang));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let lang = cli.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    match cli.command {
        Some(Command::Check(args)) => check::check(lang, &config, config_path, args),
        Some(Command::Rules) => check::rules(lang, &config, config_path),
        Some(Command::Explain { rule }) => check::explain(lang, &rule),
        Some(Command::Audience(args)) => audience_cmd(lang, &config, config_path, args),
        Some(Command::Templates(cmd)) => {
            let asked = cli.lang;
            templates_cmd(lang, asked, &config, config_path, cmd)
        }
        Some(Command::Draft(args)) => draft_cmd(lang, &config, config_path, args),
        Some(Command::Init { path, force }) => init::init(lang, path, force),
        Some(Command::Mark(args)) => mark_cmd(lang, args),
        Some(Command::Stats(args)) => stats_cmd(lang, &config, config_path, args),
        Some(Command::Import(ImportCommand::Linkedin(args))) => import_cmd(lang, &config, args),
        Some(Command::Compose(args)) => {
            compose::compose(lang, &config, config_path, args, cli.no_color)
        }
        // Answered above, before the config.
        Some(Command::Completions { .. } | Command::Man { .. }) => ExitCode::SUCCESS,
        None => compose::compose(
            lang,
            &config,
            config_path,
            ComposeArgs::default(),
            cli.no_color,
        ),
    }
}

/// The arguments did not parse, or asked for the help or the version: said
/// in the user's language (decided from the arguments, the config and the
/// locale, as the run would), with clap's exit codes (the help and the
/// version 0, a usage error `EXIT_USAGE`). English is clap's own output.
fn usage(e: clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    let code = ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
    let lang = french::language(args);
    if lang == Lang::En {
        let _ = e.print();
        if e.use_stderr() {
            report::json_error("usage", &e.kind().to_string());
        }
        return code;
    }
    // The same parse with the French command: the help it prints is in
    // French, the usage line of its error too (`<FICHIER>`).
    let tree = french::localize(Cli::command(), lang);
    let e = tree
        .clone()
        .try_get_matches_from(args)
        .err()
        .filter(|f| f.kind() == e.kind())
        .unwrap_or(e);
    match french::usage_error(&e, &tree, args) {
        Some(message) => {
            report::fail(lang, &message);
            let first = message.lines().next().unwrap_or_default();
            report::json_error("usage", first);
        }
        None => {
            let _ = e.print();
        }
    }
    code
}

/// The drafts folder, to compare with; one that is a file is said, not
/// silently left out.
pub fn saved_drafts_dir(lang: Lang, config: &Config) -> Option<PathBuf> {
    let dir = config.drafts_dir()?;
    if dir.exists() && !dir.is_dir() {
        not_compared(lang, &dir);
        return None;
    }
    dir.is_dir().then_some(dir)
}

/// Says that `drafts_dir`, a file, is not compared with.
pub fn not_compared(lang: Lang, dir: &std::path::Path) {
    report::warn(
        lang,
        &Localized::new(
            format!(
                "drafts_dir {} n’est pas un dossier : les brouillons enregistrés ne sont pas comparés",
                dir.display()
            ),
            format!(
                "drafts_dir {} is not a folder: the saved drafts are not compared",
                dir.display()
            ),
        )
        .get(lang),
    );
}

/// `--format json` (or `--format=json`) among the arguments: errors before
/// the report are then a JSON document too, for the program that reads it.
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<std::ffi::OsString> = args.collect();
    args.iter().any(|a| a == "--format=json")
        || args
            .windows(2)
            .any(|w| w[0] == "--format" && w[1] == "json")
}

fn linter_or_fail(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
) -> Option<poignee::Linter> {
    let path = config_path.unwrap_or_else(|| PathBuf::from("config.toml"));
    match config.linter(&path) {
        Ok(l) => Some(l),
        Err(e) => {
            report::fatal(lang, "config", &e.message().get(lang));
            None
        }
    }
}

fn templates_cmd(
    lang: Lang,
    asked_lang: Option<Lang>,
    config: &Config,
    config_path: Option<PathBuf>,
    cmd: TemplatesCommand,
) -> ExitCode {
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    match cmd {
        TemplatesCommand::List { in_lang } => {
            // `templates list --lang fr` lists the French ones (in French).
            templates::list(lang, config, in_lang.or(asked_lang))
        }
        TemplatesCommand::Show { name, sets } => {
            templates::show(lang, config, &linter, &name, &sets)
        }
        TemplatesCommand::Check {
            names,
            format,
            strict,
        } => templates::check(lang, config, &linter, &names, format, strict),
        TemplatesCommand::New { name, in_lang } => {
            templates::new(lang, config, &name, in_lang.unwrap_or(lang))
        }
    }
}

fn draft_cmd(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
    args: DraftArgs,
) -> ExitCode {
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    templates::draft(
        lang,
        config,
        &linter,
        templates::DraftJob {
            template: &args.template,
            people: &args.people,
            out_dir: &args.out,
            sets: &args.sets,
            platform: args.platform,
            tier: args.tier,
        },
    )
}

fn audience_cmd(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
    args: AudienceArgs,
) -> ExitCode {
    if let Some(what) = args.list {
        let field = match what {
            ListWhat::Regions => poignee::audience::Field::Region,
            ListWhat::Sectors => poignee::audience::Field::Sector,
        };
        return audience::list(lang, field, args.text.as_deref().unwrap_or(""));
    }
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    if let Some(path) = &args.people {
        return prospects::run(
            lang,
            &linter.audience,
            path,
            args.format,
            args.only,
            args.keep_formulas,
        );
    }
    let target = poignee::target::Target {
        region: args.region,
        sector: args.sector,
        ..Default::default()
    };
    let verdict = audience::explain(lang, &linter.audience, &target, args.json);
    if verdict.decision == poignee::audience::Decision::Out {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// A `--date` or `--since`: said in the interface language when it is not one.
fn date_arg(
    lang: Lang,
    text: Option<&str>,
    today: jiff::civil::Date,
) -> Result<Option<jiff::civil::Date>, ExitCode> {
    match text.map(|t| poignee::outcome::check_date(t, today)) {
        None => Ok(None),
        Some(Ok(d)) => Ok(Some(d)),
        Some(Err(m)) => {
            report::fatal(lang, "usage", &m.get(lang));
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn mark_cmd(lang: Lang, args: MarkArgs) -> ExitCode {
    use poignee::outcome::Mark;
    let Some(how) = Mark::parse(&args.outcome) else {
        let names = <Mark as strum::VariantNames>::VARIANTS;
        let hint = did_you_mean(&args.outcome.to_ascii_lowercase(), names.iter().copied());
        // `mark sent FILE…`: the outcome comes last.
        let first = args
            .files
            .first()
            .and_then(|f| f.to_str())
            .and_then(Mark::parse);
        let shown = poignee::text::terminal_line(&args.outcome).into_owned();
        let list = names.join("`, `");
        let m = match (first, hint) {
            (Some(m), _) => Localized::new(
                format!(
                    "l’issue vient en dernier : `poignee mark FICHIER… {}`",
                    m.name()
                ),
                format!("the outcome comes last: `poignee mark FILE… {}`", m.name()),
            ),
            (None, Some(h)) => Localized::new(
                format!("issue inconnue `{shown}` : vouliez-vous dire `{h}` ? (`{list}`)"),
                format!("unknown outcome `{shown}`: did you mean `{h}`? (`{list}`)"),
            ),
            (None, None) => Localized::new(
                format!("issue inconnue `{shown}` : utilisez `{list}`, après les fichiers"),
                format!("unknown outcome `{shown}`: use `{list}`, after the files"),
            ),
        };
        report::fail(lang, &m.get(lang));
        return ExitCode::from(EXIT_USAGE);
    };
    let today = today();
    let date = match date_arg(lang, args.date.as_deref(), today) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let tally = outcomes::mark(
        lang,
        &args.files,
        how,
        date.unwrap_or(today),
        date.is_some(),
    );
    if tally.failed > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn stats_cmd(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
    args: StatsArgs,
) -> ExitCode {
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let today = today();
    let since = match date_arg(lang, args.since.as_deref(), today) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let paths = if args.paths.is_empty() {
        match config.drafts_dir() {
            Some(dir) if dir.is_dir() => vec![dir],
            // A new user: no drafts_dir in the config and nothing saved
            // yet. Not a failure: nothing to count, zero counts, exit 0.
            Some(dir) if config.drafts_dir.is_none() && !dir.exists() => {
                let shown = dir.display();
                report::note(
                    lang,
                    &Localized::new(
                        format!("pas encore de brouillon enregistré (ils iront en {shown}) : rien à compter"),
                        format!("no drafts saved yet (they go to {shown}): nothing to count"),
                    )
                    .get(lang),
                );
                Vec::new()
            }
            Some(dir) => {
                let shown = dir.display();
                report::fatal(
                    lang,
                    "usage",
                    &Localized::new(
                        format!("pas de dossier de brouillons en {shown} : donnez les dossiers à compter, ou drafts_dir dans la configuration"),
                        format!("no drafts folder at {shown}: give the folders to count, or drafts_dir in the config"),
                    )
                    .get(lang),
                );
                return ExitCode::from(EXIT_USAGE);
            }
            None => {
                report::fatal(lang, "usage", &NO_CONFIG_DIR.get(lang));
                return ExitCode::from(EXIT_USAGE);
            }
        }
    } else {
        args.paths
    };
    let options = Options {
        default_platform: config.platform,
        default_tier: config.tier,
        ..Options::default()
    };
    let after = config.outcomes.ignored_after_days;
    let window = poignee::stats::Window {
        today,
        since,
        ignored_after_days: after,
    };
    let stats = poignee::stats::collect(&paths, &linter, &options, window);
    outcomes::skipped(lang, &stats);
    match args.format {
        StatsFormat::Human => {
            for line in outcomes::human(lang, &stats, since, after) {
                report::out(&line);
            }
        }
        StatsFormat::Json => report::out(&outcomes::json(lang, &stats, today, since, after)),
        StatsFormat::Csv => report::out(&outcomes::csv(lang, &stats, args.keep_formulas)),
    }
    if stats.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}

fn import_cmd(lang: Lang, config: &Config, args: ImportArgs) -> ExitCode {
    let Some(out) = args.out.or_else(|| config.drafts_dir()) else {
        report::fatal(lang, "usage", &NO_CONFIG_DIR.get(lang));
        return ExitCode::from(EXIT_USAGE);
    };
    let job = poignee::import::Job {
        export: args.export.clone(),
        out,
        dry_run: args.dry_run,
        today: today(),
    };
    match poignee::import::run(&job) {
        Ok(summary) => {
            let json = args.format == ImportFormat::Json;
            if import::say(lang, &args.export, &summary, json) {
                ExitCode::from(EXIT_FINDINGS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            report::fatal(lang, "import", &e.message().get(lang));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

const NO_CONFIG_DIR: Text = Text::new(
    "impossible de trouver le dossier de configuration : donnez --path",
    "cannot find the config folder: give --path",
);
