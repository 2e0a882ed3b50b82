//! `poignee completions SHELL` and `poignee man`: both generated from the
//! one clap definition of the command line (`Cli`), so that neither can
//! drift from `--help`.

use super::{EXIT_USAGE, report};
use clap_complete::Shell;
use poignee::lang::{Lang, Localize, Localized};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The completion script of `shell`, on standard output.
pub fn completions(lang: Lang, shell: Shell, mut cmd: clap::Command) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "poignee", &mut script);
    write_out(lang, &script)
}

/// The manual page of poignee, or of the command named (`audience`,
/// `templates show`), on standard output; with `out`, every page written
/// to that folder.
pub fn man(lang: Lang, cmd: clap::Command, names: &[String], out: Option<&Path>) -> ExitCode {
    let mut cmd = cmd.disable_help_subcommand(true);
    // Names every subcommand "poignee-audience", as its page is called.
    cmd.build();
    if let Some(dir) = out {
        return match std::fs::create_dir_all(dir).and_then(|()| pages_to(lang, &cmd, dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let message = Localized::new(
                    format!(
                        "impossible d'écrire les pages de manuel dans {} : {}",
                        dir.display(),
                        poignee::input::ReadError::from_io(&e).message().fr
                    ),
                    format!(
                        "cannot write the manual pages to {}: {}",
                        dir.display(),
                        poignee::input::ReadError::from_io(&e).message().en
                    ),
                );
                report::fatal(lang, "man", &message.get(lang));
                ExitCode::from(EXIT_USAGE)
            }
        };
    }
    let mut page = &cmd;
    for name in names {
        let Some(sub) = page.find_subcommand(name) else {
            let known: Vec<&str> = page
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| s.get_name())
                .collect();
            let message = Localized::new(
                format!(
                    "pas de commande « {name} » ; celles qui ont une page : {}",
                    known.join(", ")
                ),
                format!(
                    "no command “{name}”; those with a page: {}",
                    known.join(", ")
                ),
            );
            report::fatal(lang, "usage", &message.get(lang));
            return ExitCode::from(EXIT_USAGE);
        };
        page = sub;
    }
    match page_of(lang, page) {
        Ok(roff) => write_out(lang, &roff),
        Err(e) => {
            let m = poignee::input::ReadError::from_io(&e).message();
            report::fatal(lang, "man", &m.get(lang));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// The manual page of `cmd`, its section names in `lang` (clap_mangen
/// writes them in English).
fn page_of(lang: Lang, cmd: &clap::Command) -> std::io::Result<Vec<u8>> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut roff)?;
    if lang == Lang::En {
        return Ok(roff);
    }
    let text = String::from_utf8_lossy(&roff);
    let sections = [
        (".SH NAME", ".SH NOM"),
        (".SH SUBCOMMANDS", ".SH COMMANDES"),
        (".SH EXTRA", ".SH REMARQUES"),
        (".SH AUTHORS", ".SH AUTEURS"),
    ];
    let french: Vec<String> = text
        .lines()
        .map(|line| {
            sections
                .iter()
                .find(|(en, _)| line == *en)
                .map_or_else(|| line.to_string(), |(_, fr)| fr.to_string())
        })
        .collect();
    Ok((french.join("\n") + "\n").into_bytes())
}

/// Every page (`poignee.1`, `poignee-audience.1`, …) written to `dir`, as
/// `clap_mangen::generate_to` does, in `lang`.
fn pages_to(lang: Lang, cmd: &clap::Command, dir: &Path) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages_to(lang, sub, dir)?;
    }
    let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name());
    let roff = page_of(lang, cmd)?;
    std::fs::write(dir.join(format!("{name}.1")), roff)
}

/// Writes `bytes` to standard output; a reader that went away (`| head`)
/// ends the run quietly, any other failure is said.
fn write_out(lang: Lang, bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let m = poignee::input::ReadError::from_io(&e).message();
            let message = Localized::new(
                format!("impossible d'écrire sur la sortie standard : {}", m.fr),
                format!("cannot write to standard output: {}", m.en),
            );
            report::fail(lang, &message.get(lang));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
