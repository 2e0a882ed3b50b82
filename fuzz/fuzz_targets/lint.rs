//! The lint engine: never panics; spans inside the text on character
//! boundaries; the score within 0..=100.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::{Context, Lang, Linter, Platform, Target, Tier};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let target = Target {
        name: Some("Claire Martin".into()),
        ..Target::default()
    };
    for (platform, tier, lang) in [
        (Platform::Linkedin, Tier::Free, None),
        (Platform::Viadeo, Tier::Premium, Some(Lang::Fr)),
        (Platform::Linkedin, Tier::SalesNavigator, Some(Lang::En)),
    ] {
        let cx = Context {
            platform,
            tier,
            lang,
            target: Some(&target),
            allow: &[],
        };
        let report = LINTER.lint(text, &cx);
        assert!(report.score.value <= 100);
        for d in &report.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end <= text.len(),
                "{d:?}"
            );
            assert!(
                text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
                "{d:?}"
            );
        }
    }
});
