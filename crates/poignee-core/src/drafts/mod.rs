//! The drafts folder, in one place: listing the saved drafts (newest first,
//! each scored), saving a note (a new file named after the person, or over
//! the draft it was opened from), deleting one, reading them as records for
//! the checks across drafts, and the pace they show. The TUI, `check` and
//! `draft` all go through it, so a draft is found, named and counted the
//! same way whichever face wrote it. A new draft's front matter is made by
//! [`NewDraft`], and drafts for a list of people by [`for_people()`].

mod for_people;
mod new_draft;

pub use for_people::{
    Across, Outcome, PeopleJob, PeopleRun, Row, Skip, Totals, Written, for_people,
};
pub use new_draft::{NewDraft, stamp};

use crate::batch::Options;
use crate::crossdraft::{self, Finding, Record, Settings};
use crate::draft::{Draft, Status};
use crate::fsutil::{self, FreeNames};
use crate::input;
use crate::lang::{Localize, Localized};
use crate::lint::{Context, Linter};
use crate::target::{Platform, Tier};
use crate::template;
use crate::walk::{Input, inputs};
use jiff::Timestamp;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// A folder of drafts: the config's `drafts_dir`, or `draft --out`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    dir: PathBuf,
}

/// A saved draft, as a list shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// `None` when the file does not read or parse: `error` says why.
    pub draft: Option<Draft>,
    /// Why the file does not read or parse, with the line and column of a
    /// front matter that does not.
    pub error: Option<Localized>,
    /// The note's score, linted for its own platform and target.
    pub score: Option<u8>,
    /// "2026-11-25 10:03": the latest step it went through, as its status
    /// says: answered, else sent, else approved, else written.
    pub date: String,
    /// The person it is for.
    pub who: String,
    /// When it counts for the pace: sent, else approved
    /// ([`crossdraft::paced_at`]), read once when the folder is listed.
    pub paced_at: Option<Timestamp>,
}

impl Entry {
    pub fn status(&self) -> Option<Status> {
        self.draft.as_ref().and_then(|d| d.front.status)
    }
}

/// Why a draft was not saved. The text stays with the caller either way.
#[derive(Debug)]
pub enum SaveError {
    /// The draft would not read back as written (`Draft::to_file`).
    Unwritable(Localized),
    /// The disk said no.
    Io { dir: PathBuf, error: io::Error },
}

impl Localize for SaveError {
    fn message(&self) -> Localized {
        match self {
            SaveError::Unwritable(m) => m.clone(),
            SaveError::Io { error, .. } => input::ReadError::from_io(error).message(),
        }
    }
}

impl SaveError {
    /// The disk is full or over quota: a batch stops at the first.
    pub fn is_full(&self) -> bool {
        matches!(self, SaveError::Io { error, .. }
            if input::ReadError::from_io(error) == input::ReadError::Full)
    }
}

/// A draft just written: where, and the exact text.
#[derive(Debug, Clone)]
pub struct Saved {
    pub path: PathBuf,
    pub text: String,
}

