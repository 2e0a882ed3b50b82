//! A small learned weighting for the sales pitches no pattern names: a
//! logistic regression over the note's words and word pairs, its weights
//! shipped as data (`data/model/pitch.tsv`) and trained on the `dev` split
//! of the written corpus by `cargo run --release --example train`.
//!
//! The patterns say *what* a note sells or asks; the model only says that a
//! note reads like the many that do — a word like "stand", "pilot" or « tour
//! d’écran » next to a question mark and a price. So it speaks only when the
//! patterns found no pitch, and points at the sentence that weighs most.
//!
//! Words are the pattern tokenizer's, accents and case folded; a number is
//! `#`, a capitalised word inside a line (a name) is `CAP`, and `?` and `!`
//! are words of their own.

use super::tokens::{Kind, Token};
use crate::text::Folded;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

/// The shipped weights.
const PITCH: &str = include_str!("../../data/model/pitch.tsv");

/// One token as the model reads it, with the sentence it is in.
pub struct Unit<'a> {
    pub word: &'a str,
    pub sentence: u32,
}

/// The model's words for the tokens of a note (`folded` is its folded form).
pub fn units<'a>(original: &str, folded: &'a str, toks: &[Token]) -> Vec<Unit<'a>> {
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let word = match t.kind {
            Kind::Number => "#",
            Kind::Punct => match &folded[t.folded.clone()] {
                "?" => "?",
                "!" => "!",
                _ => continue,
            },
            Kind::Word => {
                let name = t.capital && {
                    let line_start = i.checked_sub(1).is_none_or(|p| {
                        let prev = &toks[p];
                        prev.sentence != t.sentence
                            || original[prev.span.end..t.span.start].contains('\n')
                            || matches!(&folded[prev.folded.clone()], "." | "!" | "?" | ":")
                    });
                    // An acronym ("CV", « RGPD ») is a word, not a name.
                    !line_start && original[t.span.clone()].chars().any(char::is_lowercase)
                };
                if name {
                    "CAP"
                } else {
                    &folded[t.folded.clone()]
                }
            }
        };
        out.push(Unit {
            word,
            sentence: t.sentence,
        });
    }
    out
}

/// The features of a note: each word, and each pair of neighbouring words
/// written with a space between them (how the weights file names them), as
/// often as they occur.
pub fn features<S: AsRef<str>>(words: &[S]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.as_ref().to_owned()).collect();
    out.extend(
        words
            .windows(2)
            .map(|w| format!("{} {}", w[0].as_ref(), w[1].as_ref())),
    );
    out
}

fn key(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(29) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn feature_key(feature: &str) -> u64 {
    match feature.split_once(' ') {
        Some((a, b)) => pair(key(a), key(b)),
        None => key(feature),
    }
}

/// A weighting: a bias, a weight per feature, and the probability from
/// which a note counts as a pitch.
pub struct Model {
    bias: f64,
    threshold: f64,
    weights: FxHashMap<u64, f64>,
}

/// How a note leans: the probability the model gives, and the sentence that
/// weighs most towards it.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaning {
    pub probability: f64,
    /// Over the model's threshold.
    pub likely: bool,
    pub sentence: Option<Range<usize>>,
}

/// A malformed line of a weights file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct ModelError {
    pub line: usize,
    pub what: &'static str,
}

static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    // Fixed data, read by the tests below.
    Model::parse(PITCH).expect("the shipped weights parse")
});

impl Model {
    /// The shipped pitch model.
    pub fn pitch() -> &'static Model {
        &SHIPPED
    }

    /// Reads a weights file: `bias`, `threshold`, then `feature<TAB>weight`
    /// lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        let mut model = Model {
            bias: 0.0,
            threshold: 0.5,
            weights: FxHashMap::default(),
        };
        for (name, value) in entries(text)? {
            match name.as_str() {
                "bias" => model.bias = value,
                "threshold" => model.threshold = value,
                _ => {
                    model.weights.insert(feature_key(&name), value);
                }
            }
        }
        Ok(model)
    }

    /// The weight of a feature (0 when unknown).
    pub fn weight(&self, feature: &str) -> f64 {
        self.weights
            .get(&feature_key(feature))
            .copied()
            .unwrap_or(0.0)
    }

    /// How a note whose units are `units` leans; `sentences` are its
    /// sentences' byte ranges.
    pub fn lean(&self, units: &[Unit], sentences: &[Range<usize>]) -> Leaning {
        let mut by_sentence: Vec<f64> = vec![0.0; sentences.len()];
        let mut z = self.bias;
        let mut add = |k: u64, sentence: u32| {
            if let Some(w) = self.weights.get(&k) {
                z += w;
                if let Some(s) = by_sentence.get_mut(sentence as usize) {
                    *s += w;
                }
            }
        };
        let mut previous: Option<u64> = None;
        for u in units {
            let k = key(u.word);
            add(k, u.sentence);
            if let Some(p) = previous {
                add(pair(p, k), u.sentence);
            }
            previous = Some(k);
        }
        let probability = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
        let sentence = by_sentence
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .and_then(|(i, _)| sentences.get(i).cloned());
        Leaning {
            probability,
            likely: probability >= self.threshold,
            sentence,
        }
    }
}

