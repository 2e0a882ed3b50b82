//! `poignee import linkedin` as a user runs it, on exports written here
//! (synthetic people): the ZIP as downloaded and the folder it unpacks to,
//! importing again, edits and marks kept, bad rows and bad archives.

mod common;

use common::{files_in, poignee};
use predicates::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

const HEADER: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
const ME: &str = "Sam Writer";
const MY_URL: &str = "https://www.linkedin.com/in/sam-writer";

/// An outgoing invitation row.
fn out_row(to: &str, sent: &str, note: &str, url: &str) -> String {
    let note = note.replace('"', "\"\"");
    format!("{ME},{to},\"{sent}\",\"{note}\",OUTGOING,{MY_URL},{url}\n")
}

const CONNECTIONS_HEAD: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

/// `Connections.csv` with its notes preamble: (first, last, url, day).
fn connections(rows: &[(&str, &str, &str, &str)]) -> String {
    let mut s = CONNECTIONS_HEAD.to_string();
    for (first, last, url, on) in rows {
        let mail = format!(
            "{}.{}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        );
        s.push_str(&format!("{first},{last},{url},{mail},Acme,Engineer,{on}\n"));
    }
    s
}

fn folder(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("creates the folder");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir.to_path_buf()
}

/// A ZIP as LinkedIn sends one, made with the zip crate's writer.
fn zip(path: &Path, files: &[(&str, &str)]) -> PathBuf {
    let file = std::fs::File::create(path).expect("opens the file");
    let mut w = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        w.start_file(*name, options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        w.write_all(text.as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    w.finish().expect("finishes the archive");
    path.to_path_buf()
}

fn import(export: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = poignee();
    cmd.args(["--lang", "en", "import", "linkedin"])
        .arg(export)
        .arg("--out")
        .arg(out);
    cmd
}

fn json_of(export: &Path, out: &Path) -> serde_json::Value {
    let o = import(export, out)
        .args(["--format", "json"])
        .output()
        .expect("the binary runs");
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {:?}", o))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A draft's front-matter line `key = value`, as written.
fn field(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")))
        .map(|v| v.trim_matches('"').to_string())
}

const ANN: &str = "Hi Ann, we met at the Lyon data meetup last week and your talk on graph storage stayed with me. Thanks, Sam";
const BOB: &str = "Hi Bob, your article on warehouse routing answered a question my team had for months. Thanks for writing it!";
const CY: &str = "Bonjour Cy, nous avons échangé au salon de la logistique à Lyon sur les entrepôts urbains. Merci !";
const DEE: &str = "Hi Dee, Lou Park from the Rust meetup said you'd be the one to ask about embedded testing. Thanks!";
const EVE: &str =
    "Hello Eve, I enjoyed your panel at the Paris product conference on pricing pages. Thank you!";

/// Five notes (two accepted by link, one by a name only one connection
/// has, one whose name two connections share, one connected before it was
/// sent), two invitations without a note (one accepted), one received.
fn first_export() -> Vec<(&'static str, String)> {
    let mut inv = HEADER.to_string();
    inv += &out_row(
        "Ann Lee",
        "9/25/24, 8:52 AM",
        ANN,
        "https://www.linkedin.com/in/ann-lee",
    );
    inv += &out_row(
        "Bob Ray",
        "2024-09-20 10:00:00 UTC",
        BOB,
        "https://www.linkedin.com/in/bob-ray",
    );
    inv += &out_row("Cy Blanc", "15 sept. 2024", CY, "");
    inv += &out_row("Dee Moss", "2024-10-01 09:00 UTC", DEE, "");
    inv += &out_row(
        "Eve Stone",
        "10/2/24, 3:10 PM",
        EVE,
        "https://www.linkedin.com/in/eve-stone",
    );
    inv += &out_row(
        "Gus Hall",
        "10/3/24, 9:00 AM",
        "",
        "https://www.linkedin.com/in/gus-hall",
    );
    inv += &out_row(
        "Hal Kemp",
        "10/4/24, 9:00 AM",
        "",
        "https://www.linkedin.com/in/hal-kemp",
    );
    inv +=
        "Zed Ali,Sam Writer,\"10/5/24, 1:00 PM\",hey,INCOMING,https://www.linkedin.com/in/zed,\n";
    let conn = connections(&[
        (
            "Ann",
            "Lee",
            "https://www.linkedin.com/in/ann-lee/",
            "27 Sep 2024",
        ),
        (
            "Bob",
            "Ray",
            "https://linkedin.com/in/bob-ray",
            "21 sept. 2024",
        ),
        (
            "Cy",
            "Blanc",
            "https://www.linkedin.com/in/cy-blanc-42",
            "1er oct. 2024",
        ),
        (
            "Dee",
            "Moss",
            "https://www.linkedin.com/in/dee-moss-1",
            "2 Oct 2024",
        ),
        (
            "Dee",
            "Moss",
            "https://www.linkedin.com/in/dee-moss-2",
            "3 Oct 2024",
        ),
        (
            "Eve",
            "Stone",
            "https://www.linkedin.com/in/eve-stone",
            "01 Aug 2021",
        ),
        (
            "Gus",
            "Hall",
            "https://www.linkedin.com/in/gus-hall",
            "5 Oct 2024",
        ),
    ]);
    vec![("Invitations.csv", inv), ("Connections.csv", conn)]
}

fn as_refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    files.iter().map(|(n, t)| (*n, t.as_str())).collect()
}

#[test]
fn the_zip_and_the_folder_give_the_same_drafts() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let files = first_export();
    // The ZIP as downloaded: members inside a folder of their own.
    let nested: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| {
            (
                format!("Basic_LinkedInDataExport_10-05-2024/{n}"),
                t.clone(),
            )
        })
        .collect();
    let nested: Vec<(&str, &str)> = nested
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let z = zip(&tmp.path().join("export.zip"), &nested);
    let f = folder(&tmp.path().join("unpacked"), &as_refs(&files));
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    import(&z, &a)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "7 invitations sent in the export: 5 with a note, 2 without",
        ))
        .stdout(predicate::str::contains(
            "Dee Moss (2024-10-01): 2 connections have this name",
        ))
        .stdout(predicate::str::contains(
            "Eve Stone (2024-10-02): connected on 2021-08-01, before",
        ));
    import(&f, &b).assert().success();
    let names = files_in(&a);
    assert_eq!(names, files_in(&b));
    assert_eq!(
        names,
        [
            ".poignee-import.csv",
            "ann-lee.md",
            "bob-ray.md",
            "cy-blanc.md",
            "dee-moss.md",
            "eve-stone.md"
        ]
    );
    for n in &names {
        assert_eq!(read(&a.join(n)), read(&b.join(n)), "{n}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(a.join(n)).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o600), "{n}");
        }
    }
    let ann = read(&a.join("ann-lee.md"));
    assert_eq!(field(&ann, "status").as_deref(), Some("accepted"));
    assert_eq!(field(&ann, "sent_at").as_deref(), Some("2024-09-25"));
    assert_eq!(field(&ann, "accepted_at").as_deref(), Some("2024-09-27"));
    assert_eq!(field(&ann, "platform").as_deref(), Some("linkedin"));
    assert_eq!(field(&ann, "source").as_deref(), Some("linkedin-export"));
    assert_eq!(
        field(&ann, "import_key").as_deref(),
        Some("linkedin/2024-09-25/ann-lee")
    );
    assert_eq!(
        field(&ann, "profile").as_deref(),
        Some("https://www.linkedin.com/in/ann-lee")
    );
    assert!(ann.ends_with(&format!("+++\n{ANN}\n")), "{ann}");
    // By a name only one connection has (French month, no link).
    let cy = read(&a.join("cy-blanc.md"));
    assert_eq!(field(&cy, "accepted_at").as_deref(), Some("2024-10-01"));
    // Uncertain: left sent.
    for n in ["dee-moss.md", "eve-stone.md"] {
        let t = read(&a.join(n));
        assert_eq!(field(&t, "status").as_deref(), Some("sent"), "{n}");
        assert_eq!(field(&t, "accepted_at"), None, "{n}");
    }
    // No e-mail address of the export anywhere.
    for n in &names {
        assert!(!read(&a.join(n)).contains("@example.com"), "{n}");
    }
    // The invitations without a note: counted, not drafts.
    let ledger = read(&a.join(".poignee-import.csv"));
    assert!(
        ledger.contains("linkedin/2024-10-03/gus-hall,no-note,,accepted,2024-10-03,2024-10-05"),
        "{ledger}"
    );
    assert!(
        ledger.contains("linkedin/2024-10-04/hal-kemp,no-note,,sent,2024-10-04,"),
        "{ledger}"
    );
    // JSON: the counts.
    let c = tmp.path().join("c");
    let j = json_of(&z, &c);
    assert_eq!(j["notes"]["seen"], 5);
    assert_eq!(j["notes"]["accepted"], 3);
    assert_eq!(j["no_notes"]["seen"], 2);
    assert_eq!(j["no_notes"]["accepted"], 1);
    assert_eq!(j["incoming"], 1);
    assert_eq!(
        j["missing"],
        serde_json::json!(["messages.csv", "Profile.csv"])
    );
}

