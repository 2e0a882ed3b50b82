//! Hostile but fair input, as a tester probing poignee would give it: every
//! case of issue 13, generated here at test time (no megabytes committed).
//! Each test failed before its fix.

mod common;

use common::{poignee, write};
use std::path::Path;
use std::time::Duration;

fn output(cmd: &mut assert_cmd::Command) -> std::process::Output {
    cmd.timeout(Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn two_byte_order_marks_are_one_bom_and_one_character() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let twice = dir.path().join("twice.md");
    let note = "Bonjour Claire, offre gratuite !";
    std::fs::write(&twice, format!("\u{feff}\u{feff}{note}")).expect("writes the file");
    let once = dir.path().join("once.md");
    std::fs::write(&once, format!("\u{feff}{note}")).expect("writes the file");
    let out = output(
        poignee()
            .args(["--lang", "en", "check", "--format", "json"])
            .arg(&twice)
            .arg(&once),
    );
    assert_ne!(out.status.code(), Some(101), "{}", text(&out.stderr));
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    let files = doc["files"].as_array().cloned().unwrap_or_default();
    assert_eq!(files.len(), 2, "the run goes on after the file");
    // Positions count from after the first BOM: the second is a character of
    // the note (the first column), so every finding sits one byte sequence
    // (3 bytes) later than in the file with one BOM.
    let starts = |f: &serde_json::Value, rule: &str| -> Vec<u64> {
        f["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["rule"] == rule)
            .filter_map(|d| d["byte_start"].as_u64())
            .collect()
    };
    let twice_starts = starts(&files[0], "sales-pitch");
    let once_starts = starts(&files[1], "sales-pitch");
    assert!(!once_starts.is_empty(), "{}", files[1]);
    let shifted: Vec<u64> = once_starts.iter().map(|s| s + 3).collect();
    assert_eq!(twice_starts, shifted);
    let from_file = std::fs::read(&twice).unwrap_or_default();
    let s = twice_starts[0] as usize + 3;
    assert!(
        from_file[s..].starts_with(b"offre") || from_file[s..].starts_with(b"gratuit"),
        "{}",
        text(&from_file[s..])
    );
    // And `templates check` on a template folder holding such a file.
    let config = dir.path().join("config.toml");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).expect("creates the folder");
    std::fs::copy(&twice, templates.join("twice.md")).expect("copies the file");
    write(
        &config,
        &format!("templates_dir = {:?}\n", templates.display().to_string()),
    );
    let out = output(
        poignee()
            .arg("--config")
            .arg(&config)
            .args(["templates", "check"]),
    );
    assert_ne!(out.status.code(), Some(101), "{}", text(&out.stderr));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_and_process_substitution_still_reads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("pipe.md");
    mkfifo(&fifo);
    let out = output(poignee().args(["--lang", "en", "check"]).arg(&fifo));
    assert_eq!(
        out.status.code(),
        Some(1),
        "unreadable: {}",
        text(&out.stdout)
    );
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(said.contains("named pipe (FIFO), not a file"), "{said}");

    let people = dir.path().join("people.csv");
    mkfifo(&people);
    let out = output(
        poignee()
            .args([
                "--lang",
                "fr",
                "draft",
                "--template",
                "fr/evenement",
                "--people",
            ])
            .arg(&people)
            .arg("--out")
            .arg(dir.path().join("out")),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("tube nommé (FIFO), pas un fichier"),
        "{}",
        text(&out.stderr)
    );

    let bin = assert_cmd::cargo::cargo_bin("poignee");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "NO_COLOR=1 {:?} --lang en check --format short <(printf 'Hi Claire, free demo!')",
            bin.display().to_string()
        ))
        .output()
        .unwrap_or_else(|e| panic!("bash: {e}"));
    let said = text(&out.stdout);
    assert!(
        said.contains("/dev/fd/") && said.contains("sales-pitch"),
        "{said}{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn devices_and_endless_input_stop_at_the_cap() {
    let out = output(poignee().args(["--lang", "en", "check", "/dev/zero"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("a device, not a file"),
        "{}",
        text(&out.stdout)
    );

    let big = vec![b'a'; 3 * 1024 * 1024];
    let out = output(
        poignee()
            .args(["--lang", "en", "check", "-"])
            .write_stdin(big),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("too large (1025 KiB or more; 1 MiB at most)"),
        "{}",
        text(&out.stdout)
    );
}

fn people(dir: &Path, rows: &str) -> std::path::PathBuf {
    let p = dir.join("people.csv");
    std::fs::write(&p, format!("first_name,last_name,event,topic\n{rows}"))
        .expect("writes the file");
    p
}

#[test]
fn a_value_holding_a_fence_line_is_written_so_that_it_reads_back() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let list = dir.path().join("people.csv");
    std::fs::write(
        &list,
        "first_name,last_name,event\nEve,Roy,\"VivaTech\n+++\nstand B\"\n",
    )
    .expect("writes the file");
    let out = dir.path().join("out");
    let run = output(common::draft(&list, &out).args(["--set", "topic=x\n+++\ny"]));
    assert!(
        text(&run.stdout).contains("1 draft written"),
        "{}",
        text(&run.stdout)
    );
    let check = output(
        poignee()
            .args(["--lang", "en", "check", "--format", "json"])
            .arg(&out),
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&check.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    let file = &doc["files"][0];
    assert!(file["error"].is_null(), "{file}");
    let written = std::fs::read_to_string(out.join("eve-roy.md")).unwrap_or_default();
    let draft = poignee::draft::Draft::parse(&written).expect("the draft parses");
    // A CSV cell's line breaks become spaces; a --set value keeps its own.
    assert_eq!(draft.front.values["event"], "VivaTech +++ stand B");
    assert_eq!(draft.front.values["topic"], "x\n+++\ny");
}

#[cfg(unix)]
#[test]
fn names_taken_by_dangling_links_and_hundreds_of_namesakes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("creates the folder");
    std::os::unix::fs::symlink(dir.path().join("gone"), out.join("eve-roy.md"))
        .expect("makes the link");
    let rows: String = (0..300)
        .map(|i| format!("Eve,Roy,VivaTech,le sujet {i}\n"))
        .collect();
    let list = people(dir.path(), &rows);
    let run = output(&mut common::draft(&list, &out));
    let said = text(&run.stdout);
    assert!(said.contains("300 drafts written"), "{said}");
    assert!(out.join("eve-roy-2.md").is_file() && out.join("eve-roy-301.md").is_file());
    assert!(
        !dir.path().join("gone").exists(),
        "the link is not followed"
    );
}

#[test]
fn a_bad_out_folder_is_one_message_before_any_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let rows: String = (0..50)
        .map(|i| format!("Eve{i},Roy,VivaTech,x\n"))
        .collect();
    let list = people(dir.path(), &rows);
    for out in [Path::new("/dev/null").to_path_buf(), list.clone()] {
        let run = output(&mut common::draft(&list, &out));
        assert_eq!(run.status.code(), Some(2));
        let said = text(&run.stderr);
        assert_eq!(said.lines().count(), 1, "{said}");
        assert!(said.contains("is not a folder"), "{said}");
        assert!(text(&run.stdout).is_empty());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).expect("creates the folder");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500))
            .expect("sets the permissions");
        // Root writes anywhere: the case is only real for a user.
        if std::fs::write(locked.join("probe"), "x").is_err() {
            let run = output(&mut common::draft(&list, &locked));
            assert_eq!(run.status.code(), Some(2));
            let said = text(&run.stderr);
            assert!(
                said.contains("cannot write there (permission denied)"),
                "{said}"
            );
        }
    }
}

