//! The CLI as a user runs it: exit codes, formats, bad input, bad configs.

mod common;

use assert_cmd::Command;
use common::{poignee, write};
use predicates::prelude::*;
use std::path::Path;

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&cmd.output().map(|o| o.stdout).unwrap_or_default()).into_owned()
}

#[test]
fn examples_json_has_the_documented_shape() {
    let out = poignee()
        .args([
            "--config",
            "config.example.toml",
            "check",
            "examples/drafts",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value =
        serde_json::from_slice(&out).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().cloned().unwrap_or_default();
    assert!(files.len() >= 9, "{} files", files.len());
    let clean = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("fr-propre.md"))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(clean["lang"], "fr");
    assert_eq!(clean["platform"], "linkedin");
    assert_eq!(clean["score"], 100);
    assert_eq!(clean["length"]["limit"], 200);
    // A clean note reports only what was understood: its reason, its kind and where.
    let understood = clean["diagnostics"].as_array().cloned().unwrap_or_default();
    assert!(
        !understood.is_empty()
            && understood
                .iter()
                .all(|d| d["rule"] == "reason-found" && d["severity"] == "info"),
        "{understood:?}"
    );
    assert!(
        understood[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with(
                "raison\u{a0}: une rencontre — «\u{a0}nous avons échangé au salon VivaTech"
            )),
        "{understood:?}"
    );
    assert!(clean["error"].is_null());
    let pitch = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("fr-vendeur.md"))
        })
        .cloned()
        .unwrap_or_default();
    let d = pitch["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["rule"] == "sales-pitch").cloned())
        .unwrap_or_default();
    for key in [
        "rule",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "message",
        "suggestion",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(11), Some(16))
    );
    // byte offsets point at the text in the file
    let src = std::fs::read_to_string("examples/drafts/fr-vendeur.md").unwrap_or_default();
    let (a, b) = (
        d["byte_start"].as_u64().unwrap_or(0) as usize,
        d["byte_end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(src.get(a..b), Some("découvrez notre offre gratuite"));
    let broken = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("fr-entete-cassee.md"))
        })
        .cloned()
        .unwrap_or_default();
    assert!(
        broken["error"]
            .as_str()
            .is_some_and(|e| e.contains("platfrom")),
        "{broken}"
    );
    let summary = &doc["summary"];
    assert_eq!(summary["files"].as_u64(), Some(files.len() as u64));
    assert_eq!(summary["unreadable"], 1);
    for key in ["errors", "warnings", "infos"] {
        assert!(summary[key].as_u64().is_some(), "summary lacks {key}");
    }
}

#[test]
fn every_rule_is_tripped_by_an_example() {
    let out = stdout_of(poignee().args([
        "--config",
        "config.example.toml",
        "check",
        "examples/drafts",
        "--format",
        "short",
    ]));
    for rule in [
        "too-long",
        "too-short",
        "no-reason",
        "generic",
        "no-greeting",
        "no-name",
        "no-thanks",
        "sales-pitch",
        "link",
        "contact-details",
        "self-centered",
        "hype",
        "false-familiarity",
        "long-sentence",
        "unfilled-placeholder",
        "contact-race",
        "audience",
        "no-exchange",
    ] {
        assert!(
            out.contains(&format!("[{rule}]")),
            "no example trips {rule}:\n{out}"
        );
    }
}

#[test]
fn clean_note_exits_zero_and_human_output_is_compiler_style() {
    poignee()
        .args(["--lang", "en", "check", "examples/drafts/fr-propre.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "✓ examples/drafts/fr-propre.md — 100/100",
        ))
        .stdout(predicate::str::contains(
            "1 file checked: 0 errors, 0 warnings, 0 infos",
        ));
    poignee()
        .args(["--lang", "en", "check", "examples/drafts/fr-vendeur.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[sales-pitch]: “découvrez notre offre gratuite”: this describes what you sell",
        ))
        .stdout(predicate::str::contains(
            " --> examples/drafts/fr-vendeur.md:11:16",
        ))
        .stdout(predicate::str::contains("^^^^^^^^^^^^^^^^^^^^^"))
        .stdout(predicate::str::contains(
            "= help: keep what you sell for later",
        ))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn french_interface_and_strict() {
    poignee()
        .args(["--lang", "fr", "check", "examples/drafts/en-generic.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "erreur[no-reason]\u{a0}: la note ne dit pas pourquoi",
        ))
        .stdout(predicate::str::contains("1 fichier vérifié\u{a0}:"));
    // A note with only warnings: 0 normally, 1 with --strict.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let p = dir.path().join("w.txt");
    std::fs::write(
        &p,
        "Bonjour Claire, j'ai lu votre article sur la logistique urbaine, il m'a servi pour un projet à Lyon : exemple.fr/notes. Merci !",
    )
    .expect("writes the file");
    poignee().args(["check"]).arg(&p).assert().success();
    poignee()
        .args(["check", "--strict"])
        .arg(&p)
        .assert()
        .code(1);
}

#[test]
fn stdin_short_and_github_formats() {
    poignee()
        .args(["--lang", "en", "check", "-", "--format", "short"])
        .write_stdin("Hi, book a demo of our platform!")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<stdin>:1:5: error[sales-pitch]: “book a demo”: a request for a call, a meeting or their time in a first note",
        ));
    poignee()
        .args(["--lang", "en", "check", "-", "--format", "github"])
        .write_stdin("Hi, book a demo of our platform!")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "::error file=<stdin>,line=1,col=5,endLine=1,endColumn=16,title=poignee sales-pitch::",
        ));
}

