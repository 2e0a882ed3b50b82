//! One table of key bindings: it drives the keys, the footer hints and the
//! help overlay, and the config's `[keys]` table overrides it.

use crate::lang::{Lang, Text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// What a bound key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Approve,
    Templates,
    Drafts,
    Compose,
    Help,
    Quit,
    NewNote,
    NextFocus,
    PrevFocus,
    NextProblem,
    PrevProblem,
    Undo,
    Redo,
    SelectAll,
    Copy,
    Cut,
    Paste,
    DeleteWord,
    DeleteDraft,
    Recheck,
    Redraw,
    Save,
    DeleteWordForward,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    Editor,
    Drafts,
}

pub struct Binding {
    pub action: Action,
    /// The name in the config's `[keys]` table.
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub scope: Scope,
    pub what: Text,
    /// Shown in the footer.
    pub hint: Option<Text>,
}

const fn b(
    action: Action,
    name: &'static str,
    keys: &'static [&'static str],
    scope: Scope,
    what: Text,
    hint: Option<Text>,
) -> Binding {
    Binding {
        action,
        name,
        keys,
        scope,
        what,
        hint,
    }
}

/// The defaults.
pub const BINDINGS: &[Binding] = &[
    b(
        Action::Help,
        "help",
        &["f1"],
        Scope::Everywhere,
        Text::new(
            "aide : toutes les touches (aussi « ? » hors de l'éditeur)",
            "help: every key (also “?” outside the editor)",
        ),
        Some(Text::new("aide", "help")),
    ),
    b(
        Action::Approve,
        "approve",
        &["ctrl-s"],
        Scope::Everywhere,
        Text::new(
            "approuver, enregistrer et copier la note",
            "approve, save and copy the note",
        ),
        Some(Text::new("approuver", "approve")),
    ),
    b(
        Action::Save,
        "save",
        &["alt-s", "f5"],
        Scope::Everywhere,
        Text::new(
            "enregistrer comme brouillon, sans approuver ni copier",
            "save as a draft, without approving or copying",
        ),
        None,
    ),
    b(
        Action::Templates,
        "templates",
        &["ctrl-t", "f3"],
        Scope::Everywhere,
        Text::new("écran des modèles", "templates screen"),
        Some(Text::new("modèles", "templates")),
    ),
    b(
        Action::Drafts,
        "drafts",
        &["ctrl-o", "f4"],
        Scope::Everywhere,
        Text::new("écran des brouillons enregistrés", "saved drafts screen"),
        Some(Text::new("brouillons", "drafts")),
    ),
    b(
        Action::Compose,
        "compose",
        &["f2"],
        Scope::Everywhere,
        Text::new("écran de rédaction", "compose screen"),
        None,
    ),
    b(
        Action::Quit,
        "quit",
        &["ctrl-q"],
        Scope::Everywhere,
        Text::new(
            "quitter (demande si le texte n'est pas enregistré)",
            "quit (asks when the text is not saved)",
        ),
        Some(Text::new("quitter", "quit")),
    ),
    b(
        Action::NewNote,
        "new-note",
        &["ctrl-n"],
        Scope::Everywhere,
        Text::new(
            "nouvelle note (demande si le texte n'est pas enregistré)",
            "new note (asks when the text is not saved)",
        ),
        None,
    ),
    b(
        Action::Redraw,
        "redraw",
        &["ctrl-l"],
        Scope::Everywhere,
        Text::new(
            "redessiner l'écran (s'il reste des traces)",
            "redraw the screen (if anything is left over)",
        ),
        None,
    ),
    b(
        Action::NextFocus,
        "next-focus",
        &["tab"],
        Scope::Everywhere,
        Text::new(
            "zone suivante : cible, note, vérifications",
            "next area: target, note, checks",
        ),
        None,
    ),
    b(
        Action::PrevFocus,
        "prev-focus",
        &["shift-tab"],
        Scope::Everywhere,
        Text::new("zone précédente", "previous area"),
        None,
    ),
    b(
        Action::NextProblem,
        "next-problem",
        &["f8", "alt-down"],
        Scope::Everywhere,
        Text::new(
            "problème suivant : y aller et l'expliquer",
            "next problem: go to it and explain it",
        ),
        None,
    ),
    b(
        Action::PrevProblem,
        "prev-problem",
        &["shift-f8", "alt-up"],
        Scope::Everywhere,
        Text::new("problème précédent", "previous problem"),
        None,
    ),
    b(
        Action::Undo,
        "undo",
        &["ctrl-z"],
        Scope::Editor,
        Text::new("annuler", "undo"),
        None,
    ),
    b(
        Action::Redo,
        "redo",
        &["ctrl-y", "ctrl-shift-z"],
        Scope::Editor,
        Text::new("rétablir", "redo"),
        None,
    ),
    b(
        Action::SelectAll,
        "select-all",
        &["ctrl-a"],
        Scope::Editor,
        Text::new("tout sélectionner", "select all"),
        None,
    ),
    b(
        Action::Copy,
        "copy",
        &["ctrl-c"],
        Scope::Editor,
        Text::new("copier la sélection", "copy the selection"),
        None,
    ),
    b(
        Action::Cut,
        "cut",
        &["ctrl-x"],
        Scope::Editor,
        Text::new("couper la sélection", "cut the selection"),
        None,
    ),
    b(
        Action::Paste,
        "paste",
        &["ctrl-v"],
        Scope::Editor,
        Text::new(
            "coller (le collage du terminal marche aussi)",
            "paste (the terminal's paste works too)",
        ),
        None,
    ),
    b(
        Action::DeleteWord,
        "delete-word",
        // Most terminals send Ctrl-Backspace as ^H.
        &["ctrl-w", "ctrl-backspace", "ctrl-h"],
        Scope::Editor,
        Text::new("effacer le mot précédent", "delete the previous word"),
        None,
    ),
    b(
        Action::DeleteWordForward,
        "delete-word-forward",
        &["ctrl-delete", "alt-d"],
        Scope::Editor,
        Text::new("effacer le mot suivant", "delete the next word"),
        None,
    ),
    b(
        Action::DeleteDraft,
        "delete-draft",
        &["delete"],
        Scope::Drafts,
        Text::new(
            "supprimer le brouillon (demande confirmation)",
            "delete the draft (asks first)",
        ),
        None,
    ),
    b(
        Action::Recheck,
        "recheck",
        &["ctrl-r"],
        Scope::Drafts,
        Text::new(
            "relire et revérifier les brouillons",
            "reload and re-check the drafts",
        ),
        None,
    ),
];

