//! `poignee audience --people`: a prospect list judged row by row, as a
//! French Excel export comes (Windows-1252, `;`, CRLF), and the `in` rows
//! handed to `poignee draft --people` as they are written.

mod common;

use common::{poignee, write};
use std::path::Path;

const CONFIG: &str = "[audience]\nregions = [\"Auvergne-Rhône-Alpes\", \"Île-de-France\"]\nsectors = [\"Technology, Information and Media\"]\n";

/// Six people: two in, one out, two unknown, one ambiguous.
const LIST: &str = "Prénom;Nom;Société;Ville;Code postal;Secteur d'activité;event;topic\r\n\
Inès;Haddad;Acme;Lyon;69003;Développement de logiciels;VivaTech;la logistique\r\n\
José;Peña;Bâti;Lille;59000;Développement de logiciels;VivaTech;les entrepôts\r\n\
\r\n\
Zoé;Blanc;Ciel;Villeurbanne;;Software Development;VivaTech;le fret\r\n\
Léa;Roy;Y;Atlantis;;Software Development;VivaTech;les ports\r\n\
Anne;Moreau;X;Saint-Denis;;Software Development;VivaTech;la douane\r\n\
Paul;Faure;Z;Lyon;;Boulangerie artisanale;VivaTech;le pain\r\n";

fn setup(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let config = dir.join("config.toml");
    write(&config, CONFIG);
    let list = dir.join("prospects.csv");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(LIST);
    assert!(!unmappable);
    std::fs::write(&list, &bytes).expect("writes the file");
    (config, list)
}

fn run(config: &Path, args: &[&str]) -> std::process::Output {
    poignee()
        .args(["--lang", "en", "--config"])
        .arg(config)
        .arg("audience")
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn a_french_excel_list_is_sorted_and_the_in_rows_go_to_draft() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (config, list) = setup(dir.path());
    let list_arg = list.to_string_lossy().into_owned();
    let out = run(
        &config,
        &["--people", &list_arg, "--format", "csv", "--only", "in"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("read as Windows-1252 (French Excel), separator ;"),
        "{said}"
    );
    assert!(
        said.contains("6 people: 2 in, 1 out, 2 unknown, 1 ambiguous"),
        "{said}"
    );
    // UTF-8 with a BOM (Excel reads the accents back), `;` kept, the
    // columns as they came plus two.
    let text = String::from_utf8(out.stdout).expect("the output is UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("a BOM: {text}"));
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let head: Vec<String> = rows
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    assert_eq!(
        head,
        [
            "Prénom",
            "Nom",
            "Société",
            "Ville",
            "Code postal",
            "Secteur d'activité",
            "event",
            "topic",
            "audience",
            "audience_reason"
        ]
    );
    let kept: Vec<Vec<String>> = rows
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect())
                .unwrap_or_default()
        })
        .collect();
    let names: Vec<&str> = kept.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Inès", "Zoé"]);
    assert_eq!(kept[0][5], "Développement de logiciels");
    assert_eq!((kept[0][8].as_str(), kept[0][9].as_str()), ("in", ""));
    // That list is the one to hand to `draft --people`.
    let in_list = dir.path().join("in.csv");
    std::fs::write(&in_list, format!("\u{feff}{text}")).expect("writes the file");
    let drafts = dir.path().join("drafts");
    let made = common::draft(&in_list, &drafts)
        .output()
        .expect("the binary runs");
    assert_eq!(
        common::files_in(&drafts),
        ["ines-haddad.md", "zoe-blanc.md"],
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    // Its own output read again keeps two columns more, not four.
    let again = run(
        &config,
        &["--people", &in_list.to_string_lossy(), "--format", "csv"],
    );
    let again = String::from_utf8_lossy(&again.stdout).into_owned();
    assert_eq!(again.lines().next().map(|l| l.split(';').count()), Some(10));
}