/// The model's units of a text, for training: folds and tokenizes it the
/// way a note is read.
pub fn units_of(text: &str) -> Vec<String> {
    let folded = Folded::new(text);
    let sentences = crate::text::sentences(text);
    let toks = super::tokens::tokenize(text, &folded, &sentences);
    units(text, folded.as_str(), &toks)
        .into_iter()
        .map(|u| u.word.to_owned())
        .collect()
}

/// Features seen in fewer notes are left out.
const MIN_NOTES: usize = 2;
const EPOCHS: usize = 40;
const RATE: f64 = 0.1;
const L2: f64 = 0.005;
/// The probability from which a note counts as a pitch: high, so the model
/// adds catches without adding false alarms on notes that ask nothing.
const THRESHOLD: f64 = 0.8;
/// Weights closer to zero are left out of the file.
const KEEP: f64 = 0.005;

/// Trains a pitch model on `notes` (a text, and whether it is a pitch): a
/// logistic regression over [`features`], fitted by stochastic gradient
/// descent with an L2 penalty, in a fixed order. Returns the weights file.
pub fn train(notes: &[(&str, bool)]) -> String {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use std::fmt::Write as _;
    let examples: Vec<Vec<String>> = notes.iter().map(|(t, _)| features(&units_of(t))).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for fs in &examples {
        let distinct: BTreeSet<&str> = fs.iter().map(String::as_str).collect();
        for f in distinct {
            *seen.entry(f).or_default() += 1;
        }
    }
    // Indices in sorted order, so the run does not depend on hashing.
    let vocabulary: BTreeSet<&str> = seen
        .into_iter()
        .filter(|(_, n)| *n >= MIN_NOTES)
        .map(|(f, _)| f)
        .collect();
    let index: BTreeMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i))
        .collect();
    let xs: Vec<Vec<usize>> = examples
        .iter()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect()
        })
        .collect();
    let mut w = vec![0.0f64; index.len()];
    let mut bias = 0.0f64;
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..EPOCHS {
        // Fisher–Yates with xorshift: a fixed, portable shuffle.
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let z: f64 = bias + xs[i].iter().map(|&f| w[f]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let g = p - if notes[i].1 { 1.0 } else { 0.0 };
            bias -= RATE * g;
            for &f in &xs[i] {
                w[f] -= RATE * (g + L2 * w[f]);
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Pitch model: written by `cargo run --release --example train` from the dev split\n\
         # of tests/corpus ({} notes, features in {MIN_NOTES}+ notes, {EPOCHS} epochs, rate {RATE}, L2 {L2}).\n\
         # Do not edit by hand: retrain. Format: see src/reading/model.rs.",
        notes.len()
    );
    let _ = writeln!(out, "bias\t{bias:.4}");
    let _ = writeln!(out, "threshold\t{THRESHOLD}");
    for (f, &i) in &index {
        if w[i].abs() >= KEEP {
            let _ = writeln!(out, "{f}\t{:.4}", w[i]);
        }
    }
    out
}

/// The entries of a weights file by name (`bias`, `threshold`, features),
/// for comparing two files.
pub fn entries(text: &str) -> Result<Vec<(String, f64)>, ModelError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |what| ModelError { line: i + 1, what };
        let (name, value) = line.split_once('\t').ok_or(err("no tab"))?;
        let value: f64 = value.trim().parse().map_err(|_| err("not a number"))?;
        out.push((name.to_owned(), value));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lean(text: &str) -> Leaning {
        let folded = Folded::new(text);
        let sentences = crate::text::sentences(text);
        let toks = super::super::tokens::tokenize(text, &folded, &sentences);
        Model::pitch().lean(&units(text, folded.as_str(), &toks), &sentences)
    }

    #[test]
    fn names_numbers_and_questions_are_words_of_their_own() {
        assert_eq!(
            units_of("Bonjour Léa, 40 places chez Acme ? CV joint."),
            [
                "bonjour", "CAP", "#", "places", "chez", "CAP", "?", "cv", "joint"
            ]
        );
    }

    #[test]
    fn the_shipped_weights_parse_and_lean() {
        let model = Model::pitch();
        assert!(model.weights.len() > 100);
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        let pitch = lean(
            "Hi Tom, our crew installs solar carports for car dealers in Kent, \
             fixed price and no downtime. Could I pop by your site on Thursday with a quote?",
        );
        assert!(pitch.likely, "{pitch:?}");
        assert!(pitch.sentence.is_some());
        let good = lean(
            "Hi Tom, we met at the Kent renewables meetup on Tuesday; your point about \
             grid delays stayed with me. Thanks for the talk!",
        );
        assert!(!good.likely, "{good:?}");
    }

    #[test]
    fn a_bad_weights_file_names_its_line() {
        assert_eq!(
            Model::parse("bias\t0.1\nword 0.3\n").err(),
            Some(ModelError {
                line: 2,
                what: "no tab"
            })
        );
        assert_eq!(
            Model::parse("bias\tx\n").err(),
            Some(ModelError {
                line: 1,
                what: "not a number"
            })
        );
    }
}
