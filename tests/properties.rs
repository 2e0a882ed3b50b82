//! Property tests for the invariants the fuzz targets check, on every
//! `cargo test`: no panic on any input; spans inside the text on character
//! boundaries; the score within 0..=100; a written draft parses back to the
//! same draft. (The editor's cursor on a boundary: in the editor's tests.)

use poignee::audience::AudienceFilter;
use poignee::audience::data::{resolve_place, resolve_sector};
use poignee::draft::{Draft, FrontMatter, Status};
use poignee::template;
use poignee::{Context, Lang, Linter, Platform, Relationship, Severity, Target, Tier};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::default);

/// Text that looks like notes: words from the lists, names, emoji, CJK,
/// punctuation, placeholders, URLs, line breaks, and random characters.
fn note() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Bonjour".to_string()),
        Just("Hi".to_string()),
        Just("merci !".to_string()),
        Just("découvrez notre offre gratuite".to_string()),
        Just("j’ai lu votre article".to_string()),
        Just("comme convenu".to_string()),
        Just("{{first_name}}".to_string()),
        Just("{{".to_string()),
        Just("https://x.fr".to_string()),
        Just("a@b.fr".to_string()),
        Just("06 12 34 56 78".to_string()),
        Just("👋🏽".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("日本".to_string()),
        Just("e\u{301}".to_string()),
        Just("\n".to_string()),
        Just("!!!".to_string()),
        Just("L’".to_string()),
        "\\PC{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn lint_never_panics_and_spans_are_sound(text in note(), which in 0usize..3) {
        let (platform, tier, lang) = [
            (Platform::Linkedin, Tier::Free, None),
            (Platform::Viadeo, Tier::Premium, Some(Lang::Fr)),
            (Platform::Linkedin, Tier::SalesNavigator, Some(Lang::En)),
        ][which];
        let target = Target { name: Some("Claire Martin".into()), relationship: Some(Relationship::None), ..Target::default() };
        let cx = Context { platform, tier, lang, target: Some(&target), allow: &[] };
        let report = LINTER.lint(&text, &cx);
        // The score is what the problems found cost: a note with an error
        // never scores 100, and each point lost names a problem in the list,
        // at its worst severity.
        let errors = report.diagnostics.iter().any(|d| d.rule.is_problem() && d.severity == Severity::Error);
        prop_assert!(!errors || report.score.value < 100, "{:?}", report.score);
        for p in &report.score.breakdown {
            let worst = report.diagnostics.iter().filter(|d| d.rule == p.rule).map(|d| d.severity).max();
            prop_assert_eq!(worst, Some(p.severity), "{:?}", p);
        }
        for d in &report.diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }

    #[test]
    fn a_written_draft_parses_back_the_same(
        body in note(),
        name in proptest::option::of("\\PC{0,20}"),
        region in proptest::option::of("[A-Za-zéè\\- ,()0-9]{0,30}"),
        status in proptest::option::of(prop_oneof![Just(Status::Draft), Just(Status::Approved)]),
        viadeo in any::<bool>(),
        values in proptest::collection::btree_map("[a-z_]{1,8}", "\\PC{0,12}", 0..3),
    ) {
        let draft = Draft {
            front: FrontMatter {
                platform: viadeo.then_some(Platform::Viadeo),
                status,
                target: (name.is_some() || region.is_some()).then(|| Target { name, region, ..Target::default() }),
                values,
                ..FrontMatter::default()
            },
            body,
            body_offset: 0,
        };
        let text = draft.render();
        let back = Draft::parse(&text);
        prop_assert!(back.is_ok(), "{text:?}: {back:?}");
        let back = back.unwrap_or_else(|_| unreachable!());
        prop_assert_eq!(&back.front, &draft.front);
        prop_assert_eq!(&back.body, &draft.body);
    }

    #[test]
    fn any_text_parses_or_fails_cleanly_as_a_draft(text in "(\\+\\+\\+\n)?\\PC{0,60}(\n\\+\\+\\+\n)?\\PC{0,40}") {
        if let Ok(d) = Draft::parse(&text) {
            prop_assert!(d.body_offset <= text.len());
            let again = Draft::parse(&d.render());
            prop_assert!(again.is_ok());
        }
    }

    #[test]
    fn template_spans_map_back_inside_the_body(body in note(), value in "\\PC{0,20}", a in 0usize..400, b in 0usize..400) {
        let values: BTreeMap<String, String> = [("first_name".to_string(), value)].into_iter().collect();
        let r = template::render(&body, &values);
        let floor = |mut i: usize| { i = i.min(r.text.len()); while !r.text.is_char_boundary(i) { i -= 1; } i };
        let (a, b) = (floor(a.min(b)), floor(a.max(b)));
        let back = r.to_body(&(a..b));
        prop_assert!(back.start <= back.end && back.end <= body.len());
    }

    #[test]
    fn the_audience_never_panics(place in "\\PC{0,40}", sector in "\\PC{0,40}") {
        let none = HashMap::new();
        let _ = resolve_place(&place, &none);
        let _ = resolve_sector(&sector, &none);
        let filter = AudienceFilter { regions: vec![place.clone()], sectors: vec![sector.clone()], ..AudienceFilter::default() };
        if let Ok(a) = filter.compile() {
            let t = Target { region: Some(sector.clone()), sector: Some(place.clone()), ..Target::default() };
            let _ = a.verdict(Some(&t)).why();
        }
    }
}
