//! `poignee check`, `poignee rules` and `poignee explain`: notes checked
//! against the rules, and the rules listed and explained.

use super::args::CheckArgs;
use super::{EXIT_FINDINGS, EXIT_USAGE, linter_or_fail, report, saved_drafts_dir, today};
use poignee::RuleId;
use poignee::batch::{self, Options};
use poignee::config::Config;
use poignee::drafts;
use poignee::lang::{Lang, Localized};
use poignee::located::did_you_mean;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn check(
    lang: Lang,
    config: &Config,
    config_path: Option<PathBuf>,
    args: CheckArgs,
) -> ExitCode {
    let Some(linter) = linter_or_fail(lang, config, config_path) else {
        return ExitCode::from(EXIT_USAGE);
    };
    let options = Options {
        platform: args.platform,
        tier: args.tier,
        default_platform: config.platform,
        default_tier: config.tier,
        cross: [RuleId::RepeatedText, RuleId::Pace]
            .iter()
            .any(|&r| linter.severity(r).is_some()),
        today: Some(today()),
    };
    let inputs = batch::inputs(&args.paths);
    let mut reporter = report::to_stdout(args.format, lang);
    let mut records = Vec::new();
    batch::check(&linter, &options, inputs, |mut checked| {
        records.extend(checked.record.take());
        reporter.file(&checked);
    });
    if options.cross {
        let saved = saved_drafts_dir(lang, config)
            .filter(|_| !args.no_saved)
            .map(drafts::Folder::new);
        let now = jiff::Timestamp::now();
        let settings = config.cross_settings();
        let findings = drafts::findings_across(
            &mut records,
            saved.as_ref(),
            &options,
            &linter,
            &settings,
            now,
        );
        reporter.cross(&findings, &records);
    }
    let summary = reporter.finish();
    if summary.files == 0 {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        let shown = shown.join(", ");
        report::warn(
            lang,
            &Localized::new(
                format!("aucune note dans {shown} : poignee vérifie les fichiers .txt et .md"),
                format!("no notes in {shown}: poignee checks .txt and .md files"),
            )
            .get(lang),
        );
    }
    let failed =
        summary.errors > 0 || summary.unreadable > 0 || (args.strict && summary.warnings > 0);
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

pub(super) fn rules(lang: Lang, config: &Config, config_path: Option<PathBuf>) -> ExitCode {
    match linter_or_fail(lang, config, config_path) {
        Some(linter) => {
            report::rules(lang, &linter);
            ExitCode::SUCCESS
        }
        None => ExitCode::from(EXIT_USAGE),
    }
}

pub(super) fn explain(lang: Lang, rule: &str) -> ExitCode {
    match RuleId::parse(rule) {
        Some(id) => {
            report::explain(lang, id);
            ExitCode::SUCCESS
        }
        None => {
            let hint = did_you_mean(rule, RuleId::ALL.iter().map(|r| r.as_str()));
            let msg = match (lang, hint) {
                (Lang::Fr, Some(h)) => {
                    format!("règle inconnue « {rule} » : vouliez-vous dire « {h} » ?")
                }
                (Lang::Fr, None) => {
                    format!("règle inconnue « {rule} » : `poignee rules` les liste toutes")
                }
                (Lang::En, Some(h)) => format!("unknown rule `{rule}`: did you mean `{h}`?"),
                (Lang::En, None) => {
                    format!("unknown rule `{rule}`: `poignee rules` lists them all")
                }
            };
            report::fail(lang, &msg);
            ExitCode::from(EXIT_USAGE)
        }
    }
}
