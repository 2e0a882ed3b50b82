//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// The binary, isolated from the user's config, data and language.
pub fn poignee() -> Command {
    let mut cmd = Command::cargo_bin("poignee").unwrap_or_else(|e| panic!("binary: {e}"));
    cmd.env_remove("POIGNEE_CONFIG")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent-poignee-test")
        .env("XDG_DATA_HOME", "/nonexistent-poignee-test")
        .env("HOME", "/nonexistent-poignee-test");
    cmd
}

/// `poignee --lang en draft --template fr/evenement --people PEOPLE --out OUT`.
pub fn draft(people: &Path, out: &Path) -> Command {
    let mut cmd = poignee();
    cmd.args([
        "--lang",
        "en",
        "draft",
        "--template",
        "fr/evenement",
        "--people",
    ])
    .arg(people)
    .arg("--out")
    .arg(out);
    cmd
}

/// The files of a folder, names only, sorted (a temporary file left behind
/// would show).
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
