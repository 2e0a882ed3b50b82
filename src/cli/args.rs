//! The command line as clap reads it: the commands, their arguments and
//! flags, and the exit codes `--help` gives. `--help`, the completions and
//! the manual pages are all made from these.

use super::{Format, prospects};
use clap::{Args, Parser, Subcommand, ValueEnum};
use poignee::lang::Lang;
use poignee::{Platform, Tier};
use std::path::PathBuf;

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
pub(super) struct Cli {
    /// Config file [default: ~/.config/poignee/config.toml]
    #[arg(long, global = true, env = "POIGNEE_CONFIG", value_name = "PATH")]
    pub(super) config: Option<PathBuf>,
    /// Interface language [default: config, else LANG]
    #[arg(long, global = true, value_enum)]
    pub(super) lang: Option<Lang>,
    /// No colours (NO_COLOR is honoured too)
    #[arg(long, global = true)]
    pub(super) no_color: bool,
    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
pub(super) enum ImportCommand {
    /// Your LinkedIn data export: each invitation you sent with a note becomes
    /// a draft (sent, or accepted when the person is among your connections);
    /// those without a note are counted for `stats`
    #[command(
        after_help = "Reads Invitations.csv (the invitations, OUTGOING ones are yours), Connections.csv (who accepted, when) and messages.csv (an accepted invitation's note often comes back as the conversation's first message). Email addresses and phone numbers are never read.\nImporting again writes only what is new: a pending invitation now accepted, a new one; never a duplicate, never over a note you edited nor an outcome you marked.\nExit codes: 0 imported (or nothing new), 1 some rows left out or drafts not written, 2 not an export, or bad usage or config."
    )]
    Linkedin(ImportArgs),
}

#[derive(Args)]
pub(super) struct ImportArgs {
    /// The export: the .zip as LinkedIn sends it, or the folder it unpacks to
    #[arg(value_name = "EXPORT")]
    pub(super) export: PathBuf,
    /// Where the drafts go (created 0700 if needed) [default: the config's drafts folder]
    #[arg(long, value_name = "DIR")]
    pub(super) out: Option<PathBuf>,
    /// Say what would be written, and write nothing
    #[arg(long)]
    pub(super) dry_run: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ImportFormat::Human)]
    pub(super) format: ImportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ImportFormat {
    #[value(alias = "text")]
    Human,
    Json,
}

#[derive(Args)]
pub(super) struct CheckArgs {
    /// Files or folders to check; - reads standard input
    #[arg(default_value = ".")]
    pub(super) paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,
    /// Platform, over the drafts' own
    #[arg(long, value_enum)]
    pub(super) platform: Option<Platform>,
    /// LinkedIn account tier, over the drafts' own and the config
    #[arg(long, value_enum)]
    pub(super) tier: Option<Tier>,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub(super) strict: bool,
    /// Compare only the files given, not the saved drafts folder too
    /// (repeated-text and pace)
    #[arg(long)]
    pub(super) no_saved: bool,
}

#[derive(Args)]
#[command(
    after_help = "Only the front-matter lines that change are rewritten (status and the date), atomically; the rest of the file stays byte for byte.\n`sent` is taken from any state (with a warning on a note never approved); accepted, ignored and declined need a note marked sent; another answer replaces the one there; marking again changes nothing unless --date moves the date. Dates cannot be in the future, nor an answer before the sending.\nExit codes: 0 every file marked (or already so), 1 some files not marked, 2 bad usage (outcome, date) or config."
)]
pub(super) struct MarkArgs {
    /// The drafts to mark
    #[arg(required = true, value_name = "FILE")]
    pub(super) files: Vec<PathBuf>,
    /// What happened: sent, accepted, ignored or declined
    #[arg(value_name = "OUTCOME")]
    pub(super) outcome: String,
    /// The day it happened, YYYY-MM-DD, not to come nor before LinkedIn
    /// opened (2003-05-05) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) date: Option<String>,
}

