//! `poignee stats` on a generated folder of 10,000 drafts whose outcomes
//! are known: every figure is asserted, by the library and by the CLI.

mod common;

use common::poignee;
use jiff::ToSpan;
use jiff::civil::Date;
use poignee::audience::Decision;
use poignee::batch::Options;
use poignee::config::Config;
use poignee::reading::CueKind;
use poignee::stats::{self, Band, Dimension, Group, Noted, ReasonGroup, Verdict, Window};
use poignee::{Lang, Platform};
use std::collections::HashMap;
use std::path::Path;

/// The audience rule is off so that a note scores the same whoever it goes
/// to (the band is known per note); the verdict is still read for the figures.
const CONFIG: &str = "lang = \"en\"\n[audience]\nregions = [\"Auvergne-Rhône-Alpes\"]\nsectors = [\"Software Development\"]\n[rules]\naudience = \"off\"\n";

/// The notes, with the language, score band, reason and verdict (passed:
/// no error) each is known to have (checked below, before the figures).
const BODIES: [(&str, Lang, Band, ReasonGroup, Verdict); 6] = [
    (
        "Bonjour {first}, nous avons échangé au salon VivaTech sur la logistique urbaine. Ravie de poursuivre, merci !",
        Lang::Fr,
        Band::High,
        ReasonGroup::Kind(CueKind::Event),
        Verdict::Pass,
    ),
    (
        "Hi {first}, I read your article on pricing pages and tried your checklist on our own site. Thanks for sharing it!",
        Lang::En,
        Band::High,
        ReasonGroup::Kind(CueKind::Work),
        Verdict::Pass,
    ),
    (
        "Hi, we help teams cut their cloud bill by 40%. Can I send you our case study? Book a free demo today!",
        Lang::En,
        Band::Low,
        ReasonGroup::None,
        Verdict::Flag,
    ),
    (
        "Bonjour {first}, je vous ajoute volontiers à mon réseau. Au plaisir d'échanger, merci.",
        Lang::Fr,
        Band::Mid,
        ReasonGroup::None,
        Verdict::Flag,
    ),
    (
        "Hi {first}, Sara Lopez suggested I reach out about the Rust meetup in Lyon. Thanks!",
        Lang::En,
        Band::High,
        ReasonGroup::Kind(CueKind::Mutual),
        Verdict::Pass,
    ),
    (
        // The same field and nothing more is no reason (LABELS.md): the
        // judgement flags it, whatever thin clue the patterns see.
        "Hi {first}, we both work in the HR field. I'd love to connect.",
        Lang::En,
        Band::Mid,
        ReasonGroup::None,
        Verdict::Flag,
    ),
];

/// First names, seven of them: every note goes to each.
const FIRST: [&str; 7] = ["Claire", "Paul", "Inès", "Sam", "Zoé", "Karim", "Léa"];

const TEMPLATES: [Option<&str>; 4] = [
    Some("fr/evenement"),
    Some("en/article"),
    Some("en/met"),
    None,
];

