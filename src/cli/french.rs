//! The command line in French: `--help` of every command, the usage line,
//! and clap's usage errors, for a user whose interface language is French
//! (`--lang fr`, the config's `lang`, or a French locale).
//!
//! The clap definition (`Cli`) is written in English; [`localize`] rewrites
//! the built command tree from one table keyed by command path and argument
//! id ([`COMMANDS`], [`ARGS`]), and a test walks the whole tree so that a new
//! command or flag without its French text fails. [`usage_error`] says
//! clap's errors in French from their kind and context.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use poignee::lang::{Lang, french_spacing};
use std::ffi::OsString;

/// The language of the interface, decided before the arguments are parsed
/// (help and usage errors come from the parse): `--lang X` or `--lang=X`
/// among the arguments, else the config's `lang`, else the locale — the
/// order the run itself follows once parsed.
pub fn language(args: &[OsString]) -> Lang {
    let args: Vec<&str> = args
        .iter()
        .skip(1)
        .map(|a| a.to_str().unwrap_or(""))
        .take_while(|a| *a != "--")
        .collect();
    let value_of = |flag: &str| -> Option<String> {
        let eq = format!("{flag}=");
        args.iter().enumerate().rev().find_map(|(i, a)| {
            if *a == flag {
                args.get(i + 1).map(|v| v.to_string())
            } else {
                a.strip_prefix(&eq).map(str::to_string)
            }
        })
    };
    if let Some(lang) = value_of("--lang").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let config = value_of("--config")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("POIGNEE_CONFIG").map(std::path::PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(poignee::config::default_path);
    config
        .and_then(|path| config_lang(&path))
        .unwrap_or_else(Lang::from_env)
}

/// The `lang` a config sets, read cheaply: a config that does not load is
/// said by the run, not here.
fn config_lang(path: &std::path::Path) -> Option<Lang> {
    let text = poignee::input::read_text(path, poignee::input::MAX_BYTES).ok()?;
    let table: toml::Table = text.parse().ok()?;
    Lang::parse(table.get("lang")?.as_str()?)
}

/// The command tree in `lang`: unchanged in English; in French, built, then
/// every command's about and after-help, every argument's help, the value
/// names that are words, the help and version flags, the default, variable
/// and possible-value notes and the headings rewritten.
pub fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = cmd;
    cmd.build();
    french(cmd, "")
}

/// A command's French texts: its path (`templates show`; `""` for poignee
/// itself), its about, its long about, its after-help.
struct CommandText {
    path: &'static str,
    about: &'static str,
    long_about: Option<&'static str>,
    after_help: Option<&'static str>,
}

const fn command(path: &'static str, about: &'static str) -> CommandText {
    CommandText {
        path,
        about,
        long_about: None,
        after_help: None,
    }
}

const fn command_after(
    path: &'static str,
    about: &'static str,
    after_help: &'static str,
) -> CommandText {
    CommandText {
        path,
        about,
        long_about: None,
        after_help: Some(after_help),
    }
}

const fn command_long(
    path: &'static str,
    about: &'static str,
    long_about: &'static str,
) -> CommandText {
    CommandText {
        path,
        about,
        long_about: Some(long_about),
        after_help: None,
    }
}

/// `poignee --help`'s exit codes, as `EXIT_CODES` says them in English.
const EXIT_CODES_FR: &str = "Codes de sortie (toutes les commandes) :
  0  exécutée, rien à corriger : notes propres ; la personne, ou quelqu'un
     de la liste, dans l'audience (ou inconnue) ; chaque fichier marqué ou
     écrit ; chiffres affichés ; aussi un --list sans correspondance, et
     stats sans rien d'enregistré encore
  1  exécutée, et il y a quelque chose à corriger : une note avec des
     erreurs (des avertissements avec --strict) ; une personne hors de
     l'audience, ou une liste sans personne dedans ; des lignes laissées de
     côté ou ignorées ; des fichiers non lus ou non marqués
  2  impossible de faire ce qui est demandé : mauvais usage, une
     configuration qui ne se lit pas, une liste ou un dossier illisible
Les remarques et les avertissements ne changent jamais le code ; « erreur : »
ne vient qu'avec 1 ou 2.";

