//! The audience resolver: never panics on any location, sector or filter.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::audience::AudienceFilter;
use poignee::audience::data::{resolve_place, resolve_sector};
use poignee::target::Target;
use std::collections::HashMap;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let none = HashMap::new();
    let _ = resolve_place(text, &none);
    let _ = resolve_sector(text, &none);
    let (a, b) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    let filter = AudienceFilter {
        regions: vec![a.to_string(), "Auvergne-Rhône-Alpes".into()],
        exclude_sectors: vec![b.to_string()],
        aliases: [(a.to_string(), vec![b.to_string()])].into_iter().collect(),
        ..AudienceFilter::default()
    };
    if let Ok(audience) = filter.compile() {
        let t = Target {
            region: Some(b.to_string()),
            sector: Some(a.to_string()),
            ..Target::default()
        };
        let v = audience.verdict(Some(&t));
        let _ = v.why();
    }
});
