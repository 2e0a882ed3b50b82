//! `long-sentence`: « soyez simple ». A sentence too long to read at a glance,
//! with the note's readability (Flesch for English, Kandel–Moles for French)
//! as information, never as an error.

use crate::diagnostic::RuleId;
use crate::lang::Localized;
use crate::note::{Note, Out};

pub fn check(n: &Note, out: &mut Out) {
    let max = n.thresholds().long_sentence_words;
    for s in &n.sentences {
        // The words are in text order and apart: those inside the sentence
        // are one run of them, found by two binary searches.
        let first = n.words.partition_point(|w| w.start < s.start);
        let past = n.words.partition_point(|w| w.end <= s.end);
        let words = past.saturating_sub(first);
        if words <= max {
            continue;
        }
        out.push(
            RuleId::LongSentence,
            s.clone(),
            Localized::new(
                format!("phrase de {words} mots (plus de {max}) : coupez-la"),
                format!("a {words}-word sentence (over {max}): split it"),
            ),
            Some(Localized::new(
                "une idée par phrase",
                "one idea per sentence",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{fires, report};

    #[test]
    fn long_and_short() {
        let long = "Bonjour, je me permets de vous écrire parce que nous avons tous les deux travaillé dans la logistique urbaine pendant des années et que votre dernier article sur les entrepôts de proximité à Lyon m'a beaucoup appris sur le sujet.";
        assert!(fires(long, Lang::Fr, RuleId::LongSentence));
        assert!(!fires(
            "Bonjour Claire. J'ai lu votre article. Merci !",
            Lang::Fr,
            RuleId::LongSentence
        ));
    }

    #[test]
    fn readability_is_higher_for_plain_text() {
        let plain = report(
            "Hi Sam. I read your post. It was good. Thanks.",
            Lang::En,
            None,
        );
        let dense = report(
            "Hi Sam, considering organisational transformation methodologies, institutional stakeholders' expectations necessitate comprehensive reconsideration.",
            Lang::En,
            None,
        );
        let (p, d) = (
            plain.stats.readability.unwrap_or(0.0),
            dense.stats.readability.unwrap_or(100.0),
        );
        assert!(p > 70.0 && d < 30.0, "{p} {d}");
    }
}