/// Keys that are not configurable, for the help overlay.
pub const FIXED: &[(Text, Text)] = &[
    (
        Text::new("← → ↑ ↓", "← → ↑ ↓"),
        Text::new("déplacer le curseur", "move the cursor"),
    ),
    (
        Text::new("Ctrl-← Ctrl-→", "Ctrl-← Ctrl-→"),
        Text::new("mot par mot", "word by word"),
    ),
    (
        Text::new("Maj-flèches", "Shift-arrows"),
        Text::new("sélectionner", "select"),
    ),
    (
        Text::new("Début Fin", "Home End"),
        Text::new("début, fin de ligne", "line start, end"),
    ),
    (
        Text::new("PgPréc PgSuiv", "PgUp PgDn"),
        Text::new(
            "faire défiler l'aide, ou l'explication d'une vérification",
            "scroll the help, or a check's explanation",
        ),
    ),
    (
        Text::new("Entrée", "Enter"),
        Text::new(
            "nouvelle ligne ; dans une liste : ouvrir, appliquer",
            "new line; in a list: open, apply",
        ),
    ),
    (
        Text::new("Échap", "Esc"),
        Text::new("fermer, revenir à la rédaction", "close, back to compose"),
    ),
    (
        Text::new("Espace ← →", "Space ← →"),
        Text::new(
            "changer un choix (relation, plateforme, compte)",
            "change a choice (relationship, platform, account)",
        ),
    ),
];

