//! `poignee audience`: how the filter reads one person's region and sector,
//! to debug a filter.

use super::report::{BOLD, DIM, ERROR, GOOD, WARNING, json_safe, out};
use poignee::audience::{Audience, Decision, Field, Verdict};
use poignee::lang::{Lang, Localized, Text, french_spacing};
use poignee::target::Target;
use poignee::text::terminal_line;
use serde_json::json;

pub fn explain(lang: Lang, audience: &Audience, target: &Target, json: bool) -> Verdict {
    let verdict = audience.verdict(Some(target));
    let values = [
        (Field::Region, &target.region),
        (Field::Sector, &target.sector),
    ];
    if json {
        let fields: Vec<serde_json::Value> = values
            .iter()
            .map(|(field, value)| {
                let decided = verdict.fields.iter().find(|f| f.field == *field);
                json!({
                    "field": field,
                    "value": value,
                    "read_as": value.as_deref().map(|v| audience.describe(*field, v).get(lang).into_owned()),
                    "decision": decided.map(|f| f.decision),
                    "why": decided.map(|f| f.why.get(lang).into_owned()),
                })
            })
            .collect();
        out(&json_safe(
            json!({
                "version": 1,
                "decision": verdict.decision,
                "why": verdict.why().get(lang),
                "fields": fields,
            })
            .to_string(),
        ));
        return verdict;
    }
    let t = |t: Text| t.get(lang).into_owned();
    // What is said back may quote the user's values: shown safely.
    let l = |l: &Localized| terminal_line(&french_spacing(l.get(lang).as_ref())).into_owned();
    if audience.is_empty() {
        out(&t(Text::new(
            "Aucun filtre de cible dans la configuration ([audience]) : toute personne convient.",
            "No audience filter in the config ([audience]): every person is in.",
        )));
    } else {
        out(&format!(
            "{BOLD}{}{BOLD:#}",
            t(Text::new("Votre cible", "Your audience"))
        ));
        for (field, excluded, shown, how) in audience.entries() {
            let list = match (field, excluded, lang) {
                (Field::Region, false, Lang::Fr) => "régions",
                (Field::Region, true, Lang::Fr) => "régions exclues",
                (Field::Sector, false, Lang::Fr) => "secteurs",
                (Field::Sector, true, Lang::Fr) => "secteurs exclus",
                (Field::Region, false, Lang::En) => "regions",
                (Field::Region, true, Lang::En) => "excluded regions",
                (Field::Sector, false, Lang::En) => "sectors",
                (Field::Sector, true, Lang::En) => "excluded sectors",
            };
            let how = l(&how);
            let shown = terminal_line(&shown);
            if how == shown {
                out(&format!("  {DIM}{list:<17}{DIM:#} {shown}"));
            } else {
                out(&format!(
                    "  {DIM}{list:<17}{DIM:#} {shown}  {DIM}= {how}{DIM:#}"
                ));
            }
        }
    }
    for (field, value) in values {
        let name = match (field, lang) {
            (Field::Region, Lang::Fr) => "Région",
            (Field::Region, Lang::En) => "Region",
            (Field::Sector, Lang::Fr) => "Secteur",
            (Field::Sector, Lang::En) => "Sector",
        };
        out("");
        let Some(value) = value.as_deref() else {
            out(&format!(
                "{BOLD}{name}{BOLD:#} {}",
                t(Text::new("non renseigné(e)", "not given"))
            ));
            continue;
        };
        out(&format!("{BOLD}{name}{BOLD:#} {}", quoted(lang, value)));
        out(&format!(
            "  {DIM}{:<10}{DIM:#} {}",
            t(Text::new("lu comme", "read as")),
            l(&audience.describe(field, value))
        ));
        if let Some(f) = verdict.fields.iter().find(|f| f.field == field) {
            out(&format!(
                "  {DIM}{:<10}{DIM:#} {}",
                t(Text::new("verdict", "verdict")),
                decision_line(lang, f.decision, &l(&f.why))
            ));
        }
        // A name it does not know: the closest ones it does.
        if let Some(close) = poignee::audience::names::did_you_mean(field, value) {
            out(&format!("  {:<10} → {}", "", l(&close)));
        }
    }
    out("");
    let summary = match verdict.decision {
        Decision::In => Text::new(
            "la personne est dans votre cible",
            "the person is in your audience",
        )
        .get(lang)
        .into_owned(),
        _ => l(&verdict.why()),
    };
    out(&decision_line(lang, verdict.decision, &summary));
    verdict
}

fn quoted(lang: Lang, s: &str) -> String {
    let s = terminal_line(s);
    match lang {
        Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
        Lang::En => format!("“{s}”"),
    }
}

fn decision_line(lang: Lang, d: Decision, why: &str) -> String {
    let (style, word) = match d {
        Decision::In => (GOOD, Text::new("✓ dans la cible", "✓ in")),
        Decision::Out => (ERROR, Text::new("✖ hors cible", "✖ out")),
        Decision::Unknown => (WARNING, Text::new("? indécis", "? unknown")),
    };
    format!("{style}{}{style:#}{} {why}", word.get(lang), lang.colon())
}

/// `poignee audience --list regions|sectors [TEXT]`: the names matching
/// TEXT, best first (50 at most; every name without TEXT), each with where
/// it sits. Nothing matching is an answer, not a finding: said on standard
/// error as a note (with the closest name), standard output left empty,
/// exit 0.
pub fn list(lang: Lang, field: Field, text: &str) -> std::process::ExitCode {
    let names = poignee::audience::names::names(field);
    let n = if text.trim().is_empty() {
        names.len()
    } else {
        50
    };
    let found = names.matching(text, lang, n);
    let tree = field.tree();
    for name in &found {
        let path = tree.path(name.id);
        let path = path.get(lang);
        let label = terminal_line(&name.label);
        if path.as_ref() == name.label {
            out(&label);
        } else {
            out(&format!("{label}  {DIM}{}{DIM:#}", terminal_line(&path)));
        }
    }
    if found.is_empty() {
        let mut msg = Localized::new(
            format!("aucun nom ne correspond à « {text} »"),
            format!("no name matches “{text}”"),
        );
        if let Some(close) = poignee::audience::names::did_you_mean(field, text) {
            msg.fr.push_str(&format!(" : {}", close.fr));
            msg.en.push_str(&format!(": {}", close.en));
        }
        super::report::note(lang, &msg.get(lang));
    }
    std::process::ExitCode::SUCCESS
}
