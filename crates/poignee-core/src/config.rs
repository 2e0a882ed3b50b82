//! The user's configuration (`~/.config/poignee/config.toml` on Linux, or
//! `--config`). `config.example.toml` documents every key. Unknown keys and bad
//! values are errors that name the file, line, column and key.

use crate::audience::AudienceFilter;
use crate::diagnostic::RuleId;
use crate::lang::{Lang, Localize, Localized};
use crate::lexicon::{ExtraWords, Lexicon};
use crate::lint::{Level, Limits, Linter, Thresholds};
use crate::located::{Located, Schema, fields_of};
use crate::settings::Outcomes;
use crate::target::{Platform, Tier};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use strum::VariantNames;

/// The commented example config, which `poignee init` writes for the user.
pub const EXAMPLE: &str = include_str!("../../../config.example.toml");

/// What `poignee init` writes: the example with its opinions commented out
/// (the language, the audience, the rule levels and the extra words), so that
/// every value in force is a true default and the examples are there to take.
pub fn init_text() -> String {
    const OPINIONS: [&str; 4] = ["[audience", "[rules]", "[words.", "[keys]"];
    let mut in_opinions = false;
    let mut out = String::with_capacity(EXAMPLE.len() + 256);
    for line in EXAMPLE.lines() {
        let t = line.trim_start();
        if t.starts_with('[') {
            in_opinions = OPINIONS.iter().any(|o| t.starts_with(o));
        }
        let opinion = ["lang =", "drafts_dir =", "templates_dir =", "[words."]
            .iter()
            .any(|k| t.starts_with(k))
            || (in_opinions && !t.starts_with('[') && !t.starts_with('#') && !t.is_empty());
        if opinion {
            out.push_str("# ");
        }
        out.push_str(line);
        out.push('\n');
    }
    out.replace(
        "# poignee — configuration example\n",
        "# poignee — your configuration (written by `poignee init`)\n#\n# Every line in force is a default. Lines starting with `# ` are examples:\n# take the `# ` off to use them.\n",
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Interface language; from `LANG` when unset.
    pub lang: Option<Lang>,
    pub platform: Platform,
    pub tier: Tier,
    pub drafts_dir: Option<PathBuf>,
    pub templates_dir: Option<PathBuf>,
    pub weekly_budget: u32,
    pub limits: Limits,
    pub lint: Thresholds,
    pub audience: AudienceFilter,
    /// How `poignee stats` reads what became of the invitations.
    pub outcomes: Outcomes,
    pub rules: BTreeMap<RuleId, Level>,
    pub words: ExtraWords,
    /// Key bindings of the TUI: action name → keys (`approve = ["ctrl-s"]`).
    pub keys: BTreeMap<String, Vec<String>>,
    /// The folder of the config file: relative folders in it are read from
    /// there, not from wherever poignee is run.
    #[serde(skip)]
    pub base: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            platform: Platform::Linkedin,
            tier: Tier::Free,
            drafts_dir: None,
            templates_dir: None,
            weekly_budget: 20,
            limits: Limits::default(),
            lint: Thresholds::default(),
            audience: AudienceFilter::default(),
            outcomes: Outcomes::default(),
            rules: BTreeMap::new(),
            words: ExtraWords::new(),
            keys: BTreeMap::new(),
            base: None,
        }
    }
}