#[test]
fn init_writes_defaults_not_the_examples_opinions() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    let run = output(poignee().args(["init", "--path"]).arg(&config));
    assert!(run.status.success(), "{}", text(&run.stderr));
    // An English user gets English, and nobody is out of an audience they never chose.
    let run = output(
        poignee()
            .env("LANG", "en_GB.UTF-8")
            .arg("--config")
            .arg(&config)
            .args(["audience", "--region", "Lille", "--sector", "Banking"]),
    );
    let said = text(&run.stdout);
    assert!(
        said.contains("✓ in: the person is in your audience"),
        "{said}"
    );
    let run = output(
        poignee()
            .args(["init", "--force", "--path"])
            .arg(dir.path()),
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("is a folder"),
        "{}",
        text(&run.stderr)
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_loops_and_empty_folders() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let odd = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.md"));
    std::fs::write(
        &odd,
        "Bonjour Claire, j’ai lu votre article sur la logistique urbaine. Merci !",
    )
    .expect("writes the file");
    std::os::unix::fs::symlink("..", dir.path().join("up")).expect("makes the link");
    let run = output(
        poignee()
            .args(["--lang", "en", "check", "--format", "json"])
            .arg(dir.path()),
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    let files = doc["files"].as_array().cloned().unwrap_or_default();
    let bytes: Vec<u64> = files
        .iter()
        .filter_map(|f| f["path_bytes"].as_array())
        .flatten()
        .filter_map(serde_json::Value::as_u64)
        .collect();
    assert!(
        bytes.ends_with(&[
            b'c' as u64,
            b'a' as u64,
            b'f' as u64,
            0xe9,
            b'.' as u64,
            b'm' as u64,
            b'd' as u64
        ]),
        "{files:?}"
    );
    assert!(files.iter().any(|f| {
        f["error"]
            .as_str()
            .is_some_and(|e| e.contains("symbolic link loop"))
    }));
    // A loop is skipped, not a failure: the note itself is clean of errors.
    assert_eq!(run.status.code(), Some(0), "{doc}");

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("creates the folder");
    let run = output(poignee().args(["--lang", "fr", "check"]).arg(&empty));
    assert!(
        text(&run.stderr).contains("aucune note dans"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn small_findings_of_the_front_matter_and_the_json() {
    let note = "+++\nplatform = \"LinkedIn\"\ntier = \"Premium\"\n+++\nHi";
    let run = output(
        poignee()
            .args(["check", "--format", "json", "-"])
            .write_stdin(note),
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert!(doc["files"][0]["error"].is_null(), "{doc}");
    assert_eq!(doc["files"][0]["length"]["limit"], 300);
    let run = output(
        poignee()
            .args(["check", "--format", "json", "-"])
            .write_stdin(""),
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(doc["files"][0]["lang_detected"], false, "{doc}");
    // A usage or config error is a JSON document too, when JSON was asked for.
    let run = output(poignee().args(["check", "--format", "json", "--bogus"]));
    let doc: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(doc["error"]["kind"], "usage");
}

#[test]
fn config_values_that_mean_nothing_are_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    for (body, key) in [
        (
            "[lint]\nself_centered_ratio = nan\n",
            "lint.self_centered_ratio",
        ),
        ("drafts_dir = \"\"\n", "drafts_dir"),
        ("templates_dir = \"~\"\n", "templates_dir"),
        ("[words.fr]\nhype = [\"top\", \" \"]\n", "words.fr.hype"),
    ] {
        write(&config, body);
        let run = output(
            poignee()
                .arg("--config")
                .arg(&config)
                .args(["check", "--format", "json", "-"])
                .write_stdin("Hi"),
        );
        assert_eq!(run.status.code(), Some(2), "{body}");
        assert!(
            text(&run.stderr).contains(&format!("key `{key}`")),
            "{}",
            text(&run.stderr)
        );
        let doc: serde_json::Value =
            serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
        assert_eq!(doc["error"]["kind"], "config");
    }
    // Relative folders are the config's, not the current folder's.
    write(&config, "templates_dir = \"mine\"\n");
    write(
        &dir.path().join("mine/relance.md"),
        "+++\nname = \"relance\"\nlang = \"fr\"\n+++\nBonjour {{first_name}}, merci !",
    );
    let run = output(
        poignee()
            .current_dir("/")
            .arg("--config")
            .arg(&config)
            .args(["templates", "list"]),
    );
    assert!(
        text(&run.stdout).contains("relance"),
        "{}",
        text(&run.stdout)
    );
}

#[test]
fn set_of_a_key_the_template_lacks_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let list = people(dir.path(), "Eve,Roy,VivaTech,x\n");
    let run = output(common::draft(&list, &dir.path().join("out")).args(["--set", "evnt=Web2Day"]));
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("did you mean `event`?"),
        "{}",
        text(&run.stderr)
    );
    assert!(!dir.path().join("out").exists());
}

/// English words that would betray an untranslated message.
const ENGLISH: [&str; 12] = [
    " the ",
    "not ",
    "invalid ",
    "unknown ",
    "cannot ",
    "error:",
    "too large",
    "no such",
    "permission denied",
    "did you mean",
    "expected ",
    "key `",
];

#[cfg(unix)]
#[test]
fn in_french_no_error_speaks_english() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    mkfifo(&d.join("fifo.md"));
    let files: [(&str, &[u8]); 6] = [
        ("u16.md", b"\xff\xfeB\0o\0"),
        ("latin1.md", b"caf\xe9"),
        ("key.md", b"+++\nplatfrom = \"x\"\n+++\nBonjour"),
        ("syntax.md", b"+++\nlang = \"fr\n+++\n"),
        (
            "value.md",
            b"+++\n[target]\nrelationship = \"ami\"\n+++\nBonjour",
        ),
        ("binary.md", b"a\0b"),
    ];
    for (name, bytes) in files {
        std::fs::write(d.join(name), bytes).expect("writes the file");
    }
    let big = vec![b'a'; 2 << 20];
    std::fs::write(d.join("big.md"), big).expect("writes the file");
    let configs = [
        "[audience]\nregions = [\"Saint-Denis\"]\n",
        "[keys]\naprove = [\"f9\"]\n",
        "[rules]\nsales-pitch = \"loud\"\n",
        "[limits]\nviadeo = 0\n",
        "tier = \"gold\"\n",
        "[lint]\nself_centered_ratio = nan\n",
        "drafts_dir = \"\"\n",
    ];
    let mut said = Vec::new();
    let run = output(
        poignee()
            .args(["--lang", "fr", "check"])
            .arg(d)
            .arg("/dev/zero")
            .arg(d.join("nowhere.md")),
    );
    said.push(text(&run.stdout) + &text(&run.stderr));
    for (i, body) in configs.iter().enumerate() {
        let config = d.join(format!("c{i}.toml"));
        write(&config, body);
        // `[keys]` are the TUI's: checked when it starts, before it asks
        // for a terminal.
        let command: &[&str] = if body.starts_with("[keys]") {
            &[]
        } else {
            &["check", "x.md"]
        };
        let run = output(
            poignee()
                .args(["--lang", "fr", "--config"])
                .arg(&config)
                .args(command),
        );
        said.push(text(&run.stderr));
    }
    let run = output(
        poignee()
            .args(["--lang", "fr", "--config"])
            .arg(d.join("none.toml"))
            .arg("rules"),
    );
    said.push(text(&run.stderr));
    let list = people(d, "Eve,Roy,VivaTech,x\n");
    let run = output(common::draft(&list, Path::new("/dev/null")).args(["--lang", "fr"]));
    said.push(text(&run.stderr));
    let run =
        output(common::draft(&list, &d.join("out")).args(["--lang", "fr", "--set", "evnt=x"]));
    said.push(text(&run.stderr));
    let utf16 = d.join("u16.csv");
    std::fs::write(&utf16, b"\xff\xfef\0i\0").expect("writes the file");
    let run = output(common::draft(&utf16, &d.join("out")).args(["--lang", "fr"]));
    said.push(text(&run.stderr));
    for s in &said {
        assert!(!s.trim().is_empty(), "every case says something");
        for line in s.lines() {
            // Paths and quoted values are the user's; the words around them are poignee's.
            let words = line.replace(&d.display().to_string(), "");
            for en in ENGLISH {
                assert!(!words.contains(en), "English `{en}` in: {line}");
            }
        }
    }
}

/// Issue 21, item 2: a cell of a lead tool's CSV holding an escape sequence
/// (retitle the window, clear the screen) reached the terminal through
/// `audience --people --format csv`, when the human and JSON formats were
/// cleaned. Every writer now goes through the one sanitiser; the cell says
/// what it held, `<U+001B>` as elsewhere, and the change is said on stderr.
#[test]
fn csv_cells_carry_no_escape_sequence_to_the_terminal() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(
        &config,
        "[audience]\nregions = [\"Île-de-France\"]\nsectors = [\"Technology, Information and Media\"]\n",
    );
    let list = dir.path().join("leads.csv");
    write(
        &list,
        "name,company,city,industry,notes\n\
         Claire Martin,\"Acme\u{1b}]0;pwned\u{7}\u{1b}[2J\",Paris,Software Development,\"line one\nline two\tend\"\n\
         Eve\u{202e}gnp.exe,Ciel\u{9b}31m,Paris,Software Development,\"x\ry\"\n",
    );
    for lang in ["en", "fr"] {
        let out = output(
            poignee()
                .args(["--lang", lang, "--config"])
                .arg(&config)
                .args(["audience", "--format", "csv", "--people"])
                .arg(&list),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let csv = text(&out.stdout);
        // Nothing a terminal acts on; the line break and the tab of a
        // quoted cell are data, and stay.
        let acted_on =
            |c: char| poignee::text::is_unsafe_for_terminal(c) && !matches!(c, '\n' | '\t');
        assert!(!csv.chars().any(acted_on), "{csv:?}");
        assert!(
            csv.contains(",Acme<U+001B>]0;pwned<U+0007><U+001B>[2J,"),
            "{csv}"
        );
        assert!(csv.contains("Eve<U+202E>gnp.exe,Ciel<U+009B>31m"), "{csv}");
        assert!(csv.contains("\"line one\nline two\tend\""), "{csv}");
        assert!(csv.contains("x<U+000D>y"), "{csv}");
        let err = text(&out.stderr);
        assert!(!err.chars().any(acted_on), "{err:?}");
        let said = if lang == "en" {
            "warning: 4 cells held control characters (escape sequences, bidi): written `<U+001B>`"
        } else {
            "avertissement\u{a0}: 4 cellules contenaient des caractères de contrôle"
        };
        assert!(err.contains(said), "{err}");
    }
    // A clean list: nothing said.
    let clean = dir.path().join("clean.csv");
    write(
        &clean,
        "name,city,industry\nClaire,Paris,Software Development\n",
    );
    let out = output(
        poignee()
            .args(["--lang", "en", "--config"])
            .arg(&config)
            .args(["audience", "--format", "csv", "--people"])
            .arg(&clean),
    );
    assert!(
        !text(&out.stderr).contains("control characters"),
        "{}",
        text(&out.stderr)
    );
}

/// Issue 21, item 3: cells Excel runs (`=HYPERLINK(…)`, `@SUM(…)`, `+…`,
/// `-…`, tab-led) passed unchanged into the CSV written for it. They get
/// OWASP's leading `'`, numbers aside, counted on stderr; `--keep-formulas`
/// writes them as they are; a list run twice is guarded once.
#[test]
fn cells_excel_would_run_are_written_after_a_quote() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "[audience]\nregions = [\"Île-de-France\"]\n");
    let list = dir.path().join("leads.csv");
    write(
        &list,
        "name,company,city,phone,score\n\
         \"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",@SUM(1+1),Paris,+33 6 12 34 56 78,-5\n\
         -2+3+cmd|' /C calc'!A0,\"\tAcme\",Paris,+33612345678,+1.5\n",
    );
    let run = |extra: &[&str], list: &Path| {
        output(
            poignee()
                .args(["--lang", "en", "--config"])
                .arg(&config)
                .args(["audience", "--format", "csv"])
                .args(extra)
                .arg("--people")
                .arg(list),
        )
    };
    let out = run(&[], &list);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    for guarded in [
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
        ",'@SUM(1+1),",
        ",'+33 6 12 34 56 78,",
        "'-2+3+cmd|' /C calc'!A0,",
        ",'\tAcme,",
    ] {
        assert!(csv.contains(guarded), "{guarded}\n{csv}");
    }
    // Numbers are numbers.
    assert!(
        csv.contains(",-5,") && csv.contains(",+33612345678,+1.5,"),
        "{csv}"
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning: 5 cells began with = + - @, a tab or a CR: written after a '"),
        "{err}"
    );
    // Run again on its own output (the documented workflow): guarded once.
    let again = dir.path().join("again.csv");
    std::fs::write(&again, &out.stdout).expect("writes the file");
    let twice = run(&[], &again);
    assert!(
        text(&twice.stdout).contains(",'@SUM(1+1),"),
        "{}",
        text(&twice.stdout)
    );
    assert!(
        !text(&twice.stdout).contains("''"),
        "{}",
        text(&twice.stdout)
    );
    assert!(
        !text(&twice.stderr).contains("began with"),
        "{}",
        text(&twice.stderr)
    );
    // Asked for: as they are, and nothing said.
    let kept = run(&["--keep-formulas"], &list);
    assert!(
        text(&kept.stdout).contains(",@SUM(1+1),"),
        "{}",
        text(&kept.stdout)
    );
    assert!(
        !text(&kept.stderr).contains("began with"),
        "{}",
        text(&kept.stderr)
    );
    // In French.
    let out = output(
        poignee()
            .args(["--lang", "fr", "--config"])
            .arg(&config)
            .args(["audience", "--format", "csv", "--people"])
            .arg(&list),
    );
    assert!(
        text(&out.stderr).contains("avertissement\u{a0}: 5 cellules commençaient par = + - @"),
        "{}",
        text(&out.stderr)
    );
    // `stats --format csv`: a template's name is a cell like any other.
    let drafts = dir.path().join("drafts");
    write(
        &drafts.join("a.md"),
        "+++\ntemplate = \"=HYPERLINK(\\\"http://x\\\")\"\nstatus = \"sent\"\nsent_at = 2026-01-12\n+++\nHi Claire, thanks for the talk.\n",
    );
    let out = output(
        poignee()
            .args(["--lang", "en", "--config"])
            .arg(&config)
            .args(["stats", "--format", "csv"])
            .arg(&drafts),
    );
    let csv = text(&out.stdout);
    assert!(csv.contains("template,\"'=HYPERLINK("), "{csv}");
    assert!(
        text(&out.stderr).contains("2 cells began with"),
        "{}",
        text(&out.stderr)
    );
}