/// What draft `i` is, and what it counts as.
struct Known {
    status: &'static str,
    sent: Option<Date>,
    answered: Option<(&'static str, Date)>,
    /// The outcome the figures must give it; `None`: not an invitation.
    counts: Option<&'static str>,
    groups: [Group; 9],
}

fn known(i: usize, today: Date) -> Known {
    let (_, lang, band, reason, verdict) = BODIES[i % BODIES.len()];
    // Uneven, so that the templates come by size: 3, 2, 1 and 1 in 7.
    let template = TEMPLATES[[0, 0, 0, 1, 1, 2, 3][i % 7]].map(str::to_string);
    let platform = if i % 5 == 0 {
        Platform::Viadeo
    } else {
        Platform::Linkedin
    };
    let audience = [Decision::In, Decision::Out, Decision::Unknown][i % 3];
    let long_ago = today - (200 - (i % 100) as i64).days();
    let (status, sent, answered, counts) = match i % 10 {
        0..=3 => {
            let on = long_ago + ((i % 7) as i64).days();
            (
                "accepted",
                Some(long_ago),
                Some(("accepted_at", on)),
                Some("accepted"),
            )
        }
        4 => (
            "declined",
            Some(long_ago),
            Some(("declined_at", long_ago + 2.days())),
            Some("declined"),
        ),
        5 => (
            "ignored",
            Some(long_ago),
            Some(("ignored_at", long_ago + 40.days())),
            Some("ignored"),
        ),
        // Left sent: past the 30 days, or within them (the 30th day still waits).
        6 => (
            "sent",
            Some(today - ((31 + i % 50) as i64).days()),
            None,
            Some("unanswered"),
        ),
        7 => (
            "sent",
            Some(today - ((i % 31) as i64).days()),
            None,
            Some("pending"),
        ),
        8 => ("approved", None, None, None),
        _ => ("draft", None, None, None),
    };
    Known {
        status,
        sent,
        answered,
        counts,
        groups: [
            Group::Template(template),
            Group::Lang(lang),
            Group::Platform(platform),
            Group::Score(band),
            Group::Reason(reason),
            Group::Audience(audience),
            Group::Verdict(verdict),
            Group::VerdictReason(verdict, reason),
            Group::Note(Noted::With),
        ],
    }
}

fn write_drafts(dir: &Path, n: usize, today: Date) {
    std::fs::create_dir_all(dir).expect("creates the folder");
    for i in 0..n {
        let k = known(i, today);
        let first = FIRST[i % FIRST.len()];
        let body = BODIES[i % BODIES.len()].0.replace("{first}", first);
        let mut front = format!(
            "status = \"{}\"\napproved_at = 2026-01-01T09:00:00Z\n",
            k.status
        );
        if let Group::Template(Some(t)) = &k.groups[0] {
            front.push_str(&format!("template = \"{t}\"\n"));
        }
        if let Group::Platform(Platform::Viadeo) = k.groups[2] {
            front.push_str("platform = \"viadeo\"\n");
        }
        if let Some(d) = k.sent {
            front.push_str(&format!("sent_at = {d}\n"));
        }
        if let Some((key, d)) = k.answered {
            front.push_str(&format!("{key} = {d}\n"));
        }
        let (region, sector) = match k.groups[5] {
            Group::Audience(Decision::In) => {
                ("region = \"Lyon\"\n", "sector = \"Software Development\"\n")
            }
            Group::Audience(Decision::Out) => (
                "region = \"Brest\"\n",
                "sector = \"Software Development\"\n",
            ),
            _ => ("", "sector = \"Software Development\"\n"),
        };
        let text = format!(
            "+++\n{front}[target]\nname = \"{first} Martin{i}\"\n{region}{sector}+++\n{body}\n"
        );
        std::fs::write(dir.join(format!("{i:05}.md")), text).expect("writes the file");
    }
}

/// sent, accepted, declined, ignored, unanswered, pending.
type Tally = [usize; 6];

fn tally(t: &mut Tally, counts: &str) {
    t[0] += 1;
    match counts {
        "accepted" => t[1] += 1,
        "declined" => t[2] += 1,
        "ignored" => t[3] += 1,
        "unanswered" => {
            t[3] += 1;
            t[4] += 1;
        }
        _ => t[5] += 1,
    }
}

fn of(f: &stats::Figures) -> Tally {
    [
        f.sent,
        f.accepted,
        f.declined,
        f.ignored,
        f.unanswered,
        f.pending,
    ]
}

#[test]
fn ten_thousand_drafts_with_known_outcomes() {
    let today = jiff::Zoned::now().date();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    const N: usize = 10_000;
    write_drafts(&dir, N, today);
    let config_path = tmp.path().join("config.toml");
    std::fs::write(&config_path, CONFIG).expect("writes the file");
    let config = Config::parse(CONFIG, &config_path).expect("the config parses");
    let linter = config.linter(&config_path).expect("checks");
    let window = Window {
        today,
        since: None,
        ignored_after_days: 30,
    };
    // Each note is what the figures below take it for, whoever it goes to,
    // on either platform.
    for (i, (body, lang, band, reason, verdict)) in BODIES.iter().enumerate() {
        for first in FIRST {
            for platform in ["linkedin", "viadeo"] {
                let draft = poignee::draft::Draft::parse(&format!(
                    "+++\nstatus = \"sent\"\nplatform = \"{platform}\"\nsent_at = {today}\n[target]\nname = \"{first} Martin\"\n+++\n{}",
                    body.replace("{first}", first)
                ))
                .expect("the draft parses");
                let inv = stats::invitation(&draft, &linter, &Options::default(), &window)
                    .and_then(Result::ok)
                    .unwrap_or_else(|| panic!("body {i} is an invitation"));
                assert_eq!(
                    inv.groups[1..5],
                    [
                        Group::Lang(*lang),
                        inv.groups[2].clone(),
                        Group::Score(*band),
                        Group::Reason(*reason)
                    ],
                    "body {i} to {first} on {platform}"
                );
                assert_eq!(
                    inv.groups[6],
                    Group::Verdict(*verdict),
                    "body {i} to {first} on {platform}"
                );
            }
        }
    }

    let stats = stats::collect(
        std::slice::from_ref(&dir),
        &linter,
        &Options::default(),
        window,
    );
    assert!(stats.skipped.is_empty(), "{:?}", stats.skipped);
    assert_eq!((stats.drafts, stats.not_sent, stats.before), (N, 2_000, 0));
    let o = &stats.overall;
    assert_eq!(of(o), [8_000, 4_000, 1_000, 2_000, 1_000, 1_000]);
    assert_eq!(o.answered(), 7_000);
    assert_eq!(o.rate(), Some(4.0 / 7.0));
    assert_eq!(o.median_days(), Some(3.0));
    assert_eq!(o.timed(), 4_000);
    // Every group, tallied from what was written.
    let mut expected: HashMap<Group, Tally> = HashMap::new();
    for i in 0..N {
        let k = known(i, today);
        if let Some(counts) = k.counts {
            for g in k.groups {
                tally(expected.entry(g).or_default(), counts);
            }
        }
    }
    assert_eq!(stats.groups.len(), expected.len());
    for (g, f) in &stats.groups {
        assert_eq!(Some(&of(f)), expected.get(g), "{g:?}");
    }
    // The groups come by dimension; templates by size, none last in a tie.
    let templates: Vec<String> = stats
        .of(Dimension::Template)
        .map(|(g, _)| g.key())
        .collect();
    assert_eq!(templates, ["fr/evenement", "en/article", "en/met", ""]);
    let bands: Vec<String> = stats.of(Dimension::Score).map(|(g, _)| g.key()).collect();
    assert_eq!(bands, ["0-59", "60-79", "80-100"]);
    assert!(stats.groups.iter().all(|(_, f)| !f.too_small()));

    // --since: the invitations sent on that day or after.
    let since = today - 150.days();
    let cut = stats::collect(
        std::slice::from_ref(&dir),
        &linter,
        &Options::default(),
        Window {
            since: Some(since),
            ..window
        },
    );
    let mut want: Tally = [0; 6];
    let mut before = 0;
    for i in 0..N {
        let k = known(i, today);
        match (k.counts, k.sent) {
            (Some(c), Some(s)) if s >= since => tally(&mut want, c),
            (Some(_), _) => before += 1,
            _ => {}
        }
    }
    assert_eq!(of(&cut.overall), want);
    assert_eq!(cut.before, before);
    assert!(before > 0 && want[0] > 0);

    // The CLI says the same, in JSON and in CSV.
    let out = poignee()
        .arg("--config")
        .arg(&config_path)
        .args(["stats", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["drafts"], 10_000);
    assert_eq!(doc["overall"]["sent"], 8_000);
    assert_eq!(doc["overall"]["accepted"], 4_000);
    assert_eq!(doc["overall"]["ignored"], 2_000);
    assert_eq!(doc["overall"]["unanswered"], 1_000);
    assert_eq!(doc["overall"]["acceptance_rate"], 0.5714);
    assert_eq!(doc["overall"]["median_days_to_accept"], 3.0);
    let reasons = doc["by"]["reason"].as_array().cloned().unwrap_or_default();
    let event = reasons
        .iter()
        .find(|g| g["group"] == "event")
        .cloned()
        .unwrap_or_default();
    let want = expected
        .get(&Group::Reason(ReasonGroup::Kind(CueKind::Event)))
        .copied()
        .unwrap_or_default();
    assert_eq!(event["sent"], want[0]);
    assert_eq!(event["label"], "a meeting");
    assert_eq!(doc["by"]["audience"].as_array().map(Vec::len), Some(3));
}

/// A small folder, for the formats, the warnings and bad input.
fn small(dir: &Path, n: usize) {
    let today = jiff::Zoned::now().date();
    write_drafts(dir, n, today);
}

#[test]
fn human_output_has_aligned_bars_and_warns_on_small_groups() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    small(&dir, 60);
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, CONFIG).expect("writes the file");
    let out = poignee()
        .arg("--config")
        .arg(&config)
        .arg("stats")
        .arg(&dir)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "48 invitations sent", "{text}");
    assert_eq!(
        lines[1],
        "24 accepted · 6 declined · 12 ignored (6 of them unanswered after 30 days) · 6 pending",
        "{text}"
    );
    assert!(text.contains("\nBy template\n"), "{text}");
    assert!(text.contains("\nBy reason given\n"), "{text}");
    // Rows: the bar starts and the percentage ends at the same column.
    let rows: Vec<&str> = lines.iter().copied().filter(|l| l.contains('%')).collect();
    assert!(rows.len() > 10, "{text}");
    let bar_at = |l: &str| l.find(['█', '▏', '▎', '▍', '▌', '▋', '▊', '▉']);
    let col = |l: &str, at: Option<usize>| at.map(|b| l[..b].chars().count());
    let first = rows[0];
    for r in &rows {
        if bar_at(r).is_some() {
            assert_eq!(col(r, bar_at(r)), col(first, bar_at(first)), "{r}");
        }
        assert_eq!(col(r, r.find('%')), col(first, first.find('%')), "{r}");
    }
    assert!(
        rows.iter()
            .any(|r| r.contains("⚠ too few to tell (n < 10)")),
        "{text}"
    );
    let all = rows[0];
    assert!(all.trim_start().starts_with("all "), "{all}");
    // 24 accepted of 42 answered: 11.4 cells of 20.
    assert!(
        all.contains(" ███████████▍ ") && all.contains(" 57% "),
        "{all}"
    );

    // In French: the same figures, French typography.
    let fr = poignee()
        .arg("--config")
        .arg(&config)
        .args(["--lang", "fr", "stats"])
        .arg(&dir)
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&fr.stdout).into_owned();
    assert!(text.starts_with("48 invitations envoyées\n"), "{text}");
    assert!(text.contains("57\u{a0}%"), "{text}");
    assert!(text.contains("⚠ trop peu pour conclure"), "{text}");
    assert!(text.contains("\nPar raison donnée\n"), "{text}");
}

