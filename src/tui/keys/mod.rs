//! One table for every key: the global actions, moving and editing, the
//! lists and the dialogs. It drives what a key does, the footer, the hints
//! under each pane, the help overlay and every key named in a message; the
//! config's `[keys]` table (action name → keys) overrides it, so rebinding
//! approve to F10 changes every mention.
//!
//! The table is in `table.rs`; here, a key as the config writes it and
//! reads it, and the bindings in force.

mod table;

pub use table::{Action, BINDINGS, Binding, Scope};

use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::located::did_you_mean;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use strum::VariantNames;

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
            KeyCode::Tab => s.push_str("Tab"),
            KeyCode::Home => s.push_str(if fr { "Début" } else { "Home" }),
            KeyCode::End => s.push_str(if fr { "Fin" } else { "End" }),
            KeyCode::PageUp => s.push_str(if fr { "PgPréc" } else { "PgUp" }),
            KeyCode::PageDown => s.push_str(if fr { "PgSuiv" } else { "PgDn" }),
            KeyCode::Insert => s.push_str(if fr { "Inser" } else { "Ins" }),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }

    /// "^S": the footer's short form.
    pub fn short(&self, lang: Lang) -> String {
        if self.mods == KeyModifiers::CONTROL {
            if let KeyCode::Char(c) = self.code {
                return format!("^{}", c.to_ascii_uppercase());
            }
        }
        self.label_in(lang)
    }

    /// Ctrl-Shift on a character: only a terminal speaking the kitty
    /// keyboard protocol tells it from Ctrl alone.
    pub fn needs_enhancement(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && self
                .mods
                .contains(KeyModifiers::CONTROL | KeyModifiers::SHIFT)
    }

    /// A printable character with no Ctrl or Alt: in text, it is typed.
    pub fn is_typed(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

/// The bindings in force: the defaults for the interface's language, with
/// the config's over them.
#[derive(Debug, Clone)]
pub struct Keymap {
    lang: Lang,
    keys: BTreeMap<Action, Vec<Key>>,
}

/// A `[keys]` entry that is not an action or not a key: `key` is its place
/// in the config (`keys.approve`), for the error's line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .message.en)]
pub struct KeyError {
    pub key: String,
    pub message: Localized,
}

impl Localize for KeyError {
    fn message(&self) -> Localized {
        self.message.clone()
    }
}

impl Keymap {
    /// The defaults, as a keyboard of `lang` reads them.
    pub fn defaults(lang: Lang) -> Keymap {
        let keys = BINDINGS
            .iter()
            .map(|b| {
                let keys = match (lang, b.keys_fr) {
                    (Lang::Fr, Some(fr)) => fr,
                    _ => b.keys,
                };
                (
                    b.action,
                    keys.iter().filter_map(|k| Key::parse(k)).collect(),
                )
            })
            .collect();
        Keymap { lang, keys }
    }

    /// The defaults with `overrides` (`[keys]` of the config: action name →
    /// keys) over them; the first entry that is not an action or a key is
    /// the error, with the closest action name.
    pub fn with(lang: Lang, overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeyError> {
        let mut map = Keymap::defaults(lang);
        for (name, keys) in overrides {
            let error = |message| KeyError {
                key: format!("keys.{name}"),
                message,
            };
            let Some(action) = Action::named(name) else {
                let (fr, en) = match did_you_mean(name, Action::VARIANTS.iter().copied()) {
                    Some(h) => (
                        format!(" : vouliez-vous dire `{h}` ?"),
                        format!(": did you mean `{h}`?"),
                    ),
                    None => Default::default(),
                };
                return Err(error(Localized::new(
                    format!("action inconnue `{name}`{fr}"),
                    format!("unknown action `{name}`{en}"),
                )));
            };
            let mut parsed = Vec::new();
            for k in keys {
                let Some(key) = Key::parse(k) else {
                    return Err(error(Localized::new(
                        format!(
                            "`{k}` n’est pas une touche : écrivez par exemple \"ctrl-s\", \"f2\", \"alt-down\""
                        ),
                        format!("`{k}` is not a key: write e.g. \"ctrl-s\", \"f2\", \"alt-down\""),
                    )));
                };
                parsed.push(key);
            }
            map.keys.insert(action, parsed);
        }
        map.conflicts(overrides)?;
        Ok(map)
    }

    /// A key of an overridden action that another action takes where both
    /// work (the same place, or one of them everywhere): said, since one of
    /// the two would never be reached.
    fn conflicts(&self, overrides: &BTreeMap<String, Vec<String>>) -> Result<(), KeyError> {
        let meet = |a: Scope, b: Scope| a == b || a == Scope::Everywhere || b == Scope::Everywhere;
        for name in overrides.keys() {
            let Some(action) = Action::named(name) else {
                continue;
            };
            for key in self.keys(action) {
                let other = BINDINGS.iter().find(|b| {
                    b.action != action
                        && meet(b.scope, action.scope())
                        && self.keys(b.action).contains(key)
                });
                if let Some(other) = other {
                    let (k, o) = (key.label_in(self.lang), other.action.name());
                    return Err(KeyError {
                        key: format!("keys.{name}"),
                        message: Localized::new(
                            format!(
                                "{k} fait déjà `{o}` : changez l’une des deux touches dans [keys]"
                            ),
                            format!("{k} already does `{o}`: change one of the two in [keys]"),
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// The action `key` does where `scopes` apply, the first scope first.
    /// With Shift held, a move that has no binding of its own is found
    /// without it (Shift-→ selects as → moves): the flag says so.
    pub fn action(&self, key: Key, scopes: &[Scope]) -> Option<(Action, bool)> {
        let find = |key: Key| {
            scopes.iter().find_map(|&scope| {
                BINDINGS
                    .iter()
                    .filter(|b| b.scope == scope)
                    .find(|b| self.keys(b.action).contains(&key))
                    .map(|b| b.action)
            })
        };
        if let Some(a) = find(key) {
            return Some((a, false));
        }
        if key.mods.contains(KeyModifiers::SHIFT) {
            let mut plain = key;
            plain.mods.remove(KeyModifiers::SHIFT);
            return find(plain)
                .filter(|a| a.scope() == Scope::Moving)
                .map(|a| (a, true));
        }
        None
    }

    /// Leaves out the keys a terminal without the kitty keyboard protocol
    /// never sends: Ctrl with Shift on a letter arrives as Ctrl alone
    /// (Ctrl-Maj-Z is Ctrl-Z there), so it is neither listed nor bound.
    pub fn without_enhanced_keys(&mut self) {
        for keys in self.keys.values_mut() {
            keys.retain(|k| !k.needs_enhancement());
        }
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first key of an action as the interface names it: "Ctrl-S",
    /// « Entrée »; "—" when it was unbound.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map_or_else(|| "—".to_string(), |k| k.label_in(self.lang))
    }

    /// The short form for the footer: "^S".
    pub fn short(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map_or_else(|| "—".to_string(), |k| k.short(self.lang))
    }

    /// "↑↓" for two arrows, "Ctrl-P/Ctrl-N" otherwise.
    pub fn pair(&self, a: Action, b: Action) -> String {
        let (a, b) = (self.short(a), self.short(b));
        if a.chars().count() == 1 && b.chars().count() == 1 {
            format!("{a}{b}")
        } else {
            format!("{a}/{b}")
        }
    }

    /// "F8 : problème suivant · Tab : vérifications": hints of keys and
    /// what they do here, from the table.
    pub fn hint(&self, items: &[(String, Text)]) -> String {
        let sep = match self.lang {
            Lang::Fr => " : ",
            Lang::En => ": ",
        };
        items
            .iter()
            .map(|(k, what)| format!("{k}{sep}{}", what.get(self.lang)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The footer: the main actions, with their short key and word.
    pub fn footer(&self) -> Vec<(Action, String, String)> {
        BINDINGS
            .iter()
            .filter_map(|b| {
                let hint = b.hint?;
                self.keys(b.action).first()?;
                Some((
                    b.action,
                    self.short(b.action),
                    hint.get(self.lang).into_owned(),
                ))
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
    fn every_action_has_one_binding_and_its_keys_parse() {
        let names = Action::VARIANTS.to_vec();
        assert_eq!(names.len(), BINDINGS.len());
        for name in names {
            let action = Action::named(name).expect("a name is an action");
            assert_eq!(action.name(), name);
            assert_eq!(
                BINDINGS.iter().filter(|b| b.action == action).count(),
                1,
                "{name}"
            );
        }
        for b in BINDINGS {
            for k in b.keys.iter().chain(b.keys_fr.unwrap_or(&[])) {
                assert!(Key::parse(k).is_some(), "{k}");
            }
        }
    }

    #[test]
    fn defaults_resolve_by_scope_and_language() {
        let redo = Key::parse("ctrl-shift-z").map(|k| (k.label_in(Lang::Fr), k.label_in(Lang::En)));
        assert_eq!(redo, Some(("Ctrl-Maj-Z".into(), "Ctrl-Shift-Z".into())));
        assert_eq!(
            Key::parse("ctrl-delete")
                .map(|k| k.label_in(Lang::Fr))
                .as_deref(),
            Some("Ctrl-Suppr")
        );
        let map = Keymap::defaults(Lang::Fr);
        let ctrl_s = Key::of(&ev(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(
            map.action(ctrl_s, &[Scope::Everywhere]),
            Some((Action::Approve, false))
        );
        let back = Key::of(&ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(
            map.action(back, &[Scope::Everywhere]),
            Some((Action::PrevFocus, false))
        );
        // Del deletes a character in text, a draft in the drafts list.
        let del = Key::of(&ev(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(
            map.action(del, &[Scope::Text]),
            Some((Action::DeleteChar, false))
        );
        assert_eq!(
            map.action(del, &[Scope::Drafts]),
            Some((Action::DeleteDraft, false))
        );
        // Shift-→ is → that selects.
        let sel = Key::of(&ev(KeyCode::Right, KeyModifiers::SHIFT));
        assert_eq!(
            map.action(sel, &[Scope::Moving]),
            Some((Action::Right, true))
        );
        // [O]ui in French, [Y]es in English.
        let o = Key::of(&ev(KeyCode::Char('o'), KeyModifiers::NONE));
        assert_eq!(map.action(o, &[Scope::Dialog]), Some((Action::Yes, false)));
        assert_eq!(Keymap::defaults(Lang::En).action(o, &[Scope::Dialog]), None);
        assert_eq!(map.short(Action::Approve), "^S");
        assert_eq!(map.label(Action::Confirm), "Entrée");
        assert_eq!(map.pair(Action::Up, Action::Down), "↑↓");
        assert_eq!(
            Key::parse("alt-down")
                .map(|k| k.label_in(Lang::En))
                .as_deref(),
            Some("Alt-↓")
        );
    }

    #[test]
    fn the_config_overrides_and_is_checked() {
        let mut o = BTreeMap::new();
        o.insert("approve".to_string(), vec!["f10".to_string()]);
        let map = Keymap::with(Lang::En, &o).expect("valid");
        let f10 = Key::parse("f10").expect("key");
        assert_eq!(
            map.action(f10, &[Scope::Everywhere]),
            Some((Action::Approve, false))
        );
        assert_eq!(map.footer()[0].1, "F10");
        assert_eq!(map.label(Action::Approve), "F10");
        o.insert("aprove".to_string(), vec!["f9".to_string()]);
        let e = Keymap::with(Lang::En, &o).expect_err("unknown action");
        assert_eq!(e.key, "keys.aprove");
        assert!(
            e.message.en.contains("did you mean `approve`"),
            "{:?}",
            e.message
        );
        let mut o = BTreeMap::new();
        o.insert("quit".to_string(), vec!["hyper-q".to_string()]);
        assert!(Keymap::with(Lang::Fr, &o).is_err());
        // A key another action takes where both work is refused.
        let mut o = BTreeMap::new();
        o.insert("save".to_string(), vec!["f6".to_string()]);
        let e = Keymap::with(Lang::En, &o).expect_err("F6 is the outcomes screen");
        assert!(
            e.message.en.contains("F6 already does `stats`"),
            "{:?}",
            e.message
        );
        // In different places, the same key is fine (Del: a character, a draft).
        let mut o = BTreeMap::new();
        o.insert("delete-draft".to_string(), vec!["delete".to_string()]);
        assert!(Keymap::with(Lang::En, &o).is_ok());
    }
}