/// Issue 21, item 4: `audience --people FIFO` opened the FIFO and waited
/// for ever, where every other command refuses it at once; `--people -`
/// was "no such file" while `check -` reads standard input. The FIFO is
/// refused before it is opened, a folder and a device too; `-` reads
/// standard input, capped at the bound of a list (16 MiB), refused with
/// its size before any row.
#[cfg(unix)]
#[test]
fn a_people_list_is_never_a_fifo_and_dash_is_standard_input() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "[audience]\nregions = [\"Île-de-France\"]\n");
    let fifo = dir.path().join("leads.csv");
    mkfifo(&fifo);
    let audience = |lang: &str, people: &Path| {
        let mut cmd = poignee();
        cmd.args(["--lang", lang, "--config"])
            .arg(&config)
            .args(["audience", "--format", "csv", "--people"])
            .arg(people);
        cmd
    };
    let started = std::time::Instant::now();
    let out = output(&mut audience("en", &fifo));
    assert!(started.elapsed() < Duration::from_secs(5), "it waited");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("leads.csv: a named pipe (FIFO), not a file"),
        "{}",
        text(&out.stderr)
    );
    let out = output(&mut audience("fr", &fifo));
    assert!(
        text(&out.stderr).contains("leads.csv\u{a0}: un tube nommé (FIFO), pas un fichier"),
        "{}",
        text(&out.stderr)
    );
    let out = output(&mut audience("en", dir.path()));
    assert!(
        text(&out.stderr).contains(": is a folder"),
        "{}",
        text(&out.stderr)
    );
    let out = output(&mut audience("en", Path::new("/dev/zero")));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a device, not a file"),
        "{}",
        text(&out.stderr)
    );

    // `-`: the list on standard input, as `check -` reads a note.
    let out =
        output(audience("en", Path::new("-")).write_stdin("name,city\nAda,Paris\nBob,Lyon\n"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with("name,city,audience,audience_reason\nAda,Paris,in,\nBob,Lyon,out,"),
        "{csv}"
    );
    assert!(
        text(&out.stderr).contains("<stdin>: read as UTF-8"),
        "{}",
        text(&out.stderr)
    );
    // Capped as a list is: refused with its size, nothing written.
    let mut big = b"name,city\n".to_vec();
    big.resize(17 * 1024 * 1024, b'a');
    let out = output(audience("fr", Path::new("-")).write_stdin(big));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("<stdin>\u{a0}: trop gros")
            && text(&out.stderr).contains("16 Mio au plus"),
        "{}",
        text(&out.stderr)
    );
}

