//! Faults, each an automated test: a malformed config, template and draft
//! (a fixture each, with the message and its file:line:col asserted); an
//! output folder that cannot be made. The TUI's (a drafts folder that cannot
//! be written, two saves for the same person) are in its own tests, SIGKILL
//! during typing in `tui_pty.rs`.

mod common;

use common::poignee;
use predicates::prelude::*;

const FIXTURES: &str = "tests/fixtures/faults";

#[test]
fn a_malformed_config_names_file_line_column_and_key() {
    poignee()
        .args(["--lang", "en", "--config", &format!("{FIXTURES}/config.toml"), "check", "examples/drafts/fr-propre.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: tests/fixtures/faults/config.toml:5:15: key `rules.sales-pitch`: unknown value `eror`",
        ))
        .stderr(predicate::str::contains("(did you mean `error`?)"));
}

#[test]
fn a_malformed_template_names_file_line_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        // Absolute: a relative folder is read from the config's own folder.
        format!(
            "templates_dir = \"{}/{FIXTURES}/templates\"\n",
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .expect("writes the file");
    poignee()
        .args(["--lang", "en", "--config"])
        .arg(&config)
        .args(["templates", "check", "casse"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error: invalid front matter: invalid TOML: unclosed table, expected `]`",
        ))
        .stdout(predicate::str::contains(
            "/tests/fixtures/faults/templates/casse.md:4:20",
        ));
}

#[test]
fn a_malformed_draft_names_file_line_column_and_the_run_goes_on() {
    poignee()
        .args(["--lang", "en", "check", "--format", "short", &format!("{FIXTURES}/draft.md"), "examples/drafts/fr-propre.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "tests/fixtures/faults/draft.md:5:16: error[file]: invalid front matter: key `target.relationship`: unknown value `ami`: use `none`, `met`",
        ))
        .stdout(predicate::str::contains("2 files checked: 0 errors, 0 warnings, 0 infos; 1 unreadable"));
}

#[test]
fn draft_refuses_an_output_folder_it_cannot_make() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let people = dir.path().join("people.csv");
    std::fs::write(
        &people,
        "first_name,last_name,event,topic\nClaire,Martin,VivaTech,la logistique\n",
    )
    .expect("writes the file");
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, "a file").expect("writes the file");
    common::draft(&people, &blocker)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out: is not a folder"));
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap_or_default(),
        "a file"
    );
}