#[test]
fn csv_has_one_row_per_group_and_bad_files_are_named() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    small(&dir, 20);
    std::fs::write(dir.join("broken.md"), "+++\nstatus = \"acepted\"\n+++\nHi")
        .expect("writes the file");
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, CONFIG).expect("writes the file");
    let out = poignee()
        .arg("--config")
        .arg(&config)
        .args(["stats", "--format", "csv"])
        .arg(&dir)
        .output()
        .expect("the binary runs");
    // A file left out is said, with its line and column, and the run fails.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains("broken.md:2:10: key `status`: unknown value `acepted`")
            && err.contains("(did you mean `accepted`?)")
            && err.contains("not counted"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    assert_eq!(header[..4], ["by", "group", "label", "sent"]);
    let records: Vec<csv::StringRecord> = rows.records().filter_map(Result::ok).collect();
    assert_eq!(&records[0][0], "overall");
    assert_eq!(&records[0][3], "16");
    let dims: std::collections::BTreeSet<&str> = records[1..]
        .iter()
        .map(|r| r.get(0).unwrap_or(""))
        .collect();
    assert_eq!(dims.len(), 9, "{dims:?}");
    // 14 answered in all is enough; 20 drafts over 4 templates are not.
    assert_eq!(&records[0][12], "false");
    let templates: Vec<&csv::StringRecord> =
        records.iter().filter(|r| &r[0] == "template").collect();
    assert_eq!(templates.len(), 4);
    assert!(templates.iter().all(|r| &r[12] == "true"));
}

