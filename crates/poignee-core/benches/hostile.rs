//! Hostile notes (issue 13): 1 MiB of one piece repeated, linted in ≤ 0.5 s
//! each. The texts are made here, not stored in the repository.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::{Context, Linter};
use std::hint::black_box;
use std::time::Duration;

/// The size of each text.
const MIB: usize = 1 << 20;

/// Each text's name and the piece repeated to make it.
const PIECES: [(&str, &str); 16] = [
    ("GRATUIT", "GRATUIT "),
    ("A.", "A. "),
    ("free demo", "free demo "),
    ("one word", "a"),
    ("line breaks", "\n"),
    ("links", "http://x.io "),
    ("greetings", "Bonjour Claire, "),
    ("guillemets", "« a » "),
    ("emoji", "🚀"),
    ("Dr. M.", "Dr. M. "),
    ("!!! ???", "!!! ??? "),
    ("digits", "1"),
    ("Acme Corp", "Acme Corp "),
    ("prices", "49 € "),
    ("e-mails", "a@b.fr "),
    (
        "a valid note",
        "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention m’a beaucoup appris. Merci et au plaisir d’échanger !\n",
    ),
];

/// `piece` repeated to `size` bytes, cut on a character boundary.
fn repeated(piece: &str, size: usize) -> String {
    let mut text = piece.repeat(size / piece.len() + 1);
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn hostile(c: &mut Criterion) {
    let linter = Linter::default();
    // As `poignee check` lints a plain file: the language detected.
    let cx = Context::default();
    let mut group = c.benchmark_group("hostile 1 MiB");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, piece) in PIECES {
        let text = repeated(piece, MIB);
        group.bench_function(name, |b| {
            b.iter(|| linter.lint(black_box(&text), black_box(&cx)))
        });
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
