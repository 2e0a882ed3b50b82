//! `update` tests (a key in, the state out), snapshots of every screen at
//! 80×24 and 120×40, and style assertions on the highlights.

use super::app::{App, Effect, Focus, Msg, Recovery, Screen, Setup, Start};
use super::dialog::{After, Dialog};
use super::keys::Keymap;
use super::ui;
use poignee::Tier;
use poignee::audience::{AudienceFilter, Decision};
use poignee::config::Config;
use poignee::lang::Lang;
use poignee::lint::{Linter, Severity};
use poignee::template::Library;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};

fn setup(lang: Lang, drafts: Option<PathBuf>, color: bool) -> Setup {
    let mut linter = Linter::default();
    linter.audience = AudienceFilter {
        regions: vec!["Auvergne-Rhône-Alpes".into(), "Île-de-France".into()],
        ..AudienceFilter::default()
    }
    .compile()
    .unwrap_or_default();
    Setup {
        drafts_dir: drafts,
        ..Setup::new(
            &Config::default(),
            lang,
            linter,
            Library::shipped(),
            Keymap::defaults(lang),
            color,
        )
    }
}

fn app(lang: Lang, drafts: Option<&Path>) -> App {
    App::new(setup(lang, drafts.map(Path::to_path_buf), true))
}

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// Carries out the file jobs among `effects` here and now, as the
/// runtime's worker thread does, their answers through `update` (and the
/// jobs those ask for, in turn); gives back the other effects, in the order
/// they were asked for.
fn settle(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut rest = Vec::new();
    let mut todo = effects;
    while !todo.is_empty() {
        let mut jobs = Vec::new();
        for effect in todo {
            match effect {
                Effect::Io(job) => jobs.push(job),
                other => rest.push(other),
            }
        }
        todo = Vec::new();
        for job in jobs {
            let done = app.worker.answer(job);
            todo.extend(app.update(Msg::Done(done)));
        }
    }
    rest
}

/// The time now (UTC), said as the runtime says it before each message.
fn tick(app: &mut App, at: &str) {
    let at: jiff::Timestamp = at.parse().expect("a moment, as RFC 3339");
    let effects = app.update(Msg::Tick(at.to_zoned(jiff::tz::TimeZone::system())));
    assert_eq!(effects, [], "the time asks for nothing");
}

/// A key through `update`, and the file work it asked for done: the other
/// effects it asked for (the clipboard, a redraw, the recovery file).
fn send(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    let effects = app.update(Msg::Key(ev));
    settle(app, effects)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    send(app, key(code, KeyModifiers::NONE))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    send(app, key(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Each character a key (a line break Enter); the effects of them all.
fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        effects.extend(press(app, code));
    }
    effects
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

const PITCH: &str = "Bonjour Claire, nous avons échangé au salon VivaTech sur la logistique urbaine. Découvrez notre offre gratuite !";

/// The form's fields in Tab order: name, region, title, sector, then the
/// relationship moved on twice (met).
fn fill_target(app: &mut App, name: &str, region: &str, sector: &str) {
    app.focus = Focus::Form;
    app.form.at = 0;
    typed(app, name);
    press(app, KeyCode::Tab);
    typed(app, region);
    press(app, KeyCode::Tab);
    typed(app, "Responsable marketing");
    press(app, KeyCode::Tab);
    typed(app, sector);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Char(' '));
    app.focus = Focus::Note;
}

#[test]
fn typing_lints_live_and_f8_goes_to_the_problem() {
    let mut a = app(Lang::Fr, None);
    assert!(!a.doc.dirty);
    typed(&mut a, PITCH);
    assert!(a.doc.dirty);
    let pitches: Vec<&str> = a
        .checks
        .report
        .diagnostics
        .iter()
        .filter(|d| d.rule == poignee::RuleId::SalesPitch)
        .map(|d| &PITCH[d.span.clone()])
        .collect();
    // What is sold is underlined through to the end of its clause.
    assert_eq!(pitches, ["Découvrez notre offre gratuite"]);
    // Errors come first in the list.
    assert_eq!(a.checks.report.diagnostics[0].severity, Severity::Error);
    press(&mut a, KeyCode::F(8));
    assert_eq!(
        a.note.editor.selected_text(),
        Some("Découvrez notre offre gratuite")
    );
    // Typing over the selection fixes it.
    typed(&mut a, "Au plaisir d’en reparler");
    assert!(
        !a.checks
            .report
            .diagnostics
            .iter()
            .any(|d| d.rule == poignee::RuleId::SalesPitch)
    );
    // Undo brings the offer back.
    for _ in 0..30 {
        if a.note.text().contains("gratuite") {
            break;
        }
        ctrl(&mut a, 'z');
    }
    assert!(a.note.text().contains("Découvrez notre offre gratuite"));
}

#[test]
fn the_target_form_drives_the_audience_verdict_and_the_limit() {
    let mut a = app(Lang::En, None);
    typed(&mut a, PITCH);
    fill_target(&mut a, "Claire Martin", "Lille", "Marketing Services");
    assert_eq!(a.verdict.decision, Decision::Out);
    assert!(
        a.checks
            .report
            .diagnostics
            .iter()
            .any(|d| d.rule == poignee::RuleId::Audience)
    );
    a.focus = Focus::Form;
    a.form.at = 1;
    for _ in 0.."Lille".len() {
        press(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "Villeurbanne (69)");
    assert_eq!(a.verdict.decision, Decision::In);
    assert_eq!(a.form.relationship, Some(poignee::Relationship::Met));
    assert_eq!(a.limit(), 200);
    a.focus = Focus::Form;
    a.form.at = 6;
    press(&mut a, KeyCode::Right);
    assert_eq!((a.form.tier, a.limit()), (Tier::Premium, 300));
}

#[test]
fn approve_refuses_errors_unless_confirmed_saves_privately_and_copies() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("drafts");
    let mut a = app(Lang::Fr, Some(&drafts));
    typed(&mut a, PITCH);
    fill_target(&mut a, "Claire Martin", "Lyon", "Marketing Services");
    ctrl(&mut a, 's');
    assert_eq!(
        a.dialog,
        Some(Dialog::Approve {
            errors: 1,
            then: After::Stay
        })
    );
    press(&mut a, KeyCode::Char('n'));
    assert!(a.dialog.is_none() && !drafts.exists());
    ctrl(&mut a, 's');
    let effects = press(&mut a, KeyCode::Char('o'));
    let file = drafts.join("claire-martin.md");
    let saved = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        saved.contains("status = \"approved\"") && saved.ends_with(&format!("{PITCH}\n")),
        "{saved}"
    );
    assert!(saved.contains("name = \"Claire Martin\"") && saved.contains("relationship = \"met\""));
    assert_eq!(effects, [Effect::Copy(PITCH.to_string())]);
    assert!(!a.doc.dirty);
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("claire-martin.md"))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0)
        };
        assert_eq!((mode(&file), mode(&drafts)), (0o600, 0o700));
    }
}

#[test]
fn two_saves_for_the_same_person_make_two_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    for body in [
        "Hi Claire, we met at the Web Summit. Thanks!",
        "Hi Claire, I read your post on rituals. Thanks!",
    ] {
        ctrl(&mut a, 'n');
        assert!(a.dialog.is_none(), "the first note was saved");
        typed(&mut a, "Claire Martin");
        a.focus = Focus::Note;
        typed(&mut a, body);
        ctrl(&mut a, 's');
        if a.dialog.is_some() {
            press(&mut a, KeyCode::Char('y'));
        }
        a.doc.path = None;
    }
    assert_eq!(
        files_in(dir.path()),
        ["claire-martin-2.md", "claire-martin.md"]
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_drafts_folder_keeps_the_text_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).expect("creates the folder");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500))
        .expect("sets the permissions");
    let mut a = app(Lang::En, Some(&ro));
    let note =
        "Hi Claire, we met at the Web Summit on urban logistics. Could we talk again? Thanks!";
    typed(&mut a, note);
    fill_target(&mut a, "Claire Martin", "Lyon", "Software Development");
    ctrl(&mut a, 's');
    if a.dialog.is_some() {
        press(&mut a, KeyCode::Char('y'));
    }
    // Root ignores permissions: only check when the write really failed.
    if std::fs::read_dir(&ro).map(|d| d.count()).unwrap_or(0) == 0 {
        let n = a.notice.clone().unwrap_or_else(|| panic!("a notice"));
        assert_eq!(n.level, Severity::Error);
        assert!(
            n.text.contains("not saved") && n.text.contains("your text stays here"),
            "{}",
            n.text
        );
        assert!(a.doc.dirty);
    }
    assert_eq!(a.note.text(), note);
    let _ = std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o700));
}

#[test]
fn quitting_with_unsaved_text_asks() {
    let mut a = app(Lang::Fr, None);
    ctrl(&mut a, 'q');
    assert!(a.quit, "nothing to lose: quits at once");
    let mut a = app(Lang::Fr, None);
    typed(&mut a, "Bonjour");
    ctrl(&mut a, 'q');
    assert_eq!(a.dialog, Some(Dialog::Quit));
    press(&mut a, KeyCode::Esc);
    assert!(!a.quit && a.dialog.is_none());
    ctrl(&mut a, 'q');
    // Enter stays: the safe choice. Other keys leave the dialog open.
    press(&mut a, KeyCode::Enter);
    assert!(!a.quit && a.dialog.is_none());
    ctrl(&mut a, 'q');
    for c in ['j', 'e', 'y', 'x'] {
        press(&mut a, KeyCode::Char(c));
        assert_eq!(a.dialog, Some(Dialog::Quit), "{c} does nothing in French");
    }
    ctrl(&mut a, 's');
    assert_eq!(
        a.dialog,
        Some(Dialog::Quit),
        "a second Ctrl-S does not close it"
    );
    press(&mut a, KeyCode::Char('n'));
    assert!(a.quit);
}

#[test]
fn enter_never_approves_errors_and_quit_after_approving_quits() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("drafts");
    let mut a = app(Lang::En, Some(&drafts));
    typed(&mut a, PITCH);
    fill_target(&mut a, "Claire Martin", "Lyon", "Marketing Services");
    ctrl(&mut a, 's');
    assert!(matches!(a.dialog, Some(Dialog::Approve { .. })));
    press(&mut a, KeyCode::Enter);
    assert!(a.dialog.is_none() && !drafts.exists(), "Enter is no");
    // Quit → yes → the errors are asked about → yes: saved, then quit.
    ctrl(&mut a, 'q');
    press(&mut a, KeyCode::Char('y'));
    assert_eq!(
        a.dialog,
        Some(Dialog::Approve {
            errors: 1,
            then: After::Quit
        })
    );
    press(&mut a, KeyCode::Char('y'));
    assert!(drafts.join("claire-martin.md").is_file());
    assert!(a.quit, "saved, so it quits as asked");
}

#[test]
fn a_recipient_alone_is_worth_asking_about() {
    let mut a = app(Lang::En, None);
    fill_target(&mut a, "Claire Martin", "Lyon", "Marketing Services");
    ctrl(&mut a, 'q');
    assert_eq!(a.dialog, Some(Dialog::Quit));
}

#[test]
fn a_template_over_text_asks_and_one_undo_brings_the_note_back() {
    let mut a = app(Lang::Fr, None);
    let mine = "Bonjour Claire, votre article sur la logistique urbaine m'a appris beaucoup";
    typed(&mut a, mine);
    ctrl(&mut a, 't');
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.dialog, Some(Dialog::Template(_))));
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.note.text(), mine, "Enter keeps the note");
    ctrl(&mut a, 't');
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('o'));
    assert_ne!(a.note.text(), mine);
    ctrl(&mut a, 'z');
    assert_eq!(a.note.text(), mine, "one undo");
}

#[test]
fn templates_filter_preview_and_apply() {
    let mut a = app(Lang::Fr, None);
    fill_target(&mut a, "Inès Haddad", "Paris", "Software Development");
    ctrl(&mut a, 't');
    assert_eq!(a.screen, Screen::Templates);
    // French first, for a French interface.
    assert!(a.filtered_templates()[0].name.starts_with("fr/"));
    typed(&mut a, "evenement");
    assert_eq!(a.filtered_templates().len(), 1);
    let preview = a.preview(a.filtered_templates()[0]);
    assert!(
        preview.text.starts_with("Bonjour Inès,"),
        "{}",
        preview.text
    );
    assert_eq!(preview.missing, ["event", "topic"]);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen, Screen::Compose);
    assert_eq!(a.doc.template.as_deref(), Some("fr/evenement"));
    // The first placeholder to fill is selected, and reported.
    assert_eq!(a.note.editor.selected_text(), Some("{{event}}"));
    assert!(
        a.checks
            .report
            .diagnostics
            .iter()
            .any(|d| d.rule == poignee::RuleId::UnfilledPlaceholder)
    );
    typed(&mut a, "au salon VivaTech");
    assert!(
        a.note
            .text()
            .contains("échangé au salon VivaTech sur {{topic}}"),
        "{}",
        a.note.text()
    );
}

#[test]
fn drafts_screen_lists_opens_and_deletes_with_confirmation() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    assert_eq!(a.screen, Screen::Drafts);
    assert_eq!(a.shelf.entries.len(), 2);
    assert_eq!(a.shelf.entries[0].who, "Paul Durand", "newest first");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Delete);
    assert!(matches!(a.dialog, Some(Dialog::Delete(_))));
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        2
    );
    press(&mut a, KeyCode::Delete);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.shelf.entries.len(), 2, "Enter keeps");
    press(&mut a, KeyCode::Delete);
    press(&mut a, KeyCode::Char('y'));
    assert_eq!(a.shelf.entries.len(), 1);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen, Screen::Compose);
    assert_eq!(a.form.fields[0].text(), "Paul Durand");
    assert!(a.note.text().starts_with("Hi Paul"));
    assert!(!a.doc.dirty);
    // Deleting the open draft keeps its text here, and leaving asks.
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Delete);
    press(&mut a, KeyCode::Char('y'));
    assert!(a.shelf.entries.is_empty());
    assert!(a.doc.dirty && a.note.text().starts_with("Hi Paul"));
    ctrl(&mut a, 'q');
    assert_eq!(a.dialog, Some(Dialog::Quit));
}