/// The keys and values of the config, for its errors.
pub const CONFIG: Schema = Schema {
    keys: |table| match table {
        "" => Some(fields_of::<Config>()),
        "limits" => Some(fields_of::<Limits>()),
        "lint" => Some(fields_of::<Thresholds>()),
        "audience" => Some(fields_of::<AudienceFilter>()),
        "outcomes" => Some(fields_of::<Outcomes>()),
        "rules" => Some(RuleId::ALL.iter().map(|r| r.as_str()).collect()),
        "words" => Some(Lang::VARIANTS.to_vec()),
        "words.fr" | "words.en" => Some(crate::lexicon::Category::VARIANTS.to_vec()),
        _ => None,
    },
    values: |key| match key {
        "platform" => Platform::VARIANTS.to_vec(),
        "tier" => Tier::VARIANTS.to_vec(),
        "lang" => Lang::VARIANTS.to_vec(),
        k if k.starts_with("rules.") => Level::VARIANTS.to_vec(),
        _ => Vec::new(),
    },
};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", self.message().en)]
    Read {
        path: PathBuf,
        error: crate::input::InputError,
    },
    #[error("{}", self.message().en)]
    Invalid { path: PathBuf, at: Box<Located> },
    #[error("{}", self.message().en)]
    Audience { path: PathBuf, message: Localized },
    #[error("{}", self.message().en)]
    Words { path: PathBuf, message: String },
}

impl ConfigError {
    /// The config at `path` (its `text`) is wrong at `key` (`keys.approve`):
    /// the error points at that key's line and column. For what is checked
    /// outside the library (the TUI's `[keys]`).
    pub fn at_key(text: &str, path: &Path, key: &str, message: Localized) -> ConfigError {
        let offset = find_key(text, key).unwrap_or(0);
        let mut at = Located::at(text, offset, message);
        at.key = Some(key.to_string());
        ConfigError::Invalid {
            path: path.to_path_buf(),
            at: Box::new(at),
        }
    }
}

impl Localize for ConfigError {
    /// `path:line:column: what`, or what is wrong with the file at `path`.
    fn message(&self) -> Localized {
        match self {
            ConfigError::Read { path, error } => Localized::new(
                format!(
                    "{} : configuration illisible : {}",
                    path.display(),
                    error.message().fr
                ),
                format!(
                    "{}: cannot read the config: {}",
                    path.display(),
                    error.message().en
                ),
            ),
            ConfigError::Invalid { path, at } => {
                let place = format!("{}:{}:{}", path.display(), at.line, at.column);
                let what = at.message();
                Localized::new(
                    format!("{place}: {}", what.fr),
                    format!("{place}: {}", what.en),
                )
            }
            ConfigError::Audience { path, message } => Localized::new(
                format!(
                    "{} : le filtre d’audience ne tient pas : {}",
                    path.display(),
                    message.fr
                ),
                format!(
                    "{}: the audience filter does not hold: {}",
                    path.display(),
                    message.en
                ),
            ),
            ConfigError::Words { path, message } => Localized::new(
                format!(
                    "{} : les mots ajoutés ne se compilent pas ({message})",
                    path.display()
                ),
                format!(
                    "{}: the extra words do not compile: {message}",
                    path.display()
                ),
            ),
        }
    }
}