/// Every command, by path. The help subcommand's copies (`help check`) take
/// the text of the command they name.
const COMMANDS: &[CommandText] = &[
    CommandText {
        path: "",
        about: "Écrivez des invitations LinkedIn et Viadeo que l'on accepte.",
        long_about: None,
        after_help: Some(EXIT_CODES_FR),
    },
    command(
        "compose",
        "Composer une invitation dans l'interface du terminal (par défaut)",
    ),
    command(
        "check",
        "Vérifier des brouillons : fichiers, dossiers (parcourus pour les .txt et .md), ou - pour l'entrée standard",
    ),
    command(
        "rules",
        "Lister chaque règle, son identifiant, sa sévérité et ce qu'elle repère",
    ),
    command(
        "explain",
        "Expliquer une règle : pourquoi elle existe et que faire",
    ),
    command(
        "templates",
        "La bibliothèque de modèles : list, show (rempli et vérifié), check, new",
    ),
    command("templates list", "Lister les modèles fournis et les vôtres"),
    command(
        "templates show",
        "Montrer un modèle rempli avec ses exemples (ou les valeurs de --set), et ses vérifications",
    ),
    command(
        "templates check",
        "Vérifier chaque modèle (ou ceux nommés), rempli avec ses exemples",
    ),
    command(
        "templates new",
        "Écrire un nouveau modèle de départ, dans votre dossier de modèles",
    ),
    command_after(
        "draft",
        "Écrire un brouillon par personne d'une liste CSV à partir d'un modèle (n'envoie jamais rien)",
        "Le CSV a une ligne d'en-tête ; séparateurs `,` ou `;` ; UTF-8 avec ou sans BOM ; le Connections.csv de LinkedIn se lit tel quel. Colonnes : first_name/prénom, last_name/nom, name, company/entreprise, position/headline/poste, region/location/ville, sector/secteur, relationship ; toute autre colonne est la valeur d'un champ (event, topic, …).\nCodes de sortie : 0 chaque ligne a son brouillon, 1 des lignes ignorées ou des brouillons avec des erreurs, 2 mauvais usage, configuration ou CSV.",
    ),
    command_after(
        "audience",
        "Expliquer comment votre filtre d'audience lit une personne (--region, --sector), juger une liste de prospects (--people FICHIER.csv), ou lister les noms qu'il connaît (--list regions|sectors)",
        "Exemple : poignee audience --region \"Villeurbanne (69)\" --sector \"Software Development\"\nCodes de sortie : 0 dedans (ou inconnu), 1 dehors, 2 mauvais usage ou configuration. Avec --people : 0 chaque ligne jugée et quelqu'un dedans (ou inconnu), 1 personne dans l'audience ou des lignes laissées de côté (une cellule sous aucune colonne de l'en-tête, ou une cellule `audience` que poignee n'a pas écrite), 2 une liste illisible. Avec --list : 0, qu'un nom corresponde ou non (l'absence est dite sur la sortie d'erreur).",
    ),
    command_after(
        "mark",
        "Noter ce que sont devenues des invitations : FICHIER… sent, accepted, ignored ou declined",
        "Seules les lignes d'en-tête qui changent sont réécrites (le statut et la date), de façon atomique ; le reste du fichier reste identique, octet pour octet.\n`sent` se prend depuis n'importe quel état (avec un avertissement pour une note jamais approuvée) ; accepted, ignored et declined demandent une note marquée sent ; une autre réponse remplace celle qui y est ; marquer de nouveau ne change rien, sauf si --date déplace la date. Une date ne peut être ni à venir, ni une réponse avant l'envoi.\nCodes de sortie : 0 chaque fichier marqué (ou déjà marqué), 1 des fichiers non marqués, 2 mauvais usage (issue, date) ou configuration.",
    ),
    command_after(
        "stats",
        "Les chiffres d'acceptation de vos brouillons, en tout et par modèle, langue, plateforme, score, raison et audience",
        "Une invitation est un brouillon marqué sent, accepted, ignored ou declined (`poignee mark`) ; une invitation restée sent au-delà de [outcomes] ignored_after_days (30) compte comme ignorée. Le taux d'acceptation est acceptées ÷ répondues ; un groupe de moins de 10 réponses est signalé comme trop petit pour conclure.\nCodes de sortie : 0 chiffres affichés (des zéros pour un nouvel utilisateur sans brouillon enregistré), 1 des fichiers illisibles (laissés hors des chiffres), 2 mauvais usage ou configuration (un drafts_dir de la configuration qui n'existe pas).",
    ),
    command(
        "import",
        "Importer votre véritable historique : l'export de données de LinkedIn (le ZIP tel que téléchargé, ou son dossier) en brouillons que `stats` compte",
    ),
    command_after(
        "import linkedin",
        "Votre export de données LinkedIn : chaque invitation envoyée avec une note devient un brouillon (sent, ou accepted quand la personne est parmi vos relations) ; celles sans note sont comptées pour `stats`",
        "Lit Invitations.csv (les invitations ; les OUTGOING sont les vôtres), Connections.csv (qui a accepté, et quand) et messages.csv (la note d'une invitation acceptée revient souvent en premier message de la conversation). Les adresses e-mail et les numéros de téléphone ne sont jamais lus.\nImporter de nouveau n'écrit que ce qui est nouveau : une invitation en attente désormais acceptée, une nouvelle ; jamais de doublon, jamais par-dessus une note que vous avez modifiée ni une issue que vous avez notée.\nCodes de sortie : 0 importé (ou rien de nouveau), 1 des lignes laissées de côté ou des brouillons non écrits, 2 pas un export, ou mauvais usage ou configuration.",
    ),
    command_long(
        "completions",
        "Écrire le script de complétion d'un shell (bash, zsh, fish, elvish, powershell)",
        "Écrire le script de complétion d'un shell (bash, zsh, fish, elvish, powershell)\n\nbash : `poignee completions bash > ~/.local/share/bash-completion/completions/poignee` ; zsh : `poignee completions zsh > ~/.zfunc/_poignee` (avec `fpath+=~/.zfunc` avant `compinit`) ; fish : `poignee completions fish > ~/.config/fish/completions/poignee.fish`.",
    ),
    command_long(
        "man",
        "Écrire la page de manuel de poignee ou d'une de ses commandes (roff)",
        "Écrire la page de manuel de poignee ou d'une de ses commandes (roff)\n\nLisez-la avec `poignee man | man -l -`, ou `poignee man audience | man -l -` ; installez toutes les pages avec `poignee man --out ~/.local/share/man/man1`.",
    ),
    command("init", "Écrire une configuration commentée, à modifier"),
    command(
        "help",
        "Afficher ce message, ou l'aide des commandes données",
    ),
];

