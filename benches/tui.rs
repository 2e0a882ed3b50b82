//! The TUI's targets (SPEC §8): one keystroke through `update` → lint → a
//! full frame of the compose screen at 120×40, median ≤ 1 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::Linter;
use poignee::config::Config;
use poignee::lang::Lang;
use poignee::template::Library;
use poignee_app::tui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use std::hint::black_box;
use tui::app::{App, Msg, Setup};
use tui::ui;

const NOTE: &str = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention sur les entrepôts de proximité m’a beaucoup appris. Découvrez notre offre gratuite ! J’aimerais suivre vos travaux. Merci et";

fn key(c: char) -> KeyEvent {
    KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// The app on the example config, at 120×40, no drafts folder.
fn app() -> App {
    let config = Config::parse(
        poignee::config::EXAMPLE,
        std::path::Path::new("config.example.toml"),
    )
    .unwrap_or_default();
    let linter = config
        .linter(std::path::Path::new("c"))
        .unwrap_or_else(|_| Linter::default());
    let mut app = App::new(Setup {
        drafts_dir: None,
        ..Setup::new(
            &config,
            Lang::Fr,
            linter,
            Library::shipped(),
            tui::keys::Keymap::with(Lang::Fr, &config.keys)
                .unwrap_or_else(|_| tui::keys::Keymap::defaults(Lang::Fr)),
            true,
        )
    });
    send(&mut app, Msg::Resize(120, 40));
    app
}

/// A message through `update`. With no drafts folder, typing asks for no
/// file job: the effects (none, or a redraw) are left undone.
fn send(app: &mut App, msg: Msg) {
    black_box(app.update(msg));
}

fn keystroke(c: &mut Criterion) {
    let mut app = app();
    for ch in NOTE.chars() {
        send(&mut app, Msg::Key(key(ch)));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut flip = false;
    c.bench_function("keystroke → update → lint → frame 120×40", |b| {
        b.iter(|| {
            // Type a letter and take it back: the note stays the same size.
            flip = !flip;
            if flip {
                send(&mut app, Msg::Key(key('x')));
            } else {
                send(
                    &mut app,
                    Msg::Key(KeyEvent {
                        code: KeyCode::Backspace,
                        modifiers: KeyModifiers::NONE,
                        kind: KeyEventKind::Press,
                        state: KeyEventState::NONE,
                    }),
                );
            }
            terminal
                .draw(|f| ui::draw(f, black_box(&app)))
                .map(|_| ())
                .expect("draws");
        })
    });
}

/// A key in the region field: the names offered are matched again over
/// every commune, region and département.
fn completion(c: &mut Criterion) {
    let mut app = app();
    app.focus = tui::app::Focus::Form;
    app.form.at = 1;
    for ch in "villeur".chars() {
        send(&mut app, Msg::Key(key(ch)));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut flip = false;
    c.bench_function(
        "keystroke in the region field → names offered → frame 120×40",
        |b| {
            b.iter(|| {
                flip = !flip;
                let ev = if flip {
                    key('b')
                } else {
                    KeyEvent {
                        code: KeyCode::Backspace,
                        modifiers: KeyModifiers::NONE,
                        kind: KeyEventKind::Press,
                        state: KeyEventState::NONE,
                    }
                };
                send(&mut app, Msg::Key(ev));
                terminal
                    .draw(|f| ui::draw(f, black_box(&app)))
                    .map(|_| ())
                    .expect("draws");
            })
        },
    );
}

criterion_group!(benches, keystroke, completion);
criterion_main!(benches);