/// A key as the config writes it: `ctrl-s`, `f1`, `alt-down`, `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let lower = s.trim().to_lowercase();
        let mut mods = KeyModifiers::NONE;
        let mut parts: Vec<&str> = lower.split('-').collect();
        // "ctrl--" would be ctrl and minus: the last part is the key.
        let name = parts.pop()?;
        let name = if name.is_empty() && lower.ends_with('-') {
            "-"
        } else {
            name
        };
        for m in parts.iter().filter(|p| !p.is_empty()) {
            mods |= match *m {
                "ctrl" | "control" | "c" => KeyModifiers::CONTROL,
                "alt" | "meta" | "m" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                _ => return None,
            };
        }
        let code = match name {
            "enter" | "return" => KeyCode::Enter,
            "tab" if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
            _ => return None,
        };
        Some(Key { code, mods })
    }

    /// How a key event reads, normalised as the table writes keys.
    pub fn of(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                // Shift is in the character itself ('?', 'A').
                if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
                    mods.remove(KeyModifiers::SHIFT);
                }
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// "Ctrl-S", "F1", "Alt-↓", as help shows it (in English).
    pub fn label(&self) -> String {
        self.label_in(Lang::En)
    }

    /// The label as a keyboard of that language names the keys: « Maj-Tab »,
    /// « Espace », « Suppr » in French.
    pub fn label_in(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str(if fr { "Maj-" } else { "Shift-" });
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str(if fr { "Espace" } else { "Space" }),
            KeyCode::Char(c) => s.push(c.to_ascii_uppercase()),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::BackTab => s.push_str(if fr { "Maj-Tab" } else { "Shift-Tab" }),
            KeyCode::Delete => s.push_str(if fr { "Suppr" } else { "Del" }),
            KeyCode::Backspace => s.push_str(if fr { "Retour arrière" } else { "Backspace" }),
            KeyCode::Enter => s.push_str(if fr { "Entrée" } else { "Enter" }),
            KeyCode::Esc => s.push_str(if fr { "Échap" } else { "Esc" }),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }

    /// "^S": the footer's short form.
    pub fn short(&self) -> String {
        if self.mods == KeyModifiers::CONTROL {
            if let KeyCode::Char(c) = self.code {
                return format!("^{}", c.to_ascii_uppercase());
            }
        }
        self.label()
    }
}

/// The bindings in force: the defaults, with the config's over them.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: BTreeMap<Action, Vec<Key>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .message.en)]
pub struct KeyError {
    /// `keys.approve`
    pub key: String,
    pub message: crate::lang::Localized,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = BINDINGS
            .iter()
            .map(|b| {
                (
                    b.action,
                    b.keys.iter().filter_map(|k| Key::parse(k)).collect(),
                )
            })
            .collect();
        Keymap { keys }
    }
}

/// The action names `[keys]` takes.
pub fn action_names() -> Vec<&'static str> {
    BINDINGS.iter().map(|b| b.name).collect()
}