#[test]
fn importing_again_writes_nothing_and_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let f = folder(&tmp.path().join("export"), &as_refs(&first_export()));
    let out = tmp.path().join("drafts");
    import(&f, &out).arg("--dry-run").assert().success().stdout(
        predicate::str::contains("5 new drafts to write")
            .and(predicate::str::contains("--dry-run: nothing written")),
    );
    assert!(!out.exists(), "a dry run makes nothing");
    import(&f, &out).assert().success();
    let before: Vec<(String, String, std::time::SystemTime)> = files_in(&out)
        .into_iter()
        .map(|n| {
            let p = out.join(&n);
            let m = std::fs::metadata(&p).and_then(|m| m.modified());
            (n, read(&p), m.expect("reads the metadata"))
        })
        .collect();
    import(&f, &out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 new drafts written, 0 now accepted, 5 unchanged",
        ))
        .stdout(predicate::str::contains("nothing new: no file written"));
    let after: Vec<(String, String, std::time::SystemTime)> = files_in(&out)
        .into_iter()
        .map(|n| {
            let p = out.join(&n);
            let m = std::fs::metadata(&p).and_then(|m| m.modified());
            (n, read(&p), m.expect("reads the metadata"))
        })
        .collect();
    assert_eq!(before, after, "not a byte, not a date changed");
}

