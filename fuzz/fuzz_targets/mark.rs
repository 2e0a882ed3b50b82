//! `mark`'s edit of a draft, the one writer that rewrites a user's file in
//! place: never panics, and a text it writes is a draft that parses, with
//! the note byte for byte as it was, the status asked for, and the same
//! front matter otherwise; marked again the same way, nothing changes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::draft::Draft;
use poignee::outcome::{Mark, mark};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(before) = Draft::parse(text) else {
        return;
    };
    let today = jiff::civil::date(2026, 12, 7);
    for how in Mark::ALL {
        for explicit in [false, true] {
            let Ok(marked) = mark(text, how, today, explicit) else {
                continue;
            };
            let Some(out) = marked.text else {
                continue;
            };
            let after = Draft::parse(&out).expect("a marked draft parses");
            assert_eq!(after.body, before.body, "the note is never touched");
            assert_eq!(after.front.status, Some(how.status()));
            let mut other = after.front.clone();
            other.status = before.front.status;
            // Dates the mark sets aside, the rest of the front matter is
            // the same.
            other.sent_at = before.front.sent_at;
            other.accepted_at = before.front.accepted_at;
            other.declined_at = before.front.declined_at;
            other.ignored_at = before.front.ignored_at;
            assert_eq!(other, before.front);
            // Marked again the same way: nothing to change.
            if let Ok(again) = mark(&out, how, today, explicit) {
                assert!(again.text.is_none() || again.text.as_deref() == Some(out.as_str()));
            }
        }
    }
});