/// Issue 21, item 6: a row longer than the header got `audience` after
/// its extra cell, under the wrong column; run again on that output (the
/// documented workflow), the extra cell was written over. The two columns
/// are now at the header's positions (a short row filled, empty trailing
/// cells dropped); a row with a cell under no column, or whose `audience`
/// cells hold what poignee does not write, is left out with its line and
/// column, never written over; the run exits 1.
#[test]
fn ragged_rows_keep_the_columns_and_no_cell_of_the_user_is_written_over() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "[audience]\nregions = [\"Île-de-France\"]\n");
    let run = |lang: &str, list: &Path| {
        output(
            poignee()
                .args(["--lang", lang, "--config"])
                .arg(&config)
                .args(["audience", "--format", "csv", "--people"])
                .arg(list),
        )
    };
    let records = |out: &std::process::Output| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&out.stdout[..])
            .records()
            .map(|r| {
                r.map(|r| r.iter().map(str::to_string).collect())
                    .expect("the CSV output reads")
            })
            .collect()
    };
    let list = dir.path().join("leads.csv");
    write(
        &list,
        "name,city,notes\nAda,Paris,vip\nBob,Lyon,met,extra\nCy,Paris\nDi,Lyon,x,,\n",
    );
    let out = run("en", &list);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let rows = records(&out);
    assert_eq!(
        rows[0],
        ["name", "city", "notes", "audience", "audience_reason"]
    );
    // Every row's verdict under `audience`.
    for row in &rows[1..] {
        assert_eq!(row.len(), 5, "{row:?}");
        assert!(["in", "out"].contains(&row[3].as_str()), "{row:?}");
    }
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Ada", "Cy", "Di"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("line 3, column 4: 4 cells where the header (line 1) names 3 columns; “extra” is under none")
            && err.contains("error: 1 row left out"),
        "{err}"
    );

    // Run again on what the version before wrote: the extra cell under
    // `audience`, the verdict under `audience_reason`. Left out, not
    // written over; the rows poignee wrote are judged again.
    let before = dir.path().join("before.csv");
    write(
        &before,
        "name,city,notes,audience,audience_reason\n\
         Ada,Paris,vip,in,\n\
         Bob,Lyon,met,extra,out,region “Lyon” is outside\n\
         Cy,Lyon,,in,\n\
         Eve,Paris,,B2B,\n\
         Fay,Paris,,,my own note\n",
    );
    let out = run("fr", &before);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let rows = records(&out);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][..4], ["Ada", "Paris", "vip", "in"]);
    // Cy moved to Lyon: poignee's own verdict is written over.
    assert_eq!(rows[2][..4], ["Cy", "Lyon", "", "out"]);
    let out_text = text(&out.stdout);
    for users in ["extra", "B2B", "my own note"] {
        assert!(!out_text.contains(users), "{out_text}");
    }
    let err = text(&out.stderr);
    for said in [
        "ligne 3, colonne 6\u{a0}: 6 cellules quand l’en-tête (ligne 1) nomme 5 colonnes",
        "ligne 5, colonne 4\u{a0}: la cellule `audience` contient «\u{a0}B2B\u{a0}», que poignee n’écrit pas",
        "ligne 6, colonne 5\u{a0}: la cellule `audience_reason` contient «\u{a0}my own note\u{a0}»",
        "erreur\u{a0}: 3 lignes laissées de côté",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
}

