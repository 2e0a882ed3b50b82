//! The TUI's targets (SPEC §8): one keystroke through `update` → lint → a
//! full frame of the compose screen at 120×40, median ≤ 1 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::Linter;
use poignee::config::Config;
use poignee::lang::Lang;
use poignee::template::Library;
use poignee::tui::app::{App, Setup};
use poignee::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use std::hint::black_box;

const NOTE: &str = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention sur les entrepôts de proximité m’a beaucoup appris. Découvrez notre offre gratuite ! J’aimerais suivre vos travaux. Merci et";

fn key(c: char) -> KeyEvent {
    KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn keystroke(c: &mut Criterion) {
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
        ..Setup::new(&config, Lang::Fr, linter, Library::shipped(), true)
    });
    for ch in NOTE.chars() {
        app.key(key(ch));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    let mut flip = false;
    c.bench_function("keystroke → update → lint → frame 120×40", |b| {
        b.iter(|| {
            // Type a letter and take it back: the note stays the same size.
            flip = !flip;
            if flip {
                app.key(key('x'));
            } else {
                app.key(KeyEvent {
                    code: KeyCode::Backspace,
                    modifiers: KeyModifiers::NONE,
                    kind: KeyEventKind::Press,
                    state: KeyEventState::NONE,
                });
            }
            terminal
                .draw(|f| ui::draw(f, black_box(&app)))
                .map(|_| ())
                .unwrap_or_else(|e| panic!("{e}"));
        })
    });
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