impl Keymap {
    /// The defaults with `overrides` (`[keys]` of the config: action name →
    /// keys) over them.
    pub fn with(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeyError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let Some(binding) = BINDINGS.iter().find(|b| b.name == name) else {
                let hint = crate::located::did_you_mean(name, BINDINGS.iter().map(|b| b.name));
                let (fr, en) = match hint {
                    Some(h) => (
                        format!(" : vouliez-vous dire `{h}` ?"),
                        format!(": did you mean `{h}`?"),
                    ),
                    None => Default::default(),
                };
                return Err(KeyError {
                    key: format!("keys.{name}"),
                    message: crate::lang::Localized::new(
                        format!("action inconnue `{name}`{fr}"),
                        format!("unknown action `{name}`{en}"),
                    ),
                });
            };
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(k) {
                    Some(key) => parsed.push(key),
                    None => {
                        return Err(KeyError {
                            key: format!("keys.{name}"),
                            message: crate::lang::Localized::new(
                                format!(
                                    "`{k}` n’est pas une touche : écrivez par exemple \"ctrl-s\", \"f2\", \"alt-down\""
                                ),
                                format!(
                                    "`{k}` is not a key: write e.g. \"ctrl-s\", \"f2\", \"alt-down\""
                                ),
                            ),
                        });
                    }
                }
            }
            map.keys.insert(binding.action, parsed);
        }
        Ok(map)
    }

    /// The action a key does in a scope.
    pub fn action(&self, key: Key, scope: Scope) -> Option<Action> {
        BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::Everywhere || b.scope == scope)
            .find(|b| self.keys.get(&b.action).is_some_and(|ks| ks.contains(&key)))
            .map(|b| b.action)
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Footer hints: "^S approve  ^T templates  F1 help".
    pub fn hints(&self, lang: Lang) -> Vec<(String, String)> {
        self.hinted(lang)
            .into_iter()
            .map(|(_, key, what)| (key, what))
            .collect()
    }

    /// The footer hints with the action each is for.
    pub fn hinted(&self, lang: Lang) -> Vec<(Action, String, String)> {
        BINDINGS
            .iter()
            .filter_map(|b| {
                let hint = b.hint?;
                let key = self.keys(b.action).first()?;
                Some((b.action, key.short(), hint.get(lang).into_owned()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn defaults_parse_and_resolve() {
        for b in BINDINGS {
            for k in b.keys {
                assert!(Key::parse(k).is_some(), "{k}");
            }
        }
        // Labels as each keyboard names the keys.
        let redo = Key::parse("ctrl-shift-z").map(|k| (k.label_in(Lang::Fr), k.label_in(Lang::En)));
        assert_eq!(redo, Some(("Ctrl-Maj-Z".into(), "Ctrl-Shift-Z".into())));
        let del = Key::parse("ctrl-delete").map(|k| k.label_in(Lang::Fr));
        assert_eq!(del.as_deref(), Some("Ctrl-Suppr"));
        let map = Keymap::default();
        let ctrl_s = Key::of(&ev(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(map.action(ctrl_s, Scope::Editor), Some(Action::Approve));
        let back = Key::of(&ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(map.action(back, Scope::Editor), Some(Action::PrevFocus));
        let del = Key::of(&ev(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(map.action(del, Scope::Editor), None);
        assert_eq!(map.action(del, Scope::Drafts), Some(Action::DeleteDraft));
        assert_eq!(ctrl_s.short(), "^S");
        assert_eq!(
            Key::parse("alt-down").map(|k| k.label()).as_deref(),
            Some("Alt-↓")
        );
    }

    #[test]
    fn the_config_overrides_and_is_checked() {
        let mut o = BTreeMap::new();
        o.insert("approve".to_string(), vec!["f10".to_string()]);
        let map = Keymap::with(&o).expect("valid");
        let f10 = Key::parse("f10").expect("key");
        assert_eq!(map.action(f10, Scope::Editor), Some(Action::Approve));
        assert_eq!(
            map.hints(Lang::En)[1],
            ("F10".to_string(), "approve".to_string())
        );
        o.insert("aprove".to_string(), vec!["f9".to_string()]);
        let e = Keymap::with(&o).expect_err("unknown action");
        assert!(
            e.message.en.contains("did you mean `approve`"),
            "{:?}",
            e.message
        );
        let mut o = BTreeMap::new();
        o.insert("quit".to_string(), vec!["hyper-q".to_string()]);
        assert!(Keymap::with(&o).is_err());
    }
}
