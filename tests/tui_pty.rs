//! The real binary in a pseudo-terminal: type a note, fill the target,
//! approve, and find the file on disk and the clipboard sequence; kill it with
//! SIGKILL mid-sentence and get the text back at the next start.

#![cfg(unix)]

use base64::Engine;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

fn start(dir: &Path) -> Session {
    let s = spawn(dir, &[]);
    s.wait_for("poignee", "the first frame");
    s
}

/// The binary in a pseudo-terminal with `args` after the config, not yet
/// waited for.
fn spawn(dir: &Path, args: &[&str]) -> Session {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap_or_else(|e| panic!("pty: {e}"));
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_poignee"));
    cmd.arg("--config");
    cmd.arg(dir.join("config.toml"));
    cmd.args(args);
    cmd.env("XDG_DATA_HOME", dir.join("data"));
    cmd.env("XDG_CONFIG_HOME", dir.join("config"));
    cmd.env("HOME", dir);
    cmd.env("LANG", "fr_FR.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("POIGNEE_CONFIG");
    cmd.env_remove("DISPLAY");
    cmd.env_remove("WAYLAND_DISPLAY");
    let child = pair
        .slave
        .spawn_command(cmd)
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    drop(pair.slave);
    let mut reader = pair
        .master
        .try_clone_reader()
        .unwrap_or_else(|e| panic!("reader: {e}"));
    let writer = pair
        .master
        .take_writer()
        .unwrap_or_else(|e| panic!("writer: {e}"));
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut o) = sink.lock() {
                o.extend_from_slice(&buf[..n]);
            }
        }
    });
    Session {
        child,
        writer,
        output,
        _master: pair.master,
    }
}

impl Session {
    fn text(&self) -> String {
        self.output
            .lock()
            .map(|o| String::from_utf8_lossy(&o).into_owned())
            .unwrap_or_default()
    }

    fn wait_for(&self, needle: &str, what: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("no {what} after 20 s");
    }

    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .unwrap_or_else(|e| panic!("write: {e}"));
        let _ = self.writer.flush();
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("poignee did not exit");
    }
}

fn wait_file(path: &Path, needle: &str) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if let Ok(s) = std::fs::read_to_string(path) {
            if s.contains(needle) {
                return s;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} never held “{needle}”", path.display());
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("drafts");
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "drafts_dir = \"{}\"\n[audience]\nregions = [\"Auvergne-Rhône-Alpes\"]\n",
            drafts.display()
        ),
    )
    .expect("writes the file");
    (dir, drafts)
}

const NOTE: &str = "Bonjour Claire, nous avons échangé au salon VivaTech sur la logistique urbaine. Au plaisir d’en reparler, merci !";

#[test]
fn type_fill_approve_and_find_the_file_and_the_clipboard() {
    let (dir, drafts) = setup();
    let mut s = start(dir.path());
    s.send(NOTE);
    // Tab to the checks, Tab to the form: name, region.
    s.send("\t\t");
    s.send("Claire Martin");
    s.send("\t"); // Tab: the next field in reading order, the region.
    s.send("Villeurbanne (69)");
    // "? cible" is on the first frame: the verdict is its tick, once the
    // region reads as one of the audience's.
    s.wait_for("✓ cible", "the audience verdict");
    s.send("\x13"); // Ctrl-S
    let saved = wait_file(&drafts.join("claire-martin.md"), "approved");
    assert!(saved.contains("name = \"Claire Martin\""), "{saved}");
    assert!(saved.contains("region = \"Villeurbanne (69)\""), "{saved}");
    // A text file ends with a newline.
    assert!(saved.ends_with(&format!("{NOTE}\n")), "{saved}");
    let b64 = base64::engine::general_purpose::STANDARD.encode(NOTE);
    s.wait_for(
        &format!("\x1b]52;c;{b64}\x07"),
        "the OSC 52 clipboard sequence",
    );
    s.send("\x11"); // Ctrl-Q: saved, so it quits at once.
    s.wait_exit();
    assert!(!dir.path().join("data/poignee/recovery.md").exists());
}

#[test]
fn sigkill_mid_sentence_then_the_text_comes_back() {
    let (dir, drafts) = setup();
    let recovery = dir.path().join("data/poignee/recovery.md");
    let mut s = start(dir.path());
    s.send("Bonjour Zoé, j’ai lu votre article sur les jardins partagés et je voul");
    wait_file(&recovery, "je voul");
    let pid = s.child.process_id().unwrap_or_else(|| panic!("a pid"));
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .is_ok_and(|st| st.success());
    assert!(killed);
    s.wait_exit();
    assert!(wait_file(&recovery, "je voul").contains("status = \"draft\""));

    let s = start(dir.path());
    let saved = accept_finish_and_save(s, &drafts);
    assert!(
        saved.ends_with("les jardins partagés et je voulais votre avis. Merci !\n"),
        "{saved}"
    );
}

/// Waits for the recovery offer (a banner over the note), restores it
/// with Ctrl-R, ends the sentence, saves it as a draft (F5: approving needs
/// a recipient), quits, and gives the saved file.
fn accept_finish_and_save(mut s: Session, drafts: &Path) -> String {
    s.wait_for("retrouv", "the recovery offer");
    s.send("\x12"); // Ctrl-R
    s.send("ais votre avis. Merci !");
    s.send("\x1b[15~");
    let saved = wait_file(&drafts.join("note.md"), "Merci");
    // The file is on disk before the app hears it was saved: a Ctrl-Q in
    // between would ask about unsaved text. Quit once it says so, as a user would.
    s.wait_for("comme brouillon", "the saved notice");
    s.send("\x11");
    s.wait_exit();
    saved
}