#[test]
fn a_later_export_accepts_adds_and_keeps_what_the_user_did() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("drafts");
    let first = folder(&tmp.path().join("one"), &as_refs(&first_export()));
    import(&first, &out).assert().success();
    // The user edits Eve's note and adds a headline; marks Dee declined.
    let eve = out.join("eve-stone.md");
    let edited = read(&eve)
        .replace(
            EVE,
            "Hello Eve, your pricing panel in Paris was the clearest I heard. Thank you!",
        )
        .replace("[target]\n", "[target]\nheadline = \"Head of Product\"\n");
    std::fs::write(&eve, &edited).expect("writes the file");
    poignee()
        .args(["mark"])
        .arg(out.join("dee-moss.md"))
        .args(["declined", "--date", "2024-10-20"])
        .assert()
        .success();
    // Later: Eve and Dee connected (by link now), Hal too; a new note to Flo.
    let mut files = first_export();
    files[0].1 = files[0].1.replace(
        &out_row("Dee Moss", "2024-10-01 09:00 UTC", DEE, ""),
        &out_row(
            "Dee Moss",
            "2024-10-01 09:00 UTC",
            DEE,
            "https://www.linkedin.com/in/dee-moss-2",
        ),
    );
    files[0].1 += &out_row(
        "Flo Vidal",
        "1/10/25, 11:00 AM",
        "Hi Flo, thanks for the tour of your lab in Grenoble last week, I learnt a lot about sensors.",
        "",
    );
    files[1].1 = files[1].1.replace("01 Aug 2021", "12 Oct 2024")
        + "Hal,Kemp,https://www.linkedin.com/in/hal-kemp,,,,6 Oct 2024\n";
    let second = folder(&tmp.path().join("two"), &as_refs(&files));
    import(&second, &out)
        .assert()
        .success()
        .stdout(predicate::str::contains("eve-stone.md (Eve Stone): sent → accepted on 2024-10-12"))
        .stdout(predicate::str::contains(
            "dee-moss.md (Dee Moss): marked “declined” by you: kept (the export says connected on 2024-10-03)",
        ))
        .stdout(predicate::str::contains("flo-vidal.md (Flo Vidal): → sent on 2025-01-10"))
        .stdout(predicate::str::contains("1 new draft written, 1 now accepted, 4 unchanged"))
        .stdout(predicate::str::contains("(0 new, 1 now accepted)"));
    // The edits stay, byte for byte but the status and its date.
    let eve_now = read(&eve);
    assert_eq!(
        eve_now,
        edited
            .replace("status = \"sent\"\n", "status = \"accepted\"\n")
            .replace(
                "sent_at = 2024-10-02\n",
                "sent_at = 2024-10-02\naccepted_at = 2024-10-12\n"
            )
    );
    let dee = read(&out.join("dee-moss.md"));
    assert_eq!(field(&dee, "status").as_deref(), Some("declined"));
    // Never a duplicate.
    assert_eq!(
        files_in(&out).iter().filter(|n| n.ends_with(".md")).count(),
        6
    );
    // Every note once in stats; the invitations without a note apart.
    let o = poignee()
        .args(["--lang", "en", "stats", "--format", "json"])
        .arg(&out)
        .output()
        .expect("the binary runs");
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("the binary runs");
    assert_eq!(j["overall"]["sent"], 6);
    assert_eq!(j["overall"]["accepted"], 4);
    let notes = j["by"]["note"].as_array().cloned().unwrap_or_default();
    let without = notes.iter().find(|g| g["group"] == "without-note");
    assert_eq!(
        without.map(|g| g["sent"].clone()),
        Some(serde_json::json!(2))
    );
    assert_eq!(
        without.map(|g| g["accepted"].clone()),
        Some(serde_json::json!(2))
    );
    let verdict: u64 = j["by"]["verdict"]
        .as_array()
        .map(|v| v.iter().filter_map(|g| g["sent"].as_u64()).sum())
        .unwrap_or(0);
    assert_eq!(verdict, 6, "every note has a verdict");
    poignee()
        .args(["--lang", "en", "stats"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("By poignee's verdict"))
        .stdout(predicate::str::contains("without a note"))
        // The headline says the invitations without a note it leaves out.
        .stdout(predicate::str::contains(
            "6 invitations sent with a note (and 2 without, counted apart)",
        ))
        .stdout(predicate::str::contains("⚠ too few to tell"));
}