#[test]
fn json_and_human_count_every_row_with_its_reasons() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (config, list) = setup(dir.path());
    let list_arg = list.to_string_lossy().into_owned();
    let out = run(&config, &["--people", &list_arg, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a temporary folder");
    assert_eq!(
        doc["counts"],
        serde_json::json!({"in": 2, "out": 1, "unknown": 2, "ambiguous": 1})
    );
    let rows = doc["rows"].as_array().cloned().unwrap_or_default();
    let lines: Vec<u64> = rows.iter().filter_map(|r| r["line"].as_u64()).collect();
    assert_eq!(
        lines,
        [2, 3, 5, 6, 7, 8],
        "file lines, the empty one skipped"
    );
    assert_eq!(rows[4]["audience"], "ambiguous");
    assert_eq!(rows[1]["place"], "Lille (59000)");
    let human = run(&config, &["--people", &list_arg]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("6 people: 2 in, 1 out, 2 unknown, 1 ambiguous"),
        "{text}"
    );
    assert!(text.contains("Most common reasons, unknown:"), "{text}");
    assert!(text.contains("Boulangerie artisanale"), "{text}");
    let fr = poignee()
        .args(["--lang", "fr", "--config"])
        .arg(&config)
        .args(["audience", "--people", &list_arg, "--only", "out"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&fr.stdout).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        text.contains("ligne 3") && !text.contains("ligne 2 "),
        "{text}"
    );
    assert!(
        text.contains("6 personnes : 2 dans la cible, 1 hors cible, 2 inconnues, 1 ambiguë"),
        "{text}"
    );
}

#[test]
fn lists_that_cannot_be_read_are_named_and_exit_2() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (config, _) = setup(dir.path());
    let missing = dir.path().join("nowhere.csv");
    let out = run(&config, &["--people", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere.csv"));
    let xlsx = dir.path().join("list.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04\0\0\0xl/workbook.xml").expect("writes the file");
    let out = run(&config, &["--people", &xlsx.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a text file"));
    let headless = dir.path().join("h.csv");
    write(&headless, "a,b\n1,2\n");
    let out = run(&config, &["--people", &headless.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no header row"));
    // No filter: nothing to sort, said.
    let empty = dir.path().join("empty.toml");
    write(&empty, "");
    let out = run(&empty, &["--people", &headless.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no audience filter"));
}

#[test]
fn names_can_be_found_and_a_wrong_one_in_the_config_is_pointed_at() {
    let out = poignee()
        .args(["--lang", "fr", "audience", "--list", "regions", "villeurb"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.starts_with("Villeurbanne (69)")),
        "{text}"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("c.toml");
    write(
        &config,
        "[audience]\nregions = [\n  \"Lyon\",\n  \"Atlantis\",\n]\nsectors = [\"Hôpitaux et soins de santé\"]\n",
    );
    let out = poignee()
        .args(["--lang", "fr", "--config"])
        .arg(&config)
        .args(["audience", "--region", "Lyon"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        said.contains("c.toml:4:3:") && said.contains("région inconnue « Atlantis »"),
        "{said}"
    );
    write(
        &config,
        "[audience]\nsectors = [\"Hôpitaux et soins de santé\"]\n",
    );
    let out = poignee()
        .args(["--lang", "fr", "--config"])
        .arg(&config)
        .args(["audience", "--sector", "Banque"])
        .output()
        .expect("the binary runs");
    let said = String::from_utf8_lossy(&out.stderr).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        said.contains("c.toml:2:12:")
            && said.contains("vouliez-vous dire « Hôpitaux et services de santé »"),
        "{said}"
    );
}

/// Exit codes (issue 21, item 10): a list where every row is out is what a
/// single person out is, exit 1; a list with someone in exits 0.
#[test]
fn a_list_with_everyone_out_exits_1_like_one_person_out() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    write(&config, CONFIG);
    let list = dir.path().join("out.csv");
    write(
        &list,
        "first_name,last_name,region,sector\nJosé,Peña,Lille,Software Development\nMarc,Petit,Marseille,Software Development\n",
    );
    let list_arg = list.to_string_lossy().into_owned();
    let out = run(&config, &["--people", &list_arg]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("nobody in the list is in the audience"),
        "{said}"
    );
    assert!(!said.contains("error:"), "{said}");
    // One person in among them: the list is sorted, exit 0.
    write(
        &list,
        "first_name,last_name,region,sector\nJosé,Peña,Lille,Software Development\nInès,Haddad,Lyon,Software Development\n",
    );
    let out = run(&config, &["--people", &list_arg]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