/// The recovery files beside `recovery.md`, set aside.
fn set_aside(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("recovery-"))
                })
                .collect()
        })
        .unwrap_or_default()
}

const FOUND: &str = "Bonjour Zoé, j’ai lu votre article sur les jardins partagés et je voul";

#[test]
fn typing_at_the_recovery_offer_never_answers_it_and_both_texts_are_kept() {
    let (dir, drafts) = setup();
    let data = dir.path().join("data/poignee");
    let recovery = data.join("recovery.md");
    std::fs::create_dir_all(&data).expect("creates the folder");
    std::fs::write(&recovery, format!("+++\nstatus = \"draft\"\n+++\n{FOUND}"))
        .expect("writes the file");
    let mut s = start(dir.path());
    // Typed at once, the first letter the old question's « keep as draft »
    // key, then words starting with its other letters.
    s.writer
        .write_all("Bonjour Inès, Oui, Non, Dear".as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    let _ = s.writer.flush();
    s.wait_for("retrouv", "the recovery offer");
    // Then letters on their own, read and typed slowly: text as well.
    for c in [" ", "B", "O", "N"] {
        std::thread::sleep(Duration::from_millis(700));
        s.send(c);
    }
    let typed = "Bonjour Inès, Oui, Non, Dear BON";
    // The new note is kept in the recovery file; the one found there is
    // moved beside it, never written over.
    wait_file(&recovery, typed);
    let aside = set_aside(&data);
    assert_eq!(aside.len(), 1, "{aside:?}");
    let old = std::fs::read_to_string(&aside[0]).unwrap_or_default();
    assert!(old.ends_with(FOUND), "{old}");
    // Restored: the text found, a blank line, what was typed.
    s.send("\x12"); // Ctrl-R
    let both = format!("{FOUND}\n\n{typed}");
    wait_file(&recovery, &both);
    // Merged with what was typed, the text found is one undo away from
    // gone: its copy stays aside.
    assert_eq!(set_aside(&data).len(), 1, "the copy aside stays");
    s.send("\x1b[15~"); // F5
    let saved = wait_file(&drafts.join("note.md"), "BON");
    assert!(saved.ends_with(&format!("{both}\n")), "{saved}");
    // Only the cells that change are written: a space both notices hold
    // at one place is skipped, so the needle has none.
    s.wait_for("✎", "the saved notice");
    s.send("\x11");
    s.wait_exit();
}

#[test]
fn esc_sets_the_recovered_text_aside_and_quitting_unanswered_offers_it_again() {
    let (dir, _drafts) = setup();
    let data = dir.path().join("data/poignee");
    let recovery = data.join("recovery.md");
    std::fs::create_dir_all(&data).expect("creates the folder");
    let found = format!("+++\nstatus = \"draft\"\n+++\n{FOUND}");
    std::fs::write(&recovery, &found).expect("writes the file");
    // Typed, never answered, quit without saving: offered again.
    let mut s = start(dir.path());
    s.wait_for("retrouv", "the recovery offer");
    s.send("Nouvelle note");
    wait_file(&recovery, "Nouvelle note");
    s.send("\x11"); // Ctrl-Q: unsaved text, asked
    s.wait_for("Texte non enregistr", "the quit question");
    s.send("n");
    s.wait_exit();
    assert_eq!(
        std::fs::read_to_string(&recovery).unwrap_or_default(),
        found
    );
    assert!(set_aside(&data).is_empty());
    // Esc: set aside, and said where; the typing stays in the note.
    let mut s = start(dir.path());
    s.wait_for("retrouv", "the recovery offer");
    s.send("Bonjour");
    s.send("\x1b");
    s.wait_for("mis de côté", "the set-aside notice");
    let aside = set_aside(&data);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(&aside[0]).unwrap_or_default(),
        found
    );
    wait_file(&recovery, "Bonjour");
    s.send("\x11");
    s.wait_for("Texte non enregistr", "the quit question");
    s.send("n");
    s.wait_exit();
}

#[test]
fn idle_the_screen_is_not_drawn_again() {
    let (dir, _) = setup();
    let mut s = start(dir.path());
    s.send("Bonjour");
    wait_file(&dir.path().join("data/poignee/recovery.md"), "Bonjour");
    // Past the recovery file's sync and the last frame: then nothing.
    std::thread::sleep(Duration::from_millis(1200));
    let before = s.output.lock().map(|o| o.len()).unwrap_or(0);
    std::thread::sleep(Duration::from_millis(1500));
    let after = s.output.lock().map(|o| o.len()).unwrap_or(0);
    assert_eq!(before, after, "bytes written while idle");
    s.send("\x11"); // Ctrl-Q: asks (unsaved text)
    s.send("n");
    s.wait_exit();
}

#[test]
fn a_draft_that_cannot_be_read_is_named_once_with_why() {
    let (dir, _) = setup();
    let missing = dir.path().join("nope.md");
    let s = spawn(
        dir.path(),
        &["compose", "--draft", &missing.display().to_string()],
    );
    s.wait_for("fichier introuvable", "the error");
    let said = s.text();
    // « …/nope.md : fichier introuvable », not « …/nope.md: : … ».
    assert!(
        said.contains("nope.md\u{a0}: fichier introuvable")
            || said.contains("nope.md : fichier introuvable"),
        "{said}"
    );
    assert!(!said.contains(": :"), "{said}");
}