#[test]
fn one_of_the_users_own_drafts_is_not_written_again() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("drafts");
    std::fs::create_dir_all(&out).expect("creates the folder");
    let mine = "+++\nplatform = \"linkedin\"\nstatus = \"sent\"\nsent_at = 2024-09-25\n\n[target]\nname = \"Ann Lee\"\n+++\nMy own words to Ann.\n";
    std::fs::write(out.join("ann.md"), mine).expect("writes the file");
    let f = folder(&tmp.path().join("export"), &as_refs(&first_export()));
    import(&f, &out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ann.md (Ann Lee): sent → accepted on 2024-09-27",
        ))
        .stdout(predicate::str::contains("1 already among your drafts"));
    assert!(!out.join("ann-lee.md").exists());
    assert!(read(&out.join("ann.md")).ends_with("+++\nMy own words to Ann.\n"));
}

#[test]
fn every_date_form_an_export_writes() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let forms = [
        ("9/25/24, 8:52 AM", "2024-09-25"),
        ("9/26/24, 8:52\u{202f}PM", "2024-09-26"),
        ("2021-08-01 10:00:00", "2021-08-01"),
        ("2021-08-02 10:00:00 UTC", "2021-08-02"),
        ("2021-08-03T10:00:00Z", "2021-08-03"),
        ("15 Jan 2024", "2024-01-15"),
        ("01 Aug 2021", "2021-08-01"),
        ("15 janv. 2024", "2024-01-15"),
        ("17 janvier 2024", "2024-01-17"),
        ("1er mars 2024", "2024-03-01"),
        ("3 févr. 2024", "2024-02-03"),
        ("12 août 2023", "2023-08-12"),
        ("Jan 18, 2024", "2024-01-18"),
        ("25/12/2023 08:52", "2023-12-25"),
    ];
    let mut inv = HEADER.to_string();
    for (i, (form, _)) in forms.iter().enumerate() {
        inv += &out_row(
            &format!("Person {i}"),
            form,
            &format!("Hello, we met at the meetup number {i} in Lyon. Thanks!"),
            "",
        );
    }
    let f = folder(&tmp.path().join("export"), &[("Invitations.csv", &inv)]);
    let out = tmp.path().join("drafts");
    import(&f, &out).assert().success();
    for (i, (form, day)) in forms.iter().enumerate() {
        let t = read(&out.join(format!("person-{i}.md")));
        assert_eq!(field(&t, "sent_at").as_deref(), Some(*day), "{form}");
    }
}