#[test]
fn help_opens_with_f1_or_question_mark_outside_the_editor() {
    let mut a = app(Lang::En, None);
    typed(&mut a, "?");
    assert!(a.dialog.is_none(), "in the editor, ? is a character");
    assert_eq!(a.note.text(), "?");
    // In the checks pane too: a letter typed there goes to the note.
    a.focus = Focus::Checks;
    press(&mut a, KeyCode::Char('?'));
    assert!(a.dialog.is_none(), "in the checks, ? is typed in the note");
    assert_eq!((a.note.text(), a.focus), ("??", Focus::Note));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Char('?'));
    assert_eq!(a.dialog, Some(Dialog::Help));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.dialog, Some(Dialog::Help));
}

#[test]
fn configured_keys_replace_the_defaults() {
    let mut s = setup(Lang::En, None, true);
    let mut o = std::collections::BTreeMap::new();
    o.insert("templates".to_string(), vec!["f11".to_string()]);
    s.keymap = Keymap::with(Lang::En, &o).unwrap_or_else(|_| Keymap::defaults(Lang::En));
    let mut a = App::new(s);
    ctrl(&mut a, 't');
    assert_eq!(a.screen, Screen::Compose);
    press(&mut a, KeyCode::F(11));
    assert_eq!(a.screen, Screen::Templates);
}

fn write_drafts(dir: &Path) {
    let d = |name: &str, when: &str, body: &str| {
        format!(
            "+++\nplatform = \"linkedin\"\nstatus = \"approved\"\napproved_at = {when}\n[target]\nname = \"{name}\"\nregion = \"Lyon\"\n+++\n{body}"
        )
    };
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(
        dir.join("claire-martin.md"),
        d(
            "Claire Martin",
            "2026-11-20T09:00:00Z",
            "Hi Claire, we met at the Web Summit on urban logistics. Happy to stay in touch. Thanks!",
        ),
    );
    let _ = std::fs::write(
        dir.join("paul-durand.md"),
        d(
            "Paul Durand",
            "2026-11-22T10:30:00Z",
            "Hi Paul, I read your post on load testing. Happy to compare notes? Thanks!",
        ),
    );
}

// ---- Drawing ----

/// The app drawn at `w`×`h`, as the runtime does: the size first.
fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    assert_eq!(
        app.update(Msg::Resize(w, h)),
        [],
        "a new size asks for nothing"
    );
    let app = &*app;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| ui::draw(f, app)).expect("draws");
    t
}

fn snapshot_app(lang: Lang) -> App {
    let mut a = App::new(setup(
        lang,
        Some(PathBuf::from("target/snapshot-drafts")),
        true,
    ));
    typed(&mut a, PITCH);
    fill_target(&mut a, "Claire Martin", "Lyon", "Marketing Services");
    tick(&mut a, "2026-11-25T12:00:00Z");
    a
}

#[test]
fn snapshots_of_every_screen() {
    write_drafts(Path::new("target/snapshot-drafts"));
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let mut a = snapshot_app(Lang::Fr);
        insta::assert_snapshot!(
            format!("compose_fr_{w}x{h}"),
            render(&mut a, w, h).backend()
        );
        press(&mut a, KeyCode::F(8));
        insta::assert_snapshot!(
            format!("compose_problem_{w}x{h}"),
            render(&mut a, w, h).backend()
        );
        let mut en = snapshot_app(Lang::En);
        insta::assert_snapshot!(
            format!("compose_en_{w}x{h}"),
            render(&mut en, w, h).backend()
        );
        ctrl(&mut en, 't');
        typed(&mut en, "event");
        insta::assert_snapshot!(
            format!("templates_{w}x{h}"),
            render(&mut en, w, h).backend()
        );
        ctrl(&mut a, 'o');
        insta::assert_snapshot!(format!("drafts_{w}x{h}"), render(&mut a, w, h).backend());
        press(&mut a, KeyCode::F(1));
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&mut a, w, h).backend());
        let mut b = snapshot_app(Lang::Fr);
        ctrl(&mut b, 's');
        insta::assert_snapshot!(
            format!("approve_dialog_{w}x{h}"),
            render(&mut b, w, h).backend()
        );
    }
    let mut a = snapshot_app(Lang::Fr);
    insta::assert_snapshot!("too_small_fr", render(&mut a, 50, 12).backend());
    let mut en = snapshot_app(Lang::En);
    insta::assert_snapshot!("too_small_en", render(&mut en, 59, 24).backend());
}

/// The cells where `needle` is drawn on screen, first occurrence.
fn cells_of(t: &Terminal<TestBackend>, needle: &str) -> Vec<(u16, u16)> {
    let buf = t.backend().buffer();
    let area = buf.area;
    for y in 0..area.height {
        let row: Vec<String> = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let line: String = row.concat();
        if let Some(byte) = line.find(needle) {
            // Column of that byte: count cells before it.
            let mut col = 0;
            let mut acc = 0;
            for (x, s) in row.iter().enumerate() {
                if acc >= byte {
                    col = x;
                    break;
                }
                acc += s.len();
            }
            return (0..needle.chars().count() as u16)
                .map(|i| (col as u16 + i, y))
                .collect();
        }
    }
    Vec::new()
}

#[test]
fn highlights_are_styled_by_severity_not_colour_alone() {
    for color in [true, false] {
        let mut a = App::new(setup(Lang::Fr, None, color));
        typed(&mut a, PITCH);
        a.focus = Focus::Checks;
        let t = render(&mut a, 120, 40);
        let buf = t.backend().buffer();
        let cells = cells_of(&t, "gratuite !");
        assert!(!cells.is_empty());
        for &(x, y) in &cells[..8] {
            let cell = &buf[(x, y)];
            assert!(
                cell.modifier
                    .contains(Modifier::UNDERLINED | Modifier::BOLD),
                "{color}: {cell:?}"
            );
            assert_eq!(
                cell.fg,
                if color { Color::Red } else { Color::Reset },
                "{cell:?}"
            );
        }
        // The space after the span is plain.
        let (x, y) = cells[8];
        assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
}

#[test]
fn wide_characters_keep_highlights_aligned() {
    let mut a = App::new(setup(Lang::Fr, None, true));
    typed(
        &mut a,
        "Bonjour 日本 👋🏽 👨‍👩‍👧 Claire, découvrez notre offre gratuite !",
    );
    let t = render(&mut a, 120, 40);
    let buf = t.backend().buffer();
    let cells = cells_of(&t, "gratuite");
    assert_eq!(cells.len(), 8);
    for &(x, y) in &cells {
        assert!(
            buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
            "{:?}",
            buf[(x, y)]
        );
    }
    // The underline starts with the offer, after the emoji, and stops with it.
    let offer = cells_of(&t, "découvrez");
    assert_eq!(offer.len(), 9);
    let before = offer[0];
    assert!(
        !buf[(before.0 - 1, before.1)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
    let after = cells[7];
    assert!(
        !buf[(after.0 + 1, after.1)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn the_counter_warns_near_the_limit_and_errs_over_it() {
    let mut a = App::new(setup(Lang::En, None, true));
    typed(&mut a, &"Hi Claire, we met at the fair. ".repeat(6));
    let t = render(&mut a, 80, 24);
    let cells = cells_of(&t, &format!("{}/200", a.checks.report.stats.length));
    let (x, y) = cells[0];
    assert!(a.checks.report.stats.length >= 180);
    let fg = t.backend().buffer()[(x, y)].fg;
    assert_eq!(
        fg,
        if a.checks.report.stats.length > 200 {
            Color::Red
        } else {
            Color::Yellow
        }
    );
}

#[test]
fn no_control_or_bidi_character_reaches_the_screen() {
    let mut a = app(Lang::En, None);
    let pasted =
        "Hi Eve\u{1b}]0;HACKED\u{7}, \u{202e}gnp.exe\u{202c} \u{9b}31m and\tmore\r\nThanks";
    assert_eq!(a.update(Msg::Paste(pasted.to_string())), []);
    fill_target(&mut a, "Eve\u{1b}[2J", "Lyon\u{202e}", "Software\u{85}");
    for (w, h) in [(80, 24), (120, 40)] {
        let t = render(&mut a, w, h);
        let buf = t.backend().buffer();
        for cell in buf.content() {
            let bad = cell
                .symbol()
                .chars()
                .find(|&c| poignee::text::is_unsafe_for_terminal(c));
            assert_eq!(bad, None, "{:?} on screen", cell.symbol());
        }
        // Shown, as a picture in the one column the editor counts for it.
        assert!(!cells_of(&t, "Eve␛]0;HACKED␇").is_empty());
    }
}

/// The screen's text, one string.
fn screen_text(t: &Terminal<TestBackend>) -> String {
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn a_long_note_is_drawn_first_and_checked_when_the_keys_pause() {
    let mut a = app(Lang::En, None);
    let body = "GRATUIT ".repeat(super::app::LIVE_LINT_BYTES / 8 + 1);
    let draft = poignee::draft::Draft::parse(&body).expect("the draft parses");
    a.open(&draft, None);
    // Drawn before it is checked: no findings of the empty note before.
    assert!(a.checks.stale);
    let shown = screen_text(&render(&mut a, 120, 40));
    assert!(
        shown.contains("… checking") && shown.contains("…/100"),
        "{shown}"
    );
    assert!(!shown.contains("empty"), "{shown}");
    // A key does not lint it; the pause does (the event loop calls relint).
    typed(&mut a, "x");
    assert!(a.checks.stale);
    assert_eq!(a.update(Msg::Pause), [], "the checks ask for nothing");
    assert!(!a.checks.stale);
    let pitches = a
        .checks
        .report
        .diagnostics
        .iter()
        .filter(|d| d.rule == poignee::RuleId::SalesPitch)
        .count();
    assert_eq!(pitches, poignee::lint::MAX_PER_RULE);
    // F8 lints a waiting note before it goes to a problem.
    typed(&mut a, "y");
    press(&mut a, KeyCode::F(8));
    assert!(!a.checks.stale);
    // The first problem of the fresh report: its words, or its
    // explanation when it is about the whole note.
    let first = a.checks.report.diagnostics[a.checks.selected].span.clone();
    assert_eq!(a.checks.selected, 0);
    if first.is_empty() {
        assert_eq!(a.focus, Focus::Checks);
    } else {
        assert_eq!(a.note.editor.selection(), Some(first));
    }
}

#[test]
fn a_long_explanation_says_it_goes_on_and_scrolls() {
    let mut a = snapshot_app(Lang::En);
    ctrl(&mut a, 'q');
    press(&mut a, KeyCode::Esc);
    // To the checks: the first is the sales pitch, whose explanation is long.
    a.focus = Focus::Checks;
    let shown = screen_text(&render(&mut a, 60, 16));
    assert!(shown.contains("↓ more: PgDn"), "{shown}");
    press(&mut a, KeyCode::PageDown);
    let after = screen_text(&render(&mut a, 60, 16));
    assert_ne!(shown, after);
    assert!(after.contains("↕") || after.contains("↑"), "{after}");
}

#[test]
fn draft_scores_and_the_main_keys_show_at_sixty_columns() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let mut a = app(Lang::Fr, Some(dir.path()));
    ctrl(&mut a, 'o');
    let shown = screen_text(&render(&mut a, 60, 16));
    assert!(
        shown.contains("score") && !shown.contains("scor…"),
        "{shown}"
    );
    assert!(shown.contains(" 100"), "{shown}");
    // The drafts screen's own keys, and the compose screen's on it.
    for key in ["Entrée ouvrir", "/ filtrer", "F9 A I R marquer", "F1 aide"] {
        assert!(shown.contains(key), "{key} in {shown}");
    }
    press(&mut a, KeyCode::Esc);
    let shown = screen_text(&render(&mut a, 60, 16));
    for key in ["^S approuver", "^Q quitter", "F1 aide"] {
        assert!(shown.contains(key), "{key} in {shown}");
    }
}

#[test]
fn ctrl_l_redraws_and_a_new_note_forgets_the_last_notice() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    assert_eq!(ctrl(&mut a, 'l'), [Effect::Redraw]);
    typed(
        &mut a,
        "Hi Sam, we met at RustConf in Montreal. Thanks for the talk on async!",
    );
    fill_target(&mut a, "Sam Lee", "Lyon", "Software Development");
    ctrl(&mut a, 's');
    assert!(a.notice.as_ref().is_some_and(|n| n.text.contains("saved")));
    ctrl(&mut a, 'n');
    // What is said is where the keys now go, not the last note's save.
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.starts_with("New note. Who is it for?"), "{said}");
    assert_eq!(a.focus, Focus::Form);
}

#[test]
fn a_long_notice_and_hidden_checks_are_shown_or_said() {
    let mut a = app(Lang::En, None);
    typed(
        &mut a,
        "hey!!! buy our amazing product now, visit http://x.io, free demo, call 555-0100 today!!!",
    );
    let shown = screen_text(&render(&mut a, 60, 16));
    assert!(shown.contains("more: Tab, then ↑↓"), "{shown}");
    let long = "✓ approved, saved to ~/drafts/sam-lee.md and copied; 21 notes approved in the last 7 days, over your budget of 20 a week (this one is the 21st)";
    a.notice = Some(super::theme::Notice {
        text: long.to_string(),
        level: poignee::Severity::Warning,
    });
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(shown.contains("(this one is the 21st)"), "{shown}");
}

#[test]
fn select_all_in_a_one_line_field_shows() {
    let mut a = app(Lang::En, None);
    fill_target(&mut a, "Claire Martin", "Lyon", "Software Development");
    a.focus = Focus::Form;
    a.form.at = 0;
    ctrl(&mut a, 'a');
    let t = render(&mut a, 80, 24);
    let at = cells_of(&t, "Claire Martin");
    let (x, y) = at.first().copied().unwrap_or((0, 0));
    let cell = &t.backend().buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
}

#[test]
fn a_letter_in_a_choice_field_says_how_to_change_it() {
    let mut a = app(Lang::En, None);
    let choice = super::form::FIELDS
        .iter()
        .position(|f| *f == super::form::Field::Relationship)
        .unwrap_or(0);
    a.focus = Focus::Form;
    a.form.at = choice;
    let before = a.form.relationship;
    typed(&mut a, "m");
    assert_eq!(a.form.relationship, before, "nothing changes silently");
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Space or ←→")),
        "{:?}",
        a.notice
    );
}

#[test]
fn the_form_labels_stay_put_whatever_the_verdict() {
    let mut a = snapshot_app(Lang::En);
    let region_at = |a: &mut App| cells_of(&render(a, 80, 24), "Region").first().copied();
    let before = region_at(&mut a);
    fill_target(&mut a, "Claire Martin", "Lille", "Banking");
    assert_eq!(region_at(&mut a), before);
}

#[test]
fn approving_needs_a_recipient_and_alt_s_saves_a_draft() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    typed(
        &mut a,
        "Hi Sam, we met at RustConf in Montreal. Thanks for the talk on async!",
    );
    ctrl(&mut a, 's');
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("who is it for?")),
        "{:?}",
        a.notice
    );
    assert_eq!((a.focus, a.form.at), (Focus::Form, 0));
    assert!(
        a.doc.dirty
            && std::fs::read_dir(dir.path())
                .map(|d| d.count())
                .unwrap_or(0)
                == 0
    );
    // Alt-S saves it as a draft, not approved, nothing copied.
    let effects = send(&mut a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    let saved = std::fs::read_to_string(dir.path().join("note.md")).unwrap_or_default();
    assert!(saved.contains("status = \"draft\""), "{saved}");
    assert_eq!(effects, []);
    assert!(!a.doc.dirty);
}

#[test]
fn the_drafts_screen_shows_the_pace_of_the_last_weeks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let mut a = app(Lang::En, Some(dir.path()));
    tick(&mut a, "2026-11-25T12:00:00Z");
    ctrl(&mut a, 'o');
    let pace = a.pace(a.clock.timestamp());
    assert_eq!(pace.weeks, [0, 0, 0, 0, 0, 0, 0, 2]);
    assert_eq!(pace.free_left, Some(3), "5 free notes a month, 2 used");
    let shown = screen_text(&render(&mut a, 120, 40));
    assert!(
        shown.contains(
            "2 this week (budget 20/week; the last 8 weeks) · 3 free notes left in 30 days"
        ),
        "{shown}"
    );
    // Narrower, it says the same in fewer words, on two rows if need be,
    // never cut.
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(
        shown.contains("2/20 this week · 3 free notes left in 30 days"),
        "{shown}"
    );
    let shown = screen_text(&render(&mut a, 60, 16));
    assert!(
        shown.contains("2/20 this week") && shown.contains("· 3 free notes left in 30 days"),
        "{shown}"
    );
    // Eight weeks later they are out of the chart.
    let pace = a.pace(
        "2027-02-01T00:00:00Z"
            .parse()
            .unwrap_or_else(|_| jiff::Timestamp::now()),
    );
    assert_eq!(pace.weeks, [0; 8]);
}