/// Issue 21, item 8: `check` passed a front matter whose outcome cannot
/// have happened. Each is an error of the front matter, with its line and
/// column, in both languages; a possible one is checked as before.
#[test]
fn impossible_outcomes_are_errors_of_check_with_their_place() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let body = "Hi Claire, thanks for your talk at RustConf on async traits.";
    let future = jiff::Zoned::now().date() + jiff::ToSpan::days(1);
    for (name, front) in [
        (
            "a-future.md",
            format!("status = \"sent\"\nsent_at = {future}"),
        ),
        (
            "b-before.md",
            "status = \"declined\"\nsent_at = 2026-01-20\ndeclined_at = 2026-01-19".into(),
        ),
        (
            "c-nosent.md",
            "lang = \"en\"\nstatus = \"accepted\"\naccepted_at = 2026-01-10".into(),
        ),
        ("d-undated.md", "status = \"sent\"".into()),
        (
            "e-zero.md",
            "status = \"sent\"\nsent_at = 0000-01-01".into(),
        ),
        (
            "f-fine.md",
            "status = \"accepted\"\nsent_at = 2026-01-10\naccepted_at = 2026-01-10".into(),
        ),
    ] {
        write(&d.join(name), &format!("+++\n{front}\n+++\n{body}\n"));
    }
    let out = output(
        poignee()
            .args(["--lang", "en", "check", "--format", "short"])
            .arg(d),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    for line in [
        format!("a-future.md:3:11: error[file]: invalid front matter: key `sent_at`: {future} is in the future"),
        "b-before.md:4:15: error[file]: invalid front matter: key `declined_at`: an answer on 2026-01-19 to an invitation sent on 2026-01-20".into(),
        "c-nosent.md:3:10: error[file]: invalid front matter: key `status`: “accepted” without `sent_at`".into(),
        "d-undated.md:2:10: error[file]: invalid front matter: key `status`: “sent” without `sent_at`".into(),
        "e-zero.md:3:11: error[file]: invalid front matter: key `sent_at`: 0000-01-01 is before LinkedIn opened (on 2003-05-05)".into(),
    ] {
        assert!(said.contains(&line), "{line}\n{said}");
    }
    assert!(!said.contains("f-fine.md:1:1: error"), "{said}");
    assert!(said.contains("5 unreadable"), "{said}");
    let out = output(
        poignee()
            .args(["--lang", "fr", "check", "--format", "short"])
            .arg(d.join("e-zero.md")),
    );
    assert!(
        text(&out.stdout).contains("le 0000-01-01 précède l’ouverture de LinkedIn (le 2003-05-05)"),
        "{}",
        text(&out.stdout)
    );
}