#[test]
fn a_bad_row_is_named_by_its_line_and_the_rest_imported() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut inv = format!("\u{feff}{HEADER}");
    inv += &out_row("Ann Lee", "9/25/24, 8:52 AM", ANN, "");
    // A note over two lines: the next row is on line 5.
    inv += &out_row(
        "Bob Ray",
        "9/26/24, 8:52 AM",
        "Hi Bob,\nthanks for the talk on routing at the Lyon meetup.",
        "",
    );
    inv += &out_row("Cy Blanc", "32 Foo 2024", CY, "");
    inv += "Sam Writer,Dee Moss,\"9/27/24, 8:52 AM\",hi,SIDEWAYS,,\n";
    inv += &out_row("Eve Stone", "9/28/24, 8:52 AM", EVE, "");
    let conn = format!("{CONNECTIONS_HEAD}Ann,Lee,,,,,not a day\n");
    let f = folder(
        &tmp.path().join("export"),
        &[("Invitations.csv", &inv), ("Connections.csv", &conn)],
    );
    let out = tmp.path().join("drafts");
    import(&f, &out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Invitations.csv:5: “32 Foo 2024” in “Sent At” is not a date an export writes: row left out",
        ))
        .stderr(predicate::str::contains("Invitations.csv:6: direction “SIDEWAYS”"))
        .stderr(predicate::str::contains("Connections.csv:5: “not a day”"));
    assert_eq!(
        files_in(&out),
        [
            ".poignee-import.csv",
            "ann-lee.md",
            "bob-ray.md",
            "eve-stone.md"
        ]
    );
    // The note's own line break kept; the BOM did not hide the header.
    assert!(read(&out.join("bob-ray.md")).contains("Hi Bob,\nthanks"));
    // In French, the same, with French typography.
    poignee()
        .args(["--lang", "fr", "import", "linkedin"])
        .arg(&f)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "avertissement\u{a0}: Invitations.csv:5: «\u{a0}32 Foo 2024\u{a0}» dans «\u{a0}Sent At\u{a0}» n’est pas une date qu’un export écrit\u{a0}: ligne ignorée",
        ));
}

