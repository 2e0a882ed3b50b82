//! The command-line face: argument parsing, config loading, exit codes.

mod audience;
mod french;
mod generate;
mod import;
mod outcomes;
mod prospects;
pub mod report;
mod templates;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use poignee::RuleId;
use poignee::batch::{self, Options};
use poignee::config::{self, Config};
use poignee::drafts;
use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::located::did_you_mean;
use poignee::{Platform, Tier, fsutil};
pub use report::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 bad
/// usage or config.
const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

/// The one meaning of each exit code, for every command: the top-level
/// `--help` and the README's "Exit codes" say the same.
const EXIT_CODES: &str = "Exit codes (every command):
  0  ran, nothing to fix: notes clean; the person, or someone in the list,
     in the audience (or unknown); every file marked or drafted; figures
     shown; also a --list with no match, and stats with nothing saved yet
  1  ran and found something to fix: a note with errors (warnings with
     --strict); a person out of the audience, or a list with nobody in;
     rows left out or skipped; files not read or not marked
  2  could not run as asked: bad usage, a config that does not read, a
     list or folder that cannot be read at all
Notes and warnings never change the code; `error:` comes with 1 or 2 only.";

#[derive(Parser)]
#[command(
    name = "poignee",
    // "0.1.0 (1a2b3c4)": the commit it was built from, when built from a
    // git checkout (build.rs).
    version = env!("POIGNEE_VERSION"),
    about = "Write LinkedIn and Viadeo invitation notes that people accept.\nÉcrivez des invitations LinkedIn et Viadeo que l'on accepte.",
    after_help = EXIT_CODES
)]
struct Cli {
    /// Config file [default: ~/.config/poignee/config.toml]
    #[arg(long, global = true, env = "POIGNEE_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,
    /// Interface language [default: config, else LANG]
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// No colours (NO_COLOR is honoured too)
    #[arg(long, global = true)]
    no_color: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Compose an invitation in the terminal interface (the default)
    Compose(ComposeArgs),
    /// Check drafts: files, folders (walked for .txt and .md), or - for standard input
    Check(CheckArgs),
    /// List every rule, its id, severity and what it catches
    Rules,
    /// Explain a rule: why it exists and what to do
    Explain {
        /// A rule id, as `poignee rules` lists them
        rule: String,
    },
    /// The template library: list, show (filled and checked), check, new
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Write one draft per person of a CSV list from a template (never sends anything)
    Draft(DraftArgs),
    /// Explain how your audience filter reads a person (--region, --sector),
    /// judge a prospect list (--people FILE.csv), or list the names it knows
    /// (--list regions|sectors)
    Audience(AudienceArgs),
    /// Record what became of invitations: FILE… sent, accepted, ignored or declined
    Mark(MarkArgs),
    /// Acceptance figures over your drafts, overall and by template, language,
    /// platform, score, reason and audience
    Stats(StatsArgs),
    /// Import your real history: LinkedIn's data export (the ZIP as
    /// downloaded, or its folder) as drafts that `stats` counts
    #[command(subcommand)]
    Import(ImportCommand),
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell)
    ///
    /// bash: `poignee completions bash >
    /// ~/.local/share/bash-completion/completions/poignee`; zsh: `poignee
    /// completions zsh > ~/.zfunc/_poignee` (with `fpath+=~/.zfunc` before
    /// `compinit`); fish: `poignee completions fish >
    /// ~/.config/fish/completions/poignee.fish`.
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page of poignee or of one of its commands (roff)
    ///
    /// Read it with `poignee man | man -l -`, or `poignee man audience | man
    /// -l -`; install every page with `poignee man --out
    /// ~/.local/share/man/man1`.
    Man {
        /// A command (`audience`, `templates show`) [default: poignee itself]
        #[arg(num_args = 0..)]
        command: Vec<String>,
        /// Write every page (poignee.1, poignee-audience.1, …) to this folder
        /// rather than one to standard output
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        out: Option<PathBuf>,
    },
    /// Write a commented config for you to edit
    Init {
        /// Where to write it [default: ~/.config/poignee/config.toml]
        #[arg(long, value_name = "PATH")]
        path: Option<PathBuf>,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Your LinkedIn data export: each invitation you sent with a note becomes
    /// a draft (sent, or accepted when the person is among your connections);
    /// those without a note are counted for `stats`
    #[command(
        after_help = "Reads Invitations.csv (the invitations, OUTGOING ones are yours), Connections.csv (who accepted, when) and messages.csv (an accepted invitation's note often comes back as the conversation's first message). Email addresses and phone numbers are never read.\nImporting again writes only what is new: a pending invitation now accepted, a new one; never a duplicate, never over a note you edited nor an outcome you marked.\nExit codes: 0 imported (or nothing new), 1 some rows left out or drafts not written, 2 not an export, or bad usage or config."
    )]
    Linkedin(ImportArgs),
}

