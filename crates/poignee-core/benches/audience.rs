//! The geography's targets (issue 11): one place lookup ≤ 5 µs (median),
//! whatever the form: LinkedIn's strings, a listed city, a commune déléguée,
//! an arrondissement, a postal code, an ambiguous name with nine candidates,
//! a name read a second time with every homonym, a name that is nowhere.
//! Before the lookups, the first use of the data is timed once (the tree
//! without the communes, then the communes and their indexes): criterion
//! cannot repeat it, as the data is built once a process.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::audience::data::{GEO, resolve_place};
use poignee::audience::{AudienceFilter, Decision};
use poignee::target::Target;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

const PLACES: [(&str, &str); 8] = [
    ("linkedin", "Lyon, Auvergne-Rhône-Alpes, France"),
    ("listed city + département", "Villeurbanne (69)"),
    ("commune déléguée", "Annecy-le-Vieux"),
    ("arrondissement", "Paris 8e"),
    ("postal code + name", "13013 Marseille"),
    ("ambiguous (9 candidates)", "Sainte-Marie"),
    ("every homonym", "Saint-Pierre, Saint-Pierre-et-Miquelon"),
    ("unknown", "Trifouilly-les-Oies"),
];

fn first_use() {
    let start = Instant::now();
    black_box(GEO.exact("france"));
    let tree = start.elapsed();
    let start = Instant::now();
    black_box(GEO.communes_named("lyon"));
    let communes = start.elapsed();
    eprintln!("first use: the tree without the communes {tree:?}, then the communes {communes:?}");
}

fn lookups(c: &mut Criterion) {
    first_use();
    let none = HashMap::new();
    for (name, place) in PLACES {
        c.bench_function(&format!("resolve place: {name}"), |b| {
            b.iter(|| resolve_place(black_box(place), &none))
        });
    }
    let audience = AudienceFilter {
        regions: vec!["Auvergne-Rhône-Alpes".into()],
        ..AudienceFilter::default()
    }
    .compile()
    .expect("compiles");
    let target = Target {
        region: Some("Annecy-le-Vieux".into()),
        ..Target::default()
    };
    assert_eq!(audience.verdict(Some(&target)).decision, Decision::In);
    c.bench_function("verdict: commune déléguée in a region", |b| {
        b.iter(|| audience.verdict(black_box(Some(&target))))
    });
}

criterion_group!(benches, lookups);
criterion_main!(benches);