#[test]
fn what_is_not_an_export_is_refused() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("drafts");
    // A ZIP of something else.
    let other = zip(
        &tmp.path().join("photos.zip"),
        &[("IMG_0001.txt", "not a photo")],
    );
    import(&other, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a LinkedIn export"));
    // Not a ZIP at all, and a ZIP cut short.
    let text = tmp.path().join("notes.zip");
    std::fs::write(&text, "just text").expect("writes the file");
    import(&text, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("neither a readable ZIP archive"));
    let good = zip(&tmp.path().join("good.zip"), &as_refs(&first_export()));
    let bytes = std::fs::read(&good).expect("reads the file");
    let cut = tmp.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("writes the file");
    import(&cut, &out).assert().code(2);
    // Nothing there, and a folder without an export.
    import(&tmp.path().join("missing.zip"), &out)
        .assert()
        .code(2);
    let empty = folder(&tmp.path().join("empty"), &[("readme.txt", "hi")]);
    import(&empty, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a LinkedIn export"));
    // In JSON too, for a script.
    import(&empty, &out)
        .args(["--format", "json"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("\"kind\":\"import\""));
    assert!(!out.exists(), "nothing written");
    // Invitations.csv that is some other table: said, left out.
    let wrong = folder(
        &tmp.path().join("wrong"),
        &[("Invitations.csv", "a,b\n1,2\n")],
    );
    import(&wrong, &out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Invitations.csv: no header line with the columns expected",
        ));
}

#[test]
fn member_names_are_never_paths() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let files = first_export();
    let z = zip(
        &tmp.path().join("evil.zip"),
        &[
            ("../../escape/INVITATIONS.CSV", files[0].1.as_str()),
            ("/abs/connections.csv", files[1].1.as_str()),
        ],
    );
    let out = tmp.path().join("drafts");
    import(&z, &out).assert().success();
    assert!(
        out.join("ann-lee.md").exists(),
        "found by their last component"
    );
    assert!(!tmp.path().join("escape").exists());
    let mut all = Vec::new();
    for e in walk(tmp.path()) {
        all.push(e);
    }
    assert!(all.iter().all(|p| p.starts_with(tmp.path())));
    assert_eq!(
        all.iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .count(),
        5
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn notes_of_accepted_invitations_come_back_from_the_messages() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut files = first_export();
    files[1].1 += "Ivy,North,https://www.linkedin.com/in/ivy-north,,,,10 Mar 2024\nJon,West,https://www.linkedin.com/in/jon-west,,,,1 Mar 2024\nKim,East,https://www.linkedin.com/in/kim-east,,,,1 Mar 2024\n";
    let msg = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
        c1,,Ivy North,https://www.linkedin.com/in/ivy-north,Sam Writer,https://www.linkedin.com/in/sam-writer,2024-03-12 09:00:00 UTC,,Thanks for connecting!,INBOX\n\
        c1,,Sam Writer,https://www.linkedin.com/in/sam-writer,Ivy North,https://www.linkedin.com/in/ivy-north,2024-03-08 10:00:00 UTC,,\"Hi Ivy, I read your piece on cold-chain sensors and would like to follow your work. Sam\",INBOX\n\
        c2,,Sam Writer,https://www.linkedin.com/in/sam-writer,Jon West,https://www.linkedin.com/in/jon-west,2024-03-05 10:00:00 UTC,,Great to be connected Jon!,SENT\n\
        c3,,Sam Writer,https://www.linkedin.com/in/sam-writer,Kim East,https://www.linkedin.com/in/kim-east,2024-02-20 10:00:00 UTC,Opportunity,An InMail with a subject,SENT\n";
    files.push(("messages.csv", msg.to_string()));
    let f = folder(&tmp.path().join("export"), &as_refs(&files));
    let out = tmp.path().join("drafts");
    import(&f, &out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 note of accepted invitations found in messages.csv",
        ));
    let ivy = read(&out.join("ivy-north.md"));
    assert_eq!(field(&ivy, "source").as_deref(), Some("linkedin-messages"));
    assert_eq!(field(&ivy, "status").as_deref(), Some("accepted"));
    assert_eq!(field(&ivy, "sent_at").as_deref(), Some("2024-03-08"));
    assert_eq!(field(&ivy, "accepted_at").as_deref(), Some("2024-03-10"));
    assert!(ivy.contains("cold-chain sensors"));
    // After connecting, or with a subject (an InMail): not a note.
    assert!(!out.join("jon-west.md").exists());
    assert!(!out.join("kim-east.md").exists());
}

