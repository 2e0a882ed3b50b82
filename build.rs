//! Sets `POIGNEE_VERSION`, what `poignee --version` prints: the crate's
//! version and, when built from a git checkout with git at hand, the commit
//! ("0.1.0 (1a2b3c4)"). From a tarball, or without git, the version alone:
//! the build never needs either.

use std::path::Path;
use std::process::Command;

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&root);
    println!("cargo:rerun-if-changed=build.rs");
    // `.git` is a folder in a clone, a file in a worktree.
    let shown = match root.join(".git").exists() {
        true => match git(root, &["rev-parse", "--short", "HEAD"]) {
            Some(commit) => {
                watch_head(root);
                format!("{version} ({commit})")
            }
            None => version,
        },
        false => version,
    };
    println!("cargo:rustc-env=POIGNEE_VERSION={shown}");
}

/// Builds again when HEAD moves: a commit, a checkout, a fetch that packs
/// the refs.
fn watch_head(root: &Path) {
    let mut paths = vec!["HEAD".to_string(), "packed-refs".to_string()];
    if let Some(branch) = git(root, &["symbolic-ref", "-q", "HEAD"]) {
        paths.push(branch);
    }
    for p in paths {
        if let Some(file) = git(root, &["rev-parse", "--git-path", &p]) {
            let file = root.join(file);
            if file.exists() {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
    }
}

/// The trimmed output of a git command run in `root`, if it ran and said
/// something.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
