//! One table for every key: the global actions, moving and editing, the
//! lists and the dialogs. It drives what a key does, the footer, the hints
//! under each pane, the help overlay and every key named in a message; the
//! config's `[keys]` table (action name → keys) overrides it, so rebinding
//! approve to F10 changes every mention.

use poignee::lang::{Lang, Localize, Localized, Text};
use poignee::located::did_you_mean;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use strum::VariantNames;

/// What a key does. The names are the config's: `approve = ["f10"]`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    Help,
    Approve,
    Save,
    Templates,
    Drafts,
    Compose,
    Quit,
    NewNote,
    Redraw,
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
    Backspace,
    DeleteChar,
    DeleteWord,
    DeleteWordForward,
    Up,
    Down,
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Confirm,
    Back,
    Change,
    DeleteDraft,
    Filter,
    Recheck,
    ToggleImported,
    Stats,
    MarkSent,
    Restore,
    MarkAccepted,
    MarkIgnored,
    MarkDeclined,
    /// Delete the recovered texts set aside long ago.
    CleanAside,
    Yes,
    KeepDraft,
    No,
}

/// Where a binding works, and the help's groups (in the order of the variants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Scope {
    Everywhere,
    /// In the note and the form's text fields (and the templates filter).
    Text,
    /// Moving and choosing: in text, in lists, in the form.
    Moving,
    Drafts,
    Dialog,
}

impl Scope {
    pub fn title(self) -> Text {
        match self {
            Scope::Everywhere => Text::new("Partout", "Everywhere"),
            Scope::Text => Text::new("En écrivant", "While writing"),
            Scope::Moving => Text::new("Se déplacer, choisir", "Moving, choosing"),
            Scope::Drafts => Text::new("Écran des brouillons", "Drafts screen"),
            Scope::Dialog => Text::new("Questions", "Questions"),
        }
    }
}

pub struct Binding {
    pub action: Action,
    pub keys: &'static [&'static str],
    /// The French keyboard's keys, where they differ ([O]ui, not [Y]es).
    pub keys_fr: Option<&'static [&'static str]>,
    pub scope: Scope,
    pub what: Text,
    /// Its word in the footer, for the main actions.
    pub hint: Option<Text>,
}

const fn b(action: Action, keys: &'static [&'static str], scope: Scope, what: Text) -> Binding {
    Binding {
        action,
        keys,
        keys_fr: None,
        scope,
        what,
        hint: None,
    }
}

const fn main(action: Action, keys: &'static [&'static str], what: Text, hint: Text) -> Binding {
    Binding {
        action,
        keys,
        keys_fr: None,
        scope: Scope::Everywhere,
        what,
        hint: Some(hint),
    }
}

use Action as A;
use Scope as S;

