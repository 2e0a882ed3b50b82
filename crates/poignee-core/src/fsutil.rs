//! Writing files without ever losing one: a temporary file in the same
//! folder, fsync, then a rename that refuses to replace an existing file.
//! New files are 0600 and new folders 0700 on Unix: drafts hold real
//! people's names. A file written over ([`write_over`]) stays as the user
//! had it: its permissions, owner and group, its other names.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to `path`, failing with `AlreadyExists` rather than
/// replacing a file that is there.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (tmp, dir) = synced_temp(path, contents)?;
    // persist_noclobber links without replacing.
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Writes `contents` to `path`, replacing it atomically if it exists (for
/// files poignee owns, such as the recovery file).
pub fn write_replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (tmp, dir) = synced_temp(path, contents)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// An advisory lock on a file poignee rewrites (`mark`), held until
/// dropped: another poignee that takes it waits, then reads what this one
/// wrote. It is a lock file beside the real file (`.claire.md.poignee-lock`,
/// 0600, empty), not the file itself, which a rename replaces. The holder
/// removes it before letting go, so none is left behind; one that finds the
/// file it locked removed or replaced meanwhile takes the new one.
#[derive(Debug)]
pub struct Lock {
    file: std::fs::File,
    path: PathBuf,
}

/// Why a [`Lock`] was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process held it for all of [`LOCK_WAIT`].
    Busy,
    /// Where the lock file goes is a link or a folder: not poignee's.
    NotALockFile(PathBuf),
    Io(io::Error),
}

impl From<io::Error> for LockError {
    fn from(e: io::Error) -> Self {
        LockError::Io(e)
    }
}

/// The name of a folder's lock file ([`Lock::folder`]): hidden, so that
/// no command takes it for a draft.
pub const FOLDER_LOCK: &str = ".poignee-lock";

/// How long a [`Lock`] is waited for: a `mark` holds it for milliseconds.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

impl Lock {
    /// Locks `path` (through its links: two names of one file share the
    /// lock), waiting for another holder at most [`LOCK_WAIT`].
    pub fn beside(path: &Path) -> Result<Lock, LockError> {
        let real = std::fs::canonicalize(path)?;
        let mut name = std::ffi::OsString::from(".");
        name.push(real.file_name().unwrap_or_default());
        name.push(".poignee-lock");
        Lock::take(parent(&real).join(name), LOCK_WAIT, &mut || {})
    }