/// An argument's French help: the command's path, the argument's id, its
/// help, its long help.
struct ArgText {
    path: &'static str,
    id: &'static str,
    help: &'static str,
    long: Option<&'static str>,
}

const fn arg(path: &'static str, id: &'static str, help: &'static str) -> ArgText {
    ArgText {
        path,
        id,
        help,
        long: None,
    }
}

const FORMAT: &str = "Format de sortie";
const STRICT: &str = "Échouer (code 1) sur les avertissements aussi";
const KEEP_FORMULAS: &str = "Avec --format csv : écrire telle quelle, sans ' devant, une cellule qui commence par = + - @, une tabulation ou un retour chariot (Excel l'exécuterait comme une formule)";

/// Every argument, by command path and id; the global ones (`--config`,
/// `--lang`, `--no-color`) under `""`, in whatever command they appear.
const ARGS: &[ArgText] = &[
    arg(
        "",
        "config",
        "Fichier de configuration [par défaut : ~/.config/poignee/config.toml]",
    ),
    arg(
        "",
        "lang",
        "Langue de l'interface [par défaut : celle de la configuration, sinon LANG]",
    ),
    arg(
        "",
        "no_color",
        "Sans couleurs (NO_COLOR est respecté aussi)",
    ),
    arg("compose", "template", "Partir de ce modèle"),
    arg("compose", "draft", "Ouvrir ce brouillon"),
    arg(
        "check",
        "paths",
        "Fichiers ou dossiers à vérifier ; - lit l'entrée standard",
    ),
    arg("check", "format", FORMAT),
    arg(
        "check",
        "platform",
        "Plateforme, au lieu de celle des brouillons",
    ),
    arg(
        "check",
        "tier",
        "Offre du compte LinkedIn, au lieu de celle des brouillons et de la configuration",
    ),
    arg("check", "strict", STRICT),
    arg(
        "check",
        "no_saved",
        "Ne comparer que les fichiers donnés, pas aussi le dossier des brouillons enregistrés (texte répété et rythme)",
    ),
    arg(
        "explain",
        "rule",
        "Un identifiant de règle, comme `poignee rules` les liste",
    ),
    arg(
        "templates list",
        "in_lang",
        "Seulement les modèles dans cette langue (`--lang` filtre aussi)",
    ),
    arg(
        "templates show",
        "name",
        "Un nom de modèle, comme `templates list` l'affiche (`fr/evenement`, ou `evenement`)",
    ),
    arg(
        "templates show",
        "sets",
        "La valeur d'un champ : --set event=\"le salon VivaTech\" (répétable)",
    ),
    arg(
        "templates check",
        "names",
        "Les modèles à vérifier [par défaut : tous]",
    ),
    arg("templates check", "format", FORMAT),
    arg("templates check", "strict", STRICT),
    arg(
        "templates new",
        "name",
        "Son nom (`relance-salon`, ou `fr/relance-salon`)",
    ),
    arg(
        "templates new",
        "in_lang",
        "La langue du modèle de départ [par défaut : celle de l'interface]",
    ),
    arg("draft", "template", "Le modèle de départ"),
    arg("draft", "people", "Les personnes : un fichier CSV"),
    arg(
        "draft",
        "out",
        "Où écrire les brouillons (dossier créé en 0700 si besoin ; un fichier n'est jamais écrasé)",
    ),
    arg(
        "draft",
        "sets",
        "Une valeur pour chaque ligne, sous celles du CSV : --set event=\"Web2Day\" (répétable)",
    ),
    arg(
        "draft",
        "platform",
        "La plateforme des brouillons, écrite dans chacun [par défaut : celle de la configuration]",
    ),
    arg(
        "draft",
        "tier",
        "L'offre du compte LinkedIn, qui fixe la longueur maximale de la note [par défaut : celle de la configuration]",
    ),
    arg(
        "audience",
        "list",
        "Lister les noms que le filtre connaît, les plus proches d'abord : `--list regions Villeurb`, `--list sectors \"dev logiciel\"`",
    ),
    arg(
        "audience",
        "text",
        "Avec --list : le texte à chercher (approché ; tous les noms sans lui)",
    ),
    arg(
        "audience",
        "region",
        "Le lieu de la personne, comme son profil l'affiche",
    ),
    arg(
        "audience",
        "sector",
        "Le secteur de la personne (secteur LinkedIn), en anglais ou en français",
    ),
    arg("audience", "json", "Écrire un document JSON"),
    arg(
        "audience",
        "people",
        "Juger chaque ligne d'une liste de prospects (CSV d'un CRM, d'un outil de prospection ou d'Excel : `,` ou `;`, UTF-8 ou Windows-1252) ; `-` lit l'entrée standard (16 Mio au plus ; un fichier est lu au fil de l'eau, quelle que soit sa longueur)",
    ),
    arg(
        "audience",
        "format",
        "Avec --people : une ligne par personne (human), la liste avec deux colonnes de plus (csv), ou un seul document (json)",
    ),
    arg(
        "audience",
        "only",
        "Avec --people : ne garder que ces lignes (`--only in --format csv` est la liste à donner à `poignee draft --people`)",
    ),
    arg("audience", "keep_formulas", KEEP_FORMULAS),
    arg("mark", "files", "Les brouillons à marquer"),
    arg(
        "mark",
        "outcome",
        "Ce qui s'est passé : sent, accepted, ignored ou declined",
    ),
    arg(
        "mark",
        "date",
        "Le jour où c'est arrivé, AAAA-MM-JJ, ni à venir ni avant l'ouverture de LinkedIn (2003-05-05) [par défaut : aujourd'hui]",
    ),
    arg(
        "stats",
        "paths",
        "Les brouillons : fichiers ou dossiers [par défaut : le dossier de brouillons de la configuration]",
    ),
    arg(
        "stats",
        "since",
        "Seulement les invitations envoyées ce jour-là ou après (AAAA-MM-JJ)",
    ),
    arg("stats", "format", FORMAT),
    arg("stats", "keep_formulas", KEEP_FORMULAS),
    arg(
        "import linkedin",
        "export",
        "L'export : le .zip tel que LinkedIn l'envoie, ou le dossier qu'il donne une fois décompressé",
    ),
    arg(
        "import linkedin",
        "out",
        "Où vont les brouillons (dossier créé en 0700 si besoin) [par défaut : le dossier de brouillons de la configuration]",
    ),
    arg(
        "import linkedin",
        "dry_run",
        "Dire ce qui serait écrit, et ne rien écrire",
    ),
    arg("import linkedin", "format", FORMAT),
    arg("completions", "shell", "Le shell"),
    arg(
        "man",
        "command",
        "Une commande (`audience`, `templates show`) [par défaut : poignee lui-même]",
    ),
    arg(
        "man",
        "out",
        "Écrire toutes les pages (poignee.1, poignee-audience.1, …) dans ce dossier plutôt qu'une seule sur la sortie standard",
    ),
    arg(
        "init",
        "path",
        "Où l'écrire [par défaut : ~/.config/poignee/config.toml]",
    ),
    arg("init", "force", "Remplacer un fichier existant"),
];