/// The defaults, in the help's order.
pub const BINDINGS: &[Binding] = &[
    main(
        A::Approve,
        &["ctrl-s"],
        Text::new(
            "approuver, enregistrer et copier la note",
            "approve, save and copy the note",
        ),
        Text::new("approuver", "approve"),
    ),
    main(
        A::Save,
        &["alt-s", "f5"],
        Text::new(
            "enregistrer comme brouillon, sans approuver ni copier",
            "save as a draft, without approving or copying",
        ),
        Text::new("garder", "save"),
    ),
    main(
        A::Templates,
        &["ctrl-t", "f3"],
        Text::new("écran des modèles", "templates screen"),
        Text::new("modèles", "templates"),
    ),
    main(
        A::Drafts,
        &["ctrl-o", "f4"],
        Text::new(
            "écran des brouillons enregistrés : les ouvrir, les supprimer",
            "saved drafts screen: open, delete",
        ),
        Text::new("ouvrir", "drafts"),
    ),
    main(
        A::NewNote,
        &["ctrl-n"],
        Text::new(
            "nouvelle note (demande si le texte n'est pas enregistré)",
            "new note (asks when the text is not saved)",
        ),
        Text::new("nouvelle", "new"),
    ),
    main(
        A::Quit,
        &["ctrl-q"],
        Text::new(
            "quitter (demande si le texte n'est pas enregistré)",
            "quit (asks when the text is not saved)",
        ),
        Text::new("quitter", "quit"),
    ),
    main(
        A::Help,
        &["f1", "?"],
        Text::new(
            "aide : toutes les touches (un caractère seul marche hors du texte)",
            "help: every key (a plain character works outside text)",
        ),
        Text::new("aide", "help"),
    ),
    b(
        A::Stats,
        &["f6"],
        S::Everywhere,
        Text::new(
            "écran des résultats : envoyées, acceptées, par semaine et par modèle",
            "outcomes screen: sent, accepted, by week and by template",
        ),
    ),
    b(
        A::MarkSent,
        &["f9"],
        S::Everywhere,
        Text::new(
            "marquer comme envoyée aujourd'hui (la note approuvée, ou le brouillon choisi)",
            "mark as sent today (the note just approved, or the draft chosen)",
        ),
    ),
    b(
        A::Restore,
        &["ctrl-r"],
        S::Text,
        Text::new(
            "reprendre le texte retrouvé au démarrage (la note d'une session interrompue)",
            "restore the text found at start (the note of a session cut short)",
        ),
    ),
    b(
        A::Compose,
        &["f2"],
        S::Everywhere,
        Text::new("écran de rédaction", "compose screen"),
    ),
    b(
        A::NextFocus,
        &["tab"],
        S::Everywhere,
        Text::new(
            "zone suivante : cible, note, vérifications",
            "next area: target, note, checks",
        ),
    ),
    b(
        A::PrevFocus,
        &["shift-tab"],
        S::Everywhere,
        Text::new("zone précédente", "previous area"),
    ),
    b(
        A::NextProblem,
        &["f8", "alt-down"],
        S::Everywhere,
        Text::new(
            "problème suivant : y aller et l'expliquer",
            "next problem: go to it and explain it",
        ),
    ),
    b(
        A::PrevProblem,
        &["shift-f8", "alt-up"],
        S::Everywhere,
        Text::new("problème précédent", "previous problem"),
    ),
    b(
        A::Redraw,
        &["ctrl-l"],
        S::Everywhere,
        Text::new(
            "redessiner l'écran (s'il reste des traces)",
            "redraw the screen (if anything is left over)",
        ),
    ),
    b(A::Undo, &["ctrl-z"], S::Text, Text::new("annuler", "undo")),
    b(
        A::Redo,
        &["ctrl-y", "ctrl-shift-z"],
        S::Text,
        Text::new("rétablir", "redo"),
    ),
    b(
        A::SelectAll,
        &["ctrl-a"],
        S::Text,
        Text::new("tout sélectionner", "select all"),
    ),
    b(
        A::Copy,
        &["ctrl-c"],
        S::Text,
        Text::new("copier la sélection", "copy the selection"),
    ),
    b(
        A::Cut,
        &["ctrl-x"],
        S::Text,
        Text::new("couper la sélection", "cut the selection"),
    ),
    b(
        A::Paste,
        &["ctrl-v"],
        S::Text,
        Text::new(
            "coller (le collage du terminal marche aussi)",
            "paste (the terminal's paste works too)",
        ),
    ),
    b(
        A::Backspace,
        &["backspace"],
        S::Text,
        Text::new(
            "effacer le caractère précédent",
            "delete the previous character",
        ),
    ),
    b(
        A::DeleteChar,
        &["delete"],
        S::Text,
        Text::new("effacer le caractère suivant", "delete the next character"),
    ),
    b(
        A::DeleteWord,
        // Most terminals send Ctrl-Backspace as ^H.
        &["ctrl-w", "ctrl-backspace", "ctrl-h", "alt-backspace"],
        S::Text,
        Text::new("effacer le mot précédent", "delete the previous word"),
    ),
    b(
        A::DeleteWordForward,
        &["ctrl-delete", "alt-d"],
        S::Text,
        Text::new("effacer le mot suivant", "delete the next word"),
    ),
    b(
        A::Up,
        &["up"],
        S::Moving,
        Text::new(
            "ligne, champ ou élément précédent",
            "previous line, field or item",
        ),
    ),
    b(
        A::Down,
        &["down"],
        S::Moving,
        Text::new(
            "ligne, champ ou élément suivant",
            "next line, field or item",
        ),
    ),
    b(
        A::Left,
        &["left"],
        S::Moving,
        Text::new(
            "caractère précédent ; dans un choix : valeur précédente",
            "previous character; in a choice: previous value",
        ),
    ),
    b(
        A::Right,
        &["right"],
        S::Moving,
        Text::new(
            "caractère suivant ; dans un choix : valeur suivante",
            "next character; in a choice: next value",
        ),
    ),
    b(
        A::WordLeft,
        &["ctrl-left"],
        S::Moving,
        Text::new("mot précédent", "previous word"),
    ),
    b(
        A::WordRight,
        &["ctrl-right"],
        S::Moving,
        Text::new("mot suivant", "next word"),
    ),
    b(
        A::Home,
        &["home"],
        S::Moving,
        Text::new(
            "début de ligne ; dans une liste : le premier",
            "line start; in a list: the first",
        ),
    ),
    b(
        A::End,
        &["end"],
        S::Moving,
        Text::new(
            "fin de ligne ; dans une liste : le dernier",
            "line end; in a list: the last",
        ),
    ),
    b(
        A::Top,
        &["ctrl-home"],
        S::Moving,
        Text::new("début de la note", "start of the note"),
    ),
    b(
        A::Bottom,
        &["ctrl-end"],
        S::Moving,
        Text::new("fin de la note", "end of the note"),
    ),
    b(
        A::PageUp,
        &["pageup"],
        S::Moving,
        Text::new(
            "page précédente d'une liste, de l'aide ou de l'explication d'une vérification",
            "previous page of a list, the help or a check's explanation",
        ),
    ),
    b(
        A::PageDown,
        &["pagedown"],
        S::Moving,
        Text::new(
            "page suivante d'une liste, de l'aide ou de l'explication d'une vérification",
            "next page of a list, the help or a check's explanation",
        ),
    ),
    b(
        A::Confirm,
        &["enter"],
        S::Moving,
        Text::new(
            "nouvelle ligne ; dans la cible : champ suivant ; dans une liste : ouvrir, appliquer, aller au texte",
            "new line; in the target: next field; in a list: open, apply, go to the text",
        ),
    ),
    b(
        A::Back,
        &["esc"],
        S::Moving,
        Text::new(
            "fermer, annuler, revenir à la rédaction",
            "close, cancel, back to compose",
        ),
    ),
    b(
        A::Change,
        &["space"],
        S::Moving,
        Text::new(
            "changer un choix (relation, réseau, compte)",
            "change a choice (relationship, network, account)",
        ),
    ),
    b(
        A::DeleteDraft,
        &["delete"],
        S::Drafts,
        Text::new(
            "supprimer le brouillon (demande confirmation)",
            "delete the draft (asks first)",
        ),
    ),
    b(
        A::Filter,
        &["/"],
        S::Drafts,
        Text::new(
            "filtrer la liste par nom, statut ou texte (Entrée garde le filtre, Échap l'efface)",
            "filter the list by name, status or text (Enter keeps the filter, Esc clears it)",
        ),
    ),
    b(
        A::Recheck,
        &["ctrl-r"],
        S::Drafts,
        Text::new(
            "relire et revérifier les brouillons",
            "reload and re-check the drafts",
        ),
    ),
    b(
        A::ToggleImported,
        &["h"],
        S::Drafts,
        Text::new(
            "cacher ou montrer les notes importées de LinkedIn (poignee import)",
            "hide or show the notes imported from LinkedIn (poignee import)",
        ),
    ),
    b(
        A::MarkAccepted,
        &["a"],
        S::Drafts,
        Text::new(
            "marquer comme acceptée aujourd'hui",
            "mark as accepted today",
        ),
    ),
    b(
        A::MarkIgnored,
        &["i"],
        S::Drafts,
        Text::new("marquer comme ignorée", "mark as ignored"),
    ),
    Binding {
        action: A::MarkDeclined,
        keys: &["d"],
        keys_fr: Some(&["r"]),
        scope: S::Drafts,
        what: Text::new("marquer comme refusée", "mark as declined"),
        hint: None,
    },
    b(
        A::CleanAside,
        &["x"],
        S::Drafts,
        Text::new(
            "supprimer les textes retrouvés mis de côté il y a plus de 30 jours (demande confirmation)",
            "delete the recovered texts set aside over 30 days ago (asks first)",
        ),
    ),
    Binding {
        action: A::Yes,
        keys: &["y"],
        keys_fr: Some(&["o"]),
        scope: S::Dialog,
        what: Text::new("oui", "yes"),
        hint: None,
    },
    Binding {
        action: A::KeepDraft,
        keys: &["d"],
        keys_fr: Some(&["b"]),
        scope: S::Dialog,
        what: Text::new(
            "garder la note en brouillon (avant de quitter ou d'en commencer une autre)",
            "keep the note as a draft (before quitting or starting another)",
        ),
        hint: None,
    },
    b(A::No, &["n"], S::Dialog, Text::new("non", "no")),
];

impl Action {
    /// The name in the config's `[keys]` table.
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn named(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    fn binding(self) -> Option<&'static Binding> {
        BINDINGS.iter().find(|b| b.action == self)
    }

    pub fn scope(self) -> Scope {
        self.binding().map_or(Scope::Everywhere, |b| b.scope)
    }
}

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