/// A list of `n` people `fr/evenement` takes, each with an event.
fn event_list(n: usize) -> String {
    let mut csv = String::from("first_name,last_name,event,topic\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Claire{i},Martin{i},au salon VivaTech,la logistique urbaine\n"
        ));
    }
    csv
}

/// The drafts of a folder (its `.md` files).
fn drafts_in(dir: &Path) -> Vec<String> {
    common::files_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".md"))
        .collect()
}

/// Issue 21, item 5 (the last of it): two `poignee draft --people` of one
/// list in two terminals at once wrote every person's draft twice (each
/// read the folder before the other wrote). The second now waits for the
/// first, then finds its drafts there.
#[test]
fn two_draft_runs_at_once_write_each_person_once() {
    const PEOPLE: usize = 60;
    const RUNS: usize = 3;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let list = dir.path().join("leads.csv");
    write(&list, &event_list(PEOPLE));
    let out_dir = dir.path().join("out");
    let bin = assert_cmd::cargo::cargo_bin("poignee");
    let children: Vec<std::process::Child> = (0..RUNS)
        .map(|_| {
            std::process::Command::new(&bin)
                .env_remove("POIGNEE_CONFIG")
                .env("LANG", "C")
                .env("NO_COLOR", "1")
                .env("HOME", "/nonexistent-poignee-test")
                .env("XDG_CONFIG_HOME", "/nonexistent-poignee-test")
                .env("XDG_DATA_HOME", "/nonexistent-poignee-test")
                .args(["--lang", "en", "draft", "--template", "fr/evenement"])
                .arg("--people")
                .arg(&list)
                .arg("--out")
                .arg(&out_dir)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("spawn: {e}"))
        })
        .collect();
    let mut written = 0;
    for child in children {
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("wait: {e}"));
        let said = text(&out.stdout);
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{said}{}",
            text(&out.stderr)
        );
        // "✓ out/claire0-martin0.md — Claire0 Martin0 (line 2) — 88/100"
        written += said.lines().filter(|l| l.ends_with("/100")).count();
    }
    let files = drafts_in(&out_dir);
    assert_eq!(files.len(), PEOPLE, "{files:?}");
    assert!(!files.iter().any(|f| f.contains("-2.md")), "{files:?}");
    assert_eq!(written, PEOPLE, "drafts said written");
    // No lock or temporary file left behind.
    assert_eq!(common::files_in(&out_dir).len(), PEOPLE);
}