/// What clap writes itself, in French.
const BUILTIN: &[(&str, &str)] = &[
    ("Print help", "Afficher l'aide"),
    (
        "Print help (see more with '--help')",
        "Afficher l'aide (plus de détails avec --help)",
    ),
    (
        "Print help (see a summary with '-h')",
        "Afficher l'aide (un résumé avec -h)",
    ),
    ("Print version", "Afficher la version"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Afficher ce message, ou l'aide des commandes données",
    ),
    (
        "Print help for the subcommand(s)",
        "Afficher l'aide de ces commandes",
    ),
];

/// The help of each possible value that has one, English → French.
const VALUES: &[(&str, &str)] = &[
    (
        "Compiler-style, with the source line and the span underlined",
        "Comme un compilateur, avec la ligne du texte et le passage souligné",
    ),
    (
        "One line a diagnostic: path:line:col: severity[rule]: message",
        "Une ligne par diagnostic : chemin:ligne:colonne: sévérité[règle]: message",
    ),
    (
        "One JSON document (see the README)",
        "Un document JSON (voir le README)",
    ),
    (
        "GitHub Actions annotations",
        "Annotations pour GitHub Actions",
    ),
    (
        "A line a person, then the counts and the most common reasons",
        "Une ligne par personne, puis les totaux et les raisons les plus fréquentes",
    ),
    (
        "The input's columns unchanged, plus `audience` and `audience_reason`",
        "Les colonnes de l'entrée telles quelles, plus `audience` et `audience_reason`",
    ),
    ("One JSON document", "Un seul document JSON"),
    (
        "A place that names several (Saint-Denis: 93 or 974)",
        "Un lieu qui en désigne plusieurs (Saint-Denis : 93 ou 974)",
    ),
];