#[test]
fn ctrl_delete_deletes_the_next_word() {
    let mut a = app(Lang::En, None);
    typed(&mut a, "Hi Sam thanks");
    press(&mut a, KeyCode::Home);
    send(
        &mut a,
        KeyEvent::new(KeyCode::Delete, KeyModifiers::CONTROL),
    );
    assert!(
        a.note.text().starts_with("Sam") || a.note.text().starts_with(" Sam"),
        "{}",
        a.note.text()
    );
    assert_eq!(a.note.text().len() + 2, "Hi Sam thanks".len());
}

const SUMMIT: &str = "Hi Claire, we met at the Web Summit on urban logistics; your point on cargo bikes stayed with me. Thanks!";

/// A drafts folder that cannot be made (a file is in the way): the error
/// says so, names the folder, and the text stays, unsaved, in the editor.
#[test]
fn an_unwritable_drafts_folder_keeps_the_text_and_says_why() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let blocker = dir.path().join("drafts");
    std::fs::write(&blocker, "a file, not a folder").expect("writes the file");
    let mut a = app(Lang::En, Some(&blocker.join("inside")));
    typed(&mut a, SUMMIT);
    // Saved as a draft (Alt-S): approving would first ask who it is for.
    let effects = send(&mut a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    let n = a.notice.clone().unwrap_or_else(|| panic!("a notice"));
    assert_eq!(n.level, Severity::Error);
    assert!(
        n.text.starts_with("not saved (") && n.text.contains("drafts/inside"),
        "{}",
        n.text
    );
    assert!(n.text.ends_with("your text stays here"), "{}", n.text);
    assert_eq!(a.note.text(), SUMMIT);
    assert!(a.doc.dirty, "still unsaved, so quitting asks");
    assert_eq!(effects, [], "nothing copied as if saved");
    // The folder fixed, the same text saves.
    let mut a2 = app(Lang::En, Some(&dir.path().join("ok")));
    typed(&mut a2, SUMMIT);
    send(
        &mut a2,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT),
    );
    assert!(dir.path().join("ok/note.md").exists());
}

#[test]
fn two_sessions_for_the_same_person_make_two_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for _ in 0..2 {
        let mut a = app(Lang::En, Some(dir.path()));
        a.focus = Focus::Form;
        typed(&mut a, "Claire Martin");
        a.focus = Focus::Note;
        typed(&mut a, SUMMIT);
        ctrl(&mut a, 's');
    }
    assert_eq!(
        files_in(dir.path()),
        ["claire-martin-2.md", "claire-martin.md"]
    );
}

/// Rebinding a key changes every place it is named: the footer, the help,
/// the hints under the panes and the messages.
#[test]
fn a_rebound_key_is_named_everywhere() {
    let mut s = setup(Lang::En, None, true);
    let mut o = std::collections::BTreeMap::new();
    o.insert("approve".to_string(), vec!["f10".to_string()]);
    o.insert("save".to_string(), vec!["f12".to_string()]);
    o.insert("next-problem".to_string(), vec!["f7".to_string()]);
    o.insert("templates".to_string(), vec!["alt-t".to_string()]);
    s.keymap = Keymap::with(Lang::En, &o).expect("the keys in the config read");
    let mut a = App::new(s);
    let mut seen = String::new();
    seen += &screen_text(&render(&mut a, 120, 40));
    assert!(
        seen.contains("F10 approve") && seen.contains("F7: next problem"),
        "{seen}"
    );
    assert!(seen.contains("start from a template (Alt-T)"), "{seen}");
    typed(&mut a, "Hi Sam, we met at RustConf. Thanks!");
    send(&mut a, KeyEvent::new(KeyCode::F(10), KeyModifiers::NONE));
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("(F12 saves without approving)"), "{said}");
    seen += &said;
    ctrl(&mut a, 'o');
    seen += &screen_text(&render(&mut a, 120, 40));
    press(&mut a, KeyCode::F(1));
    for _ in 0..6 {
        seen += &screen_text(&render(&mut a, 120, 40));
        press(&mut a, KeyCode::PageDown);
    }
    assert!(seen.contains("F10") && seen.contains("F12") && seen.contains("Alt-T"));
    // ("Ctrl-Shift-Z" is redo.)
    for old in [
        "^S ",
        "Ctrl-S ",
        "Ctrl-S,",
        "Ctrl-S)",
        "Alt-S",
        "F5",
        "F8, Alt-↓",
        "F8:",
        "Ctrl-T",
        "^T ",
    ] {
        let at = seen
            .find(old)
            .map(|i| &seen[i.saturating_sub(120)..(i + 40).min(seen.len())]);
        assert!(at.is_none(), "{old} still named: {at:?}");
    }
}

#[test]
fn the_form_moves_as_it_is_drawn_and_esc_goes_back_to_the_note() {
    use super::form::Field;
    let mut a = app(Lang::En, None);
    a.focus = Focus::Form;
    a.form.at = 0;
    press(&mut a, KeyCode::Down);
    assert_eq!(a.form.field(), Field::Headline, "below the name: the title");
    press(&mut a, KeyCode::Down);
    assert_eq!(a.form.field(), Field::Relationship);
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Up);
    assert_eq!(a.form.field(), Field::Headline);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.form.field(), Field::Sector, "Tab: reading order");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.focus, Focus::Note);
}

#[test]
fn quitting_can_keep_the_note_as_a_draft() {
    for (lang, key) in [(Lang::En, 'd'), (Lang::Fr, 'b')] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut a = app(lang, Some(dir.path()));
        typed(&mut a, "Bonjour, découvrez notre offre gratuite !");
        ctrl(&mut a, 'q');
        assert_eq!(a.dialog, Some(Dialog::Quit));
        let shown = screen_text(&render(&mut a, 80, 24));
        let word = if lang == Lang::En {
            "keep it as a draft"
        } else {
            "la garder en brouillon"
        };
        assert!(
            shown.contains(&format!("[{}] {word}", key.to_ascii_uppercase())),
            "{shown}"
        );
        press(&mut a, KeyCode::Char(key));
        // No name, errors in it: a draft all the same, then it quits.
        let saved = std::fs::read_to_string(dir.path().join("note.md")).unwrap_or_default();
        assert!(saved.contains("status = \"draft\""), "{lang:?}: {saved}");
        assert!(a.quit && !a.doc.dirty);
    }
}

#[test]
fn approving_asks_who_before_asking_about_errors() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    typed(&mut a, PITCH);
    ctrl(&mut a, 's');
    assert_eq!(a.dialog, None, "no question about errors yet");
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("who is it for?"))
    );
    assert_eq!((a.focus, a.form.at), (Focus::Form, 0));
}

#[test]
fn keeping_an_approved_note_as_a_draft_leaves_the_approved_one_as_it_was() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let approved = dir.path().join("paul-durand.md");
    let before = std::fs::read_to_string(&approved).unwrap_or_default();
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Enter);
    assert!(
        a.notice.as_ref().is_some_and(|n| n.text.contains("opened")),
        "{:?}",
        a.notice
    );
    typed(&mut a, " See you soon.");
    send(&mut a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    assert_eq!(
        std::fs::read_to_string(&approved).unwrap_or_default(),
        before
    );
    let kept = std::fs::read_to_string(dir.path().join("paul-durand-2.md")).unwrap_or_default();
    assert!(
        kept.contains("status = \"draft\"") && kept.ends_with("See you soon.\n"),
        "{kept}"
    );
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("the approved note stays in"), "{said}");
    // The pace still counts the approved one.
    ctrl(&mut a, 'o');
    assert_eq!(
        a.shelf
            .entries
            .iter()
            .filter(|e| e.paced_at.is_some())
            .count(),
        2
    );
}

#[test]
fn the_help_stops_at_its_end_and_a_question_shows_on_a_small_screen() {
    let mut a = app(Lang::En, None);
    let _ = render(&mut a, 80, 24);
    press(&mut a, KeyCode::F(1));
    for _ in 0..30 {
        press(&mut a, KeyCode::PageDown);
    }
    let end = a.help.scroll;
    assert!(end > 0);
    press(&mut a, KeyCode::Up);
    assert_eq!(a.help.scroll, end - 1, "one ↑ moves at once");
    press(&mut a, KeyCode::Esc);
    typed(&mut a, "Hello");
    ctrl(&mut a, 'q');
    let shown = screen_text(&render(&mut a, 50, 12));
    assert!(
        shown.contains("Unsaved text") && shown.contains("[N]"),
        "{shown}"
    );
}

#[test]
fn region_and_sector_complete_as_one_types() {
    let mut a = app(Lang::Fr, None);
    a.focus = Focus::Form;
    a.form.at = 1; // the region
    typed(&mut a, "villeurb");
    let offered = a
        .form
        .completion
        .clone()
        .map(|c| c.items)
        .unwrap_or_default();
    assert_eq!(
        offered.first().map(String::as_str),
        Some("Villeurbanne (69)")
    );
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(shown.contains("Villeurbanne (69)"), "{shown}");
    // The first is chosen as one types: Enter takes it.
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.form.fields[2].text(), "Villeurbanne (69)");
    assert!(a.form.completion.is_none());
    assert_eq!(
        a.verdict.decision,
        Decision::In,
        "the chosen name is placed"
    );
    // Sectors in either language; Esc closes the names, then leaves.
    a.form.at = 3;
    typed(&mut a, "hopitaux serv");
    let offered = a
        .form
        .completion
        .clone()
        .map(|c| c.items)
        .unwrap_or_default();
    assert!(
        offered.iter().any(|l| l == "Hôpitaux et services de santé"),
        "{offered:?}"
    );
    press(&mut a, KeyCode::Esc);
    assert!(a.form.completion.is_none() && a.focus == Focus::Form);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.focus, Focus::Note);
}

