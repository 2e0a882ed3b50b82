//! The app's file work, off the UI thread: `update` asks for a [`Job`] and
//! goes on; the runtime hands it to a [`Worker`] on its own thread, and its
//! [`Done`] comes back as a message. Tests run the same worker in line.

use super::dialog::After;
use poignee::batch::Options;
use poignee::crossdraft::Settings;
use poignee::draft::{Draft, Status};
use poignee::drafts::{Entry, Folder};
use poignee::lang::{Localize, Localized};
use poignee::lint::Linter;
use poignee::target::{Platform, Tier};
use std::path::PathBuf;
use std::sync::Arc;

/// File work asked by `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Read and score the drafts folder.
    List {
        platform: Platform,
        tier: Tier,
    },
    /// Write the note: over `over` when it is the draft it was opened from.
    Save {
        draft: Box<Draft>,
        over: Option<PathBuf>,
        then: After,
        /// The note's revision when it was sent: a note changed since is
        /// still unsaved when this comes back.
        revision: u64,
        /// Which note ([`super::app::Doc::id`]).
        note: u64,
    },
    Delete(PathBuf),
    /// Delete recovered texts set aside (beside the recovery file).
    Prune(Vec<PathBuf>),
    /// Mark a saved note sent or answered, on `today`.
    Mark {
        path: PathBuf,
        mark: poignee::outcome::Mark,
        today: jiff::civil::Date,
        /// What a draft that names none is scored for, as in a listing.
        platform: Platform,
        tier: Tier,
    },
    /// The outcomes of the folder's invitations, as of `today`.
    Stats {
        today: jiff::civil::Date,
    },
    /// The checks across drafts for the note just saved or opened (its
    /// file, if any, left out of the others): `repeated-text`.
    Cross {
        draft: Box<Draft>,
        path: Option<PathBuf>,
        /// Which note ([`super::app::Doc::id`]).
        note: u64,
    },
}

/// What a job found.
#[derive(Debug)]
pub enum Done {
    Listed(Vec<Entry>),
    Saved {
        /// Where it went and the pace warning, or why it was not written.
        result: Result<(PathBuf, Option<Localized>), Localized>,
        draft: Box<Draft>,
        then: After,
        revision: u64,
        note: u64,
    },
    Deleted {
        path: PathBuf,
        result: Result<(), Localized>,
    },
    Marked {
        path: PathBuf,
        mark: poignee::outcome::Mark,
        /// What was done (with any warning), or why not.
        result: Result<Option<Localized>, Localized>,
        /// The draft read again once marked, for its row in the list.
        entry: Option<Box<Entry>>,
        /// Refused as never marked sent: the screen says its own key.
        never_sent: bool,
    },
    Stats(Box<poignee::stats::Stats>),
    /// Recovered texts set aside, deleted: those that went, those that
    /// stayed (with why).
    Pruned {
        gone: Vec<PathBuf>,
        failed: Option<Localized>,
    },
    /// The `repeated-text` finding of a note, if any.
    Cross {
        note: u64,
        found: Option<Localized>,
    },
    /// A job that failed without an answer of its own (a bug): said.
    Failed(Localized),
}

/// Carries out jobs: the drafts folder, the engine to score drafts, and
/// the settings of the checks across drafts.
#[derive(Clone)]
pub struct Worker {
    pub folder: Option<Folder>,
    pub linter: Arc<Linter>,
    pub cross: Settings,
    /// Days after which an invitation left sent counts as ignored.
    pub ignored_after_days: u32,
}

/// Said when there is no drafts folder to work in.
pub fn no_folder() -> Localized {
    Localized::new(
        "aucun dossier de brouillons : réglez drafts_dir dans la configuration",
        "no drafts folder: set drafts_dir in the config",
    )
}

