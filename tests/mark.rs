//! `poignee mark` as a user runs it: only the lines that change are
//! rewritten, bad input is named and leaves the file as it was, the other
//! files are still marked, and the exit code says which.

mod common;

use common::poignee;
use poignee::lang::Localize;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn put(p: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(p, bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    p.to_path_buf()
}

use common::files_in as names;

const ODD: &str = "+++\n# Written by hand, keys in my own order.\n[target]\nname = \"Claire Martin\"   # met at VivaTech\nrelationship = \"met\"\n+++\nBonjour Claire,\n\nravie de notre échange sur la logistique urbaine !\n";

#[test]
fn byte_for_byte_but_the_lines_that_change() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let d = tmp.path();
    // Comments, key order, a table first, no status yet.
    let odd = put(&d.join("odd.md"), ODD.as_bytes());
    // CRLF and a BOM, status last and commented.
    let crlf_bom = "\u{feff}+++\r\ntemplate = \"fr/evenement\"\r\napproved_at = 2026-01-10T10:00:00Z\r\nstatus = \"approved\" # ok\r\n+++\r\nBonjour Paul,\r\nmerci !\r\n";
    let windows = put(&d.join("windows.md"), crlf_bom.as_bytes());
    // A plain note, no front matter, no final line break.
    let plain = put(
        &d.join("plain.txt"),
        b"Hi Sam, thanks for your talk at RustConf.",
    );
    poignee()
        .arg("mark")
        .args([&odd, &windows, &plain])
        .args(["sent", "--date", "2026-01-12"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "odd.md: no status → sent on 2026-01-12",
        ))
        .stdout(predicate::str::contains(
            "windows.md: approved → sent on 2026-01-12",
        ))
        .stdout(predicate::str::contains(
            "3 marked, 0 already so, 0 not marked",
        ))
        // Neither the hand-written note nor the plain one was approved.
        .stderr(predicate::str::contains(
            "odd.md: never approved in poignee",
        ))
        .stderr(predicate::str::contains(
            "plain.txt: never approved in poignee",
        ));
    assert_eq!(
        String::from_utf8_lossy(&read(&odd)),
        ODD.replacen("+++\n", "+++\nstatus = \"sent\"\nsent_at = 2026-01-12\n", 1)
    );
    assert_eq!(
        read(&windows),
        crlf_bom
            .replace(
                "status = \"approved\" # ok\r\n",
                "status = \"sent\" # ok\r\nsent_at = 2026-01-12\r\n"
            )
            .as_bytes()
    );
    assert_eq!(
        read(&plain),
        b"+++\nstatus = \"sent\"\nsent_at = 2026-01-12\n+++\nHi Sam, thanks for your talk at RustConf."
    );
    // An answer, then another: the first answer's line goes.
    let before = read(&windows);
    poignee()
        .arg("mark")
        .arg(&windows)
        .args(["accepted", "--date", "2026-01-14"])
        .assert()
        .code(0);
    poignee()
        .arg("mark")
        .arg(&windows)
        .args(["declined", "--date", "2026-01-15"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "replaces “accepted” on 2026-01-14",
        ));
    // The answer's date goes after the sending date.
    let text = String::from_utf8_lossy(&before).replace(
        "status = \"sent\" # ok\r\nsent_at = 2026-01-12\r\n",
        "status = \"declined\" # ok\r\nsent_at = 2026-01-12\r\ndeclined_at = 2026-01-15\r\n",
    );
    assert_eq!(read(&windows), text.as_bytes());
    // The same again: nothing written, said.
    poignee()
        .arg("mark")
        .arg(&windows)
        .arg("declined")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "already declined on 2026-01-15: nothing changed",
        ));
    assert_eq!(read(&windows), text.as_bytes());
    assert_eq!(names(d), ["odd.md", "plain.txt", "windows.md"]);
}