#[test]
fn a_misspelt_region_or_sector_is_rescued_and_the_names_come_back() {
    let mut a = app(Lang::Fr, None);
    a.focus = Focus::Form;
    a.form.at = 1; // the region
    typed(&mut a, "Grenobel");
    let c = a
        .form
        .completion
        .clone()
        .unwrap_or_else(|| panic!("no names offered"));
    assert_eq!(c.items.first().map(String::as_str), Some("Grenoble (38)"));
    assert!(c.guess && c.chosen == Some(0), "{c:?}");
    let shown = screen_text(&render(&mut a, 80, 24)).replace('\u{202f}', " ");
    assert!(shown.contains("vouliez-vous dire ?"), "{shown}");
    // Tab takes the name chosen, as Enter does, and goes on.
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.form.fields[2].text(), "Grenoble (38)");
    assert_eq!(a.form.at, 2);
    // Too short for the CLI's guess, not for the names offered.
    a.form.at = 1;
    a.form.fields[2] = super::editor::Editor::single_line("");
    typed(&mut a, "Lyno");
    let c = a
        .form
        .completion
        .clone()
        .unwrap_or_else(|| panic!("no names offered"));
    assert_eq!(c.items.first().map(String::as_str), Some("Lyon (69)"));
    press(&mut a, KeyCode::Esc);
    assert!(a.form.completion.is_none());
    // Entering the field again offers the names again, none chosen: passing
    // through changes nothing.
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::BackTab);
    assert_eq!(a.form.at, 1);
    let c = a
        .form
        .completion
        .clone()
        .unwrap_or_else(|| panic!("names not offered again"));
    assert_eq!(c.chosen, None);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.form.fields[2].text(), "Lyno");
    a.form.at = 3; // the sector
    typed(&mut a, "Hôpitaux et soins de santé");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.form.fields[3].text(), "Hôpitaux et services de santé");
    // Enter took the name and went on: what is typed next is not glued to
    // it.
    assert_eq!(a.form.at, 4);
    typed(&mut a, "x");
    assert_eq!(a.form.fields[3].text(), "Hôpitaux et services de santé");
}

#[test]
fn a_note_rewritten_by_hand_is_no_longer_credited_to_its_template() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::Fr, Some(dir.path()));
    let name = a
        .library
        .templates
        .first()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let start = Start {
        template: Some(name.clone()),
        ..Start::default()
    };
    assert_eq!(a.update(Msg::Start(Box::new(start))), []);
    assert_eq!(a.doc.template.as_deref(), Some(name.as_str()));
    assert_eq!(
        a.to_draft(poignee::draft::Status::Draft).front.template,
        Some(name)
    );
    // All of it replaced by a note of one's own.
    ctrl(&mut a, 'a');
    typed(&mut a, "Bonjour Zoé, vu au salon VivaTech hier. Merci !");
    assert_eq!(
        a.to_draft(poignee::draft::Status::Draft).front.template,
        None
    );
}

#[test]
fn a_saved_file_ends_with_a_newline_the_note_does_not() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::Fr, Some(dir.path()));
    typed(&mut a, "Bonjour, vu au salon VivaTech. Merci !");
    press(&mut a, KeyCode::F(5));
    let text = std::fs::read_to_string(dir.path().join("note.md")).unwrap_or_default();
    assert!(text.ends_with("Merci !\n"), "{text:?}");
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.note.text(), "Bonjour, vu au salon VivaTech. Merci !");
}

#[test]
fn approving_again_a_note_already_sent_says_when_and_asks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::Fr, Some(dir.path()));
    typed(
        &mut a,
        "Bonjour Sam, nous nous sommes vus au salon VivaTech. Merci pour votre exposé !",
    );
    fill_target(&mut a, "Sam Lee", "Lyon", "Software Development");
    ctrl(&mut a, 's');
    if a.dialog.is_some() {
        press(&mut a, KeyCode::Char('o'));
    }
    press(&mut a, KeyCode::F(9));
    assert_eq!(files_in(dir.path()), ["sam-lee.md"]);
    // Approved again, unchanged: asked, with the day it was sent.
    ctrl(&mut a, 's');
    let today = jiff::Zoned::now().date().to_string();
    assert!(
        matches!(&a.dialog, Some(Dialog::Resend { sent: Some(day), .. }) if *day == today),
        "{:?}",
        a.dialog
    );
    let shown = screen_text(&render(&mut a, 80, 24)).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(shown.contains(&format!("envoyée le {today}")), "{shown}");
    // Enter keeps it as it was: no second approved file.
    press(&mut a, KeyCode::Enter);
    assert!(a.dialog.is_none());
    assert_eq!(files_in(dir.path()), ["sam-lee.md"]);
    // A letter typed and taken back changes nothing: still asked (a new
    // user's trial wrote a second approved file that way).
    typed(&mut a, "x");
    press(&mut a, KeyCode::Backspace);
    ctrl(&mut a, 's');
    assert!(
        matches!(a.dialog, Some(Dialog::Resend { .. })),
        "{:?}",
        a.dialog
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(files_in(dir.path()), ["sam-lee.md"]);
    // Opened again from the drafts screen, the same question; yes writes
    // the second approved file beside it.
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Enter);
    ctrl(&mut a, 's');
    assert!(
        matches!(a.dialog, Some(Dialog::Resend { .. })),
        "{:?}",
        a.dialog
    );
    press(&mut a, KeyCode::Char('o'));
    if a.dialog.is_some() {
        press(&mut a, KeyCode::Char('o'));
    }
    assert_eq!(files_in(dir.path()), ["sam-lee-2.md", "sam-lee.md"]);
}

#[test]
fn marking_sent_and_answers_from_the_editor_and_the_drafts_screen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    typed(
        &mut a,
        "Hi Sam, we met at RustConf in Montreal. Thanks for the talk on async!",
    );
    fill_target(&mut a, "Sam Lee", "Lyon", "Software Development");
    // Nothing approved yet: F9 says what to do first.
    press(&mut a, KeyCode::F(9));
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("nothing to mark"))
    );
    ctrl(&mut a, 's');
    if a.dialog.is_some() {
        press(&mut a, KeyCode::Char('y'));
    }
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("F9: mark it sent"), "{said}");
    press(&mut a, KeyCode::F(9));
    let file = dir.path().join("sam-lee.md");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        text.contains("status = \"sent\"") && text.contains("sent_at = "),
        "{text}"
    );
    // In the drafts screen: the answer, on the draft chosen.
    ctrl(&mut a, 'o');
    let shown = screen_text(&render(&mut a, 120, 40));
    assert!(shown.contains("→ waiting 0 d"), "{shown}");
    press(&mut a, KeyCode::Char('a'));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        text.contains("status = \"accepted\"") && text.contains("accepted_at = "),
        "{text}"
    );
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("accepted")),
        "{:?}",
        a.notice
    );
    // An answer to a note never sent is refused, and said.
    write_drafts(dir.path());
    ctrl(&mut a, 'o');
    let at = a
        .shelf
        .entries
        .iter()
        .position(|e| e.who == "Paul Durand")
        .unwrap_or(0);
    a.shelf.selected = at;
    press(&mut a, KeyCode::Char('d'));
    assert!(
        a.notice
            .as_ref()
            .is_some_and(|n| n.level == Severity::Error),
        "{:?}",
        a.notice
    );
}

/// Drafts sent and answered at known distances from today.
fn write_outcomes(dir: &Path) {
    let today = jiff::Zoned::now().date();
    let day = |ago: i64| {
        today
            .checked_sub(jiff::Span::new().days(ago))
            .unwrap_or(today)
    };
    for i in 0..14i64 {
        let (status, extra) = match i % 3 {
            0 => ("accepted", format!("accepted_at = {}\n", day(i * 3))),
            1 => ("declined", format!("declined_at = {}\n", day(i * 3))),
            _ => ("sent", String::new()),
        };
        let template = if i % 2 == 0 {
            "fr/evenement"
        } else {
            "fr/article"
        };
        let _ = std::fs::write(
            dir.join(format!("p{i}.md")),
            format!(
                "+++\nplatform = \"linkedin\"\nstatus = \"{status}\"\ntemplate = \"{template}\"\napproved_at = {}\nsent_at = {}\n{extra}[target]\nname = \"P{i}\"\n+++\nBonjour, nous nous sommes vus au salon VivaTech. Merci !",
                day(i * 3 + 2),
                day(i * 3 + 1),
            ),
        );
    }
}

#[test]
fn the_outcomes_screen_shows_rates_by_week_and_template() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_outcomes(dir.path());
    let mut a = app(Lang::Fr, Some(dir.path()));
    press(&mut a, KeyCode::F(6));
    assert_eq!(a.screen, Screen::Stats);
    let stats = a.stats.clone().unwrap_or_default();
    assert_eq!(
        (
            stats.overall.sent,
            stats.overall.accepted,
            stats.overall.declined
        ),
        (14, 5, 5)
    );
    let weeks = super::outcomes::weeks(&a.shelf.entries, jiff::Zoned::now().date());
    assert_eq!(weeks.iter().map(|w| w.0).sum::<u64>(), 14, "{weeks:?}");
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let shown = render(&mut a, w, h);
        let text = screen_text(&shown).replace(['\u{a0}', '\u{202f}'], " ");
        assert!(
            text.contains("14 envoyées · 5 acceptées · 5 refusées"),
            "{text}"
        );
        // At 60 columns the names are cut, with a sign.
        assert!(
            w < 80 || (text.contains("fr/evenement") && text.contains("fr/article")),
            "{text}"
        );
        // A legend told apart without colour, this week in words.
        assert!(
            text.contains("▒ envoyées") && text.contains("█ acceptées"),
            "{text}"
        );
        assert!(text.contains("cette sem"), "{text}");
        assert!(text.contains("45 %"), "{text}");
        insta::assert_snapshot!(format!("outcomes_{w}x{h}"), shown.backend());
    }
    // At 60×16 the rates run past their pane: ↓ scrolls them, no further
    // than their end, and a scroll bar says so.
    render(&mut a, 60, 16);
    press(&mut a, KeyCode::End);
    let end = a.outcomes_scroll;
    assert!(end > 0);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.outcomes_scroll, end);
    press(&mut a, KeyCode::Up);
    assert_eq!(a.outcomes_scroll, end - 1);
    let text = screen_text(&render(&mut a, 60, 16));
    assert!(text.contains('↑') && text.contains('↓'), "{text}");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Compose);
    // English figures the English way.
    let mut a = app(Lang::En, Some(dir.path()));
    press(&mut a, KeyCode::F(6));
    let text = screen_text(&render(&mut a, 80, 24));
    assert!(
        text.contains("45%") && text.contains("this week") && text.contains("▒ sent"),
        "{text}"
    );
}

/// A key through `update` only: its file jobs stay out, as they do while
/// the worker is busy, until the test settles them.
fn send_late(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    app.update(Msg::Key(ev))
}

#[test]
fn a_save_answered_late_is_not_taken_for_the_note_open_now() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let paul = dir.path().join("paul-durand.md");
    let claire = dir.path().join("claire-martin.md");
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    let at = |a: &App, who: &str| {
        a.shelf
            .entries
            .iter()
            .position(|e| e.who == who)
            .unwrap_or(0)
    };
    a.shelf.selected = at(&a, "Paul Durand");
    press(&mut a, KeyCode::Enter);
    // Approved again; the answer has not come back when Claire is opened.
    let late = send_late(&mut a, key(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(late.iter().any(|e| matches!(e, Effect::Io(_))), "{late:?}");
    ctrl(&mut a, 'o');
    a.shelf.selected = at(&a, "Claire Martin");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.doc.path.as_deref(), Some(claire.as_path()));
    settle(&mut a, late);
    assert_eq!(
        a.doc.path.as_deref(),
        Some(claire.as_path()),
        "still Claire's"
    );
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.as_str())
        .unwrap_or_default();
    assert!(said.starts_with("the previous note is saved to"), "{said}");
    // Her note saved goes to her file, Paul's is left as his.
    typed(&mut a, " See you!");
    ctrl(&mut a, 's');
    assert!(
        std::fs::read_to_string(&paul)
            .unwrap_or_default()
            .contains("Hi Paul")
    );
    assert!(
        std::fs::read_to_string(&claire)
            .unwrap_or_default()
            .ends_with("See you!\n")
    );
}

#[test]
fn two_saves_in_a_row_make_one_file_and_a_sent_note_is_never_written_over() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = app(Lang::En, Some(dir.path()));
    typed(
        &mut a,
        "Hi Sam, we met at RustConf in Montreal. Thanks for the talk on async!",
    );
    fill_target(&mut a, "Sam Lee", "Lyon", "Software Development");
    let mut late = send_late(&mut a, key(KeyCode::Char('s'), KeyModifiers::ALT));
    late.extend(send_late(
        &mut a,
        key(KeyCode::Char('s'), KeyModifiers::ALT),
    ));
    settle(&mut a, late);
    assert_eq!(files_in(dir.path()), ["sam-lee.md"]);
    ctrl(&mut a, 's');
    press(&mut a, KeyCode::F(9));
    let sent = std::fs::read_to_string(dir.path().join("sam-lee.md")).unwrap_or_default();
    assert!(sent.contains("status = \"sent\""), "{sent}");
    // Changed after it was sent: approved again (asked first, it was
    // sent), it goes beside.
    typed(&mut a, " PS");
    ctrl(&mut a, 's');
    assert!(
        matches!(a.dialog, Some(Dialog::Resend { .. })),
        "{:?}",
        a.dialog
    );
    press(&mut a, KeyCode::Char('y'));
    if a.dialog.is_some() {
        press(&mut a, KeyCode::Char('y'));
    }
    assert_eq!(files_in(dir.path()), ["sam-lee-2.md", "sam-lee.md"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sam-lee.md")).unwrap_or_default(),
        sent
    );
}