#[test]
fn platform_and_tier_flags() {
    let note = "Bonjour Claire, nous nous sommes croisés au salon VivaTech de Paris sur le stand consacré à la logistique urbaine et aux livraisons à vélo cargo, où vous présentiez votre étude sur les quartiers. Merci et au plaisir !";
    poignee()
        .args(["check", "-", "--format", "short"])
        .write_stdin(note)
        .assert()
        .code(1);
    poignee()
        .args(["check", "-", "--format", "short", "--tier", "premium"])
        .write_stdin(note)
        .assert()
        .success();
    poignee()
        .args(["check", "-", "--format", "short", "--platform", "viadeo"])
        .write_stdin(note)
        .assert()
        .success();
}

#[test]
fn bad_files_are_reported_one_by_one_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(d.join(name), bytes).expect("writes the file");
    write("a-binary.txt", b"abc\0def");
    write("b-latin1.txt", b"Bonjour\nd\xe9j\xe0 vu");
    write("c-huge.txt", &vec![b'a'; 1024 * 1024 + 10]);
    write("d-empty.txt", b"");
    write("e-frontmatter.md", b"+++\nlang = \"fr\"\nBonjour");
    write("f-good.md", "Bonjour Claire, j’ai lu votre article sur la logistique urbaine. Au plaisir d’échanger, merci !".as_bytes());
    #[cfg(unix)]
    {
        std::fs::create_dir(d.join("loop")).expect("creates the folder");
        std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).expect("makes the link");
    }
    let out = poignee()
        .args(["--lang", "en", "check", "--format", "short"])
        .arg(d)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains("a-binary.txt:1:1: error[file]: binary file, not text"),
        "{out}"
    );
    assert!(
        out.contains("b-latin1.txt:2:2: error[file]: not UTF-8"),
        "{out}"
    );
    assert!(
        out.contains("c-huge.txt:1:1: error[file]: too large"),
        "{out}"
    );
    assert!(out.contains("d-empty.txt:1:1: error[empty]"), "{out}");
    assert!(
        out.contains("e-frontmatter.md:1:1: error[file]: invalid front matter"),
        "{out}"
    );
    #[cfg(unix)]
    assert!(out.contains("symbolic link loop"), "{out}");
    // The good file reports only the reason it gives.
    for line in out.lines().filter(|l| l.contains("f-good.md")) {
        assert!(line.contains("info[reason-found]"), "{out}");
    }
    // The loop is skipped and said, not counted unreadable.
    assert!(out.contains("4 unreadable"), "{out}");
    #[cfg(unix)]
    assert!(
        out.contains("again:1:1: warning[file]: symbolic link loop"),
        "{out}"
    );
    #[cfg(unix)]
    assert!(out.contains("1 skipped"), "{out}");
}

