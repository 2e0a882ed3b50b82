//! `control-chars`: characters nobody sees in a note. Terminal controls
//! (escape, bell), bidirectional overrides that make text read backwards,
//! zero-width spaces and joiners: they slip in from a file, a spreadsheet
//! cell or a web page, and the platform keeps them.

use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::note::{Note, Out};
use crate::text::is_hidden;

/// The distinct characters a message names, at most.
const NAMED: usize = 3;

pub fn check(n: &Note, out: &mut Out) {
    let text = n.text;
    let mut run: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        if is_hidden(text, i, c) {
            let start = run.map_or(i, |(s, _)| s);
            run = Some((start, i + c.len_utf8()));
            continue;
        }
        if let Some((s, e)) = run.take() {
            report(text, s, e, out);
        }
    }
    if let Some((s, e)) = run {
        report(text, s, e, out);
    }
}

fn report(text: &str, start: usize, end: usize, out: &mut Out) {
    let mut seen: Vec<char> = Vec::new();
    for c in text[start..end].chars() {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    let more = seen.len() > NAMED;
    let named: Vec<(String, String)> = seen.iter().take(NAMED).map(|&c| name(c)).collect();
    let list = |pick: fn(&(String, String)) -> &String| {
        let mut s = named
            .iter()
            .map(pick)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if more {
            s.push_str(", …");
        }
        s
    };
    let (fr, en) = (list(|n| &n.0), list(|n| &n.1));
    let (message, help) = if seen.len() == 1 && end - start == seen[0].len_utf8() {
        (
            Localized::new(
                format!("caractère invisible dans la note : {fr}"),
                format!("an invisible character in the note: {en}"),
            ),
            Localized::new(
                "retirez-le : il ne s'affiche pas, mais la plateforme l'envoie",
                "remove it: it doesn't show, but the platform sends it",
            ),
        )
    } else {
        (
            Localized::new(
                format!("caractères invisibles dans la note : {fr}"),
                format!("invisible characters in the note: {en}"),
            ),
            Localized::new(
                "retirez-les : ils ne s'affichent pas, mais la plateforme les envoie",
                "remove them: they don't show, but the platform sends them",
            ),
        )
    };
    out.push(RuleId::ControlChars, start..end, message, Some(help));
}

/// `U+202E right-to-left override`, in French and English.
fn name(c: char) -> (String, String) {
    let (fr, en) = match c {
        '\u{1b}' => ("échappement", "escape"),
        '\u{7}' => ("sonnerie", "bell"),
        '\u{8}' => ("retour arrière", "backspace"),
        '\u{0}' => ("caractère nul", "null"),
        '\u{7f}' => ("suppression", "delete"),
        '\u{80}'..='\u{9f}' => ("contrôle C1", "C1 control"),
        '\u{202e}' => ("forçage droite-à-gauche", "right-to-left override"),
        '\u{202d}' => ("forçage gauche-à-droite", "left-to-right override"),
        '\u{202a}' | '\u{202b}' => ("enchâssement de sens", "bidi embedding"),
        '\u{202c}' => ("fin de forçage de sens", "pop directional formatting"),
        '\u{2066}'..='\u{2069}' => ("isolat de sens", "bidi isolate"),
        '\u{200e}' | '\u{200f}' | '\u{061c}' => ("marque de sens", "direction mark"),
        '\u{200b}' => ("espace sans largeur", "zero-width space"),
        '\u{200c}' => ("antiliant sans largeur", "zero-width non-joiner"),
        '\u{200d}' => ("liant sans largeur", "zero-width joiner"),
        '\u{2060}' => ("gluon de mots", "word joiner"),
        '\u{feff}' => ("espace insécable sans largeur", "zero-width no-break space"),
        _ => ("caractère de contrôle", "control character"),
    };
    let code = format!("U+{:04X}", c as u32);
    (format!("{code} {fr}"), format!("{code} {en}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{report as lint, spans};

    const RULE: RuleId = RuleId::ControlChars;

    #[test]
    fn one_diagnostic_per_run_of_hidden_characters() {
        let text = "Bonjour Eve\u{1b}]0;HACKED\u{7}, vu au salon \u{202e}Web2Day\u{202c}.";
        assert_eq!(
            spans(text, Lang::Fr, RULE),
            ["\u{1b}", "\u{7}", "\u{202e}", "\u{202c}"]
        );
        let r = lint("Hi\u{200b}\u{200b}\u{feff} Eve", Lang::En, None);
        let d: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == RULE).collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, 2..11);
        assert_eq!(
            d[0].message.en,
            "invisible characters in the note: U+200B zero-width space, U+FEFF zero-width no-break space"
        );
        assert_eq!(d[0].severity, crate::Severity::Error);
    }

    #[test]
    fn names_the_characters_in_both_languages() {
        let r = lint("Bonjour \u{202e}Claire", Lang::Fr, None);
        let d = r.diagnostics.iter().find(|d| d.rule == RULE);
        let d = d.map(|d| (d.message.get(Lang::Fr).into_owned(), d.message.en.clone()));
        assert_eq!(
            d,
            Some((
                "caractère invisible dans la note\u{a0}: U+202E forçage droite-à-gauche".into(),
                "an invisible character in the note: U+202E right-to-left override".into()
            ))
        );
        let many = "a\u{1}\u{2}\u{3}\u{4}b";
        let r = lint(many, Lang::En, None);
        let d = r.diagnostics.iter().find(|d| d.rule == RULE);
        assert!(d.is_some_and(|d| d.message.en.ends_with(", …")), "{d:?}");
    }

    #[test]
    fn line_breaks_tabs_and_emoji_sequences_are_fine() {
        for text in [
            "Bonjour Claire,\r\nMerci\tbeaucoup.",
            "Hi Claire 👩‍💻, fellow dev 🏳️‍🌈 👨‍👩‍👧 ❤️‍🔥",
            "Bonjour Claire, à bientôt !",
        ] {
            assert!(spans(text, Lang::En, RULE).is_empty(), "{text:?}");
        }
        // A joiner that joins no emoji is hidden.
        assert_eq!(
            spans("Hi Cl\u{200d}aire 👩\u{200d}", Lang::En, RULE).len(),
            2
        );
    }

    #[test]
    fn c1_and_del_are_controls() {
        assert_eq!(
            spans("Hi \u{9b}31m Eve\u{7f}", Lang::En, RULE),
            ["\u{9b}", "\u{7f}"]
        );
    }
}
