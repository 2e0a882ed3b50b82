//! Templates: the draft format with `{{placeholder}}`s in the body.
//!
//! A placeholder is `{{name}}` (snake_case) or `{{name|fallback}}`, the
//! fallback used when the value is missing (`{{first_name|Bonjour}}`). Values
//! come from the target (`first_name`, `last_name`, `name`, `company`,
//! `headline`, `region`, `sector`) or are free (`event`, `topic`, …) and then
//! declared in the front matter with a description and an example. A
//! placeholder with no value and no fallback is left as it is, so that
//! `unfilled-placeholder` reports it: a `{{…}}` never goes out silently.
//!
//! The shipped library (`templates/`) is embedded in the binary; the user's
//! templates folder sits beside it and overrides by name.

use crate::diagnostic::RuleId;
use crate::draft::{Draft, FrontMatter};
use crate::lang::{Lang, Localize, Localized};
use crate::lint::{Context, Linter, Report};
use crate::target::{Platform, Target, Tier};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The placeholders a target fills.
pub const TARGET_PLACEHOLDERS: [&str; 7] = [
    "first_name",
    "last_name",
    "name",
    "company",
    "headline",
    "region",
    "sector",
];

/// One `{{…}}` in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub name: String,
    pub fallback: Option<String>,
    /// The whole `{{…}}`, in the body.
    pub span: Range<usize>,
}

/// The placeholders of a body, in order. A `{{` that is not a well-formed
/// placeholder is left as text (and `unfilled-placeholder` will see it).
pub fn slots(body: &str) -> Vec<Slot> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("{{").map(|i| from + i) {
        let Some(close) = body[open + 2..].find("}}").map(|i| open + 2 + i) else {
            break;
        };
        let inner = &body[open + 2..close];
        let (name, fallback) = match inner.split_once('|') {
            Some((n, f)) => (n.trim(), Some(f.trim().to_string())),
            None => (inner.trim(), None),
        };
        let valid = !name.is_empty()
            && !inner.contains('{')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if valid {
            out.push(Slot {
                name: name.to_string(),
                fallback,
                span: open..close + 2,
            });
            from = close + 2;
        } else {
            from = open + 2;
        }
    }
    out
}

/// The values a target gives: `first_name`, `last_name`, `name`, …
pub fn target_values(target: &Target) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let mut put = |k: &str, value: Option<&str>| {
        if let Some(value) = value.map(str::trim).filter(|s| !s.is_empty()) {
            v.insert(k.to_string(), value.to_string());
        }
    };
    put("name", target.name.as_deref());
    put("first_name", target.first_name());
    let last = target
        .name
        .as_deref()
        .and_then(|n| n.trim().split_once(char::is_whitespace))
        .map(|(_, rest)| rest.trim());
    put("last_name", last);
    put("company", target.company.as_deref());
    put("headline", target.headline.as_deref());
    put("region", target.region.as_deref());
    put("sector", target.sector.as_deref());
    v
}

/// A body with its placeholders filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    /// Placeholders with no value and no fallback, left in the text.
    pub missing: Vec<String>,
    /// The free values used (not the target's), for the draft's `[values]`.
    pub used: BTreeMap<String, String>,
    /// (range in `text`, range in the body) for each filled placeholder.
    map: Vec<(Range<usize>, Range<usize>)>,
}