/// Value names that are words, English → French; the others (`CSV`,
/// `FORMAT`, `SHELL`, `EXPORT`, `regions|sectors`) read the same.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("PATH", "CHEMIN"),
    ("PATHS", "CHEMINS"),
    ("FILE", "FICHIER"),
    ("FILE.csv", "FICHIER.csv"),
    ("OUTCOME", "ISSUE"),
    ("DIR", "DOSSIER"),
    ("KEY=VALUE", "CLÉ=VALEUR"),
    ("YYYY-MM-DD", "AAAA-MM-JJ"),
    ("LANG", "LANGUE"),
    ("TEMPLATE", "MODÈLE"),
    ("RULE", "RÈGLE"),
    ("NAME", "NOM"),
    ("NAMES", "NOMS"),
    ("TEXT", "TEXTE"),
    ("REGION", "RÉGION"),
    ("SECTOR", "SECTEUR"),
    ("COMMAND", "COMMANDE"),
    ("PLATFORM", "PLATEFORME"),
    ("TIER", "OFFRE"),
    ("ONLY", "VERDICT"),
    ("SUBCOMMAND", "COMMANDE"),
];

/// Value names that are the same in French.
#[cfg(test)]
const SAME_VALUE_NAMES: &[&str] = &["CSV", "FORMAT", "SHELL", "EXPORT", "regions|sectors"];

fn lookup<'a>(table: &'a [(&str, &'a str)], english: &str) -> Option<&'a str> {
    table
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, fr)| *fr)
}

/// French typography, owned.
fn typeset(s: &str) -> String {
    french_spacing(s).into_owned()
}

/// The path a command's texts are under: the help subcommand's copies
/// (`help check`, `templates help show`) are the command they stand for,
/// and `templates help` is `help`.
fn canonical(path: &str) -> String {
    let words: Vec<&str> = path.split_whitespace().collect();
    match words.iter().position(|w| *w == "help") {
        Some(i) if i + 1 == words.len() => "help".to_string(),
        Some(i) => words[..i]
            .iter()
            .chain(&words[i + 1..])
            .filter(|w| **w != "help")
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        None => path.to_string(),
    }
}

fn command_text(path: &str) -> Option<&'static CommandText> {
    let key = canonical(path);
    COMMANDS.iter().find(|c| c.path == key)
}

fn arg_text(path: &str, id: &str, global: bool) -> Option<&'static ArgText> {
    let path = canonical(path);
    ARGS.iter()
        .find(|a| a.path == path && a.id == id)
        .or_else(|| {
            global
                .then(|| ARGS.iter().find(|a| a.path.is_empty() && a.id == id))
                .flatten()
        })
}

fn french(mut cmd: clap::Command, path: &str) -> clap::Command {
    if let Some(text) = command_text(path) {
        cmd = cmd.about(typeset(text.about));
        if let Some(long) = text.long_about {
            cmd = cmd.long_about(typeset(long));
        } else if cmd.get_long_about().is_some() {
            cmd = cmd.long_about(typeset(text.about));
        }
        if let Some(after) = text.after_help {
            cmd = cmd.after_help(typeset(after));
        }
    } else if let Some(fr) = cmd
        .get_about()
        .and_then(|a| lookup(BUILTIN, &a.to_string()))
    {
        cmd = cmd.about(typeset(fr));
    }
    let long = cmd.get_long_about().is_some()
        || cmd
            .get_arguments()
            .any(|a| !a.is_hide_set() && (a.get_long_help().is_some() || has_value_help(a)));
    let args: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in args {
        cmd = cmd.mut_arg(id, |a| french_arg(a, path, long));
    }
    cmd = cmd.subcommand_value_name("COMMANDE");
    cmd = with_template(cmd);
    for sub in cmd.get_subcommands_mut() {
        let name = sub.get_name().to_string();
        let sub_path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        *sub = french(std::mem::take(sub), &sub_path);
    }
    cmd
}

fn has_value_help(a: &clap::Arg) -> bool {
    !a.is_hide_possible_values_set()
        && a.get_possible_values()
            .iter()
            .any(|v| !v.is_hide_set() && v.get_help().is_some())
}

