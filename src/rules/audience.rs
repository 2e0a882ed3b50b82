//! `audience`: « ciblez ». Sending the same note to every profile you come
//! across wastes everyone's time: the target must be in the regions and
//! sectors the user chose.

use super::{RuleId, RuleInfo};
use crate::audience::Decision;
use crate::lang::{Localized, Text};
use crate::lint::{Note, Out, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: RuleId::Audience,
    severity: Severity::Error,
    summary: Text::new(
        "la personne est hors de votre cible (avertit si inconnue)",
        "the person is outside your audience (warns when unknown)",
    ),
    explanation: Text::new(
        "Envoyer la même note à tous les profils rencontrés est le meilleur moyen de ne pas avoir de réponse. Choisissez vos régions et secteurs dans la configuration ([audience]) ; une cible hors de ce filtre est une erreur, une cible sans région ou secteur connu, un avertissement.",
        "Sending the same note to every profile you come across is the surest way to get no answer. Choose your regions and sectors in the config ([audience]); a target outside the filter is an error, one with no known region or sector a warning.",
    ),
};

pub fn check(n: &Note, out: &mut Out) {
    let filter = &n.linter.audience;
    if filter.is_empty() || !out.enabled(RuleId::Audience) {
        return;
    }
    let verdict = filter.verdict(n.cx.target);
    let why = verdict.why();
    match verdict.decision {
        Decision::In => {}
        Decision::Out => out.push(
            RuleId::Audience,
            0..0,
            why,
            Some(Localized::new(
                "gardez vos invitations pour les personnes de votre cible",
                "keep your invitations for people in your audience",
            )),
        ),
        Decision::Unknown => out.push_at(
            RuleId::Audience,
            Severity::Warning,
            0..0,
            why,
            Some(Localized::new(
                "renseignez la région et le secteur de la personne ([target])",
                "fill in the person's region and sector ([target])",
            )),
        ),
    }
}