impl Folder {
    pub fn new(dir: impl Into<PathBuf>) -> Folder {
        Folder { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The draft files in the folder (none when it is not there yet).
    pub fn files(&self) -> Vec<PathBuf> {
        if !self.dir.is_dir() {
            return Vec::new();
        }
        inputs(std::slice::from_ref(&self.dir))
            .filter_map(|i| match i {
                Input::File(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    /// Every draft, read and scored (on every core), newest first.
    pub fn list(&self, linter: &Linter, platform: Platform, tier: Tier) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self
            .files()
            .into_par_iter()
            .map(|path| entry(path, linter, platform, tier))
            .collect();
        entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)));
        entries
    }

    /// One draft read and scored again, as [`Folder::list`] lists it: a
    /// list updates the row of a draft just marked without reading them all.
    pub fn entry(&self, path: &Path, linter: &Linter, platform: Platform, tier: Tier) -> Entry {
        entry(path.to_path_buf(), linter, platform, tier)
    }

    /// Where a new draft for `draft`'s person goes: `ines-haddad.md`, or
    /// `note.md` for nobody yet (the next free name is found on writing).
    pub fn file_for(&self, draft: &Draft) -> PathBuf {
        let who = draft
            .front
            .target
            .as_ref()
            .and_then(|t| t.name.as_deref())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or("note");
        self.dir.join(format!("{}.md", template::slug(who)))
    }

    /// Saves `draft`: over `over` when it is a draft of this folder that is
    /// still there (atomically), else at a free name after its person. Never
    /// replaces another file.
    pub fn save(&self, draft: &Draft, over: Option<&Path>) -> Result<Saved, SaveError> {
        let text = draft.to_file().map_err(SaveError::Unwritable)?;
        let Some(p) = over.filter(|p| p.starts_with(&self.dir) && p.exists()) else {
            let written = fsutil::write_fresh(&self.file_for(draft), text.as_bytes());
            return self.saved(written, text);
        };
        // The lock `mark` takes (`poignee mark` in another terminal): the
        // two never interleave, and what it wrote is read here first.
        let _lock = match fsutil::Lock::beside(p) {
            Ok(lock) => lock,
            Err(fsutil::LockError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                // Gone meanwhile: a new file, as if it had never been.
                let written = fsutil::write_fresh(&self.file_for(draft), text.as_bytes());
                return self.saved(written, text);
            }
            Err(e) => return Err(locked(e, &self.dir)),
        };
        // Marked sent or answered meanwhile: that record stays as it is
        // (the editor never writes over one), this note goes beside it.
        let marked = read(p).is_some_and(|(_, d)| d.front.status.is_some_and(Status::is_sent));
        if marked && !draft.front.status.is_some_and(Status::is_sent) {
            let written = fsutil::write_fresh(&self.file_for(draft), text.as_bytes());
            return self.saved(written, text);
        }
        let written = match replace(p, &text) {
            Ok(path) => Ok(path),
            Err(fsutil::OverError::Io(e)) => Err(e),
            Err(refused) => return Err(SaveError::Unwritable(kept(&refused))),
        };
        self.saved(written, text)
    }

    /// Saves a new draft among many (`draft --people`): the free names go on
    /// from the last one given.
    pub fn save_new(&self, draft: &Draft, names: &mut FreeNames) -> Result<Saved, SaveError> {
        let text = draft.to_file().map_err(SaveError::Unwritable)?;
        let written = fsutil::write_fresh_in(&self.file_for(draft), text.as_bytes(), names);
        self.saved(written, text)
    }

    /// Saves many new drafts at once, each as [`Folder::save_new`] would
    /// (the same names, in order), their syncs together
    /// ([`fsutil::write_fresh_all`]): an import writes thousands.
    pub fn save_new_all(
        &self,
        drafts: &[Draft],
        names: &mut FreeNames,
    ) -> Vec<Result<Saved, SaveError>> {
        let texts: Vec<Result<String, Localized>> = drafts.par_iter().map(Draft::to_file).collect();
        let files: Vec<(PathBuf, &str)> = drafts
            .iter()
            .zip(&texts)
            .filter_map(|(d, t)| Some((self.file_for(d), t.as_ref().ok()?.as_str())))
            .collect();
        let mut written = fsutil::write_fresh_all(&files, names).into_iter();
        drop(files);
        texts
            .into_iter()
            .map(|t| match t {
                Err(m) => Err(SaveError::Unwritable(m)),
                Ok(text) => {
                    let w = written
                        .next()
                        .unwrap_or_else(|| Err(io::Error::other("a batch lost a file")));
                    self.saved(w, text)
                }
            })
            .collect()
    }

    fn saved(&self, written: io::Result<PathBuf>, text: String) -> Result<Saved, SaveError> {
        match written {
            Ok(path) => Ok(Saved { path, text }),
            Err(error) => Err(SaveError::Io {
                dir: self.dir.clone(),
                error,
            }),
        }
    }

    /// The drafts already in the folder by what makes two the same
    /// ([`same_note`]): running `draft` twice does not write every file twice.
    pub fn index(&self) -> std::collections::HashMap<String, PathBuf> {
        self.files()
            .into_iter()
            .filter_map(|p| read(&p).map(|(_, d)| (same_note(&d), p)))
            .collect()
    }

    /// Deletes a draft of this folder; a path elsewhere is refused.
    pub fn delete(&self, path: &Path) -> io::Result<()> {
        if !path.starts_with(&self.dir) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "not a draft of the drafts folder",
            ));
        }
        std::fs::remove_file(path)
    }

    /// The saved drafts as records for the checks across drafts, leaving out
    /// the files in `skip` (canonical paths, already checked). A file that
    /// does not read or parse is left out too: it is not what is checked.
    pub fn records(&self, options: &Options, skip: &HashSet<PathBuf>) -> Vec<Record> {
        self.files()
            .into_par_iter()
            .filter(|p| std::fs::canonicalize(p).is_ok_and(|c| !skip.contains(&c)))
            .filter_map(|p| {
                let (source, draft) = read(&p)?;
                let (platform, tier) = options.platform_tier(&draft);
                Some(Record::new(
                    &p.display().to_string(),
                    &source,
                    &draft,
                    platform,
                    tier,
                    false,
                ))
            })
            .collect()
    }

    /// The `pace` finding for a note just saved at `saved`, against the
    /// other drafts of the folder, if the pace is over the budget.
    pub fn pace_warning(
        &self,
        saved: &Saved,
        draft: &Draft,
        linter: &Linter,
        settings: &Settings,
        options: &Options,
    ) -> Option<Localized> {
        linter.severity(crate::RuleId::Pace)?;
        let (platform, tier) = options.platform_tier(draft);
        let mut records = vec![Record::new(
            &saved.path.display().to_string(),
            &saved.text,
            draft,
            platform,
            tier,
            true,
        )];
        let now = Timestamp::now();
        findings_across(&mut records, Some(self), options, linter, settings, now)
            .into_iter()
            .find(|f| f.rule == crate::RuleId::Pace && f.record == 0)
            .map(|f| f.text(&records))
    }
}

