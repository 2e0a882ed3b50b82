//! The table itself: every action, where it works, its default keys in
//! English and French, and what the help and the footer say of it.

use poignee::lang::Text;

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