#[derive(Args)]
struct ImportArgs {
    /// The export: the .zip as LinkedIn sends it, or the folder it unpacks to
    #[arg(value_name = "EXPORT")]
    export: PathBuf,
    /// Where the drafts go (created 0700 if needed) [default: the config's drafts folder]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Say what would be written, and write nothing
    #[arg(long)]
    dry_run: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ImportFormat::Human)]
    format: ImportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    #[value(alias = "text")]
    Human,
    Json,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders to check; - reads standard input
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Platform, over the drafts' own
    #[arg(long, value_enum)]
    platform: Option<Platform>,
    /// LinkedIn account tier, over the drafts' own and the config
    #[arg(long, value_enum)]
    tier: Option<Tier>,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    strict: bool,
    /// Compare only the files given, not the saved drafts folder too
    /// (repeated-text and pace)
    #[arg(long)]
    no_saved: bool,
}

#[derive(Args)]
#[command(
    after_help = "Only the front-matter lines that change are rewritten (status and the date), atomically; the rest of the file stays byte for byte.\n`sent` is taken from any state (with a warning on a note never approved); accepted, ignored and declined need a note marked sent; another answer replaces the one there; marking again changes nothing unless --date moves the date. Dates cannot be in the future, nor an answer before the sending.\nExit codes: 0 every file marked (or already so), 1 some files not marked, 2 bad usage (outcome, date) or config."
)]
struct MarkArgs {
    /// The drafts to mark
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What happened: sent, accepted, ignored or declined
    #[arg(value_name = "OUTCOME")]
    outcome: String,
    /// The day it happened, YYYY-MM-DD, not to come nor before LinkedIn
    /// opened (2003-05-05) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

#[derive(Args)]
#[command(
    after_help = "An invitation is a draft marked sent, accepted, ignored or declined (`poignee mark`); one left sent past [outcomes] ignored_after_days (30) counts as ignored. The acceptance rate is accepted ÷ answered; a group with fewer than 10 answered is flagged as too small to tell.\nExit codes: 0 figures shown (zero counts for a new user with no drafts saved yet), 1 some files could not be read (left out of the figures), 2 bad usage or config (a drafts_dir set in the config that is not there)."
)]
struct StatsArgs {
    /// Drafts: files or folders [default: the config's drafts folder]
    paths: Vec<PathBuf>,
    /// Only invitations sent on this day or after (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    format: StatsFormat,
    /// With --format csv: write a cell starting with = + - @, a tab or a CR
    /// as it is, not after a ' (Excel would run it as a formula)
    #[arg(long)]
    keep_formulas: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    Human,
    Json,
    Csv,
}

#[derive(Args, Default)]
struct ComposeArgs {
    /// Start from this template
    #[arg(long)]
    template: Option<String>,
    /// Open this draft
    #[arg(long, value_name = "FILE")]
    draft: Option<PathBuf>,
}