impl Folder {
    /// The `repeated-text` finding for `draft` (saved at `path`, if it is
    /// saved) against the other drafts of the folder: the same or nearly
    /// the same text going to too many people. Reads the whole folder: for
    /// a note just saved or opened, never at every key.
    pub fn repeated_warning(
        &self,
        path: Option<&Path>,
        draft: &Draft,
        linter: &Linter,
        settings: &Settings,
        options: &Options,
    ) -> Option<Localized> {
        linter.severity(crate::RuleId::RepeatedText)?;
        let (platform, tier) = options.platform_tier(draft);
        let name = path.map_or_else(String::new, |p| p.display().to_string());
        let mut records = vec![Record::new(
            &name,
            &draft.render(),
            draft,
            platform,
            tier,
            true,
        )];
        let now = Timestamp::now();
        let found = findings_across(&mut records, Some(self), options, linter, settings, now)
            .into_iter()
            .find(|f| f.rule == crate::RuleId::RepeatedText && f.record == 0)?;
        // The others named by their file's name: they are all in this folder.
        for r in records.iter_mut().skip(1) {
            if let Some(n) = Path::new(&r.path).file_name() {
                r.path = n.to_string_lossy().into_owned();
            }
        }
        Some(found.text(&records))
    }
}

/// The checks across drafts (`repeated-text`, `pace`) on `records`, the
/// notes just checked or written, against the drafts saved in `saved`: those
/// are added to `records` to compare with, but for the files already among
/// them (by their paths), and the findings on the checked records returned.
/// `check`, `draft --people` and the editor all compare this way.
pub fn findings_across(
    records: &mut Vec<Record>,
    saved: Option<&Folder>,
    options: &Options,
    linter: &Linter,
    settings: &Settings,
    now: Timestamp,
) -> Vec<Finding> {
    if let Some(folder) = saved {
        let skip: HashSet<PathBuf> = records
            .iter()
            .filter_map(|r| std::fs::canonicalize(&r.path).ok())
            .collect();
        records.extend(folder.records(options, &skip));
    }
    crossdraft::findings(records, linter, settings, now)
}

/// The same person, the same template, the same note: a key for
/// [`Folder::index`].
pub fn same_note(d: &Draft) -> String {
    format!(
        "{:?}\u{0}{:?}\u{0}{}",
        d.front.template, d.front.target, d.body
    )
}

/// Writes over the draft at `path` as `mark` does: a read-only draft is
/// left as the user meant it (an error), a link's target is written, not
/// the link replaced by a file, the draft keeps its permissions and owner,
/// and one with other hard links is not split from them
/// ([`fsutil::write_over`]).
fn replace(path: &Path, text: &str) -> Result<PathBuf, fsutil::OverError> {
    if std::fs::metadata(path)?.permissions().readonly() {
        return Err(
            io::Error::new(io::ErrorKind::PermissionDenied, "the draft is read-only").into(),
        );
    }
    fsutil::write_over(path, text.as_bytes())?;
    Ok(path.to_path_buf())
}