#[test]
fn bad_files_are_named_left_as_they_were_and_the_others_marked() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let d = tmp.path();
    let good = put(&d.join("good.md"), b"+++\nstatus = \"approved\"\n+++\nHi");
    let bad_front = b"+++\nlang = \"fr\"\nstatus = \"aproved\"\n+++\nBonjour";
    let broken = put(&d.join("broken.md"), bad_front);
    let binary = put(&d.join("binary.md"), b"\x00\x01\x02garbage");
    let latin1 = put(&d.join("latin1.md"), b"+++\nlang = \"fr\"\n+++\nCaf\xe9");
    let template = put(
        &d.join("tpl.md"),
        b"+++\nname = \"fr/x\"\n+++\nBonjour {{first_name}}",
    );
    let folder = d.join("folder");
    std::fs::create_dir_all(&folder).expect("creates the folder");
    let never_sent = put(
        &d.join("approved.md"),
        b"+++\nstatus = \"approved\"\n+++\nHi",
    );
    let out = poignee()
        .arg("mark")
        .args([
            &good,
            &d.join("missing.md"),
            &broken,
            &binary,
            &latin1,
            &template,
            &folder,
        ])
        .args(["sent", "--date", "2026-01-12"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    for says in [
        "missing.md: no such file",
        "broken.md:3:10: key `status`: unknown value `aproved`",
        "(did you mean `approved`?)",
        "binary.md: ",
        "latin1.md:4:4: ",
        "tpl.md: this is a template, not an invitation",
        "folder: is a folder",
    ] {
        assert!(err.contains(says), "{says}\n{err}");
    }
    let out_text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out_text.contains("good.md: approved → sent on 2026-01-12")
            && out_text.contains("1 marked, 0 already so, 6 not marked"),
        "{out_text}"
    );
    assert_eq!(read(&broken), bad_front);
    // An answer to a note never sent: refused, with what to do.
    poignee()
        .arg("mark")
        .arg(&never_sent)
        .arg("accepted")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "was never marked sent (“approved”): mark it first, `poignee mark FILE sent --date YYYY-MM-DD`",
        ));
    // An answer before the sending.
    poignee()
        .arg("mark")
        .arg(&good)
        .args(["ignored", "--date", "2026-01-11"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the answer cannot come before it was sent",
        ));
    assert_eq!(read(&never_sent), b"+++\nstatus = \"approved\"\n+++\nHi");
    let mut left = names(d);
    left.retain(|n| n.starts_with('.'));
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn bad_usage_exits_2_and_touches_nothing() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let note = put(
        &tmp.path().join("n.md"),
        b"+++\nstatus = \"sent\"\nsent_at = 2026-01-01\n+++\nHi",
    );
    let before = read(&note);
    let cases: [(&[&str], &str); 6] = [
        (
            &["acepted"],
            "unknown outcome `acepted`: did you mean `accepted`?",
        ),
        (
            &["maybe"],
            "unknown outcome `maybe`: use `sent`, `accepted`, `ignored`, `declined`",
        ),
        (
            &["accepted", "--date", "12/01/2026"],
            "invalid date `12/01/2026`: write it YYYY-MM-DD",
        ),
        (
            &["accepted", "--date", "2026-02-30"],
            "invalid date `2026-02-30`",
        ),
        (
            &["accepted", "--date", "2999-01-01"],
            "2999-01-01 is in the future",
        ),
        (&[], "required"),
    ];
    for (args, says) in cases {
        poignee()
            .arg("mark")
            .arg(&note)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    // The outcome first: said where it goes.
    poignee()
        .args(["mark", "sent"])
        .arg(&note)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the outcome comes last: `poignee mark FILE… sent`",
        ));
    // In French too.
    poignee()
        .args(["--lang", "fr", "mark"])
        .arg(&note)
        .args(["accepted", "--date", "2999-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("le 2999-01-01 est dans le futur"));
    assert_eq!(read(&note), before);
}

#[cfg(unix)]
#[test]
fn a_link_stays_a_link_and_a_read_only_file_stays_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let real = put(
        &tmp.path().join("real.md"),
        b"+++\nstatus = \"approved\"\n+++\nHi",
    );
    let link = tmp.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&link)
        .args(["sent", "--date", "2026-01-12"])
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(
        read(&real),
        b"+++\nstatus = \"sent\"\nsent_at = 2026-01-12\n+++\nHi"
    );
    let locked = put(
        &tmp.path().join("locked.md"),
        b"+++\nstatus = \"approved\"\n+++\nHi",
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o400))
        .expect("sets the permissions");
    poignee()
        .arg("mark")
        .arg(&locked)
        .arg("sent")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "locked.md: the file is read-only: nothing written",
        ));
    assert_eq!(read(&locked), b"+++\nstatus = \"approved\"\n+++\nHi");
}

