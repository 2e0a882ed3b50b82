//! Drafts for a short list of people (`poignee draft --people`): one
//! template filled for each person, checked against the audience, written
//! to a folder unless the same note is already there, linted as written,
//! then compared across drafts. What happened comes back as values, a row
//! a person; the CLI says them and picks its exit code.

use super::{Folder, NewDraft, findings_across, same_note};
use crate::audience::{Decision, Verdict};
use crate::batch::Options;
use crate::crossdraft::{Record, Settings};
use crate::diagnostic::RuleId;
use crate::draft::{Draft, Status};
use crate::fsutil::FreeNames;
use crate::lang::{Localize, Localized};
use crate::lint::{Context, Linter, Report, Severity};
use crate::people::Person;
use crate::target::{Platform, Tier};
use crate::template::{self, Rendered, Template};
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// What a run asks for.
#[derive(Debug, Clone, Copy)]
pub struct PeopleJob<'a> {
    pub template: &'a Template,
    /// Values for every person (`--set`); the row's own columns, then the
    /// person's name, company and the like, go over them.
    pub given: &'a BTreeMap<String, String>,
    /// Where the drafts are written.
    pub folder: &'a Folder,
    pub platform: Platform,
    pub tier: Tier,
    /// The saved drafts the new ones are compared with, if any.
    pub saved: Option<&'a Folder>,
    pub settings: Settings,
    /// When the drafts are created, and the pace is counted.
    pub now: Timestamp,
}

/// What became of the people of a list, in its order.
#[derive(Debug)]
pub struct PeopleRun {
    pub rows: Vec<Row>,
    pub totals: Totals,
}

/// One person of the list.
#[derive(Debug)]
pub struct Row {
    /// The row's line in the file.
    pub line: usize,
    /// The name as the list gives it (empty when it gives none).
    pub who: String,
    pub outcome: Outcome,
}

/// What became of one person.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing written, for a reason of the list's or the audience's.
    Skipped(Skip),
    /// Already in the folder, the same note for the same person: not
    /// written again.
    Same(PathBuf),
    Written(Box<Written>),
    /// Not written: the draft would not read back as written, or the disk
    /// said no; `full` when the disk is full, which stops the run.
    Failed {
        /// Where it would have gone.
        path: PathBuf,
        error: Localized,
        full: bool,
    },
}

/// Why a person got no draft.
#[derive(Debug)]
pub enum Skip {
    NoName,
    /// Out of the audience the config describes.
    Out(Verdict),
    /// The template has placeholders neither the row nor `--set` fills.
    Missing(Rendered),
}

/// A draft written for a person.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    /// The note linted as written.
    pub report: Report,
    /// Why the audience filter could not tell, when it could not.
    pub unsure: Option<Localized>,
    /// The findings across drafts on this one (`repeated-text`, `pace`).
    pub cross: Vec<Across>,
}

/// A finding across drafts, with its text (the other files named).
#[derive(Debug, Clone, PartialEq)]
pub struct Across {
    pub rule: RuleId,
    pub text: Localized,
}

/// The counts a run ends on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub written: usize,
    /// Rows skipped or not written.
    pub skipped: usize,
    /// Drafts written with errors.
    pub with_errors: usize,
    /// Already there.
    pub same: usize,
    /// The disk filled up: the run stopped with this many rows not done.
    pub full: Option<usize>,
}

impl Outcome {
    /// Why nothing was written, for a row skipped or failed.
    pub fn reason(&self) -> Option<Localized> {
        match self {
            Outcome::Skipped(skip) => Some(skip.message()),
            Outcome::Failed { path, error, .. } => Some(Localized::new(
                format!("non écrit ({}) : {}", path.display(), error.fr),
                format!("not written ({}): {}", path.display(), error.en),
            )),
            Outcome::Same(_) | Outcome::Written(_) => None,
        }
    }
}