/// Why a draft was not written over under its lock ([`fsutil::Lock`]).
fn locked(e: fsutil::LockError, dir: &Path) -> SaveError {
    match e {
        fsutil::LockError::Busy => SaveError::Unwritable(Localized::new(
            format!(
                "un autre poignee (`poignee mark` dans un autre terminal ?) écrit ce brouillon depuis {} s : il est resté tel quel, le texte est gardé ; réessayez",
                fsutil::LOCK_WAIT.as_secs()
            ),
            format!(
                "another poignee (`poignee mark` in another terminal?) has been writing this draft for {} s: it is as it was, the text kept; try again",
                fsutil::LOCK_WAIT.as_secs()
            ),
        )),
        fsutil::LockError::NotALockFile(p) => {
            let p = crate::text::terminal_line(&p.display().to_string()).into_owned();
            SaveError::Unwritable(Localized::new(
                format!(
                    "{p} n’est pas le verrou de poignee (un lien ou un dossier) : retirez-le ; le brouillon est resté tel quel, le texte est gardé"
                ),
                format!(
                    "{p} is not poignee's lock file (a link or a folder): remove it; the draft is as it was, the text kept"
                ),
            ))
        }
        fsutil::LockError::Io(error) => SaveError::Io {
            dir: dir.to_path_buf(),
            error,
        },
    }
}

/// Why a draft written over was left as it was, other than the disk's say.
fn kept(refused: &fsutil::OverError) -> Localized {
    match refused {
        fsutil::OverError::HardLinks(n) => Localized::new(
            format!(
                "le brouillon a {n} noms (liens physiques) : l’enregistrer les séparerait ; il est resté tel quel, le texte est gardé"
            ),
            format!(
                "the draft has {n} names (hard links): saving would split them; it is as it was, the text kept"
            ),
        ),
        fsutil::OverError::Owner { uid, gid } => Localized::new(
            format!(
                "le brouillon appartient à un autre utilisateur (uid {uid}, gid {gid}) : il est resté tel quel, le texte est gardé"
            ),
            format!(
                "the draft belongs to another user (uid {uid}, gid {gid}): it is as it was, the text kept"
            ),
        ),
        fsutil::OverError::Io(e) => input::ReadError::from_io(e).message(),
    }
}

/// A file's text and its draft, if it reads and parses.
fn read(path: &Path) -> Option<(String, Draft)> {
    read_why(path).ok()
}

/// A file's text and its draft, or why not: the disk's answer, the
/// encoding, or where its front matter goes wrong (line and column).
fn read_why(path: &Path) -> Result<(String, Draft), Localized> {
    let bytes = input::read_bytes(path, input::MAX_BYTES).map_err(|e| e.message())?;
    let source = input::decode(bytes).map_err(|e| e.message())?;
    let draft = Draft::parse(&source).map_err(|e| {
        let (l, c) = (e.line, e.column);
        Localized::new(
            format!("ligne {l}, colonne {c} : {}", e.what(crate::Lang::Fr)),
            format!("line {l}, column {c}: {}", e.what(crate::Lang::En)),
        )
    })?;
    Ok((source, draft))
}

/// The date a list shows for a draft: the latest step its status says it
/// went through — answered (`accepted_at`, `ignored_at`, `declined_at`),
/// sent (`sent_at`), approved — else when it was written. An imported
/// invitation shows the day it was sent or answered, not the import's.
pub fn shown_date(f: &crate::draft::FrontMatter) -> Option<toml::value::Datetime> {
    let answered = match f.status {
        Some(Status::Accepted) => f.accepted_at,
        Some(Status::Ignored) => f.ignored_at,
        Some(Status::Declined) => f.declined_at,
        _ => None,
    };
    let sent = f.sent_at.filter(|_| f.status.is_some_and(Status::is_sent));
    answered.or(sent).or(f.approved_at).or(f.created_at)
}

fn entry(path: PathBuf, linter: &Linter, platform: Platform, tier: Tier) -> Entry {
    let (draft, error) = match read_why(&path) {
        Ok((_, d)) => (Some(d), None),
        Err(e) => (None, Some(e)),
    };
    let Some(d) = &draft else {
        return Entry {
            path,
            draft,
            error,
            score: None,
            date: String::new(),
            who: String::new(),
            paced_at: None,
        };
    };
    let f = &d.front;
    let date = shown_date(f)
        .map(|d| {
            d.to_string()
                .chars()
                .take(16)
                .collect::<String>()
                .replace('T', " ")
        })
        .unwrap_or_default();
    let who = f
        .target
        .as_ref()
        .and_then(|t| t.name.clone())
        .unwrap_or_default();
    let cx = Context {
        platform: f.platform.unwrap_or(platform),
        tier: f.tier.unwrap_or(tier),
        lang: f.lang,
        target: f.target.as_ref(),
        allow: &f.allow,
    };
    let score = Some(linter.lint(&d.body, &cx).score.value);
    let paced_at = crossdraft::paced_at(f);
    Entry {
        path,
        draft,
        error: None,
        score,
        date,
        who,
        paced_at,
    }
}

