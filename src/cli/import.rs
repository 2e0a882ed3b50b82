//! `poignee import linkedin`: what the import did, said. The work is in
//! the library ([`poignee::import`]).

use super::report::{self, json_safe, out};
use poignee::draft::Status;
use poignee::import::{Event, Summary};
use poignee::lang::{Lang, Localized};
use poignee::text::terminal_line;
use serde_json::json;
use std::path::Path;

/// How many lines of one kind are shown before « … and N more ».
const SHOWN: usize = 20;

fn shown(path: &Path) -> String {
    terminal_line(&path.display().to_string()).into_owned()
}

fn name(who: &str) -> String {
    terminal_line(who).into_owned()
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// The problems (rows left out, files missing), on standard error.
pub fn problems(lang: Lang, summary: &Summary) {
    let mut by_file: std::collections::HashMap<&str, usize> = Default::default();
    for p in &summary.problems {
        let n = by_file.entry(p.file).or_default();
        *n += 1;
        if *n > SHOWN {
            continue;
        }
        let message = p.message.get(lang);
        let place = if p.line > 0 {
            format!("{}:{}: ", p.file, p.line)
        } else if message.starts_with(p.file) {
            // The message names its file already (« Invitations.csv : … »).
            String::new()
        } else {
            format!("{}{} ", p.file, lang.colon())
        };
        report::warn(lang, &format!("{place}{message}"));
    }
    for (file, n) in by_file {
        if n > SHOWN {
            let more = n - SHOWN;
            report::warn(
                lang,
                &format!(
                    "{file}{} {}",
                    lang.colon(),
                    Localized::new(
                        format!(
                            "et {more} autre{} ligne{} ignorée{} (--format json les donne toutes)",
                            plural(more),
                            plural(more),
                            plural(more)
                        ),
                        format!(
                            "and {more} more row{} left out (--format json lists them all)",
                            if more == 1 { "" } else { "s" }
                        ),
                    )
                    .get(lang)
                ),
            );
        }
    }
    for t in &summary.missing {
        use poignee::import::export::Table;
        let why = match t {
            Table::Invitations => Localized::new(
                "absent de l’export : pas d’invitation envoyée à importer (une mise à jour des acceptations reste possible)",
                "not in the export: no sent invitation to import (acceptances can still be updated)",
            ),
            Table::Connections => Localized::new(
                "absent de l’export : personne n’est connu comme ayant accepté ; tout reste « envoyé »",
                "not in the export: nobody is known to have accepted; everything stays “sent”",
            ),
            Table::Messages => Localized::new(
                "absent de l’export : les notes d’invitations acceptées qu’il aurait rendues ne sont pas cherchées",
                "not in the export: the notes of accepted invitations it would have given back are not looked for",
            ),
            // Only a help to read the messages.
            Table::Profile => continue,
        };
        report::note(
            lang,
            &format!("{}{} {}", t.file_name(), lang.colon(), why.get(lang)),
        );
    }
}

fn status_word(lang: Lang, s: Option<Status>) -> String {
    s.map_or_else(
        || {
            Localized::new("sans statut", "no status")
                .get(lang)
                .into_owned()
        },
        |s| s.word().get(lang).into_owned(),
    )
}

/// What a person reads.
pub fn human(lang: Lang, summary: &Summary) -> Vec<String> {
    let l = |fr: String, en: String| Localized::new(fr, en).get(lang).into_owned();
    let colon = lang.colon();
    let mut lines = Vec::new();
    let dry = summary.dry_run;
    let mut written = 0;
    let mut uncertain = 0;
    for e in &summary.events {
        match e {
            Event::Written {
                path,
                who,
                status,
                sent_on,
                accepted_on,
                ..
            } => {
                written += 1;
                if written > SHOWN {
                    continue;
                }
                let what = match accepted_on {
                    Some(a) => l(
                        format!("envoyée le {sent_on}, acceptée le {a}"),
                        format!("sent on {sent_on}, accepted on {a}"),
                    ),
                    None => l(format!("envoyée le {sent_on}"), format!("sent on {sent_on}")),
                };
                let sign = if *status == Status::Accepted { "★" } else { "→" };
                lines.push(format!("  + {} ({}){colon} {sign} {what}", shown(path), name(who)));
            }
            Event::Accepted { path, who, on } => lines.push(format!(
                "  ★ {} ({}){colon} {}",
                shown(path),
                name(who),
                l(
                    format!("envoyée → acceptée le {on}"),
                    format!("sent → accepted on {on}"),
                )
            )),
            Event::Kept {
                path,
                who,
                status,
                connected_on,
            } => lines.push(format!(
                "  = {} ({}){colon} {}",
                shown(path),
                name(who),
                l(
                    format!(
                        "marquée « {} » par vous : gardée (l’export dit connecté le {connected_on})",
                        status_word(Lang::Fr, *status)
                    ),
                    format!(
                        "marked “{}” by you: kept (the export says connected on {connected_on})",
                        status_word(Lang::En, *status)
                    ),
                )
            )),
            Event::Uncertain { who, sent_on, why } => {
                uncertain += 1;
                if uncertain > SHOWN {
                    continue;
                }
                lines.push(format!(
                    "  ? {} ({}){colon} {}",
                    name(who),
                    sent_on,
                    why.get(lang)
                ));
            }
            Event::Deleted { path, who } => lines.push(format!(
                "  - {} ({}){colon} {}",
                shown(path),
                name(who),
                l(
                    "supprimé depuis l’import précédent : pas réécrit".into(),
                    "deleted since the last import: not written again".into()
                )
            )),
            Event::Failed { who, message } => {
                report::fail(lang, &format!("{}{colon} {}", name(who), message.get(lang)));
            }
        }
    }
    for (n, fr, en) in [
        (written, "brouillon", "draft"),
        (uncertain, "invitation incertaine", "uncertain invitation"),
    ] {
        if n > SHOWN {
            let more = n - SHOWN;
            let m = lang.count(more);
            lines.push(l(
                format!(
                    "  … et {m} autre{} {fr}{} (--format json les donne tous)",
                    plural(more),
                    plural(more)
                ),
                format!(
                    "  … and {m} more {en}{} (--format json lists them all)",
                    if more == 1 { "" } else { "s" }
                ),
            ));
        }
    }
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let n = &summary.notes;
    let o = &summary.no_notes;
    let total = n.seen + o.seen;
    // 35 000 in French, 35,000 in English.
    let c = |n: usize| lang.count(n);
    lines.push(l(
        format!(
            "{} invitation{} envoyée{} dans l’export : {} avec une note, {} sans",
            c(total),
            plural(total),
            plural(total),
            c(n.seen),
            c(o.seen)
        ),
        format!(
            "{} invitation{} sent in the export: {} with a note, {} without",
            c(total),
            if total == 1 { "" } else { "s" },
            c(n.seen),
            c(o.seen)
        ),
    ));
    let out_dir = shown(&summary.out);
    let (would_fr, would_en) = if dry {
        ("à écrire", "to write")
    } else {
        ("écrit", "written")
    };
    lines.push(format!(
        "{}{}",
        l(
            format!(
                "  avec une note : {} nouveau{} brouillon{} {would_fr}{}, {} désormais acceptée{}, {} inchangée{} — dans ",
                c(n.new),
                if n.new > 1 { "x" } else { "" },
                plural(n.new),
                if dry { "" } else { plural(n.new) },
                c(n.now_accepted),
                plural(n.now_accepted),
                c(n.unchanged),
                plural(n.unchanged)
            ),
            format!(
                "  with a note: {} new draft{} {would_en}, {} now accepted, {} unchanged — in ",
                c(n.new),
                if n.new == 1 { "" } else { "s" },
                c(n.now_accepted),
                c(n.unchanged)
            ),
        ),
        out_dir
    ));
    lines.push(l(
        format!(
            "  sans note : {} comptée{} pour `stats`, pas écrite{} en brouillon ({} nouvelle{}, {} désormais acceptée{})",
            c(o.seen),
            plural(o.seen),
            plural(o.seen),
            c(o.new),
            plural(o.new),
            c(o.now_accepted),
            plural(o.now_accepted)
        ),
        format!(
            "  without a note: {} counted for `stats`, not written as drafts ({} new, {} now accepted)",
            c(o.seen),
            c(o.new),
            c(o.now_accepted)
        ),
    ));
    if summary.from_messages > 0 {
        let m = summary.from_messages;
        lines.push(l(
            format!(
                "  {m} note{} d’invitation{} acceptée{} retrouvée{} dans messages.csv (seules les acceptées y reviennent : elles tirent le taux vers le haut)",
                plural(m), plural(m), plural(m), plural(m)
            ),
            format!(
                "  {m} note{} of accepted invitations found in messages.csv (only accepted ones come back there: they pull the rate up)",
                if m == 1 { "" } else { "s" }
            ),
        ));
    }
    if summary.own > 0 {
        let m = summary.own;
        lines.push(l(
            format!("  {m} déjà parmi vos brouillons (la même personne, envoyée le même jour) : pas réécrite{}", plural(m)),
            format!("  {m} already among your drafts (the same person, sent the same day): not written again"),
        ));
    }
    if summary.duplicates > 0 {
        let m = summary.duplicates;
        lines.push(l(
            format!("  {m} en double dans l’export (la même personne, le même jour) : comptée{} une fois", plural(m)),
            format!("  {m} twice in the export (the same person, the same day): counted once"),
        ));
    }
    if summary.incoming > 0 {
        let m = summary.incoming;
        lines.push(l(
            format!(
                "  {m} invitation{} reçue{} : laissée{} de côté (ce ne sont pas vos notes)",
                plural(m),
                plural(m),
                plural(m)
            ),
            format!(
                "  {m} invitation{} received: not yours, left aside",
                if m == 1 { "" } else { "s" }
            ),
        ));
    }
    let changed = n.new + n.now_accepted + o.new + o.now_accepted;
    if dry {
        lines.push(l(
            "--dry-run : rien n’est écrit".into(),
            "--dry-run: nothing written".into(),
        ));
    } else if changed == 0 {
        lines.push(l(
            "rien de nouveau : aucun fichier écrit".into(),
            "nothing new: no file written".into(),
        ));
    }
    lines
}

fn counts(c: &poignee::import::Counts) -> serde_json::Value {
    json!({
        "seen": c.seen,
        "accepted": c.accepted,
        "new": c.new,
        "now_accepted": c.now_accepted,
        "unchanged": c.unchanged,
    })
}

/// One JSON document.
pub fn json(lang: Lang, export: &Path, summary: &Summary) -> String {
    let events: Vec<serde_json::Value> = summary
        .events
        .iter()
        .map(|e| match e {
            Event::Written {
                path,
                who,
                status,
                sent_on,
                accepted_on,
                source,
            } => json!({
                "kind": "written", "path": path, "who": who, "status": status.name(),
                "sent_on": sent_on.to_string(),
                "accepted_on": accepted_on.map(|d| d.to_string()),
                "source": source.name(),
            }),
            Event::Accepted { path, who, on } => json!({
                "kind": "accepted", "path": path, "who": who, "accepted_on": on.to_string(),
            }),
            Event::Kept {
                path,
                who,
                status,
                connected_on,
            } => json!({
                "kind": "kept", "path": path, "who": who,
                "status": status.map(Status::name),
                "connected_on": connected_on.to_string(),
            }),
            Event::Uncertain { who, sent_on, why } => json!({
                "kind": "uncertain", "who": who, "sent_on": sent_on.to_string(),
                "message": why.get(lang),
            }),
            Event::Deleted { path, who } => json!({
                "kind": "deleted", "path": path, "who": who,
            }),
            Event::Failed { who, message } => json!({
                "kind": "failed", "who": who, "message": message.get(lang),
            }),
        })
        .collect();
    let problems: Vec<serde_json::Value> = summary
        .problems
        .iter()
        .map(|p| {
            json!({
                "file": p.file,
                "line": (p.line > 0).then_some(p.line),
                "message": p.message.get(lang),
            })
        })
        .collect();
    let names = |ts: &[poignee::import::export::Table]| -> Vec<&str> {
        ts.iter().map(|t| t.file_name()).collect()
    };
    let mut notes = counts(&summary.notes);
    if let Some(o) = notes.as_object_mut() {
        o.insert("from_messages".into(), json!(summary.from_messages));
        o.insert("already_drafts".into(), json!(summary.own));
    }
    json_safe(
        json!({
            "version": 1,
            "export": export,
            "out": summary.out,
            "dry_run": summary.dry_run,
            "read": names(&summary.read),
            "missing": names(&summary.missing),
            "notes": notes,
            "no_notes": counts(&summary.no_notes),
            "incoming": summary.incoming,
            "duplicates": summary.duplicates,
            "events": events,
            "problems": problems,
        })
        .to_string(),
    )
}

/// Says it all; `true` when something was left out or not written.
pub fn say(lang: Lang, export: &Path, summary: &Summary, as_json: bool) -> bool {
    problems(lang, summary);
    if as_json {
        out(&json(lang, export, summary));
    } else {
        for line in human(lang, summary) {
            out(&line);
        }
    }
    let failed = summary
        .events
        .iter()
        .any(|e| matches!(e, Event::Failed { .. }));
    failed || !summary.problems.is_empty()
}