#[test]
fn invalid_configs_name_file_line_column_and_key() {
    let cases = [
        (
            "unknown-key.toml",
            ":3:1: key `audience.regoins`",
            "did you mean `regions`?",
        ),
        (
            "bad-severity.toml",
            ":2:15: key `rules.sales-pitch`",
            "unknown value `loud`: use `off`, `info`, `warning`, `error`",
        ),
        ("unknown-rule.toml", ":2:1:", "did you mean `sales-pitch`?"),
        (
            "bad-tier.toml",
            ":1:8: key `tier`",
            "unknown value `gold`: use `free`, `premium`, `sales-navigator`",
        ),
        (
            "zero-limit.toml",
            ":2:1: key `limits.linkedin_free`",
            "is not a note limit",
        ),
        (
            "unknown-word-list.toml",
            ":2:1:",
            "did you mean `sales-pitch`?",
        ),
        ("syntax.toml", ":2:", "platform"),
        (
            "alias-nowhere.toml",
            ":6:1: key `audience.aliases.Atlantide`",
            "“Atlantide” names nothing known, so its aliases lead nowhere",
        ),
        (
            "alias-loop.toml",
            ":6:3: key `audience.aliases.Le Sud`",
            "goes round in a loop (Le Sud → Midi → Le Sud)",
        ),
    ];
    for (file, place, message) in cases {
        let path = Path::new("tests/invalid_configs").join(file);
        let expected = format!("{}{place}", path.display());
        poignee()
            .arg("--config")
            .arg(&path)
            .args(["check", "examples/drafts/fr-propre.md"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected))
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn missing_config_given_explicitly_is_an_error() {
    poignee()
        .args(["--config", "nope.toml", "rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nope.toml: cannot read the config",
        ));
}

#[test]
fn rules_and_explain() {
    let out =
        stdout_of(poignee().args(["--lang", "en", "--config", "config.example.toml", "rules"]));
    for &rule in poignee::RuleId::ALL {
        assert!(out.contains(rule.as_str()), "rules lacks {rule}");
    }
    poignee()
        .args(["--lang", "fr", "explain", "sales-pitch"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Une première invitation ne vend rien",
        ));
    // The examples are quoted without the marks of their spans.
    for (lang, rule) in [("fr", "no-reason"), ("en", "sales-pitch"), ("en", "hype")] {
        let out = stdout_of(poignee().args(["--lang", lang, "explain", rule]));
        assert!(out.contains('“') || out.contains('«'), "{out}");
        assert!(!out.contains(['⟦', '⟧']), "{out}");
    }
    poignee()
        .args(["--lang", "en", "explain", "sales-pich"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `sales-pitch`?"));
}

#[test]
fn init_writes_once_and_never_overwrites_silently() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("poignee/config.toml");
    poignee()
        .args(["--lang", "en", "init", "--path"])
        .arg(&path)
        .assert()
        .success();
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(written, poignee::config::init_text());
    std::fs::write(&path, "lang = \"en\"\n").expect("writes the file");
    poignee()
        .args(["--lang", "en", "init", "--path"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists: nothing written"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        "lang = \"en\"\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    poignee()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    poignee().args(["frobnicate"]).assert().code(2);
}

fn json_of(cmd: &mut Command) -> serde_json::Value {
    let out = stdout_of(cmd);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON: {e}\n{out}"))
}

fn person(name: &str, region: &str, body: &str) -> String {
    format!(
        "+++\nlang = \"fr\"\n[target]\nname = \"{name}\"\nregion = \"{region}\"\nsector = \"Software Development\"\n+++\n{body}\n"
    )
}

#[test]
fn check_reports_exactly_the_people_out_of_the_audience_with_the_path() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let notes = [
        ("lyon.md", "Lyon, Auvergne-Rhône-Alpes, France"),
        ("villeurbanne.md", "Villeurbanne (69)"),
        ("postal.md", "69003"),
        ("paris.md", "Région de Paris, France"),
        ("lille.md", "Lille"),
        (
            "marseille.md",
            "Marseille, Provence-Alpes-Côte d'Azur, France",
        ),
        ("geneve.md", "Genève"),
        ("saint-denis.md", "Saint-Denis"),
    ];
    for (i, (file, region)) in notes.iter().enumerate() {
        let body = format!(
            "Bonjour Claire, votre article n°{i} sur la logistique urbaine m’a appris beaucoup sur le sujet {i}. Au plaisir d’échanger, merci !"
        );
        write(&d.join(file), &person("Claire Martin", region, &body));
    }
    let doc = json_of(
        poignee()
            .args([
                "--config",
                "config.example.toml",
                "--lang",
                "en",
                "check",
                "--format",
                "json",
            ])
            .arg(d),
    );
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for f in doc["files"].as_array().cloned().unwrap_or_default() {
        let path = f["path"].as_str().unwrap_or_default().to_string();
        let name = Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for d in f["diagnostics"].as_array().cloned().unwrap_or_default() {
            if d["rule"] != "audience" {
                continue;
            }
            let msg = d["message"].as_str().unwrap_or_default().to_string();
            match d["severity"].as_str() {
                Some("error") => out.push((name.clone(), msg)),
                _ => unknown.push(name.clone()),
            }
        }
    }
    out.sort();
    unknown.sort();
    assert_eq!(
        out.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["lille.md", "marseille.md"],
        "{out:?}"
    );
    assert!(
        out[0].1.contains("Lille → Nord (59) → Hauts-de-France"),
        "{}",
        out[0].1
    );
    assert!(
        out[1]
            .1
            .contains("Bouches-du-Rhône (13) → Provence-Alpes-Côte d'Azur"),
        "{}",
        out[1].1
    );
    assert_eq!(unknown, ["geneve.md", "saint-denis.md"]);
}

#[test]
fn audience_explains_lyon_saint_denis_and_geneve() {
    let run = |region: &str| {
        let out = poignee()
            .args([
                "--config",
                "config.example.toml",
                "--lang",
                "en",
                "audience",
                "--region",
                region,
                "--sector",
                "Software Development",
            ])
            .output()
            .expect("the binary runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, text) = run("Lyon, France");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("read as    Lyon → Rhône (69) → Auvergne-Rhône-Alpes"),
        "{text}"
    );
    assert!(
        text.contains("✓ in: the person is in your audience"),
        "{text}"
    );
    let (code, text) = run("Saint-Denis");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("ambiguous: Saint-Denis → Seine-Saint-Denis (93) → Île-de-France (in) or Saint-Denis → La Réunion (974) → La Réunion (out)"), "{text}");
    assert!(text.contains("e.g. “Saint-Denis (93)”"), "{text}");
    let (code, text) = run("Genève");
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("? unknown: region “Genève” is not in the shipped data"),
        "{text}"
    );
    let (code, text) = run("Genève, Suisse");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("✖ out: region “Genève, Suisse” is outside your audience"),
        "{text}"
    );
    let doc = json_of(poignee().args([
        "--config",
        "config.example.toml",
        "audience",
        "--region",
        "Lille",
        "--json",
    ]));
    assert_eq!(doc["decision"], "out");
    assert_eq!(
        doc["fields"][0]["read_as"],
        "Lille → Nord (59) → Hauts-de-France"
    );
}

#[test]
fn repeated_text_and_pace_across_the_checked_files_and_the_saved_drafts() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let saved = d.join("saved");
    let config = d.join("config.toml");
    write(
        &config,
        &format!("drafts_dir = \"{}\"\nweekly_budget = 2\n", saved.display()),
    );
    let body = |first: &str| {
        format!(
            "Bonjour {first}, nous nous sommes croisés au salon VivaTech sur la logistique urbaine. Votre retour sur les tournées m’a marqué. Merci !"
        )
    };
    write(
        &d.join("new/claire.md"),
        &person("Claire Martin", "Lyon", &body("Claire")),
    );
    write(
        &d.join("new/paul.md"),
        &person("Paul Durand", "Lyon", &body("Paul")),
    );
    write(
        &saved.join("ines.md"),
        &person("Inès Haddad", "Lyon", &body("Inès")),
    );
    // Three approved today, over a budget of two a week.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    for (i, name) in ["Zoé Petit", "Marc Roux", "Léa Blanc"].iter().enumerate() {
        let when = now - 3600 * (3 - i as u64);
        let ts = jiff::Timestamp::from_second(when as i64).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let text = format!(
            "+++\nstatus = \"approved\"\ntier = \"premium\"\napproved_at = {ts}\n[target]\nname = \"{name}\"\n+++\nBonjour, note {i} écrite pour le sujet numéro {i} seulement.\n"
        );
        write(&saved.join(format!("approved-{i}.md")), &text);
    }
    write(
        &d.join("new/late.md"),
        &format!(
            "+++\nstatus = \"approved\"\ntier = \"premium\"\napproved_at = {}\n[target]\nname = \"Tom\"\n+++\nBonjour Tom, une note tout à fait à part.\n",
            jiff::Timestamp::from_second(now as i64).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        ),
    );
    let doc = json_of(
        poignee()
            .arg("--config")
            .arg(&config)
            .args(["--lang", "en", "check", "--format", "json"])
            .arg(d.join("new")),
    );
    let cross = doc["cross_draft"].as_array().cloned().unwrap_or_default();
    let found: Vec<(String, String)> = cross
        .iter()
        .map(|c| {
            let p = c["path"].as_str().unwrap_or_default();
            let name = Path::new(p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, c["rule"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("claire.md".to_string(), "repeated-text".to_string()),
            ("late.md".to_string(), "pace".to_string()),
            ("paul.md".to_string(), "repeated-text".to_string()),
        ],
        "{cross:?}"
    );
    let claire = &cross[0];
    assert!(
        claire["related"].as_array().is_some_and(|r| r
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.ends_with("saved/ines.md")))),
        "{claire}"
    );
    assert!(
        cross[1]["message"]
            .as_str()
            .is_some_and(|m| m
                .starts_with("4 notes sent or approved in the last 7 days, over your budget of 2")),
        "{}",
        cross[1]
    );
    assert_eq!(doc["summary"]["warnings"], 3);
    // --no-saved compares the given files alone: two people are not many.
    let doc = json_of(
        poignee()
            .arg("--config")
            .arg(&config)
            .args(["check", "--no-saved", "--format", "json"])
            .arg(d.join("new")),
    );
    assert_eq!(doc["cross_draft"], serde_json::json!([]));
}