#[derive(Subcommand)]
enum TemplatesCommand {
    /// List the shipped templates and yours
    List {
        /// Only the templates in this language (`--lang` filters too)
        #[arg(long = "in", value_enum, value_name = "LANG")]
        in_lang: Option<Lang>,
    },
    /// Show a template filled with its examples (or --set values), and its checks
    Show {
        /// A template name, as `templates list` shows it (`fr/evenement`, or `evenement`)
        name: String,
        /// A placeholder value: --set event="le salon VivaTech" (repeatable)
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
    },
    /// Check every template (or those named), filled with their examples
    Check {
        /// The templates to check [default: every one]
        names: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Write a new template to start from, in your templates folder
    New {
        /// Its name (`relance-salon`, or `fr/relance-salon`)
        name: String,
        /// The language of the scaffold [default: the interface's]
        #[arg(long = "in", value_enum, value_name = "LANG")]
        in_lang: Option<Lang>,
    },
}

#[derive(Args)]
#[command(
    after_help = "The CSV has a header row; `,` or `;` separators; UTF-8 with or without BOM; LinkedIn's Connections.csv is read as it comes. Columns: first_name/prénom, last_name/nom, name, company/entreprise, position/headline/poste, region/location/ville, sector/secteur, relationship; any other column is a placeholder value (event, topic, …).\nExit codes: 0 every row drafted, 1 some rows skipped or drafts with errors, 2 bad usage, config or CSV."
)]
struct DraftArgs {
    /// The template to start from
    #[arg(long)]
    template: String,
    /// The people: a CSV file
    #[arg(long, value_name = "CSV")]
    people: PathBuf,
    /// Where to write the drafts (created 0700 if needed; files are never overwritten)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// A value for every row, under the CSV's own: --set event="Web2Day" (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// Platform of the drafts, written in each [default: the config's]
    #[arg(long, value_enum)]
    platform: Option<Platform>,
    /// LinkedIn account tier, which sets the note's length limit [default: the config's]
    #[arg(long, value_enum)]
    tier: Option<Tier>,
}