/// Notes sent (or approved) a week, and what is left of LinkedIn's free notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pace {
    /// The last eight weeks, oldest first; the last is the trailing 7 days.
    pub weeks: [usize; 8],
    pub budget: u32,
    /// On a free LinkedIn account: personalized notes left in 30 days.
    pub free_left: Option<usize>,
}

impl Pace {
    /// The pace at `now` of the notes that count at `times`: each draft's
    /// [`Entry::paced_at`] (sent, else approved), so that a note approved
    /// today and sent next week counts next week, as the platform sees it.
    /// A count a week over the last eight weeks (oldest first), against the
    /// weekly budget, and, on a free LinkedIn account, the notes left in the
    /// trailing 30 days.
    pub fn of(
        times: impl IntoIterator<Item = Timestamp>,
        now: Timestamp,
        settings: &Settings,
        free_tier: bool,
    ) -> Pace {
        const DAY: i64 = 24 * 3600;
        let mut weeks = [0usize; 8];
        let mut month = 0;
        for t in times {
            let age = now.as_second() - t.as_second();
            if age < 0 {
                continue;
            }
            if let Some(slot) = usize::try_from(age / (7 * DAY))
                .ok()
                .filter(|&w| w < weeks.len())
            {
                weeks[weeks.len() - 1 - slot] += 1;
            }
            if age < 30 * DAY {
                month += 1;
            }
        }
        Pace {
            weeks,
            budget: settings.weekly_budget,
            free_left: free_tier
                .then(|| (settings.free_monthly_notes as usize).saturating_sub(month)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FrontMatter;
    use crate::target::Target;

    fn note(name: Option<&str>, status: Status, approved: Option<&str>) -> Draft {
        Draft {
            front: FrontMatter {
                status: Some(status),
                approved_at: approved.and_then(|a| a.parse().ok()),
                target: name.map(|n| Target {
                    name: Some(n.into()),
                    ..Target::default()
                }),
                ..FrontMatter::default()
            },
            body: "Bonjour Inès, merci pour votre article sur la logistique.".into(),
            body_offset: 0,
        }
    }

    #[test]
    fn saves_list_replace_and_delete_in_one_folder() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let folder = Folder::new(tmp.path().join("drafts"));
        assert!(
            folder
                .list(&Linter::default(), Platform::Linkedin, Tier::Free)
                .is_empty()
        );
        let d = note(Some("Inès Haddad"), Status::Draft, None);
        let first = folder.save(&d, None).expect("saved");
        assert_eq!(first.path, folder.dir().join("ines-haddad.md"));
        // A second note for the same person is a second file…
        let second = folder.save(&d, None).expect("saved");
        assert_eq!(second.path, folder.dir().join("ines-haddad-2.md"));
        // …and saving over the one opened replaces it.
        let approved = note(
            Some("Inès Haddad"),
            Status::Approved,
            Some("2026-11-20T10:00:00Z"),
        );
        let again = folder.save(&approved, Some(&first.path)).expect("saved");
        assert_eq!(again.path, first.path);
        std::fs::write(folder.dir().join("broken.md"), "+++\nstatus = 3\n+++\n").expect("write");
        let list = folder.list(&Linter::default(), Platform::Linkedin, Tier::Free);
        assert_eq!(list.len(), 3);
        // Newest first: the approved one has a date, the others none.
        assert_eq!(list[0].path, first.path);
        assert_eq!(list[0].status(), Some(Status::Approved));
        assert_eq!(list[0].who, "Inès Haddad");
        assert_eq!(list[0].date, "2026-11-20 10:00");
        assert!(list[0].paced_at.is_some() && list[0].score.is_some());
        let broken = list
            .iter()
            .find(|e| e.draft.is_none())
            .expect("unreadable listed");
        assert_eq!(broken.score, None);
        folder.delete(&second.path).expect("deleted");
        assert!(!second.path.exists());
        assert!(folder.delete(Path::new("/etc/hostname")).is_err());
        let records = folder.records(&Options::default(), &HashSet::new());
        assert_eq!(records.len(), 1, "the unreadable file is not a record");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_draft_is_written_through_and_a_read_only_one_is_left() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("temp dir");
        let folder = Folder::new(tmp.path().join("drafts"));
        let d = note(Some("Inès Haddad"), Status::Draft, None);
        let real = folder.save(&d, None).expect("saved").path;
        let link = folder.dir().join("link.md");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        let again = note(
            Some("Inès Haddad"),
            Status::Approved,
            Some("2026-11-20T10:00:00Z"),
        );
        folder
            .save(&again, Some(&link))
            .expect("saved through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("there")
                .file_type()
                .is_symlink()
        );
        let text = std::fs::read_to_string(&real).expect("read");
        assert!(text.contains("status = \"approved\""), "{text}");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o400)).expect("chmod");
        // Left as the user meant it, whoever runs it.
        assert!(folder.save(&d, Some(&real)).is_err());
        assert!(
            std::fs::read_to_string(&real)
                .expect("read")
                .contains("approved")
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_over_a_draft_keeps_its_mode_and_does_not_split_a_hard_link() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let tmp = tempfile::tempdir().expect("temp dir");
        let folder = Folder::new(tmp.path().join("drafts"));
        let d = note(Some("Inès Haddad"), Status::Draft, None);
        let path = folder.save(&d, None).expect("saved").path;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let again = note(Some("Inès Haddad"), Status::Approved, None);
        folder.save(&again, Some(&path)).expect("saved over");
        let meta = std::fs::metadata(&path).expect("there");
        assert_eq!(meta.permissions().mode() & 0o777, 0o640);
        let other = tmp.path().join("backup.md");
        std::fs::hard_link(&path, &other).expect("hard link");
        let e = folder.save(&d, Some(&path)).expect_err("refused");
        assert!(e.message().en.contains("2 names (hard links)"), "{e:?}");
        let (a, b) = (
            std::fs::metadata(&path).expect("there"),
            std::fs::metadata(&other).expect("there"),
        );
        assert_eq!((a.ino(), a.nlink()), (b.ino(), 2));
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("approved"), "{text}");
    }

