//! The template renderer: never panics; spans map back inside the body, on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::template;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // "body\0key=value\0key=value…"
    let mut parts = text.split('\0');
    let body = parts.next().unwrap_or("");
    let values: BTreeMap<String, String> = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let rendered = template::render(body, &values);
    let len = rendered.text.len();
    for (a, b) in [(0, len), (0, 0), (len / 3, len / 2), (len / 2, len)] {
        let (a, b) = (floor(&rendered.text, a), floor(&rendered.text, b));
        let back = rendered.to_body(&(a..b));
        assert!(
            back.start <= back.end && back.end <= body.len(),
            "{back:?} in {}",
            body.len()
        );
    }
    let _ = template::slots(body);
    let _ = template::slug(body);
});

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