#[test]
fn templates_list_check_show_and_new() {
    let out = stdout_of(poignee().args(["templates", "list"]));
    let names: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("fr/") || l.starts_with("en/"))
        .collect();
    assert!(names.len() >= 16, "{out}");
    let fr_only = stdout_of(poignee().args(["--lang", "fr", "templates", "list"]));
    assert!(
        fr_only.contains("fr/evenement") && !fr_only.contains("en/event"),
        "{fr_only}"
    );
    poignee()
        .args(["templates", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "16 files checked: 0 errors, 0 warnings, 0 infos",
        ));
    poignee()
        .args([
            "--lang",
            "en",
            "templates",
            "show",
            "fr/evenement",
            "--set",
            "topic=notre offre gratuite",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Bonjour Claire, nous avons échangé au salon VivaTech sur notre offre",
        ))
        .stdout(predicate::str::contains("error[sales-pitch]"));
    poignee()
        .args(["templates", "show", "evenemnt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `fr/evenement`?"));

    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    let mine = dir.path().join("mine");
    write(
        &config,
        &format!("templates_dir = \"{}\"\n", mine.display()),
    );
    let with_config = || {
        let mut cmd = poignee();
        cmd.arg("--config").arg(&config);
        cmd
    };
    with_config()
        .args(["templates", "new", "relance-salon", "--in", "fr"])
        .assert()
        .code(0);
    let scaffold = std::fs::read_to_string(mine.join("relance-salon.md")).unwrap_or_default();
    assert!(
        scaffold.contains("{{event}}") && scaffold.contains("lang = \"fr\""),
        "{scaffold}"
    );
    with_config()
        .args(["templates", "new", "relance-salon"])
        .assert()
        .code(2);
    with_config()
        .args(["templates", "check", "relance-salon"])
        .assert()
        .code(0);
    // A template of the user's overrides the shipped one of the same name.
    write(
        &mine.join("fr/evenement.md"),
        "+++\nname = \"evenement\"\ndescription = \"le mien\"\nlang = \"fr\"\n+++\nBonjour {{first_name|à vous}}, nous nous sommes croisés au salon VivaTech. Au plaisir d’échanger sur la logistique ? Merci !\n",
    );
    let out = stdout_of(with_config().args(["templates", "list"]));
    assert!(
        out.lines().any(|l| l.starts_with("fr/evenement")
            && l.contains("over shipped")
            && l.contains("le mien")),
        "{out}"
    );
    // A broken template is reported with its line and column, the others still load.
    write(&mine.join("casse.md"), "+++\nlang = 3\n+++\nBonjour\n");
    with_config()
        .args(["templates", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("casse.md:2:"));
    // Listing runs all the same (exit 0): the broken one is a warning on
    // standard error, not an `error:` that exits 0 (issue 21, item 10).
    with_config()
        .args(["--lang", "en", "templates", "list"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning:").and(predicate::str::contains("casse.md:2:")))
        .stderr(predicate::str::contains("error:").not());
}

const PEOPLE: &str = "\u{feff}Prénom;Nom;Entreprise;Ville;Secteur;event;topic
Claire;Martin;Acme;Lyon;Software Development;au salon VivaTech;la logistique urbaine
Paul;Durand;Globex;Villeurbanne (69);Développement de logiciels;à la Mêlée;les tests de charge
Inès;Haddad;Initech;Paris;Marketing Services;au Web2Day;le référencement local
Marc;Roux;Umbrella;Lille;Software Development;au meetup Rust;les macros
Léa;Blanc;Hooli;Grenoble;Software Development;;le design system
Tom;Petit;Stark;69003;Software Development;au DevFest;Kubernetes
Zoé;Moreau;Wayne;Région de Paris, France;Software Development;à BlendWebMix;\"les \"\"web components\"\"\"
Hugo;Lefèvre;Cyberdyne;Annecy;Software Development;au salon SIDO;l’IoT industriel
Sarah;Garcia;Soylent;Boulogne-Billancourt (92);Marketing Services;à la Product Conf;la recherche utilisateur
Noé;Fournier;Tyrell;Clermont-Ferrand;Software Development;au Sunny Tech;WebAssembly
";

#[test]
fn draft_for_a_short_list_writes_eight_and_explains_two() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let people = dir.path().join("people.csv");
    write(&people, PEOPLE);
    let out_dir = dir.path().join("out");
    let run = || {
        common::draft(&people, &out_dir)
            .args(["--config", "config.example.toml"])
            .output()
            .expect("the binary runs")
    };
    let first = run();
    let text = String::from_utf8_lossy(&first.stdout).into_owned();
    assert_eq!(first.status.code(), Some(1), "{text}");
    assert!(
        text.contains("line 5 (Marc Roux) skipped: out of your audience: region “Lille”"),
        "{text}"
    );
    assert!(
        text.contains("Lille → Nord (59) → Hauts-de-France"),
        "{text}"
    );
    assert!(
        text.contains("line 6 (Léa Blanc) skipped: no value for {{event}}"),
        "{text}"
    );
    assert!(text.contains("8 drafts written"), "{text}");
    assert!(text.contains("repeated-text"), "{text}");
    assert_eq!(
        common::files_in(&out_dir),
        [
            "claire-martin.md",
            "hugo-lefevre.md",
            "ines-haddad.md",
            "noe-fournier.md",
            "paul-durand.md",
            "sarah-garcia.md",
            "tom-petit.md",
            "zoe-moreau.md"
        ]
    );
    let claire = std::fs::read_to_string(out_dir.join("claire-martin.md")).unwrap_or_default();
    assert!(
        claire.contains("status = \"draft\"") && claire.contains("template = \"fr/evenement\""),
        "{claire}"
    );
    assert!(
        claire.contains("name = \"Claire Martin\"")
            && claire.contains("event = \"au salon VivaTech\""),
        "{claire}"
    );
    assert!(claire.ends_with("Bonjour Claire, nous avons échangé au salon VivaTech sur la logistique urbaine. J’aimerais poursuivre la conversation : qu’en pensez-vous ? Merci !\n"), "{claire}");
    let zoe = std::fs::read_to_string(out_dir.join("zoe-moreau.md")).unwrap_or_default();
    assert!(zoe.contains("sur les \"web components\"."), "{zoe}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out_dir.join("claire-martin.md"))
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        assert_eq!(mode, 0o600);
    }
    // A second run never overwrites, and does not write the same notes twice.
    let second = String::from_utf8_lossy(&run().stdout).into_owned();
    assert!(second.contains("0 drafts written"), "{second}");
    assert!(second.contains("8 already there"), "{second}");
    assert!(
        second.contains("claire-martin.md — Claire Martin (line 2) — already there, the same"),
        "{second}"
    );
    let count = std::fs::read_dir(&out_dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(count, 8);
    assert_eq!(
        std::fs::read_to_string(out_dir.join("claire-martin.md")).unwrap_or_default(),
        claire
    );
}

#[test]
fn draft_reads_an_excel_csv_and_names_a_utf16_one() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let people = dir.path().join("people.csv");
    let utf16: Vec<u8> = "\u{feff}first_name,last_name\nClémence,Roy\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&people, utf16).expect("writes the file");
    common::draft(&people, &dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "people.csv: encoded as UTF-16: save it as UTF-8",
        ));
    assert!(!dir.path().join("out").exists());
    // Windows-1252, as Excel saves « CSV (séparateur : point-virgule) ».
    std::fs::write(
        &people,
        b"Pr\xe9nom;Nom;event;topic\nCl\xe9mence;Roy;Web2Day;la sobri\xe9t\xe9\n",
    )
    .expect("writes the file");
    let out = dir.path().join("out");
    common::draft(&people, &out).assert().success();
    let written = std::fs::read_to_string(out.join("clemence-roy.md")).unwrap_or_default();
    assert!(written.contains("Clémence"), "{written}");
}