fn french_arg(mut a: clap::Arg, path: &str, long: bool) -> clap::Arg {
    let id = a.get_id().as_str().to_string();
    let (help, long_help) = match arg_text(path, &id, a.is_global_set()) {
        Some(t) => (Some(t.help.to_string()), t.long.map(str::to_string)),
        None => {
            let builtin = |s: Option<&clap::builder::StyledStr>| {
                s.and_then(|s| lookup(BUILTIN, &s.to_string()))
                    .map(str::to_string)
            };
            (builtin(a.get_help()), builtin(a.get_long_help()))
        }
    };
    if let Some(names) = a.get_value_names() {
        let names: Vec<clap::builder::Str> = names
            .iter()
            .map(|n| lookup(VALUE_NAMES, n).map_or_else(|| n.clone(), Into::into))
            .collect();
        a = a.value_names(names);
    }
    // What clap adds after the help in English, said in French.
    let takes_values = a.get_action().takes_values();
    let mut short_notes = Vec::new();
    let mut long_notes = Vec::new();
    if let Some(var) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        let note = format!("[variable d'environnement : {}]", var.to_string_lossy());
        short_notes.push(note.clone());
        long_notes.push(note);
        a = a.hide_env(true);
    }
    let defaults = a.get_default_values();
    if takes_values && !defaults.is_empty() && !a.is_hide_default_value_set() {
        let shown: Vec<String> = defaults
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        let note = format!("[par défaut : {}]", shown.join(", "));
        short_notes.push(note.clone());
        long_notes.push(note);
        a = a.hide_default_value(true);
    }
    let values: Vec<PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .map(|v| match v.get_help().map(|h| h.to_string()) {
            Some(h) => {
                let fr = lookup(VALUES, &h).map(typeset).unwrap_or(h);
                v.help(fr)
            }
            None => v,
        })
        .collect();
    if takes_values && !values.is_empty() && !a.is_hide_possible_values_set() {
        let shown: Vec<&str> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name())
            .collect();
        short_notes.push(format!("[valeurs possibles : {}]", shown.join(", ")));
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut list = String::from("Valeurs possibles :");
            for v in values.iter().filter(|v| !v.is_hide_set()) {
                list.push_str("\n  - ");
                list.push_str(v.get_name());
                if let Some(h) = v.get_help() {
                    list.push_str(" : ");
                    list.push_str(&h.to_string());
                }
            }
            long_notes.push(list);
        } else {
            long_notes.push(format!("[valeurs possibles : {}]", shown.join(", ")));
        }
        // The French helps, for the completions that show them (zsh, fish).
        a = a
            .value_parser(PossibleValuesParser::new(values))
            .hide_possible_values(true);
    }
    if let Some(help) = help {
        let mut short = help.clone();
        for note in &short_notes {
            short.push(' ');
            short.push_str(note);
        }
        a = a.help(typeset(&short));
        if long_help.is_some() || (long && !long_notes.is_empty()) {
            let mut text = long_help.unwrap_or(help);
            for note in &long_notes {
                text.push_str("\n\n");
                text.push_str(note);
            }
            a = a.long_help(typeset(&text));
        }
    }
    a
}

/// The help's layout with French headings: « Utilisation : », then the
/// commands, arguments and options the command has, each under its heading.
fn with_template(cmd: clap::Command) -> clap::Command {
    let styles = cmd.get_styles();
    let (usage, header) = (*styles.get_usage(), *styles.get_header());
    let shown = |a: &&clap::Arg| !a.is_hide_set();
    let mut sections = Vec::new();
    if cmd.has_subcommands() && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!(
            "{header}Commandes\u{a0}:{header:#}\n{{subcommands}}"
        ));
    }
    if cmd.get_positionals().any(|a| shown(&a)) {
        sections.push(format!(
            "{header}Arguments\u{a0}:{header:#}\n{{positionals}}"
        ));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)) {
        sections.push(format!("{header}Options\u{a0}:{header:#}\n{{options}}"));
    }
    let body = sections.join("\n\n");
    let template = if body.is_empty() {
        format!(
            "{{before-help}}{{about-with-newline}}\n{usage}Utilisation\u{a0}:{usage:#} {{usage}}{{after-help}}"
        )
    } else {
        format!(
            "{{before-help}}{{about-with-newline}}\n{usage}Utilisation\u{a0}:{usage:#} {{usage}}\n\n{body}{{after-help}}"
        )
    };
    cmd.help_template(template)
}