impl Config {
    /// Parses a config's text; `path` is only used in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            at: Box::new(Located::from_toml(text, 0..text.len(), &e, &CONFIG)),
        })?;
        config.validate(text, path)?;
        let base = path.parent().filter(|p| !p.as_os_str().is_empty());
        Ok(Config {
            base: base.map(Path::to_path_buf),
            ..config
        })
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let invalid = |key: &str, message: Localized| ConfigError::at_key(text, path, key, message);
        let limits = [
            ("limits.linkedin_free", self.limits.linkedin_free),
            ("limits.linkedin_premium", self.limits.linkedin_premium),
            (
                "limits.linkedin_sales_navigator",
                self.limits.linkedin_sales_navigator,
            ),
            ("limits.viadeo", self.limits.viadeo),
        ];
        for (key, value) in limits {
            if !(1..=10_000).contains(&value) {
                return Err(invalid(
                    key,
                    Localized::new(
                        format!("{value} n’est pas une limite de note : de 1 à 10000 caractères"),
                        format!("{value} is not a note limit: use 1 to 10000 characters"),
                    ),
                ));
            }
        }
        let t = &self.lint;
        if !(t.near_limit > 0.0 && t.near_limit <= 1.0) {
            return Err(invalid(
                "lint.near_limit",
                Localized::new(
                    format!("{} n’est pas une part : de 0.5 à 1.0", t.near_limit),
                    format!("{} is not a share: use 0.5 to 1.0", t.near_limit),
                ),
            ));
        }
        if !(t.self_centered_ratio > 0.0 && t.self_centered_ratio.is_finite()) {
            return Err(invalid(
                "lint.self_centered_ratio",
                Localized::new(
                    "doit être un nombre plus grand que 0",
                    "must be a number more than 0",
                ),
            ));
        }
        if t.long_sentence_words == 0 {
            return Err(invalid(
                "lint.long_sentence_words",
                Localized::new("doit valoir au moins 1", "must be at least 1"),
            ));
        }
        if let Err(e) = self.audience.compile() {
            // At the entry itself when it can be found after its key.
            let at = find_key(text, &e.key).and_then(|k| {
                let value = e.value.as_deref()?;
                let rest = &text[k..];
                let end = rest.find("\n[").unwrap_or(rest.len());
                [format!("\"{value}\""), format!("'{value}'")]
                    .iter()
                    .find_map(|q| rest[..end].find(q.as_str()))
                    .map(|i| k + i)
            });
            if let Some(offset) = at {
                let mut located = Located::at(text, offset, e.message);
                located.key = Some(e.key.clone());
                return Err(ConfigError::Invalid {
                    path: path.to_path_buf(),
                    at: Box::new(located),
                });
            }
            return Err(invalid(&e.key, e.message));
        }
        if t.repeated_text_people < 2 {
            return Err(invalid(
                "lint.repeated_text_people",
                Localized::new(
                    "doit valoir au moins 2 personnes",
                    "must be at least 2 people",
                ),
            ));
        }
        if !(t.repeated_text_similarity > 0.0 && t.repeated_text_similarity <= 1.0) {
            return Err(invalid(
                "lint.repeated_text_similarity",
                Localized::new(
                    format!(
                        "{} n’est pas une similarité : de 0.1 à 1.0",
                        t.repeated_text_similarity
                    ),
                    format!(
                        "{} is not a similarity: use 0.1 to 1.0",
                        t.repeated_text_similarity
                    ),
                ),
            ));
        }
        if !(1..=3650).contains(&self.outcomes.ignored_after_days) {
            return Err(invalid(
                "outcomes.ignored_after_days",
                Localized::new("doit valoir de 1 à 3650 jours", "must be 1 to 3650 days"),
            ));
        }
        if self.weekly_budget == 0 {
            return Err(invalid(
                "weekly_budget",
                Localized::new(
                    "doit valoir au moins 1 note par semaine",
                    "must be at least 1 note a week",
                ),
            ));
        }
        for (key, dir) in [
            ("drafts_dir", &self.drafts_dir),
            ("templates_dir", &self.templates_dir),
        ] {
            let Some(dir) = dir else { continue };
            if dir.as_os_str().is_empty() {
                return Err(invalid(
                    key,
                    Localized::new(
                        "est vide : donnez un dossier, ou retirez la clé pour le dossier par défaut",
                        "is empty: give a folder, or leave the key out for the default",
                    ),
                ));
            }
            if matches!(dir.to_str(), Some("~" | "~/" | "/")) {
                return Err(invalid(
                    key,
                    Localized::new(
                        format!(
                            "`{}` n’est pas un dossier à part : donnez un sous-dossier, comme `~/poignee/{}`",
                            dir.display(),
                            key.trim_end_matches("_dir")
                        ),
                        format!(
                            "`{}` is not a folder of its own: give a subfolder, such as `~/poignee/{}`",
                            dir.display(),
                            key.trim_end_matches("_dir")
                        ),
                    ),
                ));
            }
        }
        for (lang, lists) in &self.words {
            for (category, phrases) in lists {
                if phrases
                    .iter()
                    .any(|p| p.trim().trim_end_matches('*').trim().is_empty())
                {
                    return Err(invalid(
                        &format!("words.{}.{}", lang.code(), category.name()),
                        Localized::new(
                            "contient une expression vide : retirez-la",
                            "holds an empty phrase: remove it",
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Reads the config at `path`, or at the default place when `None` (a
    /// missing default config means defaults; a missing `--config` is an error).
    /// Returns the config and the file it came from.
    pub fn load(path: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok((Config::default(), None)),
            },
        };
        match crate::input::read_text(&path, crate::input::MAX_BYTES) {
            Ok(text) => Ok((Config::parse(&text, &path)?, Some(path))),
            Err(crate::input::InputError::Read(crate::input::ReadError::NotFound)) if !required => {
                Ok((Config::default(), None))
            }
            Err(error) => Err(ConfigError::Read { path, error }),
        }
    }

    /// The engine, set up as this config says.
    pub fn linter(&self, path: &Path) -> Result<Linter, ConfigError> {
        let has_extra = self
            .words
            .values()
            .any(|m| m.values().any(|v| !v.is_empty()));
        let lexicon = if has_extra {
            Arc::new(Lexicon::new(&self.words).map_err(|e| ConfigError::Words {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?)
        } else {
            Lexicon::shipped()
        };
        let mut linter = Linter::with_lexicon(lexicon);
        for (&rule, &level) in &self.rules {
            linter.set_level(rule, level);
        }
        linter.limits = self.limits;
        linter.thresholds = self.lint;
        linter.audience = self.audience.compile().map_err(|e| ConfigError::Audience {
            path: path.to_path_buf(),
            message: e.message,
        })?;
        linter.fallback_lang = self.lang.unwrap_or(Lang::Fr);
        Ok(linter)
    }

    /// The settings of the checks across drafts.
    pub fn cross_settings(&self) -> crate::crossdraft::Settings {
        crate::crossdraft::Settings {
            repeated_people: self.lint.repeated_text_people,
            repeated_similarity: f64::from(self.lint.repeated_text_similarity),
            weekly_budget: self.weekly_budget,
            free_monthly_notes: self.limits.linkedin_free_notes_per_month,
        }
    }

    /// Where saved drafts go.
    pub fn drafts_dir(&self) -> Option<PathBuf> {
        self.drafts_dir
            .as_deref()
            .map(|d| self.resolve(d))
            .or_else(|| dirs().map(|d| d.data_dir().join("drafts")))
    }

    /// Where the note being edited is kept until it is saved.
    pub fn recovery_path(&self) -> Option<PathBuf> {
        dirs().map(|d| d.data_dir().join("recovery.md"))
    }

    /// Where the user's own templates live.
    pub fn templates_dir(&self) -> Option<PathBuf> {
        self.templates_dir
            .as_deref()
            .map(|d| self.resolve(d))
            .or_else(|| dirs().map(|d| d.data_dir().join("templates")))
    }
}

impl Config {
    /// `~/x` from the home folder, a relative folder from the config's.
    fn resolve(&self, dir: &Path) -> PathBuf {
        let dir = expand_home(dir);
        match &self.base {
            Some(base) if dir.is_relative() => base.join(dir),
            _ => dir,
        }
    }
}

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "poignee")
}

/// `~/.config/poignee/config.toml` on Linux (`$XDG_CONFIG_HOME` honoured),
/// the platform's config folder elsewhere.
pub fn default_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// `~/drafts` → `/home/me/drafts`.
pub fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(base)) => base.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}

/// The offset of `table.key` (or `key`) in a TOML text, to point an error at it.
fn find_key(text: &str, dotted: &str) -> Option<usize> {
    let (table, key) = match dotted.rsplit_once('.') {
        Some((t, k)) => (Some(t), k),
        None => (None, dotted),
    };
    let mut in_table = table.is_none();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_table =
                table.is_some_and(|t| trimmed.trim_matches(|c| c == '[' || c == ']').trim() == t);
        } else if in_table
            && trimmed
                .split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        {
            return Some(offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Category;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("config.toml"))
    }

    #[test]
    fn the_example_config_is_valid_and_complete() {
        let c = parse(EXAMPLE).expect("the example parses");
        assert!(!c.audience.regions.is_empty());
        assert!(
            c.words
                .get(&Lang::Fr)
                .is_some_and(|m| m.contains_key(&Category::SalesPitch))
        );
        // Every top-level key of Config is documented in the example.
        let keys = toml::to_string(&Config::default()).unwrap_or_default();
        for line in keys.lines().filter(|l| l.contains(" = ")) {
            let key = line.split(" = ").next().unwrap_or("");
            assert!(
                EXAMPLE.contains(&format!("{key} =")),
                "config.example.toml lacks `{key}`"
            );
        }
    }

    #[test]
    fn init_writes_the_true_defaults_with_the_examples_commented() {
        let text = init_text();
        let c = parse(&text).expect("parses");
        assert_eq!(c, Config::default());
        assert!(text.contains("# lang = \"fr\""), "{text}");
        assert!(text.contains("# regions = [\"Île-de-France\""), "{text}");
        assert!(
            text.contains("# sales-pitch = [\"audit offert\"]"),
            "{text}"
        );
        // Taking the `# ` off gives the example back.
        let uncommented: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains(" = "))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(uncommented.contains("lang = \"fr\"\n"));
    }

    #[test]
    fn unknown_key_has_line_column_and_hint() {
        let err =
            parse("platform = \"viadeo\"\n[audience]\nregoins = [\"IDF\"]\n").expect_err("fails");
        let msg = err.to_string();
        assert!(
            msg.starts_with("config.toml:3:1: key `audience.regoins`"),
            "{msg}"
        );
        assert!(msg.contains("did you mean `regions`?"), "{msg}");
    }

    #[test]
    fn bad_values_name_the_key() {
        let msg = parse("[rules]\nsales-pitch = \"loud\"\n")
            .expect_err("fails")
            .to_string();
        assert!(
            msg.contains("config.toml:2:15") && msg.contains("rules.sales-pitch"),
            "{msg}"
        );
        let msg = parse("[rules]\nsales-pich = \"off\"\n")
            .expect_err("fails")
            .to_string();
        assert!(msg.contains("did you mean `sales-pitch`?"), "{msg}");
        let msg = parse("[limits]\nviadeo = 0\n")
            .expect_err("fails")
            .to_string();
        assert!(
            msg.contains("config.toml:2:1: key `limits.viadeo`"),
            "{msg}"
        );
        let msg = parse("[words.fr]\nsales = [\"x\"]\n")
            .expect_err("fails")
            .to_string();
        assert!(msg.contains("did you mean `sales-pitch`?"), "{msg}");
    }

    #[test]
    fn outcomes_have_a_default_and_a_checked_value() {
        assert_eq!(Config::default().outcomes.ignored_after_days, 30);
        assert!(init_text().contains("\nignored_after_days = 30\n"));
        let c = parse("[outcomes]\nignored_after_days = 45\n").expect("parses");
        assert_eq!(c.outcomes.ignored_after_days, 45);
        let msg = parse("[outcomes]\nignored_after_days = 0\n")
            .expect_err("fails")
            .to_string();
        assert!(
            msg.contains("config.toml:2:1: key `outcomes.ignored_after_days`"),
            "{msg}"
        );
        let msg = parse("[outcomes]\nignored_after = 10\n")
            .expect_err("fails")
            .to_string();
        assert!(msg.contains("did you mean `ignored_after_days`?"), "{msg}");
    }

    #[test]
    fn config_sets_the_linter() {
        let c = parse("[rules]\nno-thanks = \"off\"\nhype = \"error\"\n").expect("parses");
        let l = c.linter(Path::new("c")).expect("builds");
        assert_eq!(l.severity(RuleId::NoThanks), None);
        assert_eq!(l.severity(RuleId::Hype), Some(crate::Severity::Error));
    }
}