/// While another poignee holds the drafts folder, `draft` says it waits,
/// writes nothing, then writes once it is free.
#[test]
fn draft_waits_for_the_folder_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let list = dir.path().join("leads.csv");
    write(&list, &event_list(3));
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("creates the folder");
    let held = poignee::fsutil::Lock::folder(&out_dir, Duration::from_secs(1), &mut || {})
        .expect("creates the folder");
    let bin = assert_cmd::cargo::cargo_bin("poignee");
    for (lang, says) in [
        ("en", "another poignee is writing drafts to"),
        ("fr", "un autre poignee écrit des brouillons dans"),
    ] {
        let child = std::process::Command::new(&bin)
            .env_remove("POIGNEE_CONFIG")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("HOME", "/nonexistent-poignee-test")
            .env("XDG_CONFIG_HOME", "/nonexistent-poignee-test")
            .env("XDG_DATA_HOME", "/nonexistent-poignee-test")
            .args(["--lang", lang, "draft", "--template", "fr/evenement"])
            .arg("--people")
            .arg(&list)
            .arg("--out")
            .arg(&out_dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        std::thread::sleep(Duration::from_millis(1500));
        assert!(
            drafts_in(&out_dir).is_empty(),
            "written under another's lock"
        );
        if lang == "fr" {
            drop(held);
            let out = child
                .wait_with_output()
                .unwrap_or_else(|e| panic!("wait: {e}"));
            let err = text(&out.stderr);
            assert!(err.contains(says), "{err}");
            assert_eq!(out.status.code(), Some(0), "{}{err}", text(&out.stdout));
            assert_eq!(drafts_in(&out_dir).len(), 3);
            break;
        }
        // The first is let go while still waiting: stopped, nothing written.
        let mut child = child;
        let _ = child.kill();
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("wait: {e}"));
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
        assert!(drafts_in(&out_dir).is_empty());
    }
    assert_eq!(common::files_in(&out_dir).len(), 3, "a lock file was left");
}

