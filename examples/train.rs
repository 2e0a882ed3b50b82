//! Trains the pitch model (`data/model/pitch.tsv`) on the `dev` split of the
//! written corpus (`tests/corpus/{fr,en}.toml`); see
//! `poignee::reading::model::train`. `tests/corpus.rs` checks that the
//! shipped file is what this writes.
//!
//! ```sh
//! cargo run --release --example train
//! ```

use poignee::reading::model::train;
use serde::Deserialize;
use std::process::ExitCode;

const OUT: &str = "data/model/pitch.tsv";

#[derive(Deserialize)]
struct Corpus {
    note: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    split: String,
    text: String,
    pitch: bool,
}

fn main() -> ExitCode {
    let mut notes = Vec::new();
    for lang in ["fr", "en"] {
        let path = format!("tests/corpus/{lang}.toml");
        let corpus: Corpus = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| toml::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(c) => c,
            Err(e) => {
                eprintln!("train: {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        notes.extend(corpus.note.into_iter().filter(|n| n.split == "dev"));
    }
    let examples: Vec<(&str, bool)> = notes.iter().map(|n| (n.text.as_str(), n.pitch)).collect();
    let out = train(&examples);
    if let Err(e) = poignee::fsutil::write_replace(std::path::Path::new(OUT), out.as_bytes()) {
        eprintln!("train: {OUT}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{OUT}: trained on {} notes", notes.len());
    ExitCode::SUCCESS
}