/// Whether `out` holds a byte or character a terminal acts on: a C0
/// control other than a line break, DEL, a C1 control, a bidi control.
fn raw_control(out: &str) -> Option<char> {
    out.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn terminal_escapes_in_names_and_notes_are_shown_not_sent() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let name = "Eve\u{1b}]0;HACKED\u{7}\n\u{202e}dm.txt";
    let path = dir.path().join(name);
    write(
        &path,
        "Bonjour Eve\u{1b}]0;HACKED\u{7}, vu au salon \u{202e}Web2Day\u{9b}31m. Merci !",
    );
    for format in ["human", "short", "github", "json"] {
        let out = poignee()
            .args(["--lang", "en", "check", "--no-saved", "--format", format])
            .arg(&path)
            .output()
            .expect("the binary runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(out.status.code(), Some(1), "{format}: {text}");
        assert_eq!(raw_control(&text), None, "{format}: {text:?}");
        assert!(text.contains("control-chars"), "{format}: {text}");
        match format {
            "json" => {
                let v: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
                assert_eq!(v["files"][0]["path"], path.display().to_string());
            }
            "human" => {
                assert!(
                    text.contains("Eve<U+001B>]0;HACKED<U+0007><U+000A><U+202E>dm.txt"),
                    "{text}"
                );
                assert!(text.contains("U+202E right-to-left override"), "{text}");
            }
            _ => {
                // One line a finding, each naming the file.
                let lines: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.contains("file checked"))
                    .collect();
                assert!(lines.len() > 2, "{text}");
                // GitHub's own escape for a line break.
                let shown = match format {
                    "github" => "HACKED<U+0007>%0A<U+202E>dm.txt",
                    _ => "HACKED<U+0007><U+000A><U+202E>dm.txt",
                };
                for l in lines {
                    assert!(l.contains(shown), "{format}: {l}");
                }
            }
        }
    }
}