/// A usage error of clap's (or its help, or the version), said in French:
/// what is wrong, the « vouliez-vous dire » suggestion, the usage line and
/// where to read more. `None` for what is not an error (help, version).
pub fn usage_error(e: &clap::Error, tree: &clap::Command, args: &[OsString]) -> Option<String> {
    let s = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let num = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let quoted = |v: &[String]| -> String {
        v.iter()
            .map(|s| format!("«\u{a0}{s}\u{a0}»"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arg = s(ContextKind::InvalidArg).unwrap_or_default();
    let value = s(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("«\u{a0}{arg}\u{a0}» attend une valeur, et aucune n'a été donnée")
        }
        ErrorKind::InvalidValue => {
            format!("valeur invalide «\u{a0}{value}\u{a0}» pour «\u{a0}{arg}\u{a0}»")
        }
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue «\u{a0}{}\u{a0}»",
            s(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("argument inattendu «\u{a0}{arg}\u{a0}»"),
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            if missing.len() == 1 {
                format!(
                    "il manque l'argument obligatoire «\u{a0}{}\u{a0}»",
                    missing[0]
                )
            } else {
                format!("il manque les arguments obligatoires {}", quoted(&missing))
            }
        }
        ErrorKind::MissingSubcommand => format!(
            "«\u{a0}{}\u{a0}» attend une commande, et aucune n'a été donnée",
            s(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => {
            let prior = list(ContextKind::PriorArg);
            let subcommand = s(ContextKind::InvalidSubcommand);
            if !arg.is_empty() && prior.len() == 1 && prior[0] == arg {
                format!("«\u{a0}{arg}\u{a0}» ne se donne qu'une fois")
            } else {
                let what = match (arg.is_empty(), subcommand) {
                    (false, _) => format!("l'argument «\u{a0}{arg}\u{a0}»"),
                    (true, Some(sub)) => format!("la commande «\u{a0}{sub}\u{a0}»"),
                    (true, None) => "un argument".to_string(),
                };
                if prior.is_empty() {
                    format!("{what} ne va pas avec un autre des arguments donnés")
                } else {
                    format!("{what} ne va pas avec {}", quoted(&prior))
                }
            }
        }
        ErrorKind::NoEquals => {
            format!(
                "il faut un signe = pour donner une valeur à «\u{a0}{arg}\u{a0}» («\u{a0}{arg}=VALEUR\u{a0}»)"
            )
        }
        ErrorKind::TooManyValues => format!(
            "valeur de trop «\u{a0}{value}\u{a0}» pour «\u{a0}{arg}\u{a0}» : aucune autre n'était attendue"
        ),
        ErrorKind::TooFewValues => format!(
            "«\u{a0}{arg}\u{a0}» attend au moins {} valeurs ; {} seulement donnée(s)",
            num(ContextKind::MinValues).unwrap_or(0),
            num(ContextKind::ActualNumValues).unwrap_or(0)
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "«\u{a0}{arg}\u{a0}» attend {} valeurs ; {} donnée(s)",
            num(ContextKind::ExpectedNumValues).unwrap_or(0),
            num(ContextKind::ActualNumValues).unwrap_or(0)
        ),
        ErrorKind::ValueValidation => {
            format!("valeur invalide «\u{a0}{value}\u{a0}» pour «\u{a0}{arg}\u{a0}»")
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas en UTF-8 valide".to_string(),
        _ => "arguments invalides".to_string(),
    };
    // The closest name, as elsewhere in poignee: «\u{a0}vouliez-vous dire … ?\u{a0}»
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(list)
    .collect();
    if !suggested.is_empty() {
        let names: Vec<String> = suggested
            .iter()
            .map(|s| format!("«\u{a0}{s}\u{a0}»"))
            .collect();
        message.push_str(&format!(" : vouliez-vous dire {} ?", names.join(" ou ")));
    }
    let valid = list(ContextKind::ValidValue);
    if !valid.is_empty() {
        message.push_str(&format!("\n  [valeurs possibles : {}]", valid.join(", ")));
    }
    let commands = list(ContextKind::ValidSubcommand);
    if !commands.is_empty() {
        message.push_str(&format!("\n  [commandes : {}]", commands.join(", ")));
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            message.push_str("\n  astuce : ");
            message.push_str(&tip_in_french(&tip.to_string()));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        message.push_str(&format!("\n\nUtilisation : {line}"));
    }
    let command = command_path(tree, args);
    message.push_str(&format!(
        "\n\nPour en savoir plus : «\u{a0}{command} --help\u{a0}»"
    ));
    Some(typeset(&message))
}

/// `poignee templates show`: the commands named among the arguments, for
/// « Pour en savoir plus ».
fn command_path(tree: &clap::Command, args: &[OsString]) -> String {
    let mut path = vec![tree.get_name().to_string()];
    let mut cmd = tree;
    for a in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if a == "--" {
            break;
        }
        if let Some(sub) = cmd.find_subcommand(a).filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            cmd = sub;
        }
    }
    path.join(" ")
}

/// clap's tips (`-- --x` to pass a value that starts with a dash), in French.
fn tip_in_french(tip: &str) -> String {
    let between = |s: &str, a: &str, b: &str| -> Option<String> {
        let start = s.find(a)? + a.len();
        let end = start + s[start..].find(b)?;
        Some(s[start..end].to_string())
    };
    if tip.starts_with("to pass '") {
        if let (Some(what), Some(how)) =
            (between(tip, "to pass '", "'"), between(tip, "use '", "'"))
        {
            return format!(
                "pour donner «\u{a0}{what}\u{a0}» comme valeur, écrivez «\u{a0}{how}\u{a0}»"
            );
        }
    }
    if tip.starts_with("subcommand '") {
        if let Some(name) = between(tip, "subcommand '", "'") {
            return format!(
                "la commande «\u{a0}{name}\u{a0}» existe : pour la lancer, retirez le «\u{a0}--\u{a0}» qui la précède"
            );
        }
    }
    tip.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn built(lang: Lang) -> clap::Command {
        let mut cmd = localize(super::super::Cli::command(), lang);
        cmd.build();
        cmd
    }

    /// Every about, after-help and help of the French tree is there and is
    /// not the English one: a new command or flag without its French text
    /// fails here, with its path.
    #[test]
    fn every_text_of_the_command_line_is_in_french() {
        fn walk(en: &clap::Command, fr: &clap::Command, path: &str, bad: &mut Vec<String>) {
            let differs =
                |what: &str, e: Option<String>, f: Option<String>, bad: &mut Vec<String>| {
                    if let Some(e) = e {
                        match f {
                            Some(f) if f != e && !f.trim().is_empty() => {}
                            _ => bad.push(format!("`{path}` {what}: {e}")),
                        }
                    }
                };
            let s = |x: Option<&clap::builder::StyledStr>| x.map(|x| x.to_string());
            differs("about", s(en.get_about()), s(fr.get_about()), bad);
            differs(
                "long about",
                s(en.get_long_about()),
                s(fr.get_long_about()),
                bad,
            );
            differs(
                "after help",
                s(en.get_after_help()),
                s(fr.get_after_help()),
                bad,
            );
            differs(
                "after long help",
                s(en.get_after_long_help()),
                s(fr.get_after_long_help()),
                bad,
            );
            for a in en.get_arguments() {
                let id = a.get_id().as_str();
                let Some(f) = fr.get_arguments().find(|f| f.get_id() == a.get_id()) else {
                    bad.push(format!("`{path}` --{id}: gone in French"));
                    continue;
                };
                if a.is_hide_set() {
                    continue;
                }
                let what = format!("--{id}");
                differs(&what, s(a.get_help()), s(f.get_help()), bad);
                differs(&what, s(a.get_long_help()), s(f.get_long_help()), bad);
                let names = a
                    .get_value_names()
                    .filter(|_| a.get_action().takes_values());
                for name in names.unwrap_or_default() {
                    if lookup(VALUE_NAMES, name).is_none()
                        && !SAME_VALUE_NAMES.contains(&name.as_str())
                    {
                        bad.push(format!("`{path}` --{id}: value name {name}"));
                    }
                }
                for v in a.get_possible_values() {
                    if let Some(h) = v.get_help() {
                        if lookup(VALUES, &h.to_string()).is_none() {
                            bad.push(format!("`{path}` --{id}: value {} ({h})", v.get_name()));
                        }
                    }
                }
            }
            for sub in en.get_subcommands() {
                let name = sub.get_name();
                let sub_path = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{path} {name}")
                };
                match fr.find_subcommand(name) {
                    Some(f) => walk(sub, f, &sub_path, bad),
                    None => bad.push(format!("`{sub_path}`: gone in French")),
                }
            }
        }
        let (en, fr) = (built(Lang::En), built(Lang::Fr));
        let mut bad = Vec::new();
        walk(&en, &fr, "", &mut bad);
        assert!(bad.is_empty(), "not in French:\n{}", bad.join("\n"));
        // Nothing in the tables that no command has any more.
        for c in COMMANDS {
            let mut cmd = &en;
            for name in c.path.split_whitespace() {
                cmd = cmd
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no command `{}`", c.path));
            }
        }
        for a in ARGS {
            let mut cmd = &en;
            for name in a.path.split_whitespace() {
                cmd = cmd
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no command `{}`", a.path));
            }
            assert!(
                cmd.get_arguments().any(|x| x.get_id() == a.id),
                "no argument `{}` in `{}`",
                a.id,
                a.path
            );
        }
    }

    #[test]
    fn french_help_has_french_headings_and_notes() {
        let mut fr = built(Lang::Fr);
        let help = fr.render_long_help().to_string();
        for word in [
            "Utilisation\u{a0}:",
            "Commandes\u{a0}:",
            "Options\u{a0}:",
            "Codes de sortie",
        ] {
            assert!(help.contains(word), "{word}:\n{help}");
        }
        let check = fr
            .find_subcommand_mut("check")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        for word in [
            "Arguments\u{a0}:",
            "[CHEMINS]",
            "[par défaut\u{a0}: .]",
            "Valeurs possibles\u{a0}:",
            "[variable d’environnement\u{a0}: POIGNEE_CONFIG]",
        ] {
            assert!(check.contains(word), "{word}:\n{check}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "[default:",
            "Possible values",
            "Print help",
            "[env:",
        ] {
            assert!(!check.contains(english), "{english}:\n{check}");
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        assert_eq!(
            language(&args(&["poignee", "--lang", "fr", "chek"])),
            Lang::Fr
        );
        assert_eq!(
            language(&args(&["poignee", "check", "--lang=en"])),
            Lang::En
        );
        assert_eq!(language(&args(&["poignee", "--lang", "FR"])), Lang::Fr);
    }
}