#[test]
fn bad_usage_is_said_and_exits_2() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for (args, says) in [
        (
            vec!["stats", ".", "--since", "2026-13-01"],
            "invalid date `2026-13-01`",
        ),
        (
            vec!["stats", ".", "--since", "2999-01-01"],
            "is in the future",
        ),
        (vec!["stats", ".", "--format", "xml"], "invalid value 'xml'"),
    ] {
        poignee()
            .current_dir(tmp.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
    // No folder given and none in the config: said, not an empty report.
    let config = tmp.path().join("c.toml");
    std::fs::write(&config, "drafts_dir = \"nowhere\"\n").expect("writes the file");
    poignee()
        .arg("--config")
        .arg(&config)
        .arg("stats")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no drafts folder at"));
    // An empty folder: nothing sent yet, said plainly.
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).expect("creates the folder");
    poignee()
        .arg("stats")
        .arg(&empty)
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "No invitation sent among 0 drafts",
        ));
}

/// Issue 21, item 8: outcomes that cannot have happened were counted: a
/// `sent_at` to come, an answer before its sending, `accepted` without
/// `sent_at`, `sent` with no date, year 0000. Each file is skipped, said
/// with its line and column, and the figures are those of the others.
#[test]
fn impossible_outcomes_are_skipped_with_their_place() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    small(&dir, 20);
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, CONFIG).expect("writes the file");
    let stats = |lang: &str| {
        poignee()
            .args(["--lang", lang, "--config"])
            .arg(&config)
            .args(["stats", "--format", "json"])
            .arg(&dir)
            .output()
            .expect("the binary runs")
    };
    let sent = |out: &std::process::Output| {
        let doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"));
        doc["overall"]["sent"].clone()
    };
    let clean = stats("en");
    assert_eq!(clean.status.code(), Some(0));
    let body = "Bonjour Claire, nous avons échangé au salon VivaTech. Merci !";
    let future = jiff::Zoned::now().date() + jiff::ToSpan::days(3);
    for (name, front) in [
        (
            "future.md",
            format!("status = \"sent\"\nsent_at = {future}"),
        ),
        (
            "before.md",
            "status = \"accepted\"\nsent_at = 2026-01-20\naccepted_at = 2026-01-10".into(),
        ),
        (
            "nosent.md",
            "status = \"accepted\"\naccepted_at = 2026-01-10".into(),
        ),
        ("undated.md", "status = \"sent\"".into()),
        ("zero.md", "status = \"sent\"\nsent_at = 0000-01-01".into()),
    ] {
        std::fs::write(dir.join(name), format!("+++\n{front}\n+++\n{body}\n"))
            .expect("writes the file");
    }
    let out = stats("en");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(sent(&out), sent(&clean), "none of them counted");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    for said in [
        format!("future.md:3:11: key `sent_at`: {future} is in the future"),
        "before.md:4:15: key `accepted_at`: an answer on 2026-01-10 to an invitation sent on 2026-01-20".into(),
        "nosent.md:2:10: key `status`: “accepted” without `sent_at`".into(),
        "undated.md:2:10: key `status`: “sent” without `sent_at`".into(),
        "zero.md:3:11: key `sent_at`: 0000-01-01 is before LinkedIn opened".into(),
    ] {
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert_eq!(err.matches("not counted").count(), 5, "{err}");
    let fr = String::from_utf8_lossy(&stats("fr").stderr).into_owned();
    assert!(
        fr.contains("undated.md:2:10: clé `status`\u{a0}: «\u{a0}envoyé\u{a0}» sans `sent_at`"),
        "{fr}"
    );
}