#[test]
fn people_cells_are_cleaned_before_they_reach_a_note() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let people = dir.path().join("people.csv");
    write(
        &people,
        "first_name,last_name,region,sector,event,topic\nEve\u{1b}]0;HACKED\u{7},Martin\u{202e},Lyon,Software Development,au salon \u{200b}VivaTech,la logistique\n",
    );
    let out_dir = dir.path().join("out");
    let out = common::draft(&people, &out_dir)
        .args(["--config", "config.example.toml"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(raw_control(&text), None, "{text:?}");
    let written: Vec<_> = std::fs::read_dir(&out_dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(written.len(), 1, "{text}");
    let note = std::fs::read_to_string(&written[0]).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert!(
        note.contains("Bonjour Eve]0;HACKED, nous avons échangé au salon VivaTech"),
        "{note}"
    );
    assert_eq!(raw_control(&note.replace('\n', "")), None, "{note:?}");
    assert!(!note.contains('\u{200b}'), "{note:?}");
}

#[test]
fn control_chars_is_a_rule_like_the_others() {
    poignee()
        .args(["--lang", "en", "explain", "control-chars"])
        .assert()
        .success()
        .stdout(predicate::str::contains("control-chars (error)"));
    poignee()
        .args(["--lang", "en", "check", "-", "--format", "short"])
        .write_stdin("Hi Claire\u{200b}, we met at Web2Day on caching. Thanks!")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<stdin>:1:10: error[control-chars]: an invisible character in the note: U+200B zero-width space",
        ));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "[rules]\ncontrol-chars = \"off\"\n");
    poignee()
        .args(["--lang", "en", "--config"])
        .arg(&config)
        .args(["check", "-", "--format", "short"])
        .write_stdin("Hi Claire\u{200b}, we met at Web2Day on caching. Thanks!")
        .assert()
        .stdout(predicate::str::contains("control-chars").not());
}

/// `--version` says the commit it was built from, when built from a git
/// checkout; the crate's version alone otherwise (build.rs).
#[test]
fn version_says_the_commit() {
    let out = stdout_of(poignee().arg("--version"));
    let version = concat!("poignee ", env!("CARGO_PKG_VERSION"));
    assert!(out.starts_with(version), "{out}");
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success() && Path::new(".git").exists())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match head {
        Some(commit) => assert_eq!(out.trim(), format!("{version} ({commit})")),
        None => assert_eq!(out.trim(), version),
    }
}

/// The top-level help names every command and what `audience` does besides
/// one person: a list (--people) and the names it knows (--list).
#[test]
fn help_names_people_list_completions_and_man() {
    let out = stdout_of(poignee().arg("--help"));
    for word in [
        "--people",
        "--list",
        "completions",
        "man",
        "--version",
        "Exit codes",
    ] {
        assert!(out.contains(word), "{word}:\n{out}");
    }
}