impl Worker {
    /// [`Worker::run`], and a job that panics (a bug) answered as failed:
    /// the screen is told, and the app does not wait for it for ever.
    pub fn answer(&self, job: Job) -> Done {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run(job))).unwrap_or_else(
            |_| {
                Done::Failed(Localized::new(
                    "une opération sur les fichiers a échoué (une erreur de poignee) : rien n’a été écrit",
                    "a file operation failed (a bug in poignee): nothing was written",
                ))
            },
        )
    }

    pub fn run(&self, job: Job) -> Done {
        match job {
            Job::List { platform, tier } => Done::Listed(
                self.folder
                    .as_ref()
                    .map(|f| f.list(&self.linter, platform, tier))
                    .unwrap_or_default(),
            ),
            Job::Save {
                draft,
                over,
                then,
                revision,
                note,
            } => {
                let result = match &self.folder {
                    None => Err(no_folder()),
                    Some(folder) => match folder.save(&draft, over.as_deref()) {
                        Ok(saved) => {
                            let pace = (draft.front.status == Some(Status::Approved))
                                .then(|| {
                                    let options = Options {
                                        default_platform: draft
                                            .front
                                            .platform
                                            .unwrap_or(Platform::Linkedin),
                                        default_tier: draft.front.tier.unwrap_or(Tier::Free),
                                        ..Options::default()
                                    };
                                    folder.pace_warning(
                                        &saved,
                                        &draft,
                                        &self.linter,
                                        &self.cross,
                                        &options,
                                    )
                                })
                                .flatten();
                            Ok((saved.path, pace))
                        }
                        Err(e) => Err(e.message()),
                    },
                };
                Done::Saved {
                    result,
                    draft,
                    then,
                    revision,
                    note,
                }
            }
            Job::Mark {
                path,
                mark,
                today,
                platform,
                tier,
            } => {
                let marked = poignee::outcome::mark_file(&path, mark, today, false);
                let never_sent = matches!(
                    marked,
                    Err(poignee::outcome::MarkError::Refused(
                        poignee::outcome::Refusal::NeverSent { .. }
                    ))
                );
                let result = marked
                    .map(|m| m.plan.warnings.first().map(Localize::message))
                    .map_err(|e| e.message(mark));
                let entry = self
                    .folder
                    .as_ref()
                    .filter(|_| result.is_ok())
                    .map(|f| Box::new(f.entry(&path, &self.linter, platform, tier)));
                Done::Marked {
                    path,
                    mark,
                    result,
                    entry,
                    never_sent,
                }
            }
            Job::Stats { today } => {
                let window = poignee::stats::Window {
                    today,
                    since: None,
                    ignored_after_days: self.ignored_after_days,
                };
                let paths: Vec<PathBuf> =
                    self.folder.iter().map(|f| f.dir().to_path_buf()).collect();
                let stats = if paths.iter().any(|p| p.is_dir()) {
                    poignee::stats::collect(&paths, &self.linter, &Options::default(), window)
                } else {
                    poignee::stats::Stats::default()
                };
                Done::Stats(Box::new(stats))
            }
            Job::Cross { draft, path, note } => {
                let found = self.folder.as_ref().and_then(|f| {
                    let options = Options {
                        default_platform: draft.front.platform.unwrap_or(Platform::Linkedin),
                        default_tier: draft.front.tier.unwrap_or(Tier::Free),
                        ..Options::default()
                    };
                    f.repeated_warning(path.as_deref(), &draft, &self.linter, &self.cross, &options)
                });
                Done::Cross { note, found }
            }
            Job::Prune(paths) => {
                let mut gone = Vec::new();
                let mut failed = None;
                for p in paths {
                    // Only what was set aside: `recovery-….md`.
                    let named = p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("recovery-") && n.ends_with(".md"));
                    if !named {
                        continue;
                    }
                    match std::fs::remove_file(&p) {
                        Ok(()) => gone.push(p),
                        Err(e) => failed = Some(poignee::input::ReadError::from_io(&e).message()),
                    }
                }
                Done::Pruned { gone, failed }
            }
            Job::Delete(path) => {
                let result = match &self.folder {
                    None => Err(no_folder()),
                    Some(folder) => folder
                        .delete(&path)
                        .map_err(|e| poignee::input::ReadError::from_io(&e).message()),
                };
                Done::Deleted { path, result }
            }
        }
    }
}