#[test]
fn pace_counts_what_was_sent() {
    // Approved long ago and sent today: this week's, for `check`'s pace.
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    std::fs::create_dir_all(&dir).expect("creates the folder");
    let files: Vec<PathBuf> = (0..3)
        .map(|i| {
            put(
                &dir.join(format!("n{i}.md")),
                format!("+++\nstatus = \"approved\"\ntier = \"premium\"\napproved_at = 2020-01-0{}T10:00:00Z\n[target]\nname = \"Person {i}\"\n+++\nNote {i} about topic {i}, sent to someone who cares about {i}.", i + 1)
                    .as_bytes(),
            )
        })
        .collect();
    let config = tmp.path().join("c.toml");
    put(&config, b"weekly_budget = 2\n");
    let check = || {
        poignee()
            .arg("--config")
            .arg(&config)
            .args(["check", "--no-saved", "--format", "json"])
            .arg(&dir)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    assert!(
        !check().contains("\"pace\""),
        "approved in 2020: not this week"
    );
    poignee()
        .arg("mark")
        .args(&files)
        .arg("sent")
        .assert()
        .code(0);
    let doc = check();
    assert!(
        doc.contains("3 notes sent or approved in the last 7 days, over your budget of 2"),
        "{doc}"
    );
}

/// What `mark ~/drafts/* sent` meets in a real folder: a CSV, a README, the
/// config, a shell file, a hidden file. None is a draft: each is named,
/// refused and left byte for byte, and the drafts beside them are marked.
#[test]
fn files_that_are_not_drafts_are_refused_and_left_as_they_were() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let d = tmp.path();
    let draft = put(&d.join("claire.md"), b"+++\nstatus = \"approved\"\n+++\nHi");
    let plain = put(&d.join("sam.txt"), b"Hi Sam, thanks for the talk.");
    // A draft with front matter is one whatever its name.
    let fenced = put(&d.join("paul.note"), b"+++\nstatus = \"approved\"\n+++\nHi");
    let others: Vec<(PathBuf, &[u8])> = vec![
        (d.join("people.csv"), b"name,company\nClaire,Acme\n"),
        (d.join("README"), b"My drafts, one a person.\n"),
        (d.join("README.md"), b"# My drafts\n\nOne a person.\n"),
        (d.join("config.toml"), b"weekly_budget = 20\n"),
        (d.join("env.sh"), b"export PATH=$HOME/bin:$PATH\n"),
        (d.join(".hidden.md"), b"not walked by check\n"),
        (d.join("latin1.csv"), b"Caf\xe9,Acme\n"),
    ];
    for (p, bytes) in &others {
        put(p, bytes);
    }
    // Ignored in the folder: `check` does not walk it, `mark` does not write it.
    let notes = put(&d.join("NOTES.md"), b"# How I write them\n");
    put(&d.join(".poigneeignore"), b"NOTES.md\n");
    let out = poignee()
        .arg("mark")
        .args([&draft, &plain, &fenced, &notes])
        .args(others.iter().map(|(p, _)| p))
        .args(["sent", "--date", "2026-01-12"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    for name in [
        "people.csv",
        "README",
        "README.md",
        "config.toml",
        "env.sh",
        ".hidden.md",
        "latin1.csv",
        "NOTES.md",
    ] {
        assert!(
            err.contains(&format!(
                "{name}: not a draft: no `+++` front matter, and not a `.txt` or `.md` note `check` would find"
            )),
            "{name}\n{err}"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        stdout.contains("3 marked, 0 already so, 8 not marked"),
        "{stdout}"
    );
    for (p, bytes) in &others {
        assert_eq!(&read(p), bytes, "{}", p.display());
    }
    assert_eq!(read(&notes), b"# How I write them\n");
    assert!(String::from_utf8_lossy(&read(&plain)).starts_with("+++\nstatus = \"sent\""));
    assert!(String::from_utf8_lossy(&read(&fenced)).contains("status = \"sent\""));
    // In French, with its typography.
    poignee()
        .args(["--lang", "fr", "mark"])
        .arg(&others[0].0)
        .arg("sent")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "people.csv\u{a0}: ce n’est pas un brouillon\u{a0}: pas d’en-tête `+++`",
        ));
}

#[cfg(unix)]
#[test]
fn a_marked_draft_keeps_its_mode_and_a_hard_link_is_not_split() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let d = tmp.path();
    let shared = put(&d.join("shared.md"), b"+++\nstatus = \"approved\"\n+++\nHi");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664))
        .expect("sets the permissions");
    // Run as root (sudo, a container), a draft of another user's stays theirs.
    let root = std::fs::metadata(&shared).is_ok_and(|m| m.uid() == 0);
    if root {
        std::os::unix::fs::chown(&shared, Some(1234), Some(1234)).expect("reads the metadata");
    }
    let before = std::fs::metadata(&shared).expect("reads the metadata");
    poignee()
        .arg("mark")
        .arg(&shared)
        .args(["sent", "--date", "2026-01-12"])
        .assert()
        .code(0);
    let after = std::fs::metadata(&shared).expect("reads the metadata");
    assert_eq!(after.permissions().mode() & 0o777, 0o664, "mode kept");
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if root {
        assert_eq!(after.uid(), 1234, "still the user's, not root's");
    }
    // Two names for one file: a rename would leave the other with the old
    // text. Refused, both names as they were.
    let linked = put(&d.join("linked.md"), b"+++\nstatus = \"approved\"\n+++\nHi");
    let other = d.join("backup.md");
    std::fs::hard_link(&linked, &other).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&linked)
        .arg("sent")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "linked.md: the file has 2 names (hard links)",
        ));
    let (a, b) = (
        std::fs::metadata(&linked).expect("reads the metadata"),
        std::fs::metadata(&other).expect("reads the metadata"),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "still one file");
    assert_eq!(read(&linked), b"+++\nstatus = \"approved\"\n+++\nHi");
    // Already so: nothing to write, so nothing refused.
    let sent = put(
        &d.join("sent.md"),
        b"+++\nstatus = \"sent\"\nsent_at = 2026-01-12\n+++\nHi",
    );
    std::fs::hard_link(&sent, d.join("sent-too.md")).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&sent)
        .arg("sent")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("nothing changed"));
}