#[test]
fn completions_for_every_shell_from_the_one_definition() {
    let cases = [
        ("bash", "_poignee()"),
        ("zsh", "#compdef poignee"),
        ("fish", "complete -c poignee"),
        ("elvish", "edit:completion:arg-completer[poignee]"),
        ("powershell", "Register-ArgumentCompleter"),
    ];
    for (shell, mark) in cases {
        let out = stdout_of(poignee().args(["completions", shell]));
        assert!(out.contains(mark), "{shell}: {out}");
        // Subcommands and their flags are there.
        for word in ["audience", "people", "keep-formulas", "completions"] {
            assert!(out.contains(word), "{shell} lacks {word}");
        }
    }
    // A broken config does not stand in the way.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "regoins = 1\n");
    poignee()
        .arg("--config")
        .arg(&config)
        .args(["completions", "bash"])
        .assert()
        .success();
    poignee()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}

#[test]
fn man_pages_from_the_one_definition() {
    let out = stdout_of(poignee().arg("man"));
    assert!(out.contains(".TH poignee 1"), "{out}");
    assert!(out.contains(env!("CARGO_PKG_VERSION")), "{out}");
    for word in ["audience", "completions", "\\-\\-config"] {
        assert!(out.contains(word), "{word}: {out}");
    }
    let out = stdout_of(poignee().args(["man", "audience"]));
    assert!(
        out.contains(".TH poignee\\-audience 1") || out.contains(".TH poignee-audience 1"),
        "{out}"
    );
    for flag in ["people", "list", "keep\\-formulas", "only"] {
        assert!(out.contains(&format!("\\-\\-{flag}")), "{flag}: {out}");
    }
    let out = stdout_of(poignee().args(["man", "templates", "show"]));
    assert!(out.contains("\\-\\-set"), "{out}");
    poignee()
        .args(["man", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no command “nope”"));
    // Every page to a folder.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pages = dir.path().join("man1");
    poignee()
        .args(["man", "--out"])
        .arg(&pages)
        .assert()
        .success();
    for page in [
        "poignee.1",
        "poignee-audience.1",
        "poignee-templates-show.1",
    ] {
        assert!(pages.join(page).is_file(), "{page}");
    }
}

/// Exit codes (issue 21, item 10): `audience --list` with no match is an
/// answer (empty standard output, a note), not the "out" code 1 nor an error.
#[test]
fn audience_list_with_no_match_is_an_answer_not_out() {
    poignee()
        .args(["--lang", "en", "audience", "--list", "regions", "zzqxw"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("note: no name matches"))
        .stderr(predicate::str::contains("error").not());
}

/// Exit codes (issue 21, item 10): a notice that ends in exit 0 is not
/// printed as `error:` — `check` on a folder with no notes warns.
#[test]
fn check_on_a_folder_without_notes_warns_not_errors() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    poignee()
        .args(["--lang", "en", "check"])
        .arg(tmp.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: no notes in"))
        .stderr(predicate::str::contains("error").not());
}

/// Exit codes (issue 21, item 10): a new user (no config, nothing saved
/// yet) asking `stats` gets zero counts and exit 0, not a usage error.
#[test]
fn stats_for_a_new_user_is_zero_not_a_usage_error() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    poignee()
        .env("XDG_DATA_HOME", tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .env("HOME", tmp.path())
        .args(["--lang", "en", "stats"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("note: no drafts saved yet"))
        .stderr(predicate::str::contains("error").not());
}

/// Issue 21, item 11: `--help` and clap's usage errors in the user's
/// language — `--lang fr`, a French locale, or the config's `lang`.
#[test]
fn help_and_usage_errors_speak_french() {
    let help = stdout_of(poignee().args(["--lang", "fr", "check", "--help"]));
    for said in [
        "Vérifier des brouillons",
        "Utilisation\u{a0}: poignee check [OPTIONS] [CHEMINS]...",
        "Arguments\u{a0}:",
        "Options\u{a0}:",
        "[par défaut\u{a0}: .]",
        "Valeurs possibles\u{a0}:",
        "--config <CHEMIN>",
        "Échouer (code 1) sur les avertissements aussi",
        "Afficher l’aide",
    ] {
        assert!(help.contains(said), "{said}:\n{help}");
    }
    for english in [
        "Usage:",
        "Options:",
        "[default:",
        "Possible values",
        "Print help",
        "Output format",
    ] {
        assert!(!help.contains(english), "{english}:\n{help}");
    }
    // A French locale, without --lang.
    let help = stdout_of(poignee().env("LANG", "fr_FR.UTF-8").arg("--help"));
    for said in [
        "Utilisation\u{a0}: poignee [OPTIONS] [COMMANDE]",
        "Commandes\u{a0}:",
        "Codes de sortie (toutes les commandes)\u{a0}:",
        "--people",
        "--list",
        "-V, --version",
    ] {
        assert!(help.contains(said), "{said}:\n{help}");
    }
    assert!(!help.contains("Commands:"), "{help}");
    // A typo of a command: the suggestion, the usage, the exit code.
    poignee()
        .args(["--lang", "fr", "chek"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "erreur\u{a0}: commande inconnue «\u{a0}chek\u{a0}»\u{a0}: vouliez-vous dire «\u{a0}check\u{a0}»\u{202f}?",
        ))
        .stderr(predicate::str::contains("Utilisation\u{a0}: poignee [OPTIONS] [COMMANDE]"))
        .stderr(predicate::str::contains("«\u{a0}poignee --help\u{a0}»"));
    // A value it does not take: the possible ones.
    poignee()
        .args(["--lang", "fr", "check", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "valeur invalide «\u{a0}xml\u{a0}» pour «\u{a0}--format <FORMAT>\u{a0}»",
        ))
        .stderr(predicate::str::contains(
            "[valeurs possibles\u{a0}: human, short, json, github]",
        ))
        .stderr(predicate::str::contains(
            "«\u{a0}poignee check --help\u{a0}»",
        ));
    // An unknown flag and a missing argument, with French value names.
    poignee()
        .args(["--lang", "fr", "check", "--stirct"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "argument inattendu «\u{a0}--stirct\u{a0}»\u{a0}: vouliez-vous dire «\u{a0}--strict\u{a0}»\u{202f}?",
        ));
    poignee()
        .args(["--lang=fr", "mark", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "il manque l’argument obligatoire «\u{a0}<FICHIER>...\u{a0}»",
        ))
        .stderr(predicate::str::contains(
            "Utilisation\u{a0}: poignee mark <FICHIER>... <ISSUE>",
        ));
    // The config's language, when neither --lang nor the locale says.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "lang = \"fr\"\n");
    poignee()
        .arg("--config")
        .arg(&config)
        .arg("chek")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("commande inconnue"));
    // `--lang en` wins over a French locale.
    poignee()
        .env("LANG", "fr_FR.UTF-8")
        .args(["--lang", "en", "chek"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand 'chek'"));
    // The manual page and the completions are made from the same French tree.
    let page = stdout_of(poignee().args(["--lang", "fr", "man", "check"]));
    assert!(
        page.contains(".SH NOM") && page.contains("Vérifier des brouillons"),
        "{page}"
    );
    let zsh = stdout_of(poignee().args(["--lang", "fr", "completions", "zsh"]));
    assert!(zsh.contains("Format de sortie"), "{zsh}");
    // With --format json, the error is a JSON document too, in French.
    let out = poignee()
        .args(["--lang", "fr", "check", "--format", "json", "--stirct"])
        .output()
        .expect("the binary runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let message = doc["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("argument inattendu"), "{doc}");
}

/// In English, help and usage errors are clap's own, unchanged.
#[test]
fn help_and_usage_errors_in_english_are_unchanged() {
    let help = stdout_of(poignee().args(["--lang", "en", "check", "--help"]));
    for said in [
        "Usage: poignee check [OPTIONS] [PATHS]...",
        "[default: .]",
        "Possible values:",
        "Print help (see a summary with '-h')",
        "[env: POIGNEE_CONFIG=]",
    ] {
        assert!(help.contains(said), "{said}:\n{help}");
    }
    poignee()
        .arg("chek")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: unrecognized subcommand 'chek'\n\n  tip: a similar subcommand exists: 'check'\n\nUsage: poignee [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n",
        ));
    poignee()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(
            "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: human, short, json, github]\n\nFor more information, try '--help'.\n",
        );
}

/// Issue 21, item 11: the system's errors are sentences in the user's
/// language, with the file they are about — a link to nothing, links in a
/// loop, a file that may not be read.
#[cfg(unix)]
#[test]
fn system_errors_are_said_in_the_users_language() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    std::os::unix::fs::symlink("gone.md", d.join("dangling.md")).expect("makes the link");
    std::os::unix::fs::symlink("b.md", d.join("a.md")).expect("makes the link");
    std::os::unix::fs::symlink("a.md", d.join("b.md")).expect("makes the link");
    let locked = d.join("locked.md");
    write(&locked, "Bonjour");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))
        .expect("sets the permissions");
    // Root reads anything: the case is only real for a user.
    let denied = std::fs::read(&locked).is_err();
    let cases = [
        (
            "fr",
            [
                "lien symbolique vers gone.md, qui n’existe pas",
                "liens symboliques en boucle",
                "accès refusé",
            ],
        ),
        (
            "en",
            [
                "symbolic link to gone.md, which does not exist",
                "symbolic links in a loop",
                "permission denied",
            ],
        ),
    ];
    for (lang, [dangling, looping, permission]) in cases {
        let out = poignee()
            .args(["--lang", lang, "check"])
            .arg(d.join("dangling.md"))
            .arg(d.join("a.md"))
            .arg(&locked)
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(1));
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(dangling), "{said}");
        assert!(said.contains(looping), "{said}");
        assert!(!said.contains("os error"), "{said}");
        if denied {
            assert!(said.contains(permission), "{said}");
        }
        // Each is said with its file.
        for name in ["dangling.md", "a.md"] {
            assert!(said.contains(name), "{name}: {said}");
        }
        // Walking the folder says the same.
        let out = poignee()
            .args(["--lang", lang, "check"])
            .arg(d)
            .output()
            .expect("the binary runs");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(dangling) && said.contains(looping), "{said}");
    }
}

/// Issue 21, item 11: a French config error says what the English one
/// says — « clé en double » for "duplicate key" — with file, line, column.
#[test]
fn config_errors_say_the_same_in_french() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, "platform = \"linkedin\"\nplatform = \"viadeo\"\n");
    let place = format!("{}:2:1:", config.display());
    poignee()
        .args(["--lang", "fr", "--config"])
        .arg(&config)
        .arg("rules")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{place} syntaxe TOML invalide\u{a0}: clé en double"
        )));
    poignee()
        .args(["--lang", "en", "--config"])
        .arg(&config)
        .arg("rules")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{place} invalid TOML: duplicate key"
        )));
}