/// Issue 21, item 5 (the editor's side): a draft marked sent by
/// `poignee mark` in another terminal while it is open here was written
/// back as a draft by the next save, the mark lost. The save reads it under
/// the mark's lock: the record stays, the note goes beside it, and the
/// notice says why, in both languages.
#[test]
fn a_draft_marked_in_another_terminal_is_not_saved_over() {
    for (lang, says) in [
        (Lang::En, "was marked sent meanwhile (another terminal?)"),
        (
            Lang::Fr,
            "a été marqué envoyé entre-temps (un autre terminal\u{202f}?)",
        ),
    ] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut a = app(lang, Some(dir.path()));
        typed(
            &mut a,
            "Hi Sam, we met at RustConf in Montreal. Thanks for the talk on async!",
        );
        fill_target(&mut a, "Sam Lee", "Lyon", "Software Development");
        send(&mut a, key(KeyCode::Char('s'), KeyModifiers::ALT));
        let file = dir.path().join("sam-lee.md");
        // Another terminal: `poignee mark sam-lee.md sent`.
        let mut marked = poignee::outcome::mark_file(
            &file,
            poignee::outcome::Mark::Sent,
            jiff::civil::date(2026, 1, 12),
            true,
        );
        if let Err(e) = &mut marked {
            panic!("{:?}", e.message(poignee::outcome::Mark::Sent));
        }
        let sent = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(sent.contains("status = \"sent\""), "{sent}");
        typed(&mut a, " PS");
        send(&mut a, key(KeyCode::Char('s'), KeyModifiers::ALT));
        assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), sent);
        assert_eq!(files_in(dir.path()), ["sam-lee-2.md", "sam-lee.md"]);
        let notice = a.notice.clone().map(|n| n.text).unwrap_or_default();
        assert!(notice.contains(says), "{notice}");
    }
}

/// An app with a note found at start offered (as `run` starts it).
fn offered(lang: Lang, found: &str) -> App {
    let mut a = app(lang, None);
    let draft = poignee::draft::Draft::parse(found).expect("the draft parses");
    let start = Start {
        found: Some(draft),
        ..Start::default()
    };
    assert_eq!(a.update(Msg::Start(Box::new(start))), []);
    a
}

const FOUND: &str = "Bonjour Zoé, j’ai lu votre article sur les jardins partagés et je voul";

#[test]
fn typing_never_answers_the_recovery_offer() {
    // Words starting with the letters the old question took (B, D, N, O,
    // Y), a capital or not, typed at once or slowly: all of them text.
    for (lang, words) in [
        (
            Lang::Fr,
            "Bonjour Inès, Dear Nadia, Oui, non, Bien à vous. Yes",
        ),
        (
            Lang::En,
            "Dear Sam, Nice to meet you. Yes, no, Ok, bye. Oui",
        ),
    ] {
        let mut a = offered(lang, FOUND);
        let effects = typed(&mut a, words);
        assert_eq!(a.note.text(), words);
        assert!(a.offer.is_some(), "still offered");
        assert!(a.dialog.is_none());
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::SetAside(_) | Effect::Restored { .. })),
            "{effects:?}"
        );
        // Enter and a lone letter are text too.
        press(&mut a, KeyCode::Enter);
        typed(&mut a, "o");
        assert_eq!(a.note.text(), format!("{words}\no"));
        assert!(a.offer.is_some());
    }
}

#[test]
fn ctrl_r_restores_the_recovered_text_and_keeps_what_was_typed_after_a_blank_line() {
    let mut a = offered(Lang::Fr, FOUND);
    typed(&mut a, "Bonjour Inès, ");
    let effects = ctrl(&mut a, 'r');
    assert!(a.offer.is_none());
    // Never glued, never lost: the recovered text, a blank line, the typing.
    assert_eq!(a.note.text(), format!("{FOUND}\n\nBonjour Inès,"));
    assert_eq!(a.note.editor.cursor(), a.note.text().len());
    assert!(a.doc.dirty && a.unsynced);
    // One undo takes the recovered text out of the note: its file is kept
    // aside, so that nothing typed afterwards can lose it.
    assert!(effects.contains(&Effect::Restored {
        aside: None,
        keep: true
    }));
    // One undo takes the recovered text out again.
    ctrl(&mut a, 'z');
    assert_eq!(a.note.text(), "Bonjour Inès, ");
    // Nothing typed: the recovered note as it was.
    let mut b = offered(
        Lang::En,
        "+++\n[target]\nname = \"Zoé Martin\"\n+++\nHi Zoé, I read your piece",
    );
    ctrl(&mut b, 'r');
    assert_eq!(b.note.text(), "Hi Zoé, I read your piece");
    assert_eq!(b.target().name.as_deref(), Some("Zoé Martin"));
    // Ctrl-R with nothing offered says so and changes nothing.
    ctrl(&mut b, 'r');
    assert_eq!(b.note.text(), "Hi Zoé, I read your piece");
}

#[test]
fn a_recipient_typed_at_the_offer_wins_and_the_recovered_file_is_kept() {
    let mut a = offered(
        Lang::En,
        "+++\n[target]\nname = \"Zoé Martin\"\nregion = \"Lyon\"\n+++\nHi Zoé",
    );
    a.focus = Focus::Form;
    a.form.at = 0;
    typed(&mut a, "Paul Durand");
    a.focus = Focus::Note;
    typed(&mut a, "Hi Paul");
    let effects = ctrl(&mut a, 'r');
    assert_eq!(a.note.text(), "Hi Zoé\n\nHi Paul");
    let t = a.target();
    assert_eq!(t.name.as_deref(), Some("Paul Durand"));
    // A field left empty is filled from the recovered note.
    assert_eq!(t.region.as_deref(), Some("Lyon"));
    assert!(effects.contains(&Effect::Restored {
        aside: None,
        keep: true
    }));
}

#[test]
fn esc_sets_the_recovered_text_aside_and_the_typing_stays() {
    let mut a = offered(Lang::Fr, FOUND);
    typed(&mut a, "Bonjour Inès");
    // Esc first unselects, then sets aside.
    send(&mut a, key(KeyCode::Left, KeyModifiers::SHIFT));
    press(&mut a, KeyCode::Esc);
    assert!(a.offer.is_some());
    let effects = press(&mut a, KeyCode::Esc);
    assert!(a.offer.is_none());
    assert_eq!(effects, [Effect::SetAside(None)]);
    assert_eq!(a.note.text(), "Bonjour Inès");
}

#[test]
fn snapshots_of_the_recovery_banner() {
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let mut a = offered(Lang::Fr, FOUND);
        typed(&mut a, "Bonjour Inès, ");
        insta::assert_snapshot!(
            format!("recovery_banner_fr_{w}x{h}"),
            render(&mut a, w, h).backend()
        );
    }
    let mut en = offered(Lang::En, "+++\n[target]\nname = \"Sam Lee\"\n+++\n");
    insta::assert_snapshot!(
        "recovery_banner_en_80x24",
        render(&mut en, 80, 24).backend()
    );
}

/// The findings F8 can reach, by rule, in the order the list shows them.
fn rules(a: &App) -> Vec<String> {
    a.checks
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{}:{:?}:{:?}", d.rule, d.span, d.severity))
        .collect()
}

#[test]
fn f8_visits_problems_only_and_never_selects_the_reason() {
    let mut a = app(Lang::Fr, None);
    let note = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur la logistique urbaine. Mon site : https://exemple.fr. Merci";
    typed(&mut a, note);
    // A recipient in the audience, met nowhere (the pitch stays an error).
    a.focus = Focus::Form;
    a.form.at = 0;
    typed(&mut a, "Claire Martin");
    press(&mut a, KeyCode::Tab);
    typed(&mut a, "Lyon");
    a.focus = Focus::Note;
    let reason = a
        .checks
        .report
        .diagnostics
        .iter()
        .find(|d| d.rule == poignee::RuleId::ReasonFound)
        .map(|d| d.span.clone())
        .unwrap_or_else(|| panic!("a reason is understood: {:?}", rules(&a)));
    assert!(!reason.is_empty());
    let problems = a
        .checks
        .report
        .diagnostics
        .iter()
        .filter(|d| d.rule.is_problem() && d.severity >= Severity::Warning)
        .count();
    assert!(problems >= 1, "{:?}", rules(&a));
    // The first F8 takes the problem, the link.
    press(&mut a, KeyCode::F(8));
    assert_eq!(
        a.note.editor.selected_text(),
        Some("https://exemple.fr"),
        "{:?}",
        rules(&a)
    );
    // Round and round, both ways: a problem's words or its explanation,
    // never the reason, never a hint.
    for code in [KeyCode::F(8), KeyCode::F(8), KeyCode::F(8), KeyCode::F(8)] {
        press(&mut a, code);
        assert_ne!(
            a.note.editor.selection(),
            Some(reason.clone()),
            "{:?}",
            rules(&a)
        );
        let d = &a.checks.report.diagnostics[a.checks.selected];
        assert!(
            d.rule.is_problem() && d.severity >= Severity::Warning,
            "F8 went to {}",
            d.rule
        );
    }
    for _ in 0..4 {
        send(&mut a, key(KeyCode::F(8), KeyModifiers::SHIFT));
        assert_ne!(a.note.editor.selection(), Some(reason.clone()));
    }
    // Typing over what F8 selects keeps the reason whole.
    typed(&mut a, "Au plaisir d’en reparler");
    assert!(a.note.text().contains(&note[reason.clone()]));
    assert!(!a.note.text().contains("https"));
    // Enter on the reason in the checks list shows it, selects nothing.
    let at = a
        .checks
        .report
        .diagnostics
        .iter()
        .position(|d| d.rule == poignee::RuleId::ReasonFound)
        .unwrap_or_else(|| panic!("{:?}", rules(&a)));
    a.focus = Focus::Checks;
    a.checks.choose(at);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.focus, Focus::Note);
    assert_eq!(a.note.editor.selection(), None);
    assert_eq!(a.note.editor.cursor(), reason.start);
}

#[test]
fn f8_after_a_placeholder_goes_to_the_next_one_and_a_note_wide_finding_to_its_explanation() {
    let mut a = app(Lang::Fr, None);
    let draft =
        poignee::draft::Draft::parse("Bonjour {{prenom}}, {{raison}}. Merci et au plaisir !")
            .expect("the draft parses");
    a.open(&draft, None);
    // No reason in the note: a finding on the whole note, listed first.
    assert!(
        a.checks
            .report
            .diagnostics
            .iter()
            .any(|d| d.rule == poignee::RuleId::NoReason),
        "{:?}",
        rules(&a)
    );
    press(&mut a, KeyCode::F(8));
    assert_eq!(a.note.editor.selected_text(), Some("{{prenom}}"));
    typed(&mut a, "Claire");
    press(&mut a, KeyCode::F(8));
    assert_eq!(a.focus, Focus::Note);
    assert_eq!(
        a.note.editor.selected_text(),
        Some("{{raison}}"),
        "{:?}",
        rules(&a)
    );
    typed(&mut a, "je vous suis depuis longtemps");
    // No placeholder left: the next problem. The note-wide one shows its
    // explanation; the cursor stays where the typing stopped.
    let mut wide = 0;
    for _ in 0..6 {
        let before = a.note.editor.cursor();
        press(&mut a, KeyCode::F(8));
        let d = a.checks.report.diagnostics[a.checks.selected].clone();
        if d.span.is_empty() {
            wide += 1;
            assert_eq!(a.focus, Focus::Checks, "{}", d.rule);
            assert_eq!(a.note.editor.cursor(), before, "{}", d.rule);
            assert_eq!(
                a.note.editor.selection(),
                None,
                "{} {:?}",
                d.rule,
                rules(&a)
            );
        }
    }
    assert!(wide > 0, "{:?}", rules(&a));
    // A letter typed there goes to the note, where the cursor was.
    a.focus = Focus::Checks;
    let at = a.note.editor.cursor();
    typed(&mut a, "x");
    assert_eq!(a.focus, Focus::Note);
    assert_eq!(a.note.text().get(at..=at), Some("x"), "{}", a.note.text());
}

#[test]
fn f8_back_from_the_form_starts_at_the_first_placeholder() {
    let mut a = app(Lang::Fr, None);
    let draft = poignee::draft::Draft::parse(
        "Bonjour {{prenom}}, nous étions au salon {{evenement}}. Merci !",
    )
    .expect("the draft parses");
    a.open(&draft, None);
    // The checks list was left on the second placeholder and the cursor
    // after it, as a user leaves them by clicking around.
    press(&mut a, KeyCode::F(8));
    press(&mut a, KeyCode::F(8));
    assert_eq!(a.note.editor.selected_text(), Some("{{evenement}}"));
    press(&mut a, KeyCode::End);
    // A trip to the form, then F8: the first `{{…}}` of the note.
    a.focus = Focus::Form;
    press(&mut a, KeyCode::F(8));
    assert_eq!(a.focus, Focus::Note);
    assert_eq!(a.note.editor.selected_text(), Some("{{prenom}}"));
    // And backwards, the last one.
    a.focus = Focus::Checks;
    send(&mut a, key(KeyCode::F(8), KeyModifiers::SHIFT));
    assert_eq!(a.note.editor.selected_text(), Some("{{evenement}}"));
}

// ---- Lists that scale ----

/// `n` approved drafts, one a day back from 2026-11-24, named p0000…: the
/// newest is p0000.
fn write_many(dir: &Path, n: usize) {
    let _ = std::fs::create_dir_all(dir);
    let start: jiff::civil::Date = "2026-11-24".parse().unwrap_or_default();
    for i in 0..n {
        let day = start
            .checked_sub(jiff::Span::new().days(i64::try_from(i).unwrap_or(0)))
            .unwrap_or(start);
        let (name, body) = if i == 7 {
            (
                "Zoé Lambert",
                "Bonjour Zoé, nous avons parlé de cartographie au salon Geo. Au plaisir !",
            )
        } else {
            (
                "Paul Durand",
                "Hi Paul, I read your post on load testing. Happy to compare notes? Thanks!",
            )
        };
        let _ = std::fs::write(
            dir.join(format!("p{i:04}.md")),
            format!(
                "+++\nplatform = \"linkedin\"\nstatus = \"approved\"\napproved_at = {day}T09:00:00Z\n[target]\nname = \"{name}\"\n+++\n{body}"
            ),
        );
    }
}