impl Rendered {
    /// The placeholders left unfilled, as written: "{{event}}, {{topic}}".
    pub fn missing_list(&self) -> String {
        self.missing
            .iter()
            .map(|m| format!("{{{{{m}}}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A span of the rendered text as a span of the template's body: inside
    /// a filled value it is the whole `{{…}}`.
    pub fn to_body(&self, span: &Range<usize>) -> Range<usize> {
        let at = |pos: usize, end: bool| -> usize {
            let mut shift: isize = 0;
            for (out, src) in &self.map {
                let inside = if end {
                    pos > out.start && pos <= out.end
                } else {
                    pos >= out.start && pos < out.end
                };
                if inside {
                    return if end { src.end } else { src.start };
                }
                if pos < out.start || (end && pos == out.start) {
                    break;
                }
                shift += src.len() as isize - out.len() as isize;
            }
            (pos as isize + shift).max(0) as usize
        };
        let start = at(span.start, false);
        let end = at(span.end, true).max(start);
        start..end
    }
}

/// Fills a body's placeholders from `values`.
pub fn render(body: &str, values: &BTreeMap<String, String>) -> Rendered {
    let mut text = String::with_capacity(body.len() + 32);
    let mut missing = Vec::new();
    let mut used = BTreeMap::new();
    let mut map = Vec::new();
    let mut last = 0;
    for slot in slots(body) {
        text.push_str(&body[last..slot.span.start]);
        let value = values.get(&slot.name).filter(|v| !v.trim().is_empty());
        let filled = match (value, &slot.fallback) {
            (Some(v), _) => {
                if !TARGET_PLACEHOLDERS.contains(&slot.name.as_str()) {
                    used.insert(slot.name.clone(), v.clone());
                }
                Some(v.trim().to_string())
            }
            (None, Some(f)) => Some(f.clone()),
            (None, None) => {
                if !missing.contains(&slot.name) {
                    missing.push(slot.name.clone());
                }
                None
            }
        };
        let start = text.len();
        match filled {
            Some(v) => text.push_str(&v),
            None => text.push_str(&body[slot.span.clone()]),
        }
        map.push((start..text.len(), slot.span.clone()));
        last = slot.span.end;
    }
    text.push_str(&body[last..]);
    Rendered {
        text,
        missing,
        used,
        map,
    }
}

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Shipped,
    /// The user's, in their templates folder.
    User(PathBuf),
    /// The user's, over a shipped one of the same name.
    Override(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Template {
    /// `fr/evenement`: the path under the library, without extension.
    pub name: String,
    pub origin: Origin,
    /// The file's text.
    pub source: String,
    pub draft: Draft,
}

impl Template {
    pub fn lang(&self) -> Option<Lang> {
        self.draft.front.lang
    }

    pub fn description(&self) -> &str {
        self.draft.front.description.as_deref().unwrap_or("")
    }

    /// The path to show for the template.
    pub fn shown_path(&self) -> String {
        match &self.origin {
            Origin::Shipped => format!("templates/{}.md", self.name),
            Origin::User(p) | Origin::Override(p) => p.display().to_string(),
        }
    }

    /// The values for a preview: the declared examples, then the target's,
    /// then the ones given, each over the one before.
    pub fn values(
        &self,
        target: Option<&Target>,
        given: &BTreeMap<String, String>,
    ) -> BTreeMap<String, String> {
        let mut v = examples(&self.draft.front);
        if let Some(t) = target {
            v.extend(target_values(t));
        }
        v.extend(given.iter().map(|(k, val)| (k.clone(), val.clone())));
        v
    }

    /// Lints the template filled with `values`: the rendered text and its
    /// report (spans in the rendered text).
    pub fn lint(
        &self,
        linter: &Linter,
        values: &BTreeMap<String, String>,
        platform: Platform,
        tier: Tier,
    ) -> (Rendered, Report) {
        lint(
            linter,
            &self.draft.front,
            &self.draft.body,
            values,
            platform,
            tier,
        )
    }
}

/// Sample values of the target's placeholders, for previews and checks of
/// templates that do not give their own.
const TARGET_SAMPLES: [(&str, &str); 7] = [
    ("first_name", "Claire"),
    ("last_name", "Martin"),
    ("name", "Claire Martin"),
    ("company", "Acme"),
    ("headline", "Responsable marketing"),
    ("region", "Lyon"),
    ("sector", "Marketing Services"),
];

/// The declared examples of a template's placeholders, over sample values
/// of the target's.
pub fn examples(front: &FrontMatter) -> BTreeMap<String, String> {
    let mut v: BTreeMap<String, String> = TARGET_SAMPLES
        .iter()
        .map(|(k, s)| (k.to_string(), s.to_string()))
        .collect();
    v.extend(
        front
            .placeholders
            .iter()
            .filter_map(|(k, p)| p.example.clone().map(|e| (k.clone(), e))),
    );
    if !front.placeholders.contains_key("name") {
        let full = format!("{} {}", v["first_name"], v["last_name"]);
        v.insert("name".into(), full);
    }
    v
}

/// Lints a template's body filled with `values`, for the person they
/// describe; the `audience` rule is left out (a template is for anyone in
/// the audience). Spans are in the rendered text: [`Rendered::to_body`].
pub fn lint(
    linter: &Linter,
    front: &FrontMatter,
    body: &str,
    values: &BTreeMap<String, String>,
    platform: Platform,
    tier: Tier,
) -> (Rendered, Report) {
    let rendered = render(body, values);
    let target = example_target(front, values);
    let mut allow = front.allow.clone();
    allow.push(RuleId::Audience);
    let cx = Context {
        platform,
        tier,
        lang: front.lang,
        target: Some(&target),
        allow: &allow,
    };
    let report = linter.lint(&rendered.text, &cx);
    (rendered, report)
}

/// The target that `values` describe, over the template's own `[target]`.
pub fn example_target(front: &FrontMatter, values: &BTreeMap<String, String>) -> Target {
    let mut t = front.target.clone().unwrap_or_default();
    let get = |k: &str| values.get(k).cloned();
    if t.name.is_none() {
        t.name = get("name").or_else(|| {
            let parts: Vec<String> = ["first_name", "last_name"]
                .iter()
                .filter_map(|k| get(k))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
    }
    t.company = t.company.or_else(|| get("company"));
    t.headline = t.headline.or_else(|| get("headline"));
    t.region = t.region.or_else(|| get("region"));
    t.sector = t.sector.or_else(|| get("sector"));
    t
}

impl Template {
    /// Placeholders used in the body but neither declared nor the target's.
    pub fn undeclared(&self) -> Vec<String> {
        let mut out: Vec<String> = slots(&self.draft.body)
            .into_iter()
            .map(|s| s.name)
            .filter(|n| {
                !TARGET_PLACEHOLDERS.contains(&n.as_str())
                    && !self.draft.front.placeholders.contains_key(n)
            })
            .collect();
        out.dedup();
        out
    }
}

/// The shipped templates, embedded: (name, text).
pub const SHIPPED: [(&str, &str); 16] = [
    ("en/alumni", include_str!("../../../templates/en/alumni.md")),
    (
        "en/article",
        include_str!("../../../templates/en/article.md"),
    ),
    (
        "en/candidate",
        include_str!("../../../templates/en/candidate.md"),
    ),
    ("en/event", include_str!("../../../templates/en/event.md")),
    (
        "en/industry-peer",
        include_str!("../../../templates/en/industry-peer.md"),
    ),
    (
        "en/mutual-contact",
        include_str!("../../../templates/en/mutual-contact.md"),
    ),
    (
        "en/recruiter",
        include_str!("../../../templates/en/recruiter.md"),
    ),
    (
        "en/speaker",
        include_str!("../../../templates/en/speaker.md"),
    ),
    (
        "fr/ancien-eleve",
        include_str!("../../../templates/fr/ancien-eleve.md"),
    ),
    (
        "fr/article",
        include_str!("../../../templates/fr/article.md"),
    ),
    (
        "fr/candidature",
        include_str!("../../../templates/fr/candidature.md"),
    ),
    (
        "fr/conference",
        include_str!("../../../templates/fr/conference.md"),
    ),
    (
        "fr/contact-commun",
        include_str!("../../../templates/fr/contact-commun.md"),
    ),
    (
        "fr/evenement",
        include_str!("../../../templates/fr/evenement.md"),
    ),
    (
        "fr/meme-secteur",
        include_str!("../../../templates/fr/meme-secteur.md"),
    ),
    (
        "fr/recruteur",
        include_str!("../../../templates/fr/recruteur.md"),
    ),
];

/// A template file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub error: crate::input::FileError,
}

impl Localize for LoadError {
    /// `path:line:column: what`.
    fn message(&self) -> Localized {
        let what = self.error.message();
        let at = match self.error.position() {
            Some((line, column)) => format!("{}:{line}:{column}", self.path),
            None => self.path.clone(),
        };
        Localized::new(format!("{at}: {}", what.fr), format!("{at}: {}", what.en))
    }
}

/// The shipped templates and the user's, by name.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub templates: Vec<Template>,
}

impl Library {
    /// The shipped library alone.
    pub fn shipped() -> Library {
        let templates = SHIPPED
            .iter()
            .filter_map(|(name, text)| {
                Some(Template {
                    name: name.to_string(),
                    origin: Origin::Shipped,
                    source: text.to_string(),
                    draft: Draft::parse(text).ok()?,
                })
            })
            .collect();
        Library { templates }
    }

    /// The shipped library with the user's folder beside it (overriding by
    /// name). Files that do not read or parse are returned as errors; the
    /// others still load.
    pub fn load(user_dir: Option<&Path>) -> (Library, Vec<LoadError>) {
        let mut lib = Library::shipped();
        let mut errors = Vec::new();
        let Some(dir) = user_dir.filter(|d| d.exists()) else {
            return (lib, errors);
        };
        if !dir.is_dir() {
            errors.push(LoadError {
                path: dir.display().to_string(),
                error: crate::input::FileError::Read(crate::input::ReadError::NotAFolder),
            });
            return (lib, errors);
        }
        for input in crate::walk::inputs(&[dir.to_path_buf()]) {
            let crate::walk::Input::File(path) = input else {
                continue;
            };
            let shown = path.display().to_string();
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            let source = match crate::input::read_text(&path, crate::input::MAX_BYTES) {
                Ok(s) => s,
                Err(e) => {
                    errors.push(LoadError {
                        path: shown,
                        error: match e {
                            crate::input::InputError::Read(e) => crate::input::FileError::Read(e),
                            crate::input::InputError::Decode(e) => {
                                crate::input::FileError::Decode(e)
                            }
                        },
                    });
                    continue;
                }
            };
            match Draft::parse(&source) {
                Ok(draft) => {
                    let template = |origin| Template {
                        name: name.clone(),
                        origin,
                        source: source.clone(),
                        draft: draft.clone(),
                    };
                    match lib.templates.iter_mut().find(|t| t.name == name) {
                        Some(t) => *t = template(Origin::Override(path.clone())),
                        None => lib.templates.push(template(Origin::User(path.clone()))),
                    }
                }
                Err(at) => errors.push(LoadError {
                    path: shown,
                    error: crate::input::FileError::FrontMatter(at),
                }),
            }
        }
        lib.templates.sort_by(|a, b| a.name.cmp(&b.name));
        (lib, errors)
    }

    /// A template by its name (`fr/evenement`), or by its last part
    /// (`evenement`) when only one has it.
    pub fn find(&self, name: &str) -> Option<&Template> {
        let name = name.trim().trim_end_matches(".md");
        self.templates.iter().find(|t| t.name == name).or_else(|| {
            let mut by_stem = self
                .templates
                .iter()
                .filter(|t| t.name.rsplit('/').next() == Some(name));
            match (by_stem.next(), by_stem.next()) {
                (Some(t), None) => Some(t),
                _ => None,
            }
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.templates.iter().map(|t| t.name.as_str())
    }
}

/// The scaffold `templates new` writes.
pub fn scaffold(name: &str, lang: Lang) -> String {
    let stem = name.rsplit('/').next().unwrap_or(name);
    match lang {
        Lang::Fr => format!(
            r#"+++
name = "{stem}"
description = "Ce que ce modèle sert à faire, en une ligne"
lang = "fr"

[placeholders.event]
description = "Où vous vous êtes croisés"
example = "le salon VivaTech"

[placeholders.topic]
description = "Le sujet dont vous avez parlé, précis"
example = "la logistique urbaine"
+++
Bonjour {{{{first_name}}}}, nous nous sommes croisés à {{{{event}}}}. Votre regard sur {{{{topic}}}} m’a intéressé : pouvons-nous en reparler ? Merci !
"#
        ),
        Lang::En => format!(
            r#"+++
name = "{stem}"
description = "What this template is for, in one line"
lang = "en"

[placeholders.event]
description = "Where you met"
example = "the Web Summit"

[placeholders.topic]
description = "What you talked about, precisely"
example = "urban logistics"
+++
Hi {{{{first_name}}}}, we met at {{{{event}}}}. Your take on {{{{topic}}}} stayed with me: could we talk more about it? Thank you!
"#
        ),
    }
}

/// A file name for a person's draft: `claire-martin.md`, ASCII, lowercase.
pub fn slug(name: &str) -> String {
    let folded = crate::text::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    if out.is_empty() {
        "brouillon".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn slots_fallbacks_and_malformed() {
        let s = slots("Hi {{ first_name }}, {{event|the fair}} {{Bad}} {{ {{x}} {{");
        let names: Vec<(&str, Option<&str>)> = s
            .iter()
            .map(|s| (s.name.as_str(), s.fallback.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("first_name", None),
                ("event", Some("the fair")),
                ("x", None)
            ]
        );
    }

    #[test]
    fn render_fills_falls_back_and_leaves_the_missing() {
        let r = render(
            "Bonjour {{first_name|à vous}}, vu à {{event}} : {{topic}}.",
            &values(&[("event", "VivaTech"), ("first_name", "")]),
        );
        assert_eq!(r.text, "Bonjour à vous, vu à VivaTech : {{topic}}.");
        assert_eq!(r.missing, ["topic"]);
        assert_eq!(r.used, values(&[("event", "VivaTech")]));
    }

    #[test]
    fn spans_map_back_to_the_body() {
        let body = "Hi {{first_name}}, our offer at {{event}} is free.";
        let r = render(
            body,
            &values(&[("first_name", "Claire"), ("event", "VivaTech 2026")]),
        );
        let free = r.text.find("free").unwrap_or(0);
        let back = r.to_body(&(free..free + 4));
        assert_eq!(&body[back], "free");
        let v = r.text.find("Tech").unwrap_or(0);
        let back = r.to_body(&(v..v + 4));
        assert_eq!(&body[back], "{{event}}");
        let back = r.to_body(&(0..2));
        assert_eq!(&body[back], "Hi");
    }

    #[test]
    fn target_values_split_the_name() {
        let t = Target {
            name: Some("Claire de La Tour".into()),
            company: Some("Acme".into()),
            ..Target::default()
        };
        let v = target_values(&t);
        assert_eq!(v["first_name"], "Claire");
        assert_eq!(v["last_name"], "de La Tour");
        assert_eq!(v["company"], "Acme");
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Inès Haddad"), "ines-haddad");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  "), "brouillon");
        assert_eq!(slug("Zoé  O'Brien-Smith"), "zoe-o-brien-smith");
    }

    #[test]
    fn every_shipped_template_scores_clean_with_its_examples() {
        let linter = Linter::default();
        let lib = Library::shipped();
        let mut dirty = Vec::new();
        for t in &lib.templates {
            assert!(
                t.lang().is_some() && !t.description().is_empty() && t.draft.front.name.is_some(),
                "{}: name, description and lang are required",
                t.name
            );
            assert!(
                t.undeclared().is_empty(),
                "{}: {:?}",
                t.name,
                t.undeclared()
            );
            assert!(
                t.draft
                    .front
                    .placeholders
                    .values()
                    .all(|p| p.description.is_some() && p.example.is_some()),
                "{}: every placeholder needs a description and an example",
                t.name
            );
            let values = t.values(None, &BTreeMap::new());
            let (rendered, report) = t.lint(&linter, &values, Platform::Linkedin, Tier::Free);
            if report.score.value != 100 || !rendered.missing.is_empty() {
                let rules: Vec<String> = report
                    .diagnostics
                    .iter()
                    .map(|d| format!("{} {}", d.rule, d.message.en))
                    .collect();
                dirty.push(format!(
                    "{} ({}): {rules:?}\n  {}",
                    t.name, report.score.value, rendered.text
                ));
            }
        }
        assert!(dirty.is_empty(), "\n{}", dirty.join("\n"));
        // Both languages, and each scenario different from the others.
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(
                lib.templates
                    .iter()
                    .filter(|t| t.lang() == Some(lang))
                    .count(),
                8
            );
        }
    }

    #[test]
    fn every_file_in_templates_is_shipped() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
        let mut on_disk: Vec<String> = crate::walk::inputs(std::slice::from_ref(&root))
            .filter_map(|i| match i {
                crate::walk::Input::File(p) => p
                    .strip_prefix(&root)
                    .ok()
                    .map(|p| p.with_extension("").to_string_lossy().replace('\\', "/")),
                _ => None,
            })
            .collect();
        on_disk.sort();
        let shipped: Vec<&str> = SHIPPED.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, shipped);
    }

    #[test]
    fn find_by_name_or_stem() {
        let lib = Library::shipped();
        assert_eq!(lib.templates.len(), SHIPPED.len());
        assert_eq!(
            lib.find("fr/evenement").map(|t| t.name.as_str()),
            Some("fr/evenement")
        );
        assert_eq!(
            lib.find("evenement").map(|t| t.name.as_str()),
            Some("fr/evenement")
        );
        // `article` is in both languages: the full name is needed.
        assert!(lib.find("article").is_none());
    }
}