#[cfg(unix)]
#[test]
fn a_link_says_what_it_points_to_and_is_not_a_way_out() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let drafts = tmp.path().join("drafts");
    let home = tmp.path().join("home");
    for dir in [&drafts, &home] {
        std::fs::create_dir_all(dir).expect("creates the folder");
    }
    // A link named like a draft to a file that is not one: refused, with
    // where it points.
    let rc = put(&home.join(".bashrc"), b"alias ll='ls -l'\n");
    let trap = drafts.join("trap.md");
    std::os::unix::fs::symlink(&rc, &trap).expect("makes the link");
    let real_rc = std::fs::canonicalize(&rc).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&trap)
        .arg("sent")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "trap.md → {}: not a draft",
            real_rc.display()
        )));
    assert_eq!(read(&rc), b"alias ll='ls -l'\n");
    // A link to a draft: written through, and said.
    let real = put(
        &home.join("ines.md"),
        b"+++\nstatus = \"approved\"\n+++\nHi",
    );
    let link = drafts.join("ines.md");
    std::os::unix::fs::symlink(&real, &link).expect("makes the link");
    let real_path = std::fs::canonicalize(&real).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&link)
        .args(["sent", "--date", "2026-01-12"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "ines.md → {}: approved → sent on 2026-01-12",
            real_path.display()
        )));
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(
        read(&real),
        b"+++\nstatus = \"sent\"\nsent_at = 2026-01-12\n+++\nHi"
    );
    // A dangling link: named, with where it pointed.
    let dangling = drafts.join("gone.md");
    std::os::unix::fs::symlink(home.join("gone.md"), &dangling).expect("makes the link");
    poignee()
        .arg("mark")
        .arg(&dangling)
        .arg("sent")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "gone.md → {}: no such file",
            home.join("gone.md").display()
        )));
}

