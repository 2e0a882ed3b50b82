//! The draft parser: never panics, and a draft written back parses to the
//! same draft.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::draft::Draft;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(draft) = Draft::parse(text) {
        assert!(text.len() >= draft.body_offset);
        let again = Draft::parse(&draft.render()).expect("a rendered draft parses");
        assert_eq!(again.front, draft.front);
        assert_eq!(again.body, draft.body);
    }
});