impl Skip {
    pub fn message(&self) -> Localized {
        match self {
            Skip::NoName => Localized::new("pas de nom", "no name"),
            Skip::Out(verdict) => {
                let why = verdict.why();
                Localized::new(
                    format!("hors cible : {}", why.fr),
                    format!("out of your audience: {}", why.en),
                )
            }
            Skip::Missing(rendered) => {
                let names = rendered.missing_list();
                let cols = rendered.missing.join(", ");
                let first = rendered.missing.first().map_or("", String::as_str);
                Localized::new(
                    format!(
                        "pas de valeur pour {names} : ajoutez la colonne « {cols} » ou --set {first}=…"
                    ),
                    format!("no value for {names}: add a `{cols}` column or --set {first}=…"),
                )
            }
        }
    }
}

/// Writes `job`'s template for each of `people`, in order, and compares the
/// drafts written with each other and the saved ones. A full disk stops it
/// after the row it failed on. The caller holds the folder
/// ([`crate::fsutil::Lock::folder`]): two runs of one list at once would
/// each miss the other's drafts and write every person twice.
pub fn for_people(job: &PeopleJob, people: &[Person], linter: &Linter) -> PeopleRun {
    let mut run = Run {
        job,
        linter,
        names: FreeNames::default(),
        existing: job.folder.index(),
        records: Vec::new(),
    };
    let mut rows = Vec::new();
    for person in people {
        let outcome = run.person(person);
        let full = matches!(outcome, Outcome::Failed { full: true, .. });
        rows.push(Row {
            line: person.line,
            who: person.target.name.clone().unwrap_or_default(),
            outcome,
        });
        if full {
            break;
        }
    }
    let options = Options {
        default_platform: job.platform,
        default_tier: job.tier,
        ..Options::default()
    };
    let mut records = run.records;
    let findings = findings_across(
        &mut records,
        job.saved,
        &options,
        linter,
        &job.settings,
        job.now,
    );
    // The records checked are the drafts written, in the order of their rows.
    let mut written: Vec<&mut Written> = rows
        .iter_mut()
        .filter_map(|r| match &mut r.outcome {
            Outcome::Written(w) => Some(&mut **w),
            _ => None,
        })
        .collect();
    for f in findings {
        if let Some(w) = written.get_mut(f.record) {
            w.cross.push(Across {
                rule: f.rule,
                text: f.text(&records),
            });
        }
    }
    let totals = totals(&rows, people.len());
    PeopleRun { rows, totals }
}

fn totals(rows: &[Row], people: usize) -> Totals {
    let mut t = Totals::default();
    for row in rows {
        match &row.outcome {
            Outcome::Written(w) => {
                t.written += 1;
                if w.report.count(Severity::Error) > 0 {
                    t.with_errors += 1;
                }
            }
            Outcome::Same(_) => t.same += 1,
            Outcome::Skipped(_) => t.skipped += 1,
            Outcome::Failed { full, .. } => {
                t.skipped += 1;
                if *full {
                    t.full = Some(people - rows.len());
                }
            }
        }
    }
    t
}

/// A run under way: the free names and the notes already there go on from
/// one person to the next.
struct Run<'a> {
    job: &'a PeopleJob<'a>,
    linter: &'a Linter,
    names: FreeNames,
    /// The drafts in the folder, by [`same_note`], those just written too.
    existing: HashMap<String, PathBuf>,
    /// The drafts written, for the checks across drafts.
    records: Vec<Record>,
}