/// Issue 21, item 8: `mark --date` took any past date: 1999, year 0000.
/// No invitation went out before LinkedIn opened (2003-05-05): refused,
/// as a date to come is, and the file left as it was. An answer to a note
/// marked sent with no date is refused too: `check` would call it
/// impossible.
#[test]
fn a_date_before_linkedin_is_refused_and_an_undated_sending_is_dated_first() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let note = put(
        &tmp.path().join("n.md"),
        b"+++\nstatus = \"approved\"\n+++\nHi",
    );
    let before = read(&note);
    for (lang, date, says) in [
        (
            "en",
            "2003-05-04",
            "2003-05-04 is before LinkedIn opened (on 2003-05-05)",
        ),
        ("en", "1999-12-31", "1999-12-31 is before LinkedIn opened"),
        ("en", "0000-01-01", "0000-01-01 is before LinkedIn opened"),
        (
            "fr",
            "2001-01-01",
            "le 2001-01-01 précède l’ouverture de LinkedIn (le 2003-05-05)",
        ),
    ] {
        poignee()
            .args(["--lang", lang, "mark"])
            .arg(&note)
            .args(["sent", "--date", date])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    assert_eq!(read(&note), before);
    // LinkedIn's first day is one.
    poignee()
        .args(["--lang", "en", "mark"])
        .arg(&note)
        .args(["sent", "--date", "2003-05-05"])
        .assert()
        .code(0);
    assert!(String::from_utf8_lossy(&read(&note)).contains("sent_at = 2003-05-05\n"));

    // `sent` written by hand, no date: an answer waits for the day it went out.
    let undated = put(&tmp.path().join("u.md"), b"+++\nstatus = \"sent\"\n+++\nHi");
    let before = read(&undated);
    poignee()
        .args(["--lang", "en", "mark"])
        .arg(&undated)
        .arg("accepted")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "marked sent without a date (`sent_at`): give it its day first, `poignee mark FILE sent --date YYYY-MM-DD`, then `accepted`",
        ));
    assert_eq!(read(&undated), before);
}

/// Many `mark`s of one draft at once (two terminals, a script, the editor):
/// each says the change it made (`accepted → declined on …`), and no
/// change said is lost. Taken one after the other, the changes said chain
/// from the status before to the status after: every status but the first
/// and the last is left as often as it is reached. Two `mark`s that read
/// the same state and both wrote would both say they left it.
#[test]
fn concurrent_marks_lose_no_acknowledged_answer() {
    const PROCESSES: usize = 24;
    const ROUNDS: usize = 3;
    let bin = assert_cmd::cargo::cargo_bin("poignee");
    let outcomes = ["accepted", "declined", "ignored"];
    for round in 0..ROUNDS {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let d = tmp.path();
        let draft = put(
            &d.join("claire.md"),
            b"+++\nstatus = \"sent\"\napproved_at = 2026-01-10T10:00:00Z\nsent_at = 2026-01-12\n+++\nBonjour Claire,\n\nravie de notre \xc3\xa9change sur la logistique urbaine !\n",
        );
        let children: Vec<std::process::Child> = (0..PROCESSES)
            .map(|i| {
                std::process::Command::new(&bin)
                    .env_remove("POIGNEE_CONFIG")
                    .env("LANG", "C")
                    .env("NO_COLOR", "1")
                    .env("HOME", "/nonexistent-poignee-test")
                    .env("XDG_CONFIG_HOME", "/nonexistent-poignee-test")
                    .env("XDG_DATA_HOME", "/nonexistent-poignee-test")
                    .arg("mark")
                    .arg(&draft)
                    .arg(outcomes[i % 3])
                    // Every one a change: its own outcome and day.
                    .args(["--date", &format!("2026-02-{:02}", i + 1)])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap_or_else(|e| panic!("spawn: {e}"))
            })
            .collect();
        let mut moves: Vec<(String, String)> = Vec::new();
        for child in children {
            let out = child
                .wait_with_output()
                .unwrap_or_else(|e| panic!("wait: {e}"));
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "round {round}: {stdout}{stderr}");
            // "…/claire.md: sent → accepted on 2026-02-01"
            let said = stdout
                .rsplit_once(": ")
                .and_then(|(_, m)| m.split_once(" → "))
                .map(|(from, to)| {
                    let to = to.split(" on ").next().unwrap_or("").trim();
                    (from.trim().to_string(), to.to_string())
                });
            let Some(said) = said else {
                panic!("round {round}: no change said: {stdout}{stderr}");
            };
            moves.push(said);
        }
        let text = String::from_utf8_lossy(&read(&draft)).into_owned();
        let last = outcomes
            .iter()
            .find(|o| text.contains(&format!("status = \"{o}\"")))
            .unwrap_or_else(|| panic!("round {round}: no answer in the file: {text}"));
        let mut balance: std::collections::BTreeMap<&str, i64> = Default::default();
        for (from, to) in &moves {
            *balance.entry(from.as_str()).or_default() -= 1;
            *balance.entry(to.as_str()).or_default() += 1;
        }
        balance.retain(|_, n| *n != 0);
        let expected: std::collections::BTreeMap<&str, i64> =
            [("sent", -1), (*last, 1)].into_iter().collect();
        assert_eq!(
            balance, expected,
            "round {round}: changes said that were lost: {moves:?}"
        );
        // No lock or temporary file left behind.
        assert_eq!(names(d), ["claire.md"], "round {round}");
    }
}