    /// Locks a whole folder for a run that writes many new files into it
    /// (`draft --people`): the lock file is `.poignee-lock` inside it (the
    /// folder must be there). Waits for another holder at most `wait`,
    /// calling `waiting` once if it has to wait at all (to say so).
    pub fn folder(
        dir: &Path,
        wait: std::time::Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<Lock, LockError> {
        let real = std::fs::canonicalize(dir)?;
        Lock::take(real.join(FOLDER_LOCK), wait, waiting)
    }

    fn take(
        lock: PathBuf,
        wait: std::time::Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<Lock, LockError> {
        let start = std::time::Instant::now();
        let mut said = false;
        loop {
            if start.elapsed() > wait {
                return Err(LockError::Busy);
            }
            // A link or a folder there is not ours to open, nor to remove.
            if let Ok(m) = std::fs::symlink_metadata(&lock)
                && !m.file_type().is_file()
            {
                return Err(LockError::NotALockFile(lock));
            }
            let mut options = std::fs::OpenOptions::new();
            options.read(true).write(true).create(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let file = options.open(&lock)?;
            // fs4's, not std's (Rust 1.89, above this crate's 1.85).
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {
                    if same_file(&file, &lock) {
                        return Ok(Lock { file, path: lock });
                    }
                    // Removed by the holder before us, or replaced: again.
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    if !said {
                        said = true;
                        waiting();
                    }
                    // A `mark` holds it for milliseconds, a `draft` run
                    // for seconds: past the first second, fewer wake-ups.
                    let nap = if start.elapsed() > std::time::Duration::from_secs(1) {
                        20
                    } else {
                        2
                    };
                    std::thread::sleep(std::time::Duration::from_millis(nap));
                }
                Err(fs4::TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while held, so that whoever waits on this one sees it
        // gone and takes the next; then let go. Where an open file cannot
        // be removed (Windows), it stays, empty.
        let _ = std::fs::remove_file(&self.path);
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::File, path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Why [`write_over`] wrote nothing. The file is as it was.
#[derive(Debug)]
pub enum OverError {
    /// The file has this many names (hard links): a new file renamed over
    /// one of them would leave the others with the old text.
    HardLinks(u64),
    /// The file's owner and group could not be given to the new one (it is
    /// another user's): rewriting it would make it the runner's.
    Owner {
        uid: u32,
        gid: u32,
    },
    Io(io::Error),
}

impl From<io::Error> for OverError {
    fn from(e: io::Error) -> Self {
        OverError::Io(e)
    }
}

/// Writes `contents` over the file at `path`, atomically (a temporary file
/// beside it, synced, renamed over it), leaving it as the user had it: a
/// symbolic link's target is written, not the link replaced by a file; the
/// file keeps its permissions and, on Unix, its owner and
/// group, even when root runs it. A file with other hard links is refused:
/// a rename would split them. Returns the path written (a link's target).
pub fn write_over(path: &Path, contents: &[u8]) -> Result<PathBuf, OverError> {
    let real = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&real)?;
    #[cfg(unix)]
    {
        let links = std::os::unix::fs::MetadataExt::nlink(&meta);
        if links > 1 {
            return Err(OverError::HardLinks(links));
        }
    }
    let (mut tmp, dir) = temp_beside(&real)?;
    tmp.write_all(contents)?;
    keep_owner(tmp.as_file(), &meta)?;
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&real).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(real)
}

/// Gives `file` the owner and group of `was` (a no-op when they are the
/// runner's already, the usual case).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, was: &std::fs::Metadata) -> Result<(), OverError> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if (now.uid(), now.gid()) == (was.uid(), was.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(was.uid()), Some(was.gid())).map_err(|_| {
        OverError::Owner {
            uid: was.uid(),
            gid: was.gid(),
        }
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> Result<(), OverError> {
    Ok(())
}

/// `contents` in a temporary file beside `path` (0600 on Unix: tempfile's
/// default), written and synced; its folder is created 0700 if needed.
fn synced_temp(path: &Path, contents: &[u8]) -> io::Result<(tempfile::NamedTempFile, PathBuf)> {
    let (mut tmp, dir) = temp_beside(path)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    Ok((tmp, dir))
}

/// An empty temporary file beside `path`, 0600 on Unix.
fn temp_beside(path: &Path) -> io::Result<(tempfile::NamedTempFile, PathBuf)> {
    let dir = parent(path);
    create_private_dir(&dir)?;
    clean_stale_once(&dir);
    let tmp = tempfile::Builder::new()
        .prefix(".poignee-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    Ok((tmp, dir))
}

/// `path` if it is free, else `stem-2.ext`, `stem-3.ext`, … : two saves for the
/// same person make two files. A name is taken by anything there, even a
/// dangling symbolic link.
pub fn free_name(path: &Path) -> PathBuf {
    FreeNames::default().next(path)
}

/// Free names over a run that writes many files: each stem goes on from the
/// last number it gave, so 5,000 people of the same name make 5,000 probes,
/// not 12 million.
#[derive(Debug, Default)]
pub struct FreeNames {
    next: std::collections::HashMap<PathBuf, u64>,
}

impl FreeNames {
    pub fn next(&mut self, path: &Path) -> PathBuf {
        let n = self.next.entry(path.to_path_buf()).or_insert(1);
        if *n == 1 && !taken(path) {
            *n = 2;
            return path.to_path_buf();
        }
        let stem = path
            .file_stem()
            .map_or_else(|| "draft".into(), |s| s.to_string_lossy());
        let ext = path.extension().map(|s| s.to_string_lossy());
        *n = (*n).max(2);
        loop {
            let name = match &ext {
                Some(e) => format!("{stem}-{n}.{e}"),
                None => format!("{stem}-{n}"),
            };
            *n += 1;
            let candidate = path.with_file_name(name);
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
}

fn taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Writes `contents` at `path`, or at the next free name beside it
/// ([`free_name`]) if it is taken, even by a file that appears meanwhile.
/// Returns where the file went.
pub fn write_fresh(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    write_fresh_in(path, contents, &mut FreeNames::default())
}

/// [`write_fresh`], with the names given so far in this run.
pub fn write_fresh_in(path: &Path, contents: &[u8], names: &mut FreeNames) -> io::Result<PathBuf> {
    let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free name");
    for _ in 0..100 {
        let target = names.next(path);
        match write_new(&target, contents) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// How many threads sync a batch ([`write_fresh_all`]): an fsync waits on
/// the disk, not the processor, and the file system commits the syncs that
/// wait together at once (3,000 files: 2.0 s one at a time, 0.4 s on 32
/// threads, 0.5 s on 8, on the machine measured).
const SYNC_THREADS: usize = 16;

/// Many new files, each written as [`write_fresh_in`] writes one: complete
/// or absent, 0600 on Unix, never over another file, at `path` or the next
/// free name beside it. Returns where each went, in order.
///
/// One at a time, a file costs two syncs that wait on the disk (about a
/// millisecond). Here the temporary files are written, then synced, side by
/// side ([`SYNC_THREADS`]), so the file system commits many syncs at once;
/// each synced file is then renamed to its free name, in the order given
/// (the names are those one at a time would give), without replacing
/// anything; each folder is synced once, after its last rename. A crash
/// leaves every file complete (synced before its rename) or absent; a
/// temporary file left behind goes at a later write, as
/// [`clean_stale_once`] says.
pub fn write_fresh_all<T: AsRef<[u8]> + Sync>(
    files: &[(PathBuf, T)],
    names: &mut FreeNames,
) -> Vec<io::Result<PathBuf>> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut dir_ok: std::collections::HashMap<PathBuf, Result<(), io::ErrorKind>> =
        Default::default();
    for (path, _) in files {
        let dir = parent(path);
        dir_ok.entry(dir).or_insert_with_key(|dir| {
            let made = create_private_dir(dir).map_err(|e| e.kind());
            if made.is_ok() {
                clean_stale_once(dir);
                dirs.push(dir.clone());
            }
            made
        });
    }
    let written = |(path, contents): &(PathBuf, T)| -> io::Result<tempfile::TempPath> {
        let dir = parent(path);
        if let Some(Err(kind)) = dir_ok.get(&dir) {
            return Err(io::Error::from(*kind));
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(".poignee-")
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        tmp.write_all(contents.as_ref())?;
        // Closed: a batch holds paths, not open files (as many as it likes).
        Ok(tmp.into_temp_path())
    };
    // All written first (on the usual threads: creating files keeps the
    // processor busy, not the disk), then all synced: the file system
    // writes the data of many files in one go, and commits the syncs that
    // wait together.
    let mut temps: Vec<io::Result<tempfile::TempPath>> = {
        use rayon::prelude::*;
        files.par_iter().map(written).collect()
    };
    sync_all_of(&mut temps);
    let mut out = Vec::with_capacity(files.len());
    for ((path, _), tmp) in files.iter().zip(temps) {
        out.push(tmp.and_then(|tmp| persist_fresh(tmp, path, names)));
    }
    for dir in &dirs {
        sync_dir(dir);
    }
    out
}

/// Syncs each file of `temps` on [`SYNC_THREADS`] threads of their own,
/// which only wait on the disk (they allocate nothing but an error); one
/// that fails to sync becomes that error, and its file goes.
fn sync_all_of(temps: &mut [io::Result<tempfile::TempPath>]) {
    let sync = |tmp: &tempfile::TempPath| -> io::Result<()> {
        // Through a new handle that can write (Windows syncs no other):
        // the data and the size written.
        std::fs::OpenOptions::new()
            .write(true)
            .open(tmp)?
            .sync_all()
    };
    let threads = SYNC_THREADS.min(temps.len());
    if threads <= 1 {
        for t in temps.iter_mut() {
            if let Ok(tmp) = t
                && let Err(e) = sync(tmp)
            {
                *t = Err(e);
            }
        }
        return;
    }
    let failed: Vec<(usize, io::Error)> = std::thread::scope(|s| {
        let temps = &*temps;
        let workers: Vec<_> = (0..threads)
            .map(|k| {
                s.spawn(move || {
                    let mut failed = Vec::new();
                    for (i, t) in temps.iter().enumerate().skip(k).step_by(threads) {
                        if let Ok(tmp) = t
                            && let Err(e) = sync(tmp)
                        {
                            failed.push((i, e));
                        }
                    }
                    failed
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| {
                    vec![(usize::MAX, io::Error::other("a sync thread panicked"))]
                })
            })
            .collect()
    });
    for (i, e) in failed {
        match temps.get_mut(i) {
            Some(t) => *t = Err(e),
            // A thread that died: none of the batch is known synced.
            None => {
                for t in temps.iter_mut() {
                    *t = Err(io::Error::other("a sync thread panicked"));
                }
                return;
            }
        }
    }
}

/// Renames the synced `tmp` to `path` or the next free name beside it.
fn persist_fresh(
    mut tmp: tempfile::TempPath,
    path: &Path,
    names: &mut FreeNames,
) -> io::Result<PathBuf> {
    let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free name");
    for _ in 0..100 {
        let target = names.next(path);
        match tmp.persist_noclobber(&target) {
            Ok(()) => return Ok(target),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                last = e.error;
                tmp = e.path;
            }
            // `e.path` dropped: the temporary file goes.
            Err(e) => return Err(e.error),
        }
    }
    Err(last)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates `dir` and its parents, 0700 on Unix.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Temporary files older than this were left by a run that was killed.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the `.poignee-*.tmp` files a killed run left in `dir` (older than
/// an hour: a live run's are seconds old), once per folder and process.
fn clean_stale_once(dir: &Path) {
    static CLEANED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    if let Ok(mut cleaned) = CLEANED.lock() {
        if cleaned.iter().any(|d| d == dir) {
            return;
        }
        cleaned.push(dir.to_path_buf());
    }
    clean_stale(dir, STALE);
}

fn clean_stale(dir: &Path, older_than: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".poignee-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > older_than);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable; not every platform can open a folder, and the
    // file itself is already synced, so a failure here is not an error.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_excludes_the_next_holder_and_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let draft = tmp.path().join("claire.md");
        std::fs::write(&draft, "x").expect("writes the file");
        let lock_path = tmp.path().join(".claire.md.poignee-lock");
        let first = Lock::beside(&draft).expect("writes the file");
        assert!(lock_path.is_file());
        let (tx, rx) = std::sync::mpsc::channel();
        let waiting = {
            let draft = draft.clone();
            std::thread::spawn(move || {
                let second = Lock::beside(&draft);
                let _ = tx.send(());
                second.is_ok()
            })
        };
        // The second waits while the first holds it…
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err()
        );
        drop(first);
        // …and has it once the first lets go.
        assert!(
            rx.recv_timeout(std::time::Duration::from_secs(5)).is_ok(),
            "the second never took the lock"
        );
        assert!(waiting.join().unwrap_or(false));
        assert!(!lock_path.exists(), "a lock file was left behind");
        // A link where the lock file goes is neither followed nor removed.
        #[cfg(unix)]
        {
            let elsewhere = tmp.path().join("elsewhere");
            std::fs::write(&elsewhere, "mine").expect("writes the file");
            std::os::unix::fs::symlink(&elsewhere, &lock_path).expect("makes the link");
            assert!(matches!(
                Lock::beside(&draft),
                Err(LockError::NotALockFile(p)) if p == lock_path
            ));
            assert!(lock_path.is_symlink());
            assert_eq!(
                std::fs::read_to_string(&elsewhere).ok().as_deref(),
                Some("mine")
            );
        }
    }

    #[test]
    fn never_overwrites_and_finds_free_names() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("sub/claire.md");
        write_new(&p, b"one").expect("first write");
        let again = write_new(&p, b"two").expect_err("second write refused");
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).expect("read"), b"one");
        let q = free_name(&p);
        assert_eq!(q.file_name().and_then(|s| s.to_str()), Some("claire-2.md"));
        write_replace(&p, b"three").expect("replace");
        assert_eq!(std::fs::read(&p).expect("read"), b"three");
        let r = write_fresh(&p, b"four").expect("fresh");
        assert_eq!(r.file_name().and_then(|s| s.to_str()), Some("claire-2.md"));
        assert_eq!(std::fs::read(&p).expect("read"), b"three");
        assert_eq!(std::fs::read(&r).expect("read"), b"four");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_takes_its_name_and_names_go_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("eve.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &p).expect("symlink");
        let w = write_fresh(&p, b"x").expect("written");
        assert_eq!(w.file_name().and_then(|s| s.to_str()), Some("eve-2.md"));
        let mut names = FreeNames::default();
        let got: Vec<PathBuf> = (0..3)
            .map(|_| write_fresh_in(&p, b"y", &mut names).expect("written"))
            .collect();
        let got: Vec<_> = got
            .iter()
            .filter_map(|p| p.file_name()?.to_str().map(String::from))
            .collect();
        assert_eq!(got, ["eve-3.md", "eve-4.md", "eve-5.md"]);
    }

    #[test]
    fn a_batch_writes_every_file_at_a_free_name_and_replaces_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ann = dir.path().join("ann.md");
        std::fs::write(&ann, b"mine").expect("write");
        let files: Vec<(PathBuf, String)> = (0..50)
            .map(|i| {
                let who = if i % 2 == 0 { "ann" } else { "bob" };
                (dir.path().join(format!("{who}.md")), format!("{i}"))
            })
            .chain([(dir.path().join("nope/x.md"), "in a file".into())])
            .collect();
        // A file where a folder should be: that one fails, the rest go on.
        std::fs::write(dir.path().join("nope"), b"a file").expect("write");
        let mut names = FreeNames::default();
        let got = write_fresh_all(&files, &mut names);
        assert_eq!(got.len(), 51);
        assert!(got[50].is_err());
        let names: Vec<String> = got[..50]
            .iter()
            .map(|r| {
                let p = r.as_ref().expect("written");
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(names[..4], ["ann-2.md", "bob.md", "ann-3.md", "bob-2.md"]);
        assert_eq!(std::fs::read(&ann).expect("read"), b"mine");
        for (i, r) in got[..50].iter().enumerate() {
            let p = r.as_ref().expect("written");
            assert_eq!(std::fs::read_to_string(p).expect("read"), i.to_string());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(p).expect("there").permissions().mode();
                assert_eq!(mode & 0o777, 0o600);
            }
        }
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }

    #[test]
    fn stale_temporary_files_go_fresh_ones_stay() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = dir.path().join(".poignee-abc.tmp");
        let other = dir.path().join("keep.tmp");
        let fresh = dir.path().join(".poignee-def.tmp");
        let two_hours_ago = std::time::SystemTime::now() - 2 * STALE;
        for p in [&stale, &other] {
            let f = std::fs::File::create(p).expect("create");
            f.set_modified(two_hours_ago).expect("mtime");
        }
        std::fs::write(&fresh, b"x").expect("write");
        clean_stale_once(dir.path());
        assert!(!stale.exists(), "left by a killed run");
        assert!(fresh.exists(), "a live run's");
        assert!(other.exists(), "not ours");
    }

    #[cfg(unix)]
    #[test]
    fn writing_over_keeps_mode_links_and_names() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("note.md");
        std::fs::write(&p, b"one").expect("write");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&p, &link).expect("symlink");
        let written = write_over(&link, b"two").expect("written");
        assert_eq!(written, std::fs::canonicalize(&p).expect("real"));
        assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        let meta = std::fs::metadata(&p).expect("there");
        assert_eq!(meta.permissions().mode() & 0o777, 0o644);
        std::fs::hard_link(&p, dir.path().join("other.md")).expect("hard link");
        assert!(matches!(
            write_over(&p, b"three"),
            Err(OverError::HardLinks(2))
        ));
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        assert_eq!(std::fs::metadata(&p).expect("there").nlink(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn private_modes() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("new/claire.md");
        write_new(&p, b"x").expect("write");
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0)
        };
        assert_eq!(mode(&p), 0o600);
        assert_eq!(mode(&dir.path().join("new")), 0o700);
    }
}