#[derive(Args)]
#[command(
    after_help = "Example: poignee audience --region \"Villeurbanne (69)\" --sector \"Software Development\"\nExit codes: 0 in (or unknown), 1 out, 2 bad usage or config. With --people: 0 every row judged and someone in (or unknown), 1 nobody in the audience or rows left out (a cell under no column of the header, or an `audience` cell poignee did not write), 2 a list that cannot be read. With --list: 0, a match or not (none is said on standard error)."
)]
struct AudienceArgs {
    /// List the names the filter knows, best match first: `--list regions
    /// Villeurb`, `--list sectors "dev logiciel"`
    #[arg(long, value_enum, value_name = "regions|sectors", conflicts_with_all = ["people", "region", "sector"])]
    list: Option<ListWhat>,
    /// With --list: the text to match (fuzzy; all names without it)
    #[arg(requires = "list")]
    text: Option<String>,
    /// The person's location, as their profile shows it
    #[arg(long, conflicts_with = "people")]
    region: Option<String>,
    /// The person's sector (LinkedIn industry), in English or French
    #[arg(long, conflicts_with = "people")]
    sector: Option<String>,
    /// Print one JSON document
    #[arg(long, conflicts_with = "people")]
    json: bool,
    /// Judge every row of a prospect list (CSV from a CRM, a lead tool or
    /// Excel: `,` or `;`, UTF-8 or Windows-1252); `-` reads standard
    /// input (16 MiB at most; a file is streamed, of any length)
    #[arg(long, value_name = "FILE.csv")]
    people: Option<PathBuf>,
    /// With --people: a line a person (human), the list with two columns
    /// more (csv), or one document (json)
    #[arg(long, value_enum, default_value = "human", requires = "people")]
    format: prospects::ListFormat,
    /// With --people: keep only these rows (`--only in --format csv` is
    /// the list to hand to `poignee draft --people`)
    #[arg(long, value_enum, requires = "people")]
    only: Option<prospects::Category>,
    /// With --format csv: write a cell starting with = + - @, a tab or a CR
    /// as it is, not after a ' (Excel would run it as a formula)
    #[arg(long, requires = "people")]
    keep_formulas: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListWhat {
    Regions,
    Sectors,
}

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
        Some(Command::Check(args)) => check(lang, &config, config_path, args),
        Some(Command::Rules) => rules(lang, &config, config_path),
        Some(Command::Explain { rule }) => explain(lang, &rule),
        Some(Command::Audience(args)) => audience_cmd(lang, &config, config_path, args),
        Some(Command::Templates(cmd)) => {
            let asked = cli.lang;
            templates_cmd(lang, asked, &config, config_path, cmd)
        }
        Some(Command::Draft(args)) => draft_cmd(lang, &config, config_path, args),
        Some(Command::Init { path, force }) => init(lang, path, force),
        Some(Command::Mark(args)) => mark_cmd(lang, args),
        Some(Command::Stats(args)) => stats_cmd(lang, &config, config_path, args),
        Some(Command::Import(ImportCommand::Linkedin(args))) => import_cmd(lang, &config, args),
        Some(Command::Compose(args)) => compose(lang, &config, config_path, args, cli.no_color),
        // Answered above, before the config.
        Some(Command::Completions { .. } | Command::Man { .. }) => ExitCode::SUCCESS,
        None => compose(
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

const NO_TERMINAL: Text = Text::new(
    "l'éditeur a besoin d'un terminal : `poignee check` vérifie des fichiers, `poignee --help` liste les commandes",
    "the editor needs a terminal: `poignee check` checks files, `poignee --help` lists the commands",
);

fn compose(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
    args: ComposeArgs,
    no_color: bool,
) -> ExitCode {
    use std::io::IsTerminal;
    // The config's `[keys]`, checked where keys mean something, and before
    // the terminal: a config error is said first.
    let keymap = match crate::tui::keys::Keymap::with(lang, &config.keys) {
        Ok(keymap) => keymap,
        Err(e) => {
            let path = config_path.unwrap_or_default();
            let text =
                poignee::input::read_text(&path, poignee::input::MAX_BYTES).unwrap_or_default();
            let e = config::ConfigError::at_key(&text, &path, &e.key, e.message);
            report::fatal(lang, "config", &e.message().get(lang));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        report::fail(lang, &NO_TERMINAL.get(lang));
        return ExitCode::from(EXIT_USAGE);
    }
    let Some(linter) = linter_or_fail(lang, config, config_path.clone()) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let draft = match args.draft {
        Some(path) => {
            let read = poignee::input::read_text(&path, poignee::input::MAX_BYTES)
                .map_err(|e| format!("{} {}", lang.colon(), e.message().get(lang)))
                .and_then(|s| {
                    poignee::draft::Draft::parse(&s).map_err(|at| {
                        format!("{}:{}: {}", at.line, at.column, at.message().get(lang))
                    })
                });
            match read {
                Ok(d) => Some((path, d)),
                Err(e) => {
                    report::fail(lang, &format!("{}:{e}", path.display()));
                    return ExitCode::from(EXIT_USAGE);
                }
            }
        }
        None => None,
    };
    let color = !no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let library = templates::library(lang, config);
    let setup = crate::tui::app::Setup::new(config, lang, linter, library, keymap, color);
    let options = crate::tui::run::Options {
        recovery: config.recovery_path(),
        draft,
        template: args.template,
    };
    match crate::tui::run::run(setup, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report::fail(
                lang,
                &poignee::input::ReadError::from_io(&e).message().get(lang),
            );
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn check(lang: Lang, config: &Config, config_path: Option<PathBuf>, args: CheckArgs) -> ExitCode {
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let options = Options {
        platform: args.platform,
        tier: args.tier,
        default_platform: config.platform,
        default_tier: config.tier,
        cross: [RuleId::RepeatedText, RuleId::Pace]
            .iter()
            .any(|&r| linter.severity(r).is_some()),
        today: Some(today()),
    };
    let inputs = batch::inputs(&args.paths);
    let mut reporter = report::to_stdout(args.format, lang);
    let mut records = Vec::new();
    batch::check(&linter, &options, inputs, |mut checked| {
        records.extend(checked.record.take());
        reporter.file(&checked);
    });
    if options.cross {
        let saved = saved_drafts_dir(lang, config)
            .filter(|_| !args.no_saved)
            .map(drafts::Folder::new);
        let now = jiff::Timestamp::now();
        let settings = config.cross_settings();
        let findings = drafts::findings_across(
            &mut records,
            saved.as_ref(),
            &options,
            &linter,
            &settings,
            now,
        );
        reporter.cross(&findings, &records);
    }
    let summary = reporter.finish();
    if summary.files == 0 {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        let shown = shown.join(", ");
        report::warn(
            lang,
            &Localized::new(
                format!("aucune note dans {shown} : poignee vérifie les fichiers .txt et .md"),
                format!("no notes in {shown}: poignee checks .txt and .md files"),
            )
            .get(lang),
        );
    }
    let failed =
        summary.errors > 0 || summary.unreadable > 0 || (args.strict && summary.warnings > 0);
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
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

fn rules(lang: Lang, config: &Config, config_path: Option<PathBuf>) -> ExitCode {
    match linter_or_fail(lang, config, config_path) {
        Some(linter) => {
            report::rules(lang, &linter);
            ExitCode::SUCCESS
        }
        None => ExitCode::from(EXIT_USAGE),
    }
}

fn explain(lang: Lang, rule: &str) -> ExitCode {
    match RuleId::parse(rule) {
        Some(id) => {
            report::explain(lang, id);
            ExitCode::SUCCESS
        }
        None => {
            let hint = did_you_mean(rule, RuleId::ALL.iter().map(|r| r.as_str()));
            let msg = match (lang, hint) {
                (Lang::Fr, Some(h)) => {
                    format!("règle inconnue « {rule} » : vouliez-vous dire « {h} » ?")
                }
                (Lang::Fr, None) => {
                    format!("règle inconnue « {rule} » : `poignee rules` les liste toutes")
                }
                (Lang::En, Some(h)) => format!("unknown rule `{rule}`: did you mean `{h}`?"),
                (Lang::En, None) => {
                    format!("unknown rule `{rule}`: `poignee rules` lists them all")
                }
            };
            report::fail(lang, &msg);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn init(lang: Lang, path: Option<PathBuf>, force: bool) -> ExitCode {
    let Some(path) = path.or_else(config::default_path) else {
        report::fail(lang, &NO_CONFIG_DIR.get(lang));
        return ExitCode::from(EXIT_USAGE);
    };
    if path.is_dir() {
        let msg = match lang {
            Lang::Fr => format!(
                "{} est un dossier : donnez le chemin du fichier (par exemple {})",
                path.display(),
                path.join("config.toml").display()
            ),
            Lang::En => format!(
                "{} is a folder: give the file's path (e.g. {})",
                path.display(),
                path.join("config.toml").display()
            ),
        };
        report::fail(lang, &msg);
        return ExitCode::from(EXIT_USAGE);
    }
    let text = config::init_text();
    let written = if force {
        fsutil::write_replace(&path, text.as_bytes())
    } else {
        fsutil::write_new(&path, text.as_bytes())
    };
    match written {
        Ok(()) => {
            let msg = match lang {
                Lang::Fr => format!(
                    "configuration écrite dans {} : modifiez-la à votre goût",
                    path.display()
                ),
                Lang::En => format!("config written to {}: edit it to taste", path.display()),
            };
            let msg = poignee::text::terminal_line(&msg);
            report::out(&poignee::lang::french_spacing(&msg));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let msg = match lang {
                Lang::Fr => format!(
                    "{} existe déjà : rien n'a été écrit (--force pour le remplacer)",
                    path.display()
                ),
                Lang::En => format!(
                    "{} already exists: nothing written (--force replaces it)",
                    path.display()
                ),
            };
            report::fail(lang, &msg);
            ExitCode::from(EXIT_USAGE)
        }
        Err(e) => {
            let m = poignee::input::ReadError::from_io_at(&e, &path).message();
            let message = Localized::new(
                format!(
                    "{} : impossible d’écrire la configuration : {}",
                    path.display(),
                    m.fr
                ),
                format!("{}: cannot write the config: {}", path.display(), m.en),
            );
            report::fail(lang, &message.get(lang));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

const NO_CONFIG_DIR: Text = Text::new(
    "impossible de trouver le dossier de configuration : donnez --path",
    "cannot find the config folder: give --path",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command says what it does, and every flag and argument of
    /// every command what it is for: `--help`, the completions and the man
    /// page are all made from these.
    #[test]
    fn every_command_and_flag_is_explained() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            if cmd.get_about().is_none() && cmd.get_long_about().is_none() {
                missing.push(format!("{path}: the command"));
            }
            for arg in cmd.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin
                    && !arg.is_hide_set()
                    && arg.get_help().is_none()
                    && arg.get_long_help().is_none()
                {
                    missing.push(format!("{path}: {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &path, missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "no help for:\n{}", missing.join("\n"));
        // The top-level help names what `audience` can do besides one person.
        let help = cmd.render_help().to_string();
        for flag in ["--people", "--list", "completions", "man"] {
            assert!(help.contains(flag), "{flag} missing from --help:\n{help}");
        }
    }
}
