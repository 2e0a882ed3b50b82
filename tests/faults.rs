//! Faults, each an automated test: a malformed config, template and draft
//! (a fixture each, with the message and its file:line:col asserted); a
//! drafts folder that cannot be written (a clear error, the text still in
//! the editor); two saves for the same person (two files). SIGKILL during
//! typing is in `tui_pty.rs`.

mod common;

use common::poignee;
use poignee::config::Config;
use poignee::lang::Lang;
use poignee::lint::{Linter, Severity};
use poignee::template::Library;
use poignee::tui::app::{App, Setup};
use predicates::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use std::path::{Path, PathBuf};

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
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        // Absolute: a relative folder is read from the config's own folder.
        format!(
            "templates_dir = \"{}/{FIXTURES}/templates\"\n",
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
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

fn app(drafts: PathBuf) -> App {
    let setup = Setup::new(
        &Config::default(),
        Lang::En,
        Linter::default(),
        Library::shipped(),
        false,
    );
    App::new(Setup {
        drafts_dir: Some(drafts),
        ..setup
    })
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.key(KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    });
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

const NOTE: &str = "Hi Claire, we met at the Web Summit on urban logistics; your point on cargo bikes stayed with me. Thanks!";

/// A drafts folder that cannot be made (a file is in the way): the error
/// says so, names the folder, and the text stays, unsaved, in the editor.
#[test]
fn an_unwritable_drafts_folder_keeps_the_text_and_says_why() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let blocker = dir.path().join("drafts");
    std::fs::write(&blocker, "a file, not a folder").unwrap_or_else(|e| panic!("{e}"));
    let mut a = app(blocker.join("inside"));
    typed(&mut a, NOTE);
    // Saved as a draft (Alt-S): approving would first ask who it is for.
    key(&mut a, KeyCode::Char('s'), KeyModifiers::ALT);
    let n = a.notice.clone().unwrap_or_else(|| panic!("a notice"));
    assert_eq!(n.level, Severity::Error);
    assert!(
        n.text.starts_with("not saved (") && n.text.contains("drafts/inside"),
        "{}",
        n.text
    );
    assert!(n.text.ends_with("your text stays here"), "{}", n.text);
    assert_eq!(a.note.text(), NOTE);
    assert!(a.dirty, "still unsaved, so quitting asks");
    assert!(a.effects.is_empty(), "nothing copied as if saved");
    // The folder fixed, the same text saves.
    let mut a2 = app(dir.path().join("ok"));
    typed(&mut a2, NOTE);
    key(&mut a2, KeyCode::Char('s'), KeyModifiers::ALT);
    assert!(dir.path().join("ok/note.md").exists());
}

#[test]
fn two_saves_for_the_same_person_make_two_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..2 {
        let mut a = app(dir.path().to_path_buf());
        a.focus = poignee::tui::app::Focus::Form(0);
        typed(&mut a, "Claire Martin");
        a.focus = poignee::tui::app::Focus::Note;
        typed(&mut a, NOTE);
        key(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    }
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    assert_eq!(
        names(dir.path()),
        ["claire-martin-2.md", "claire-martin.md"]
    );
}

#[test]
fn draft_refuses_an_output_folder_it_cannot_make() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("people.csv");
    std::fs::write(
        &people,
        "first_name,last_name,event,topic\nClaire,Martin,VivaTech,la logistique\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, "a file").unwrap_or_else(|e| panic!("{e}"));
    common::draft(&people, &blocker)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out: is not a folder"));
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap_or_default(),
        "a file"
    );
}