    #[test]
    fn findings_across_reads_the_saved_drafts_but_not_those_checked_again() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let folder = Folder::new(tmp.path().join("drafts"));
        let mut saved = Vec::new();
        for name in ["Inès Haddad", "Léa Martin", "Tom Petit"] {
            saved.push(
                folder
                    .save(&note(Some(name), Status::Draft, None), None)
                    .expect("saved"),
            );
        }
        let d = note(Some("Inès Haddad"), Status::Draft, None);
        let record = |s: &Saved| {
            let path = s.path.display().to_string();
            Record::new(&path, &s.text, &d, Platform::Linkedin, Tier::Free, true)
        };
        let settings = Settings {
            repeated_people: 3,
            repeated_similarity: 0.6,
            weekly_budget: 100,
            free_monthly_notes: 5,
        };
        let (linter, options, now) = (Linter::default(), Options::default(), Timestamp::now());
        // Without the folder, one note says nothing across drafts.
        let mut alone = vec![record(&saved[0])];
        assert!(findings_across(&mut alone, None, &options, &linter, &settings, now).is_empty());
        assert_eq!(alone.len(), 1);
        // With it, the two others are read, not the one already checked: the
        // same text going to three people.
        let mut records = vec![record(&saved[0])];
        let found = findings_across(
            &mut records,
            Some(&folder),
            &options,
            &linter,
            &settings,
            now,
        );
        assert_eq!(
            records.len(),
            3,
            "{:?}",
            records.iter().map(|r| &r.path).collect::<Vec<_>>()
        );
        assert!(records[1..].iter().all(|r| !r.checked));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].record, found[0].rule),
            (0, crate::RuleId::RepeatedText)
        );
    }

    #[test]
    fn pace_counts_weeks_and_free_notes() {
        let now: Timestamp = "2026-11-25T12:00:00Z".parse().expect("time");
        let day = jiff::SignedDuration::from_hours(24);
        let at = |days: i32| now - day * days;
        let settings = Settings {
            repeated_people: 3,
            repeated_similarity: 0.8,
            weekly_budget: 2,
            free_monthly_notes: 5,
        };
        let pace = Pace::of(
            [at(0), at(1), at(8), at(29), at(31), at(60), at(-1)],
            now,
            &settings,
            true,
        );
        assert_eq!(pace.weeks, [0, 0, 0, 2, 0, 0, 1, 2]);
        assert_eq!(pace.free_left, Some(1), "4 notes in 30 days of 5");
        assert_eq!(Pace::of([], now, &settings, false).free_left, None);
    }
}