#[test]
fn a_long_drafts_list_pages_jumps_and_says_where_it_is() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_many(dir.path(), 1200);
    let mut a = app(Lang::Fr, Some(dir.path()));
    assert_eq!(a.update(Msg::Resize(80, 24)), []);
    ctrl(&mut a, 'o');
    assert_eq!(a.shelf.entries.len(), 1200);
    let page = a.shelf.page;
    assert!(page > 5, "{page}");
    press(&mut a, KeyCode::PageDown);
    assert_eq!(a.shelf.selected, page);
    press(&mut a, KeyCode::PageUp);
    assert_eq!(a.shelf.selected, 0);
    press(&mut a, KeyCode::End);
    assert_eq!(a.shelf.selected, 1199);
    let shown = screen_text(&render(&mut a, 80, 24));
    // Where it is, with the French grouping, and the last draft in sight.
    assert!(shown.contains("1\u{202f}200/1\u{202f}200"), "{shown}");
    assert!(shown.contains("p1199.md"), "{shown}");
    // Moving up inside the view does not scroll.
    let offset = a.shelf.offset;
    press(&mut a, KeyCode::Up);
    assert_eq!((a.shelf.selected, a.shelf.offset), (1198, offset));
    press(&mut a, KeyCode::Home);
    assert_eq!(a.shelf.selected, 0);
    let t = render(&mut a, 80, 24);
    let shown = screen_text(&t);
    assert!(shown.contains("1/1\u{202f}200"), "{shown}");
    // A scroll bar on the list's right edge says it goes on.
    let buf = t.backend().buffer();
    let right: String = (0..24).map(|y| buf[(78, y)].symbol().to_string()).collect();
    assert!(right.contains('↓') && right.contains('█'), "{right:?}");
    let mut en = app(Lang::En, Some(dir.path()));
    ctrl(&mut en, 'o');
    let shown = screen_text(&render(&mut en, 80, 24));
    assert!(shown.contains("1/1,200"), "{shown}");
}

#[test]
fn the_drafts_filter_narrows_by_name_status_or_text_and_esc_clears_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_many(dir.path(), 40);
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Char('/'));
    assert!(a.shelf.filtering);
    // Letters go to the filter, not to the marks (`a` would mark accepted).
    typed(&mut a, "zoe");
    assert_eq!(a.shelf.shown.len(), 1);
    assert_eq!(
        a.shelf.chosen().map(|e| e.who.as_str()),
        Some("Zoé Lambert")
    );
    let text = std::fs::read_to_string(dir.path().join("p0007.md")).unwrap_or_default();
    assert!(text.contains("status = \"approved\""), "{text}");
    // By the note's text, accents folded.
    for _ in 0..3 {
        press(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "cartographie");
    assert_eq!(a.shelf.shown.len(), 1);
    // Enter keeps the filter and gives the keys back to the list.
    press(&mut a, KeyCode::Enter);
    assert!(!a.shelf.filtering && a.shelf.shown.len() == 1);
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(
        shown.contains("/ cartographie") && shown.contains("1 of 40"),
        "{shown}"
    );
    // Esc clears it, on the draft that was chosen; a second Esc leaves.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Drafts);
    assert_eq!(a.shelf.shown.len(), 40);
    assert_eq!(
        a.shelf.chosen().map(|e| e.who.as_str()),
        Some("Zoé Lambert")
    );
    // By status: the word the list shows.
    press(&mut a, KeyCode::Char('/'));
    typed(&mut a, "declined");
    assert!(a.shelf.shown.is_empty());
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(shown.contains("no draft matches the filter"), "{shown}");
    press(&mut a, KeyCode::Esc);
    assert!(!a.shelf.filtering && a.shelf.shown.len() == 40);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Compose);
}

#[test]
fn drafts_rechecked_are_counted_as_the_language_writes_numbers() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_many(dir.path(), 1200);
    for (lang, said) in [
        (Lang::Fr, "1\u{202f}200 brouillons revérifiés"),
        (Lang::En, "1,200 drafts re-checked"),
    ] {
        let mut a = app(lang, Some(dir.path()));
        ctrl(&mut a, 'o');
        ctrl(&mut a, 'r');
        let notice = a
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert_eq!(notice, said);
    }
}

#[test]
fn the_drafts_filter_reads_the_status_as_the_list_shows_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let today = jiff::Zoned::now().date();
    for (name, ago) in [("Ann Lee", 2i64), ("Bob Ray", 60)] {
        let sent = today
            .checked_sub(jiff::Span::new().days(ago))
            .unwrap_or(today);
        let _ = std::fs::write(
            dir.path().join(format!("{}.md", name.replace(' ', "-"))),
            format!(
                "+++\nplatform = \"linkedin\"\nstatus = \"sent\"\nsent_at = {sent}\n[target]\nname = \"{name}\"\n+++\nHi, we met at the meetup.\n"
            ),
        );
    }
    // A new user typed the words on screen (« attente », "no answer") and
    // found nothing: the filter read only the status saved.
    for (lang, word, who) in [
        (Lang::En, "waiting", "Ann Lee"),
        (Lang::En, "no answer", "Bob Ray"),
        (Lang::Fr, "attente", "Ann Lee"),
        (Lang::Fr, "sans réponse", "Bob Ray"),
    ] {
        let mut a = app(lang, Some(dir.path()));
        ctrl(&mut a, 'o');
        press(&mut a, KeyCode::Char('/'));
        typed(&mut a, word);
        let kept: Vec<&str> = a
            .shelf
            .shown
            .iter()
            .filter_map(|&i| a.shelf.entries.get(i).map(|e| e.who.as_str()))
            .collect();
        assert_eq!(kept, [who], "{word}");
    }
}

#[test]
fn accepting_a_draft_never_sent_says_this_screens_key_not_the_command_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, Some(dir.path()));
        ctrl(&mut a, 'o');
        press(&mut a, KeyCode::Char('a'));
        let said = a
            .notice
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(
            said.contains("F9") && !said.contains("poignee mark"),
            "{said}"
        );
    }
}

#[test]
fn marking_a_draft_changes_its_row_without_reading_the_folder_again() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_many(dir.path(), 5);
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Down);
    // A file written meanwhile shows at the next listing, not at a mark.
    write_drafts(dir.path());
    press(&mut a, KeyCode::F(9));
    assert_eq!(a.shelf.entries.len(), 5, "the folder was read again");
    assert_eq!(a.shelf.selected, 1);
    assert_eq!(
        a.shelf.chosen().and_then(|e| e.status()),
        Some(poignee::draft::Status::Sent)
    );
    assert!(
        a.shelf.entries.iter().filter_map(|e| e.paced_at).count() == 5,
        "the pace reads the row marked"
    );
}

#[test]
fn the_template_list_pages_and_says_where_it_is() {
    let mut a = app(Lang::En, None);
    assert_eq!(a.update(Msg::Resize(60, 16)), []);
    ctrl(&mut a, 't');
    let count = a.filtered_templates().len();
    assert!(count > a.picker.page, "{count} {}", a.picker.page);
    press(&mut a, KeyCode::PageDown);
    assert_eq!(a.picker.selected, a.picker.page);
    press(&mut a, KeyCode::End);
    assert_eq!(a.picker.selected, count - 1);
    let t = render(&mut a, 60, 16);
    let shown = screen_text(&t);
    assert!(shown.contains(&format!("{count}/{count}")), "{shown}");
    press(&mut a, KeyCode::Home);
    assert_eq!(a.picker.selected, 0);
    let t = render(&mut a, 60, 16);
    let buf = t.backend().buffer();
    let x = (0..60)
        .find(|&x| buf[(x, 4)].symbol() == "↑")
        .unwrap_or_default();
    let bar: String = (0..16).map(|y| buf[(x, y)].symbol().to_string()).collect();
    assert!(x > 0 && bar.contains('↓') && bar.contains('█'), "{bar:?}");
}

// ---- Messages never cut ----

/// `n` notes approved today, for a pace over the budget.
fn write_this_week(dir: &Path, n: usize) {
    let _ = std::fs::create_dir_all(dir);
    // An hour ago: the note approved now comes after them.
    let now = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(1))
        .unwrap_or_else(|_| jiff::Timestamp::now())
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    for i in 0..n {
        let _ = std::fs::write(
            dir.join(format!("w{i:02}.md")),
            format!(
                "+++\nplatform = \"linkedin\"\nstatus = \"approved\"\napproved_at = {now}\n[target]\nname = \"W{i}\"\n+++\nBonjour, nous nous sommes vus au salon VivaTech. Merci !"
            ),
        );
    }
}

#[test]
fn the_mark_sent_offer_stays_in_sight_after_a_pace_warning() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("des-brouillons-bien-rangés/par-année/2026");
    write_this_week(&drafts, 22);
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, Some(&drafts));
        typed(
            &mut a,
            "Bonjour Claire, nous avons échangé au salon VivaTech sur la logistique urbaine. Au plaisir !",
        );
        fill_target(&mut a, "Claire Martin", "Lyon", "Marketing Services");
        ctrl(&mut a, 's');
        if a.dialog.is_some() {
            press(
                &mut a,
                KeyCode::Char(if lang == Lang::Fr { 'o' } else { 'y' }),
            );
        }
        assert_eq!(
            a.notice.as_ref().map(|n| n.level),
            Some(Severity::Warning),
            "{:?}",
            a.notice
        );
        let shown = screen_text(&render(&mut a, 80, 24)).replace(['\u{a0}', '\u{202f}'], " ");
        let offer = match lang {
            Lang::Fr => "F9 : marquer envoyée",
            Lang::En => "F9: mark it sent",
        };
        assert!(shown.contains(offer), "{shown}");
        assert!(
            shown.contains("budget"),
            "the pace warning is read whole: {shown}"
        );
    }
}

#[test]
fn a_long_notice_wraps_on_the_drafts_and_outcomes_screens() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir
        .path()
        .join("un-dossier-de-brouillons-au-nom-plutôt-long");
    write_drafts(&drafts);
    let mut a = app(Lang::Fr, Some(&drafts));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Char('a'));
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.len() > 70, "{said}");
    for screen in [KeyCode::F(4), KeyCode::F(6)] {
        press(&mut a, screen);
        let shown = screen_text(&render(&mut a, 60, 16));
        // Its last words are on screen, and it is not cut with "…".
        let tail: String = said
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(shown.contains(tail.trim()), "{tail:?} in {shown}");
    }
}

#[test]
fn snapshots_of_a_long_notice_on_the_drafts_and_outcomes_screens() {
    let dir = Path::new("target/snapshot-drafts-notice");
    write_drafts(dir);
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let mut a = App::new(setup(Lang::Fr, Some(dir.to_path_buf()), true));
        tick(&mut a, "2026-11-25T12:00:00Z");
        ctrl(&mut a, 'o');
        a.say(
            Severity::Warning,
            "★ acceptée : target/snapshot-drafts-notice/claire-martin.md — elle était « ✗ refusée » le 2026-11-21 : la réponse a été remplacée, la date de refus retirée".to_string(),
        );
        insta::assert_snapshot!(
            format!("drafts_notice_{w}x{h}"),
            render(&mut a, w, h).backend()
        );
        a.stats = Some(Box::default());
        a.screen = Screen::Stats;
        insta::assert_snapshot!(
            format!("outcomes_notice_{w}x{h}"),
            render(&mut a, w, h).backend()
        );
    }
}

// ---- Typed text never vanishes ----

#[test]
fn letters_typed_in_the_checks_go_to_the_note_and_the_hint_says_so() {
    let mut a = app(Lang::Fr, None);
    typed(&mut a, "Bonjour");
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Focus::Checks);
    let shown = screen_text(&render(&mut a, 80, 24)).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(shown.contains("lettres : écrites dans la note"), "{shown}");
    typed(&mut a, " Ana ?");
    assert_eq!(a.note.text(), "Bonjour Ana ?");
    assert!(a.dialog.is_none());
}

#[test]
fn the_template_filter_starts_empty_each_time() {
    let mut a = app(Lang::En, None);
    ctrl(&mut a, 't');
    typed(&mut a, "event");
    press(&mut a, KeyCode::Esc);
    ctrl(&mut a, 't');
    assert_eq!(a.picker.filter.text(), "");
    typed(&mut a, "recruit");
    assert_eq!(a.picker.filter.text(), "recruit");
    assert!(!a.filtered_templates().is_empty());
}

#[test]
fn a_note_longer_than_its_pane_says_it_goes_on() {
    let mut a = app(Lang::En, None);
    for i in 0..30 {
        typed(&mut a, &format!("line {i}\n"));
    }
    let t = render(&mut a, 80, 24);
    let buf = t.backend().buffer();
    // The note's right border, from its title row down.
    let x = (0..80)
        .find(|&x| buf[(x, 4)].symbol() == "┐")
        .unwrap_or_default();
    let column: String = (5..20).map(|y| buf[(x, y)].symbol().to_string()).collect();
    // At the end of the note: more above, the bar at the bottom.
    assert!(
        x > 0 && column.starts_with('↑') && column.contains('█'),
        "{column:?}"
    );
    ctrl(&mut a, 'a');
    press(&mut a, KeyCode::Left);
    let t = render(&mut a, 80, 24);
    let buf = t.backend().buffer();
    let column: String = (5..20).map(|y| buf[(x, y)].symbol().to_string()).collect();
    assert!(column.contains('↓') && column.contains('█'), "{column:?}");
}

// ---- Keys in sight ----