/// A draft that `mark` would push past the 1 MiB every command reads is
/// refused and left as it was: what is written always reads back.
#[test]
fn a_mark_never_writes_a_draft_check_would_refuse() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let head = b"+++\nstatus = \"approved\"\n+++\n";
    let mut bytes = head.to_vec();
    // Just under the cap: the note itself is one `check` reads.
    bytes.resize(1024 * 1024 - 4, b'a');
    let big = put(&tmp.path().join("big.md"), &bytes);
    poignee()
        .arg("check")
        .arg(&big)
        .assert()
        .code(predicate::ne(2));
    poignee()
        .arg("mark")
        .arg(&big)
        .args(["sent", "--date", "2026-01-12"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "big.md: marked, the draft would pass 1 MiB, the size `check` reads: nothing written",
        ));
    assert_eq!(read(&big), bytes);
}

/// Issue 21, item 5 (the editor's side): the editor's save of the draft it
/// opened took no lock, so a `mark` in another terminal and a save could
/// interleave, and the save wrote the note back as a draft over the mark.
/// The save now takes the lock `mark` takes, waits for it, reads what the
/// mark wrote, and leaves that record as it is: the note goes beside it.
#[test]
fn a_save_from_the_editor_waits_for_a_mark_and_loses_neither() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().to_path_buf();
    let opened = b"+++\nstatus = \"approved\"\napproved_at = 2026-01-10T10:00:00Z\n\n[target]\nname = \"Claire Martin\"\n+++\nBonjour Claire,\n";
    let path = put(&dir.join("claire-martin.md"), opened);
    // The editor opened it; the user edits the note meanwhile.
    let text = String::from_utf8_lossy(opened).into_owned();
    let mut edited = poignee::draft::Draft::parse(&text).expect("the draft parses");
    edited.body = "Bonjour Claire, merci pour l’échange !\n".into();
    // A `mark … sent` holds the draft's lock (another terminal).
    let held = poignee::fsutil::Lock::beside(&path).expect("the draft parses");
    let (tx, rx) = std::sync::mpsc::channel();
    let saving = {
        let (dir, path, edited) = (dir.clone(), path.clone(), edited.clone());
        std::thread::spawn(move || {
            let saved = poignee::drafts::Folder::new(&dir).save(&edited, Some(&path));
            let _ = tx.send(());
            saved.map(|s| s.path).map_err(|e| e.message().en)
        })
    };
    // The save waits while the mark holds the lock…
    assert!(
        rx.recv_timeout(std::time::Duration::from_millis(300))
            .is_err(),
        "the save did not wait for the mark"
    );
    assert_eq!(read(&path), opened, "written under the mark's lock");
    // …the mark writes its answer and lets go…
    let marked = String::from_utf8_lossy(opened).replace(
        "status = \"approved\"\n",
        "status = \"sent\"\nsent_at = 2026-01-12\n",
    );
    put(&path, marked.as_bytes());
    drop(held);
    let saved = saving
        .join()
        .unwrap_or_else(|_| panic!("the save panicked"))
        .expect("the save ends");
    // …and neither is lost: the record stays, the note is beside it.
    assert_eq!(read(&path), marked.as_bytes(), "the mark was lost");
    assert_ne!(saved, path);
    let beside = String::from_utf8_lossy(&read(&saved)).into_owned();
    assert!(beside.ends_with("merci pour l’échange !\n"), "{beside}");
    assert_eq!(names(&dir), ["claire-martin-2.md", "claire-martin.md"]);
    // Not marked meanwhile: written over, as before, under the lock.
    let again = poignee::drafts::Folder::new(&dir)
        .save(&edited, Some(&saved))
        .unwrap_or_else(|e| panic!("{}", e.message().en));
    assert_eq!(again.path, saved);
    assert_eq!(names(&dir), ["claire-martin-2.md", "claire-martin.md"]);
}