/// `bytes` (a ZIP) with the uncompressed size of its member `name` set to
/// `size`, in its local header and in the central directory: what a forged
/// archive says.
fn with_declared_size(bytes: &[u8], name: &str, size: u32) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let le16 = |b: &[u8], at: usize| usize::from(u16::from_le_bytes([b[at], b[at + 1]]));
    let mut patched = 0;
    let mut at = 0;
    while at + 4 <= out.len() {
        let sig = &out[at..at + 4];
        // Local header: size at 22, name length at 26, name at 30.
        // Central directory: size at 24, name length at 28, name at 46.
        let (size_at, len_at, name_at) = match sig {
            [0x50, 0x4b, 0x03, 0x04] => (22, 26, 30),
            [0x50, 0x4b, 0x01, 0x02] => (24, 28, 46),
            _ => {
                at += 1;
                continue;
            }
        };
        if at + name_at <= out.len() {
            let len = le16(&out, at + len_at);
            if out.get(at + name_at..at + name_at + len) == Some(name.as_bytes()) {
                out[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
        at += 4;
    }
    assert_eq!(patched, 2, "the local header and the central directory");
    out
}

#[test]
fn a_zip_bomb_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("drafts");
    let files = first_export();
    let good = zip(&tmp.path().join("good.zip"), &as_refs(&files));
    let bytes = std::fs::read(&good).expect("reads the file");
    // A member that says it unpacks to 4 GiB: refused before it is read.
    let big = tmp.path().join("big.zip");
    std::fs::write(
        &big,
        with_declared_size(&bytes, "Connections.csv", u32::MAX - 1),
    )
    .expect("writes the file");
    import(&big, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Connections.csv is over 1024 MiB uncompressed: not the size of an export; nothing is imported",
        ));
    // One that says 100 bytes and unpacks to more: a bomb that lies,
    // stopped at its 101st byte. Invitations.csv comes first in the
    // archive: nothing of it is written either.
    let liar = tmp.path().join("liar.zip");
    std::fs::write(&liar, with_declared_size(&bytes, "Connections.csv", 100))
        .expect("writes the file");
    import(&liar, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Connections.csv unpacks past the size the archive gives it (100 bytes): a damaged or forged archive, nothing is imported",
        ));
    poignee()
        .args(["--lang", "fr", "import", "linkedin"])
        .arg(&liar)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Connections.csv se décompresse au-delà de la taille que l’archive lui donne (100\u{a0}octets)\u{a0}: archive abîmée ou forgée",
        ));
    // Damaged data (a byte of the compressed stream changed): refused too.
    let member_at = bytes
        .windows(15)
        .position(|w| w == b"Invitations.csv")
        .unwrap_or_else(|| panic!("Invitations.csv in the archive"));
    let mut damaged = bytes.clone();
    damaged[member_at + 15 + 40] ^= 0xff;
    let damaged_zip = tmp.path().join("damaged.zip");
    std::fs::write(&damaged_zip, &damaged).expect("writes the file");
    import(&damaged_zip, &out).assert().code(2).stderr(
        predicate::str::contains("Invitations.csv")
            .and(predicate::str::contains("nothing is imported")),
    );
    assert!(!out.exists(), "nothing written, not even the folder");
    // The good one imports.
    import(&good, &out).assert().success();
}

#[test]
fn a_zip_of_other_linkedin_files_is_not_an_export() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("drafts");
    // Names close to the export's, and a Profile.csv alone: none of the
    // three files an import reads.
    let z = zip(
        &tmp.path().join("Basic_LinkedInDataExport.zip"),
        &[
            ("Profile.csv", "First Name,Last Name\nSam,Writer\n"),
            ("Invitations.csv.bak", "From,To,Sent At,Message,Direction\n"),
            ("Connections.txt", "First Name,Last Name,Connected On\n"),
            ("Invitations/", ""),
        ],
    );
    import(&z, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a LinkedIn export: no Invitations.csv, Connections.csv nor messages.csv",
        ));
    poignee()
        .args(["--lang", "fr", "import", "linkedin"])
        .arg(&z)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "n’est pas un export LinkedIn\u{a0}: ni Invitations.csv, ni Connections.csv, ni messages.csv",
        ));
    assert!(!out.exists(), "nothing written");
}