#[derive(Args)]
#[command(
    after_help = "An invitation is a draft marked sent, accepted, ignored or declined (`poignee mark`); one left sent past [outcomes] ignored_after_days (30) counts as ignored. The acceptance rate is accepted ÷ answered; a group with fewer than 10 answered is flagged as too small to tell.\nExit codes: 0 figures shown (zero counts for a new user with no drafts saved yet), 1 some files could not be read (left out of the figures), 2 bad usage or config (a drafts_dir set in the config that is not there)."
)]
pub(super) struct StatsArgs {
    /// Drafts: files or folders [default: the config's drafts folder]
    pub(super) paths: Vec<PathBuf>,
    /// Only invitations sent on this day or after (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) since: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub(super) format: StatsFormat,
    /// With --format csv: write a cell starting with = + - @, a tab or a CR
    /// as it is, not after a ' (Excel would run it as a formula)
    #[arg(long)]
    pub(super) keep_formulas: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum StatsFormat {
    Human,
    Json,
    Csv,
}

#[derive(Args, Default)]
pub(super) struct ComposeArgs {
    /// Start from this template
    #[arg(long)]
    pub(super) template: Option<String>,
    /// Open this draft
    #[arg(long, value_name = "FILE")]
    pub(super) draft: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(super) enum TemplatesCommand {
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
pub(super) struct DraftArgs {
    /// The template to start from
    #[arg(long)]
    pub(super) template: String,
    /// The people: a CSV file
    #[arg(long, value_name = "CSV")]
    pub(super) people: PathBuf,
    /// Where to write the drafts (created 0700 if needed; files are never overwritten)
    #[arg(long, value_name = "DIR")]
    pub(super) out: PathBuf,
    /// A value for every row, under the CSV's own: --set event="Web2Day" (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(super) sets: Vec<String>,
    /// Platform of the drafts, written in each [default: the config's]
    #[arg(long, value_enum)]
    pub(super) platform: Option<Platform>,
    /// LinkedIn account tier, which sets the note's length limit [default: the config's]
    #[arg(long, value_enum)]
    pub(super) tier: Option<Tier>,
}

#[derive(Args)]
#[command(
    after_help = "Example: poignee audience --region \"Villeurbanne (69)\" --sector \"Software Development\"\nExit codes: 0 in (or unknown), 1 out, 2 bad usage or config. With --people: 0 every row judged and someone in (or unknown), 1 nobody in the audience or rows left out (a cell under no column of the header, or an `audience` cell poignee did not write), 2 a list that cannot be read. With --list: 0, a match or not (none is said on standard error)."
)]
pub(super) struct AudienceArgs {
    /// List the names the filter knows, best match first: `--list regions
    /// Villeurb`, `--list sectors "dev logiciel"`
    #[arg(long, value_enum, value_name = "regions|sectors", conflicts_with_all = ["people", "region", "sector"])]
    pub(super) list: Option<ListWhat>,
    /// With --list: the text to match (fuzzy; all names without it)
    #[arg(requires = "list")]
    pub(super) text: Option<String>,
    /// The person's location, as their profile shows it
    #[arg(long, conflicts_with = "people")]
    pub(super) region: Option<String>,
    /// The person's sector (LinkedIn industry), in English or French
    #[arg(long, conflicts_with = "people")]
    pub(super) sector: Option<String>,
    /// Print one JSON document
    #[arg(long, conflicts_with = "people")]
    pub(super) json: bool,
    /// Judge every row of a prospect list (CSV from a CRM, a lead tool or
    /// Excel: `,` or `;`, UTF-8 or Windows-1252); `-` reads standard
    /// input (16 MiB at most; a file is streamed, of any length)
    #[arg(long, value_name = "FILE.csv")]
    pub(super) people: Option<PathBuf>,
    /// With --people: a line a person (human), the list with two columns
    /// more (csv), or one document (json)
    #[arg(long, value_enum, default_value = "human", requires = "people")]
    pub(super) format: prospects::ListFormat,
    /// With --people: keep only these rows (`--only in --format csv` is
    /// the list to hand to `poignee draft --people`)
    #[arg(long, value_enum, requires = "people")]
    pub(super) only: Option<prospects::Category>,
    /// With --format csv: write a cell starting with = + - @, a tab or a CR
    /// as it is, not after a ' (Excel would run it as a formula)
    #[arg(long, requires = "people")]
    pub(super) keep_formulas: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum ListWhat {
    Regions,
    Sectors,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

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
