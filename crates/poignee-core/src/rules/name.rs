//! `no-name`: « soyez poli ». When the draft knows who it is for, the note
//! greets that person by name; a note without it reads like a mass mailing.

use crate::diagnostic::RuleId;
use crate::lang::{Lang, Localized};
use crate::lexicon::Category;
use crate::note::{Note, Out};
use crate::text::{fold, is_word_char};

pub fn check(n: &Note, out: &mut Out) {
    let Some(name) = n.cx.target.and_then(|t| t.name.as_deref()) else {
        return;
    };
    let folded = n.folded.as_str();
    let parts: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .chain(name.split_whitespace())
        .map(fold)
        .filter(|p| p.chars().filter(|c| is_word_char(*c)).count() >= 2)
        .collect();
    if parts.is_empty() || parts.iter().any(|p| contains_word(folded, p)) {
        return;
    }
    let first = name.split_whitespace().next().unwrap_or(name);
    let span = n
        .hits(Category::Greeting)
        .next()
        .map_or(0..0, |h| h.span.end..h.span.end);
    let example = match n.lang {
        Lang::Fr => format!("« Bonjour {first}, »"),
        Lang::En => format!("“Hi {first},”"),
    };
    out.push(
        RuleId::NoName,
        span,
        Localized::new(
            format!("le nom de {name} n'apparaît pas dans la note"),
            format!("{name}'s name does not appear in the note"),
        ),
        Some(Localized::new(
            format!("saluez la personne par son prénom : {example}"),
            format!("greet them by name: {example}"),
        )),
    );
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::report;
    use crate::target::Target;

    fn fires(text: &str, name: &str) -> bool {
        let t = Target {
            name: Some(name.into()),
            ..Target::default()
        };
        report(text, Lang::Fr, Some(&t))
            .diagnostics
            .iter()
            .any(|d| d.rule == RuleId::NoName)
    }

    #[test]
    fn name_found_whatever_the_case_and_accents() {
        assert!(!fires("Bonjour Hélène, merci.", "Hélène Dupré"));
        assert!(!fires("Bonjour HELENE, merci.", "Hélène Dupré"));
        assert!(!fires("Bonjour Madame Dupré, merci.", "Hélène Dupré"));
        assert!(!fires("Bonjour Jean-Pierre, merci.", "Jean-Pierre Roux"));
    }

    #[test]
    fn name_missing_or_only_inside_a_word() {
        assert!(fires("Bonjour, merci.", "Claire Martin"));
        assert!(fires("Bonjour Clairette, merci.", "Claire Martin"));
    }

    #[test]
    fn no_target_no_rule() {
        let r = report("Bonjour, merci.", Lang::Fr, None);
        assert!(!r.diagnostics.iter().any(|d| d.rule == RuleId::NoName));
    }
}
