//! `empty`, `too-short`, `too-long`: « soyez bref et concis ». LinkedIn caps a
//! note at 300 characters (200 on free accounts); nobody reads a wall of text
//! from a stranger, and nobody accepts a note too thin to carry a reason.

use crate::diagnostic::{RuleId, Severity};
use crate::lang::Localized;
use crate::note::{Note, Out};
use crate::target::Platform;
use crate::text;

/// Reports an empty note; true when it is (no other rule runs then).
pub fn empty(n: &Note, out: &mut Out) -> bool {
    if !n.text.trim().is_empty() {
        return false;
    }
    out.push(
        RuleId::Empty,
        0..0,
        Localized::new("la note est vide", "the note is empty"),
        Some(Localized::new(
            "écrivez une salutation, la raison de votre demande et un merci",
            "write a greeting, the reason for your request and a thank-you",
        )),
    );
    true
}

pub fn check(n: &Note, out: &mut Out) {
    let (count, limit) = (n.length, n.limit);
    let platform = n.cx.platform.display();
    let body_start = n.text.len() - n.text.trim_start().len();
    let body = n.text.trim();
    if count > limit {
        let cut = match n.cx.platform {
            Platform::Linkedin => text::utf16_cut(body, limit),
            Platform::Viadeo => text::char_cut(body, limit),
        }
        .unwrap_or(body.len());
        let over = count - limit;
        out.push(
            RuleId::TooLong,
            body_start + cut..body_start + body.len(),
            Localized::new(
                format!(
                    "{count} caractères pour une limite de {limit} sur {platform} : {over} de trop"
                ),
                format!("{count} characters for {platform}'s limit of {limit}: {over} too many"),
            ),
            Some(Localized::new(
                format!("retirez {over} caractères : gardez la raison, coupez le reste"),
                format!("cut {over} characters: keep the reason, drop the rest"),
            )),
        );
    } else if count as f32 >= limit as f32 * n.thresholds().near_limit {
        // A note that fits is not at fault: close to the limit is a hint (the
        // editor's counter turns yellow too).
        let left = limit - count;
        out.push_at(
            RuleId::TooLong,
            Severity::Info,
            n.end(),
            Localized::new(
                format!("{count}/{limit} caractères : il ne reste que {left} caractères"),
                format!("{count}/{limit} characters: only {left} left"),
            ),
            None,
        );
    }
    let chars = text::char_len(body);
    if chars < n.thresholds().min_chars {
        let s = if chars == 1 { "" } else { "s" };
        out.push(
            RuleId::TooShort,
            body_start..body_start + body.len(),
            Localized::new(
                format!("{chars} caractère{s} : trop court pour dire pourquoi vous écrivez"),
                format!("{chars} character{s}: too short to say why you write"),
            ),
            Some(Localized::new(
                "ajoutez une phrase qui dit pourquoi cette personne",
                "add a sentence that says why this person",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::lint::{Context, Linter};
    use crate::rules::testing::{fires, rules};
    use crate::target::Tier;

    #[test]
    fn empty_note_is_only_empty() {
        assert_eq!(rules("  \n ", Lang::Fr), vec![RuleId::Empty]);
        assert_eq!(rules("", Lang::En), vec![RuleId::Empty]);
    }

    #[test]
    fn too_short_fr_en_and_near_miss() {
        assert!(fires("Bonjour, merci !", Lang::Fr, RuleId::TooShort));
        assert!(fires("Hi", Lang::En, RuleId::TooShort));
        // One character is said in the singular.
        let r = Linter::default().lint("👋", &Context::default());
        let d = r.diagnostics.iter().find(|d| d.rule == RuleId::TooShort);
        let said = d.map(|d| (d.message.fr.as_str(), d.message.en.as_str()));
        assert_eq!(
            said,
            Some((
                "1 caractère : trop court pour dire pourquoi vous écrivez",
                "1 character: too short to say why you write"
            ))
        );
        assert!(!fires(
            "Hi Claire, I read your article on urban logistics and learned a lot. Thanks!",
            Lang::En,
            RuleId::TooShort
        ));
    }

    #[test]
    fn too_long_counts_utf16_on_linkedin_and_points_past_the_limit() {
        let linter = Linter::default();
        let note = format!("{}👋 fin", "a".repeat(199));
        let cx = Context::default();
        let r = linter.lint(&note, &cx);
        let d = r.diagnostics.iter().find(|d| d.rule == RuleId::TooLong);
        let d = d.map(|d| (d.severity, &note[d.span.clone()]));
        assert_eq!(d, Some((Severity::Error, "👋 fin")));
        assert_eq!(r.stats.length, 205);
        // Premium: 300, and 205 is well under it.
        let cx = Context {
            tier: Tier::Premium,
            ..Context::default()
        };
        assert!(
            !linter
                .lint(&note, &cx)
                .diagnostics
                .iter()
                .any(|d| d.rule == RuleId::TooLong)
        );
    }

    #[test]
    fn too_long_hints_when_close() {
        let note = "Bonjour Claire, ".to_string() + &"é".repeat(170);
        let r = Linter::default().lint(&note, &Context::default());
        let d = r.diagnostics.iter().find(|d| d.rule == RuleId::TooLong);
        assert_eq!(d.map(|d| d.severity), Some(Severity::Info));
    }
}