/// The probe of issue 21 as a new user in French: a message after a path
/// said `fichier.md: …` (English typography) from `mark`, `stats`, `draft`
/// and the import's warnings, the import named its file twice
/// (« Invitations.csv: Invitations.csv : … »), and a file that is not a ZIP
/// was said with the ZIP reader's English (« invalid Zip archive: Could not
/// find EOCD », « not a regular file »).
#[test]
fn french_messages_after_a_path_are_french() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(&d.join("README.md"), "# My drafts\n");
    std::fs::write(d.join("binary.md"), b"\x00\x01\x02binary\x00").expect("writes the file");
    std::fs::write(d.join("leads.csv"), b"\x00\x01\x02binary\x00").expect("writes the file");
    let fr = |args: &[&str]| {
        let out = output(poignee().args(["--lang", "fr"]).args(args).current_dir(d));
        text(&out.stderr)
    };
    let nb = '\u{a0}';
    let err = fr(&["mark", "README.md", "sent"]);
    assert!(
        err.contains(&format!("README.md{nb}: ce n’est pas un brouillon")),
        "{err}"
    );
    let err = fr(&["stats", "."]);
    assert!(
        err.contains(&format!("binary.md{nb}: fichier binaire")),
        "{err}"
    );
    let err = fr(&[
        "draft",
        "--template",
        "fr/evenement",
        "--people",
        "leads.csv",
        "--out",
        "out",
    ]);
    assert!(
        err.contains(&format!("leads.csv{nb}: fichier binaire")),
        "{err}"
    );
    // A ZIP whose Invitations.csv has no header: named once, French colon.
    let zip_path = d.join("export.zip");
    {
        let file = std::fs::File::create(&zip_path).expect("opens the file");
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("Invitations.csv", options)
            .expect("writes the archive");
        std::io::Write::write_all(&mut zip, b"nothing,here\n1,2\n").expect("writes the file");
        zip.finish().expect("finishes the archive");
    }
    let err = fr(&["import", "linkedin", "export.zip", "--out", "imported"]);
    assert!(
        err.contains(&format!(
            "avertissement{nb}: Invitations.csv{nb}: pas de ligne d’en-tête"
        )),
        "{err}"
    );
    // And the message itself typeset: no plain space before a colon.
    assert!(!err.contains(" : "), "{err}");
    // Not a ZIP, and not a file: said in French only.
    for given in ["leads.csv", "/dev/null"] {
        let err = fr(&["import", "linkedin", given, "--out", "imported"]);
        assert!(err.contains("ni une archive ZIP lisible"), "{err}");
        for english in ["invalid Zip", "Could not find", "not a regular file"] {
            assert!(!err.contains(english), "{err}");
        }
    }
}
