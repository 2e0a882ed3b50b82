//! `repeated-text` and `pace`: rules across drafts, run by `check` over the
//! files checked and the saved drafts ([`crate::crossdraft`]). A note alone
//! cannot break them.

use super::{RuleId, RuleInfo};
use crate::lang::Text;
use crate::lint::Severity;

pub const REPEATED_TEXT: RuleInfo = RuleInfo {
    id: RuleId::RepeatedText,
    severity: Severity::Warning,
    summary: Text::new(
        "le même texte, ou presque, part à plusieurs personnes",
        "the same or nearly the same text goes to several people",
    ),
    explanation: Text::new(
        "Une note copiée-collée se reconnaît : la personne voit qu'elle n'a pas été écrite pour elle. poignee compare les notes sans les noms ni les valeurs des modèles ; quand 3 personnes ou plus (lint.repeated_text_people) reçoivent un texte dont au moins 60 % des paires de mots sont communes (lint.repeated_text_similarity), chaque note est signalée avec les autres fichiers. Donnez à chacune sa vraie raison.",
        "A copy-pasted note shows: the person sees it was not written for them. poignee compares notes without names and template values; when 3 or more people (lint.repeated_text_people) get a text sharing at least 60% of its word pairs (lint.repeated_text_similarity), each note is reported with the other files. Give each one its own reason.",
    ),
};

pub const PACE: RuleInfo = RuleInfo {
    id: RuleId::Pace,
    severity: Severity::Warning,
    summary: Text::new(
        "plus de notes approuvées cette semaine que votre budget",
        "more notes approved this week than your budget",
    ),
    explanation: Text::new(
        "La qualité des contacts compte plus que leur nombre. Au-delà de votre budget hebdomadaire (weekly_budget, 20 par défaut) sur 7 jours glissants, chaque note de trop est signalée. Un compte LinkedIn gratuit ne joint une note qu'à 5 invitations par mois : la 6e des 30 derniers jours l'est aussi.",
        "The quality of contacts counts more than their number. Beyond your weekly budget (weekly_budget, 20 by default) over the trailing 7 days, each note too many is reported. A free LinkedIn account attaches a note to only 5 invitations a month: the 6th of the trailing 30 days is reported too.",
    ),
};