/// The screen's last row: its bottom edge, where the keys are.
fn bottom_row(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn top_row(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    (0..buf.area.width)
        .map(|x| buf[(x, 0)].symbol().to_string())
        .collect()
}

#[test]
fn every_screen_shows_its_own_keys_and_the_tabs_theirs() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let mut a = app(Lang::Fr, Some(dir.path()));
    let t = render(&mut a, 80, 24);
    let (top, bottom) = (top_row(&t), bottom_row(&t));
    // F6 and Ctrl-N in sight at 80×24: the tabs with their keys.
    assert!(
        top.contains("[F2 Rédaction] F3 Modèles F4 Brouillons F6 Résultats"),
        "{top}"
    );
    assert!(
        bottom.contains("^N nouvelle") && bottom.contains("F1 aide"),
        "{bottom}"
    );
    ctrl(&mut a, 'o');
    let t = render(&mut a, 80, 24);
    let bottom = bottom_row(&t);
    assert!(
        bottom.contains("Entrée ouvrir") && bottom.contains("/ filtrer"),
        "{bottom}"
    );
    assert!(!bottom.contains("approuver"), "the compose keys: {bottom}");
    press(&mut a, KeyCode::F(6));
    let bottom = bottom_row(&render(&mut a, 80, 24));
    assert!(bottom.contains("Échap revenir"), "{bottom}");
    assert!(!bottom.contains("approuver"), "{bottom}");
    let mut en = app(Lang::En, None);
    ctrl(&mut en, 't');
    let t = render(&mut en, 60, 16);
    let (top, bottom) = (top_row(&t), bottom_row(&t));
    // Narrow: the current tab keeps its name, the others their keys.
    assert!(top.contains("F2 [F3 Templates] F4 F6"), "{top}");
    assert!(
        bottom.contains("Enter apply") && bottom.contains("F1 help"),
        "{bottom}"
    );
}

// ---- Outcomes changed with care ----

#[test]
fn replacing_an_answer_asks_first() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_outcomes(dir.path());
    let mut a = app(Lang::Fr, Some(dir.path()));
    ctrl(&mut a, 'o');
    let at = a
        .shelf
        .shown
        .iter()
        .position(|&i| a.shelf.entries[i].status() == Some(poignee::draft::Status::Accepted))
        .unwrap_or(0);
    a.shelf.selected = at;
    let path = a.shelf.chosen().map(|e| e.path.clone()).unwrap_or_default();
    // Declined (R in French) over accepted: asked, and N keeps the answer.
    press(&mut a, KeyCode::Char('r'));
    assert!(
        matches!(a.dialog, Some(Dialog::Remark { .. })),
        "{:?}",
        a.dialog
    );
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(shown.contains("Remplacer la réponse"), "{shown}");
    press(&mut a, KeyCode::Char('n'));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("status = \"accepted\""), "{text}");
    // The same answer again asks nothing; O replaces it.
    press(&mut a, KeyCode::Char('a'));
    assert!(a.dialog.is_none());
    press(&mut a, KeyCode::Char('r'));
    press(&mut a, KeyCode::Char('o'));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("status = \"declined\""), "{text}");
    assert_eq!(
        a.shelf.chosen().and_then(|e| e.status()),
        Some(poignee::draft::Status::Declined)
    );
}

// ---- Issue 20, item 11: the rest of the review ----

fn draft_file(name: &str, front: &str, body: &str) -> String {
    format!("+++\nplatform = \"linkedin\"\n{front}\n[target]\nname = \"{name}\"\n+++\n{body}\n")
}

const SAME: &str = "Hi there, I came across your profile and would love to connect with you to grow my professional network. Thanks!";

#[test]
fn repeated_text_shows_among_the_checks_once_saved_or_opened() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for who in ["Ann Lee", "Bob Roy", "Cy Ode"] {
        let _ = std::fs::write(
            dir.path()
                .join(format!("{}.md", poignee::template::slug(who))),
            draft_file(who, "status = \"draft\"", SAME),
        );
    }
    let mut a = app(Lang::En, Some(dir.path()));
    typed(&mut a, SAME);
    // Not at every key: the folder is read when the note is saved.
    assert!(!rules(&a).iter().any(|r| r.starts_with("repeated-text")));
    fill_target(&mut a, "Dee Fox", "Lyon", "Marketing Services");
    send(&mut a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    assert!(
        rules(&a).iter().any(|r| r.starts_with("repeated-text")),
        "{:?}",
        rules(&a)
    );
    let shown = screen_text(&render(&mut a, 120, 40));
    assert!(shown.contains("repeated-text"), "{shown}");
    // Kept while the note is edited, said to be as of the last save.
    typed(&mut a, " ok");
    let d = a
        .checks
        .report
        .diagnostics
        .iter()
        .find(|d| d.rule == poignee::RuleId::RepeatedText)
        .map(|d| d.message.en.clone())
        .unwrap_or_default();
    assert!(
        d.contains("4 people") && d.contains("as of the last save"),
        "{d}"
    );
    // A new note forgets it; opening a saved one finds it again.
    ctrl(&mut a, 'n');
    press(&mut a, KeyCode::Char('n'));
    assert!(!rules(&a).iter().any(|r| r.starts_with("repeated-text")));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Enter);
    assert!(
        rules(&a).iter().any(|r| r.starts_with("repeated-text")),
        "{:?}",
        rules(&a)
    );
}

#[test]
fn an_unreadable_draft_says_why_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let _ = std::fs::write(dir.path().join("broken.md"), "+++\nstatus = 3\n+++\nHi\n");
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(
        shown.contains("this draft does not read: line 2, column"),
        "{shown}"
    );
    press(&mut a, KeyCode::Enter);
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("does not read: line 2, column"), "{said}");
    let mut f = app(Lang::Fr, Some(dir.path()));
    ctrl(&mut f, 'o');
    let shown = screen_text(&render(&mut f, 80, 24)).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        shown.contains("ne se lit pas : ligne 2, colonne"),
        "{shown}"
    );
}

#[test]
fn the_date_column_shows_when_it_was_sent_or_answered_and_no_status_reads_cut() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let _ = std::fs::write(
        dir.path().join("ann-lee.md"),
        draft_file(
            "Ann Lee",
            "status = \"accepted\"\ncreated_at = 2026-09-01T08:00:00Z\napproved_at = 2026-09-02T08:00:00Z\nsent_at = 2026-09-03\naccepted_at = 2026-09-10",
            "Hi Ann, we met at RustConf. Thanks!",
        ),
    );
    // Imported: sent, with only the day of the import as its creation.
    let _ = std::fs::write(
        dir.path().join("bob-roy.md"),
        draft_file(
            "Bob Roy",
            "status = \"ignored\"\ncreated_at = 2026-11-24T08:00:00Z\nsent_at = 2026-08-01\nignored_at = 2026-08-30\nsource = \"linkedin-export\"",
            "Hi Bob, we met at RustConf. Thanks!",
        ),
    );
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    let shown = screen_text(&render(&mut a, 100, 24));
    assert!(
        shown.contains("2026-09-10") && shown.contains("2026-08-30"),
        "{shown}"
    );
    assert!(
        !shown.contains("2026-11-24") && !shown.contains("2026-09-01"),
        "{shown}"
    );
    // An answer's sign is not the "…" of a label cut short.
    assert!(
        shown.contains("⊘ ignored") && !shown.contains("… ignored"),
        "{shown}"
    );
}

#[test]
fn ctrl_shift_z_is_not_listed_where_the_terminal_cannot_send_it() {
    let mut s = setup(Lang::Fr, None, true);
    s.keymap.without_enhanced_keys();
    let mut a = App::new(s);
    press(&mut a, KeyCode::F(1));
    let mut seen = String::new();
    for _ in 0..40 {
        seen += &screen_text(&render(&mut a, 120, 40));
        press(&mut a, KeyCode::PageDown);
    }
    assert!(
        seen.contains("Ctrl-Y") && !seen.contains("Ctrl-Maj-Z"),
        "{seen}"
    );
    // With the kitty keyboard protocol it is there, and does redo.
    let mut k = app(Lang::Fr, None);
    typed(&mut k, "Bonjour");
    ctrl(&mut k, 'z');
    send(
        &mut k,
        key(
            KeyCode::Char('Z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        ),
    );
    assert_eq!(k.note.text(), "Bonjour");
}

#[test]
fn french_punctuation_is_never_alone_at_a_wrap() {
    let text = "Merci beaucoup\u{202f}! Ravi\u{a0}? Vraiment ravi !";
    // Narrower than "beaucoup !", the word itself must break.
    for width in 11..text.chars().count() {
        for line in super::editor::wrap(text, width) {
            let l = &text[line];
            assert!(!l.starts_with(['!', '?']), "{width}: {l:?}");
        }
    }
    // The messages wrapped by the terminal keep theirs too.
    let mut a = app(Lang::Fr, None);
    a.say(
        Severity::Info,
        super::theme::fr(Lang::Fr, "x ".repeat(35) + "abcdefgh ?"),
    );
    ctrl(&mut a, 'o');
    let t = render(&mut a, 60, 16);
    for y in 0..16 {
        let row: String = (0..60)
            .map(|x| t.backend().buffer()[(x, y)].symbol().to_string())
            .collect();
        assert!(
            !row.trim_start_matches('│').trim_start().starts_with('?'),
            "{row}"
        );
    }
}

#[test]
fn set_aside_texts_are_counted_at_start_and_old_ones_cleaned() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let state = tempfile::tempdir().expect("a temporary folder");
    let recovery = state.path().join("recovery.md");
    let old = state.path().join("recovery-20250101-100000.md");
    let new = state.path().join("recovery-20261120-100000.md");
    for p in [&old, &new] {
        let _ = std::fs::write(p, "Hi\n");
    }
    let month_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 24 * 3600);
    if let Ok(f) = std::fs::File::options().write(true).open(&old) {
        let _ = f.set_modified(month_ago);
    }
    let aside = super::app::Aside::scan(&recovery, std::time::SystemTime::now());
    assert_eq!((aside.all.len(), aside.old.len()), (2, 1));
    let mut a = app(Lang::En, Some(dir.path()));
    let start = Start {
        aside,
        ..Start::default()
    };
    assert_eq!(a.update(Msg::Start(Box::new(start))), []);
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains("2 recovered text(s) set aside") && said.contains("1 of them over 30 days"),
        "{said}"
    );
    ctrl(&mut a, 'o');
    a.notice = None;
    let shown = screen_text(&render(&mut a, 120, 40));
    assert!(
        shown.contains("X: delete 1 old text(s) set aside"),
        "{shown}"
    );
    press(&mut a, KeyCode::Char('x'));
    assert!(matches!(a.dialog, Some(Dialog::CleanAside(_))));
    press(&mut a, KeyCode::Char('y'));
    assert!(!old.exists() && new.exists());
    assert_eq!((a.aside.all.len(), a.aside.old.len()), (1, 0));
}

// ---- Issue 20, item 7: the drafts screen's pace as a chart ----

#[test]
fn the_pace_is_a_chart_with_weeks_counts_and_the_budget_line_that_grows() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    let mut a = app(Lang::Fr, Some(dir.path()));
    tick(&mut a, "2026-11-25T12:00:00Z");
    ctrl(&mut a, 'o');
    let rows_with = |t: &Terminal<TestBackend>, needle: &str| -> usize {
        let b = t.backend().buffer();
        (0..b.area.height)
            .filter(|&y| {
                let row: String = (0..b.area.width).map(|x| b[(x, y)].symbol()).collect();
                row.contains(needle)
            })
            .count()
    };
    for (w, h) in [(60u16, 16u16), (80, 24), (200, 60)] {
        let t = render(&mut a, w, h);
        let shown = screen_text(&t);
        // The days the weeks start, the last one the trailing 7 days.
        assert!(
            shown.contains("01/10") && shown.contains("12/11") && shown.contains("7 j"),
            "{w}×{h}: {shown}"
        );
        // The budget's line and its value.
        assert!(
            shown.contains("│20 ") && shown.contains("┄┄"),
            "{w}×{h}: {shown}"
        );
        // This week's bar and its count.
        assert!(
            shown.contains('█') || shown.contains('▁'),
            "{w}×{h}: {shown}"
        );
    }
    // Taller on a taller screen.
    let small = rows_with(&render(&mut a, 80, 24), "█");
    let tall = rows_with(&render(&mut a, 200, 60), "█");
    assert!(tall >= small, "{small} {tall}");
    let mut e = app(Lang::En, Some(dir.path()));
    tick(&mut e, "2026-11-25T12:00:00Z");
    ctrl(&mut e, 'o');
    let shown = screen_text(&render(&mut e, 120, 40));
    assert!(
        shown.contains("Oct 1") && shown.contains("Nov 12") && shown.contains("7 d"),
        "{shown}"
    );
}

// ---- Issue 20, item 10: focus you can see ----