impl Run<'_> {
    fn person(&mut self, person: &Person) -> Outcome {
        let job = self.job;
        let tp = job.template;
        let who = person.target.name.as_deref().unwrap_or_default();
        if who.trim().is_empty() {
            return Outcome::Skipped(Skip::NoName);
        }
        let verdict = self.linter.audience.verdict(Some(&person.target));
        if verdict.decision == Decision::Out {
            return Outcome::Skipped(Skip::Out(verdict));
        }
        let mut values = job.given.clone();
        values.extend(person.values.clone());
        values.extend(template::target_values(&person.target));
        let rendered = template::render(&tp.draft.body, &values);
        if !rendered.missing.is_empty() {
            return Outcome::Skipped(Skip::Missing(rendered));
        }
        let mut target = person.target.clone();
        if target.relationship.is_none() {
            target.relationship = tp.draft.front.target.as_ref().and_then(|t| t.relationship);
        }
        let d = NewDraft {
            platform: job.platform,
            tier: job.tier,
            lang: tp.lang(),
            status: Status::Draft,
            created_at: None,
            template: Some(tp.name.clone()),
            target: Some(target),
            values: rendered.used,
            allow: Vec::new(),
            body: rendered.text,
        }
        .at(job.now);
        let key = same_note(&d);
        if let Some(same) = self.existing.get(&key) {
            return Outcome::Same(same.clone());
        }
        let saved = match job.folder.save_new(&d, &mut self.names) {
            Ok(saved) => saved,
            Err(e) => {
                return Outcome::Failed {
                    path: job.folder.file_for(&d),
                    error: e.message(),
                    full: e.is_full(),
                };
            }
        };
        self.existing.insert(key, saved.path.clone());
        // Lint what was written: the body ends the file.
        let parsed = Draft {
            body_offset: saved.text.len().saturating_sub(d.body.len()),
            ..d
        };
        let cx = Context {
            platform: job.platform,
            tier: job.tier,
            lang: parsed.front.lang,
            target: parsed.front.target.as_ref(),
            allow: &parsed.front.allow,
        };
        let report = self.linter.lint(&parsed.body, &cx);
        self.records.push(Record::new(
            &saved.path.display().to_string(),
            &saved.text,
            &parsed,
            job.platform,
            job.tier,
            true,
        ));
        Outcome::Written(Box::new(Written {
            path: saved.path,
            report,
            unsure: (verdict.decision == Decision::Unknown).then(|| verdict.why()),
            cross: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audience::AudienceFilter;
    use crate::draft::Draft;
    use crate::template::Origin;

    const BODY: &str = "Bonjour {{first_name}}, j'ai lu votre article sur {{topic}} et j'aimerais échanger avec vous sur la logistique du dernier kilomètre en ville.\n";

    fn template() -> Template {
        let source = format!("+++\nlang = \"fr\"\n\n[target]\nrelationship = \"met\"\n+++\n{BODY}");
        Template {
            name: "fr/article".into(),
            origin: Origin::Shipped,
            draft: Draft::parse(&source).expect("a template"),
            source,
        }
    }

    fn settings() -> Settings {
        Settings {
            repeated_people: 3,
            repeated_similarity: 0.6,
            weekly_budget: 100,
            free_monthly_notes: 5,
        }
    }

    /// The linter with an audience of Île-de-France.
    fn linter() -> Linter {
        let mut linter = Linter::default();
        linter.audience = AudienceFilter {
            regions: vec!["Île-de-France".into()],
            ..AudienceFilter::default()
        }
        .compile()
        .expect("a known region");
        linter
    }

    fn people(csv: &str) -> Vec<Person> {
        crate::people::read(csv.as_bytes()).expect("a list")
    }

    fn now() -> Timestamp {
        "2026-11-25T10:03:00Z".parse().expect("a time")
    }

    fn run(folder: &Folder, saved: Option<&Folder>, list: &[Person]) -> PeopleRun {
        let tp = template();
        let given = BTreeMap::new();
        let job = PeopleJob {
            template: &tp,
            given: &given,
            folder,
            platform: Platform::Linkedin,
            tier: Tier::Free,
            saved,
            settings: settings(),
            now: now(),
        };
        for_people(&job, list, &linter())
    }

    #[test]
    fn writes_who_is_in_skips_the_others_and_finds_them_there_the_second_time() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let folder = Folder::new(tmp.path().join("out"));
        let list = people(
            "name,region,topic\n\
             Inès Haddad,Paris,les tournées à vélo\n\
             Léa Martin,Marseille,les quais\n\
             ,Paris,les entrepôts\n\
             Tom Petit,Paris,\n",
        );
        let first = run(&folder, None, &list);
        let lines: Vec<usize> = first.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        let Outcome::Written(w) = &first.rows[0].outcome else {
            panic!("Inès is written: {:?}", first.rows[0]);
        };
        assert_eq!(w.path, folder.dir().join("ines-haddad.md"));
        assert_eq!(w.unsure, None, "Paris is in Île-de-France");
        assert!(w.report.score.value > 0);
        let Outcome::Skipped(out @ Skip::Out(_)) = &first.rows[1].outcome else {
            panic!("Léa is out of the audience: {:?}", first.rows[1]);
        };
        assert!(out.message().en.starts_with("out of your audience"));
        assert!(matches!(
            first.rows[2].outcome,
            Outcome::Skipped(Skip::NoName)
        ));
        let missing = first.rows[3].outcome.reason().expect("a reason");
        assert!(missing.en.contains("{{topic}}"), "{missing:?}");
        assert_eq!(
            first.totals,
            Totals {
                written: 1,
                skipped: 3,
                ..Totals::default()
            }
        );
        // Nothing was written for the people skipped.
        assert_eq!(folder.files(), std::slice::from_ref(&w.path));
        // The draft reads back as it was made.
        let text = std::fs::read_to_string(&w.path).expect("written");
        let back = Draft::parse(&text).expect("parses");
        let target = back.front.target.as_ref().expect("a target");
        assert_eq!(target.name.as_deref(), Some("Inès Haddad"));
        assert_eq!(
            target.relationship,
            Some(crate::Relationship::Met),
            "the template's relationship, the list giving none"
        );
        assert_eq!(back.front.template.as_deref(), Some("fr/article"));
        assert_eq!(back.front.status, Some(Status::Draft));
        assert_eq!(back.front.created_at, super::super::stamp(now()));
        assert_eq!(
            back.front.values.get("topic").map(String::as_str),
            Some("les tournées à vélo")
        );
        assert!(
            back.body
                .starts_with("Bonjour Inès, j'ai lu votre article sur les tournées à vélo")
        );

        // Run again: the same note is there, nothing is written.
        let second = run(&folder, None, &list);
        assert!(
            matches!(&second.rows[0].outcome, Outcome::Same(p) if *p == w.path),
            "{:?}",
            second.rows[0]
        );
        assert_eq!((second.totals.same, second.totals.written), (1, 0));
        assert_eq!(folder.files(), std::slice::from_ref(&w.path));
        assert_eq!(std::fs::read_to_string(&w.path).expect("there"), text);
    }

    #[test]
    fn the_same_text_to_many_people_is_found_among_the_written_and_the_saved() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let topic = "les tournées à vélo";
        let csv = |names: &[&str]| {
            let rows: Vec<String> = names
                .iter()
                .map(|n| format!("{n},Paris,{topic}\n"))
                .collect();
            format!("name,region,topic\n{}", rows.concat())
        };
        // Two people alone are not too many.
        let two = run(
            &Folder::new(tmp.path().join("two")),
            None,
            &people(&csv(&["Inès Haddad", "Léa Martin"])),
        );
        assert_eq!(two.totals.written, 2);
        let crossed = |run: &PeopleRun| -> Vec<Vec<RuleId>> {
            run.rows
                .iter()
                .map(|r| match &r.outcome {
                    Outcome::Written(w) => w.cross.iter().map(|c| c.rule).collect(),
                    _ => Vec::new(),
                })
                .collect()
        };
        assert_eq!(crossed(&two), [Vec::<RuleId>::new(), Vec::new()]);
        // With a third saved elsewhere, the note is going to three people.
        let saved = Folder::new(tmp.path().join("saved"));
        let one = run(&saved, None, &people(&csv(&["Tom Petit"])));
        assert_eq!(one.totals.written, 1);
        let three = run(
            &Folder::new(tmp.path().join("three")),
            Some(&saved),
            &people(&csv(&["Inès Haddad", "Léa Martin"])),
        );
        assert_eq!(
            crossed(&three),
            [vec![RuleId::RepeatedText], vec![RuleId::RepeatedText]]
        );
        let Outcome::Written(w) = &three.rows[0].outcome else {
            panic!("written: {:?}", three.rows[0]);
        };
        let text = &w.cross[0].text.en;
        assert!(
            text.contains("tom-petit.md"),
            "the saved one is named: {text}"
        );
    }
}
