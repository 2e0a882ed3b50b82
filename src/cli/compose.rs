//! `poignee compose` (and `poignee` alone): the editor started, after the
//! config's keys, the terminal and the draft to open are checked.

use super::args::ComposeArgs;
use super::{EXIT_USAGE, linter_or_fail, report, templates};
use poignee::config::{self, Config};
use poignee::lang::{Lang, Localize, Text};
use std::path::PathBuf;
use std::process::ExitCode;

const NO_TERMINAL: Text = Text::new(
    "l'éditeur a besoin d'un terminal : `poignee check` vérifie des fichiers, `poignee --help` liste les commandes",
    "the editor needs a terminal: `poignee check` checks files, `poignee --help` lists the commands",
);

pub(super) fn compose(
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
                        format!(":{}:{}: {}", at.line, at.column, at.message().get(lang))
                    })
                });
            match read {
                Ok(d) => Some((path, d)),
                Err(e) => {
                    // « fichier : … » when it cannot be read, `file:3:5: …`
                    // where it does not parse.
                    report::fail(lang, &format!("{}{e}", path.display()));
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