#[test]
fn the_focused_pane_has_the_one_accent_fields_show_their_extent_and_prose_is_capped() {
    let mut a = app(Lang::En, None);
    typed(&mut a, "Hi Sam, we met at RustConf. Thanks!");
    let t = render(&mut a, 120, 40);
    let buf = t.backend().buffer();
    // The note in focus: its border in the accent; the checks' muted.
    let note_title = cells_of(&t, " Note ");
    let checks_title = cells_of(&t, " Checks ");
    assert!(!note_title.is_empty() && !checks_title.is_empty());
    let (nx, ny) = note_title[0];
    let (cx, cy) = checks_title[0];
    assert_eq!(buf[(nx + 6, ny)].fg, Color::Cyan, "{:?}", buf[(nx + 6, ny)]);
    assert_eq!(
        buf[(cx + 8, cy)].fg,
        Color::DarkGray,
        "{:?}",
        buf[(cx + 8, cy)]
    );
    // Keys and tabs are not all one bold blue: the keys bold, no colour;
    // the current tab in the accent.
    let tab = cells_of(&t, "[F2 Compose]");
    assert_eq!(buf[tab[0]].fg, Color::Cyan);
    let labels_blue_bold = buf
        .content()
        .iter()
        .filter(|c| c.fg == Color::Blue && c.modifier.contains(Modifier::BOLD))
        .count();
    assert_eq!(labels_blue_bold, 0);
    // Tab to the checks: the accent follows the focus.
    press(&mut a, KeyCode::Tab);
    let t = render(&mut a, 120, 40);
    let buf = t.backend().buffer();
    assert_eq!(buf[(cx + 8, cy)].fg, Color::Cyan);
    assert_eq!(buf[(nx + 6, ny)].fg, Color::DarkGray);
    // An empty text field shows where it runs: underlined to its end.
    a.focus = Focus::Form;
    a.form.at = 1;
    let t = render(&mut a, 120, 40);
    let buf = t.backend().buffer();
    let name = cells_of(&t, "Region");
    let (x, y) = name[0];
    let underlined = (x..x + 40)
        .filter(|&x| buf[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .count();
    assert!(underlined >= 10, "{underlined}");
    // On a wide screen the note wraps at about 80 columns, centred.
    for (w, h) in [(200u16, 60u16), (120, 40)] {
        let pane = super::layout::note_pane(ratatui::layout::Rect::new(0, 0, w, h), &a);
        let text = super::note::text_area(pane);
        assert!(text.width <= 80, "{w}: {text:?}");
        if w == 200 {
            assert!(pane.x >= 25, "centred: {pane:?}");
        }
    }
}

/// Two notes `import linkedin` wrote, beside the two drafts of
/// [`write_drafts`].
fn write_imported(dir: &Path) {
    let d = |name: &str, sent: &str, source: &str| {
        format!(
            "+++\nplatform = \"linkedin\"\nstatus = \"sent\"\nsent_at = {sent}\nsource = \"{source}\"\nimport_key = \"linkedin/{sent}/{name}\"\n[target]\nname = \"{name}\"\n+++\nHi {name}, good to meet you at the meetup.\n"
        )
    };
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(
        dir.join("ann-lee.md"),
        d("Ann Lee", "2026-11-23", "linkedin-export"),
    );
    let _ = std::fs::write(
        dir.join("bob-ray.md"),
        d("Bob Ray", "2026-11-24", "linkedin-messages"),
    );
}

#[test]
fn the_drafts_screen_hides_and_shows_the_imported_notes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_drafts(dir.path());
    write_imported(dir.path());
    for lang in [Lang::En, Lang::Fr] {
        let mut a = app(lang, Some(dir.path()));
        tick(&mut a, "2026-11-25T12:00:00Z");
        ctrl(&mut a, 'o');
        assert_eq!(a.screen, Screen::Drafts);
        assert_eq!((a.shelf.entries.len(), a.shelf.imported), (4, 2));
        assert_eq!(a.shelf.shown.len(), 4, "shown at first");
        let shown = |a: &App| -> Vec<String> {
            a.shelf
                .shown
                .iter()
                .filter_map(|&i| a.shelf.entries.get(i).map(|e| e.who.clone()))
                .collect()
        };
        let said = |a: &mut App| screen_text(&render(a, 80, 24));
        let (shown_title, hidden_title) = match lang {
            Lang::En => ("2 imported (H: hide)", "2 imported hidden (H: show)"),
            Lang::Fr => (
                "dont 2 importées (H\u{a0}: cacher)",
                "2 importées cachées (H\u{a0}: montrer)",
            ),
        };
        assert!(said(&mut a).contains(shown_title), "{}", said(&mut a));
        // Chosen, an imported note goes, and the choice moves to a draft
        // still shown.
        while a.shelf.chosen().is_some_and(|e| e.who != "Ann Lee") {
            let before = a.shelf.selected;
            press(&mut a, KeyCode::Down);
            assert_ne!(a.shelf.selected, before, "Ann Lee is listed");
        }
        press(&mut a, KeyCode::Char('h'));
        assert!(a.shelf.hide_imported);
        let mut own = shown(&a);
        own.sort();
        assert_eq!(own, ["Claire Martin", "Paul Durand"]);
        let chosen = a.shelf.chosen().map(|e| e.who.clone()).unwrap_or_default();
        assert!(own.contains(&chosen), "{chosen}");
        assert!(said(&mut a).contains(hidden_title), "{}", said(&mut a));
        // The filter works within what is shown.
        press(&mut a, KeyCode::Char('/'));
        typed(&mut a, "lee");
        assert!(a.shelf.shown.is_empty(), "Ann Lee is hidden");
        press(&mut a, KeyCode::Esc);
        // Shown again, the same draft chosen.
        press(&mut a, KeyCode::Char('h'));
        assert!(!a.shelf.hide_imported);
        assert_eq!(shown(&a).len(), 4);
        assert_eq!(
            a.shelf.chosen().map(|e| e.who.clone()),
            Some(chosen.clone())
        );
    }
    // Nothing but imported notes, hidden: said, with the key that shows them.
    let only = tempfile::tempdir().expect("a temporary folder");
    write_imported(only.path());
    let mut a = app(Lang::En, Some(only.path()));
    ctrl(&mut a, 'o');
    press(&mut a, KeyCode::Char('h'));
    let text = screen_text(&render(&mut a, 80, 24));
    assert!(
        text.contains("2 imported notes hidden, no other draft: H shows them"),
        "{text}"
    );
}

// ---- French typography ----

/// Where the French interface writes a plain space between a word and
/// `: ; ! ?` (U+00A0 or U+202F belong there): the screen's rows, each with
/// the offending spot. A key named `?` after a comma is a key, not a mark.
fn plain_spaces(shown: &str) -> Vec<String> {
    let mut found = Vec::new();
    for row in shown.lines() {
        let chars: Vec<char> = row.chars().collect();
        for w in chars.windows(3) {
            if (w[0].is_alphanumeric() || matches!(w[0], '»' | ')' | '…'))
                && w[1] == ' '
                && matches!(w[2], ':' | ';' | '!' | '?')
            {
                found.push(row.trim().to_string());
            }
        }
    }
    found
}

#[test]
fn the_french_interface_puts_no_break_spaces_before_colons_and_question_marks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("brouillons");
    write_drafts(&drafts);
    let mut a = app(Lang::Fr, Some(&drafts));
    // A note with no such mark of its own: what is found is the interface's.
    typed(
        &mut a,
        "Bonjour Claire, nous étions au salon VivaTech. Merci",
    );
    let mut seen = Vec::new();
    let mut look = |a: &mut App, what: &str| {
        for (w, h) in [(80, 24), (120, 40)] {
            let t = render(a, w, h);
            let cells: Vec<&str> = t
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            let shown: String = cells
                .chunks(usize::from(w))
                .map(|row| row.concat() + "\n")
                .collect();
            for row in plain_spaces(&shown) {
                seen.push(format!("{what} {w}x{h}: {row}"));
            }
        }
    };
    look(&mut a, "compose");
    press(&mut a, KeyCode::F(8));
    look(&mut a, "F8");
    ctrl(&mut a, 'n');
    look(&mut a, "new-note dialog");
    press(&mut a, KeyCode::Esc);
    ctrl(&mut a, 's');
    look(&mut a, "approve dialog");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::F(1));
    look(&mut a, "help");
    press(&mut a, KeyCode::Esc);
    ctrl(&mut a, 't');
    typed(&mut a, "zzzz");
    look(&mut a, "templates, no match");
    press(&mut a, KeyCode::Esc);
    ctrl(&mut a, 'o');
    look(&mut a, "drafts");
    press(&mut a, KeyCode::Char('a'));
    look(&mut a, "drafts, marked");
    press(&mut a, KeyCode::Char('r'));
    look(&mut a, "drafts, answer replaced?");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::F(6));
    look(&mut a, "outcomes");
    let empty = tempfile::tempdir().expect("a temporary folder");
    let mut b = app(Lang::Fr, Some(empty.path()));
    ctrl(&mut b, 'o');
    look(&mut b, "no drafts");
    press(&mut b, KeyCode::F(6));
    look(&mut b, "no outcomes");
    ctrl(&mut b, 'n');
    look(&mut b, "new note");
    assert!(seen.is_empty(), "{}", seen.join("\n"));
}

/// `update` reads neither the clock nor the home folder: the time is the
/// one the runtime last said (`Msg::Tick`), the home the one `Setup` gave.
#[test]
fn the_time_and_the_home_folder_are_the_ones_given() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drafts = dir.path().join("drafts");
    let mut a = App::new(Setup {
        home: Some(dir.path().to_path_buf()),
        ..setup(Lang::En, Some(drafts.clone()), true)
    });
    tick(&mut a, "2031-02-03T04:05:06Z");
    assert_eq!(a.today(), jiff::civil::date(2031, 2, 3));
    typed(&mut a, SUMMIT);
    send(&mut a, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    let names = files_in(&drafts);
    let name = names.first().unwrap_or_else(|| panic!("no draft saved"));
    let saved = std::fs::read_to_string(drafts.join(name)).unwrap_or_default();
    assert!(
        saved.contains("created_at = 2031-02-03T04:05:06Z"),
        "{saved}"
    );
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains(&format!("to ~/drafts/{name}")), "{said}");
}

// ---- Issue 22, item 4: what the runtime decided is `update`'s ----

/// On the "window too small" screen nothing can be seen: a letter typed
/// there goes nowhere, the keys that quit or redraw still work, and a
/// question asked (shown at any size) is answered. A key's release is
/// never a key.
#[test]
fn a_window_too_small_takes_only_the_keys_that_quit_or_redraw() {
    let mut a = app(Lang::En, None);
    assert_eq!(a.update(Msg::Resize(50, 12)), []);
    typed(&mut a, "Hi");
    press(&mut a, KeyCode::F(3));
    let _ = a.update(Msg::Paste("pasted where nothing is seen".into()));
    assert_eq!((a.note.text(), a.screen), ("", Screen::Compose));
    assert_eq!(ctrl(&mut a, 'l'), [Effect::Redraw]);
    // Large enough again: typed text goes in.
    assert_eq!(a.update(Msg::Resize(60, 16)), []);
    typed(&mut a, "Hi");
    assert_eq!(a.note.text(), "Hi");
    // Small, with unsaved text: Ctrl-Q asks, and the question is answered.
    assert_eq!(a.update(Msg::Resize(59, 24)), []);
    ctrl(&mut a, 'q');
    assert_eq!(a.dialog, Some(Dialog::Quit));
    press(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none() && !a.quit, "Esc stays");
    ctrl(&mut a, 'q');
    press(&mut a, KeyCode::Char('n'));
    assert!(a.quit, "quit without saving");
    // A release is not a press, whatever the size.
    let mut b = app(Lang::En, None);
    let mut release = key(KeyCode::Char('x'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(b.update(Msg::Key(release)), []);
    assert_eq!(b.note.text(), "");
}

/// What the app starts with comes as one message: the draft asked for
/// opened (and its checks across drafts asked for), the texts set aside
/// said, the text found offered, and the keys a plain terminal never
/// sends left out.
#[test]
fn the_start_opens_the_draft_offers_the_text_found_and_drops_keys_never_sent() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("sam-lee.md");
    let draft = poignee::draft::Draft::parse("+++\n[target]\nname = \"Sam Lee\"\n+++\nHi Sam\n")
        .expect("the draft parses");
    let found = poignee::draft::Draft::parse(FOUND).expect("the draft parses");
    let mut a = app(Lang::En, Some(dir.path()));
    let redo = super::keys::Key::parse("ctrl-shift-z").unwrap_or_else(|| panic!("a key"));
    assert!(a.keymap.keys(super::keys::Action::Redo).contains(&redo));
    let effects = a.update(Msg::Start(Box::new(Start {
        draft: Some((path.clone(), draft)),
        found: Some(found),
        plain_keys: true,
        ..Start::default()
    })));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Io(super::io::Job::Cross { .. })]
        ),
        "{effects:?}"
    );
    assert_eq!(a.busy, 1, "the checks across drafts are out");
    assert_eq!(
        (a.doc.path.as_deref(), a.note.text()),
        (Some(path.as_path()), "Hi Sam")
    );
    assert!(a.offer.as_ref().is_some_and(|o| o.aside.is_none()));
    assert!(!a.keymap.keys(super::keys::Action::Redo).contains(&redo));
    // The worker gone, the job is never answered: the app is no longer
    // busy waiting for it.
    assert_eq!(a.update(Msg::Unanswered), []);
    assert_eq!(a.busy, 0);
}

/// The runtime writes the recovery file and moves the text found there;
/// the app hears of it as messages: the text offered now lives aside (so
/// that declining it does not move it again), the note is synced, and
/// where a text went is said.
#[test]
fn what_the_runtime_did_with_the_recovery_file_comes_as_messages() {
    let mut a = offered(Lang::En, FOUND);
    typed(&mut a, "Hi Inès");
    assert!(a.unsynced);
    let aside = PathBuf::from("/state/recovery-20261125-120000.md");
    assert_eq!(
        a.update(Msg::Recovery(Recovery::MadeRoom(aside.clone()))),
        []
    );
    assert_eq!(a.update(Msg::Recovery(Recovery::Synced)), []);
    assert!(!a.unsynced);
    assert_eq!(
        a.offer.as_ref().and_then(|o| o.aside.clone()),
        Some(aside.clone())
    );
    // Declined: already aside, so the runtime only has to say where.
    assert_eq!(
        press(&mut a, KeyCode::Esc),
        [Effect::SetAside(Some(aside.clone()))]
    );
    assert_eq!(
        a.update(Msg::Recovery(Recovery::SetAside(aside.clone()))),
        []
    );
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "recovered text set aside in /state/recovery-20261125-120000.md"
    );
    assert_eq!(a.note.text(), "Hi Inès");
    // A restore that kept the file aside says so too.
    assert_eq!(a.update(Msg::Recovery(Recovery::KeptAside(aside))), []);
    let said = a
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains("its file stays in /state/recovery-"),
        "{said}"
    );
}

#[test]
fn a_preview_that_fits_is_not_marked_as_cut() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Saved files end with a newline: the preview is not longer for it.
    std::fs::write(
        dir.path().join("sam-lee.md"),
        "+++\nstatus = \"approved\"\n[target]\nname = \"Sam Lee\"\n+++\nHi Sam, we talked about retries at RustConf Lyon. Curious how your project has moved on since. Thank you!\n",
    )
    .expect("writes the file");
    let mut a = app(Lang::En, Some(dir.path()));
    ctrl(&mut a, 'o');
    let shown = screen_text(&render(&mut a, 80, 24));
    assert!(shown.contains("moved on since. Thank you!"), "{shown}");
    assert!(!shown.contains("Thank you!…"), "{shown}");
}
