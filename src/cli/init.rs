//! `poignee init`: a commented config written for the user to edit.

use super::{EXIT_USAGE, NO_CONFIG_DIR, report};
use poignee::config;
use poignee::fsutil;
use poignee::lang::{Lang, Localize, Localized};
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn init(lang: Lang, path: Option<PathBuf>, force: bool) -> ExitCode {
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
