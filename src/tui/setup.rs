//! What the app starts with, from outside: the settings a config gives,
//! the time and the home folder as the system says them, and the recovered
//! texts set aside in the recovery file's folder. Read here, once, so that
//! `update` never reads the clock, the environment or the disk.

use super::keys::Keymap;
use poignee::config::Config;
use poignee::crossdraft::Settings;
use poignee::draft::Draft;
use poignee::lang::Lang;
use poignee::lint::Linter;
use poignee::target::{Platform, Tier};
use poignee::template::Library;
use std::path::{Path, PathBuf};

/// What the app needs from the config, and from the system the time and
/// the home folder.
pub struct Setup {
    pub lang: Lang,
    pub linter: Linter,
    pub platform: Platform,
    pub tier: Tier,
    pub drafts_dir: Option<PathBuf>,
    pub library: Library,
    pub keymap: Keymap,
    pub cross: Settings,
    /// Days after which an invitation left sent counts as ignored.
    pub ignored_after_days: u32,
    pub color: bool,
    /// The time at start, where the user is; then the runtime says it
    /// before each message ([`super::app::Msg::Tick`]).
    pub clock: jiff::Zoned,
    /// The home folder, for paths written `~/…`.
    pub home: Option<PathBuf>,
}

impl Setup {
    /// The settings a config gives, with the engine, the library and the
    /// keys (the config's `[keys]` read by [`Keymap::with`]) built; the
    /// time and the home folder as the system says them now.
    pub fn new(
        config: &Config,
        lang: Lang,
        linter: Linter,
        library: Library,
        keymap: Keymap,
        color: bool,
    ) -> Setup {
        Setup {
            lang,
            linter,
            platform: config.platform,
            tier: config.tier,
            drafts_dir: config.drafts_dir(),
            library,
            keymap,
            cross: config.cross_settings(),
            ignored_after_days: config.outcomes.ignored_after_days,
            color,
            clock: jiff::Zoned::now(),
            home: directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()),
        }
    }
}

/// What the app starts with besides its settings, taken by `update` as
/// [`super::app::Msg::Start`]: the command line's draft or template, what
/// the recovery file's folder holds, and what the terminal can send.
#[derive(Debug, Default)]
pub struct Start {
    /// `--draft FILE`: the file and the draft read from it, opened.
    pub draft: Option<(PathBuf, Draft)>,
    /// `--template NAME`: the note starts from it.
    pub template: Option<String>,
    /// The recovered texts set aside beside the recovery file.
    pub aside: Aside,
    /// The text found in the recovery file (the app was killed or
    /// crashed), offered in a banner.
    pub found: Option<Draft>,
    /// The terminal does not speak the kitty keyboard protocol: the keys
    /// it never sends (Ctrl-Shift on a letter) are neither listed nor bound.
    pub plain_keys: bool,
}

/// The recovered texts set aside (declined at the banner, or moved for a
/// new note): none is ever lost, so they would pile up unseen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aside {
    pub all: Vec<PathBuf>,
    /// Those set aside over 30 days ago.
    pub old: Vec<PathBuf>,
}

impl Aside {
    /// The `recovery-….md` files beside the recovery file `recovery`, and
    /// which are older than 30 days at `now`.
    pub fn scan(recovery: &Path, now: std::time::SystemTime) -> Aside {
        let Some(dir) = recovery.parent() else {
            return Aside::default();
        };
        let Ok(read) = std::fs::read_dir(dir) else {
            return Aside::default();
        };
        let month = std::time::Duration::from_secs(30 * 24 * 3600);
        let mut aside = Aside::default();
        for e in read.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with("recovery-") && name.ends_with(".md")) {
                continue;
            }
            let path = e.path();
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > month);
            if old {
                aside.old.push(path.clone());
            }
            aside.all.push(path);
        }
        aside.all.sort();
        aside.old.sort();
        aside
    }
}
