//! `audience`: « ciblez ». Sending the same note to every profile you come
//! across wastes everyone's time: the target must be in the regions and
//! sectors the user chose.

use crate::audience::Decision;
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::note::{Note, Out};

pub fn check(n: &Note, out: &mut Out) {
    let filter = n.audience;
    if filter.is_empty() || !n.enabled(RuleId::Audience) {
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
                "renseignez la région et le secteur de la personne visée",
                "fill in the region and sector of the person you write to",
            )),
        ),
    }
}
