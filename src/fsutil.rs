//! Writing files without ever losing one: a temporary file in the same
//! folder, fsync, then a rename that refuses to replace an existing file.
//! Files are 0600 and new folders 0700 on Unix: drafts hold real people's names.

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

/// `contents` in a temporary file beside `path` (0600 on Unix: tempfile's
/// default), written and synced; its folder is created 0700 if needed.
fn synced_temp(path: &Path, contents: &[u8]) -> io::Result<(tempfile::NamedTempFile, PathBuf)> {
    let dir = parent(path);
    create_private_dir(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".poignee-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    Ok((tmp, dir))
}

/// `path` if it is free, else `stem-2.ext`, `stem-3.ext`, … : two saves for the
/// same person make two files.
pub fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("draft");
    let ext = path.extension().and_then(|s| s.to_str());
    (2..)
        .map(|n| {
            let name = match ext {
                Some(e) => format!("{stem}-{n}.{e}"),
                None => format!("{stem}-{n}"),
            };
            path.with_file_name(name)
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes `contents` at `path`, or at the next free name beside it
/// ([`free_name`]) if it is taken, even by a file that appears meanwhile.
/// Returns where the file went.
pub fn write_fresh(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free name");
    for _ in 0..100 {
        let target = free_name(path);
        match write_new(&target, contents) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
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
