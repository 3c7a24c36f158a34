//! The only module that writes files: staged, then swapped in, so a failed or interrupted
//! build never leaves a half-written output.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::pipeline::Artifact;

#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {reason}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    pub reason: String,
}

mod target;

pub(crate) use target::MARKER_FILE;
pub use target::{OutputDir, Protected};

fn reason(error: &std::io::Error) -> String {
    crate::load::io_reason(error)
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_owned(),
        reason: reason(&error),
    }
}

/// Files the build keeps in the output folder although it does not produce them.
const KEPT_FILES: &[&str] = &["README.md"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub files: usize,
    pub bytes: u64,
}

/// One file to write: its path inside the output folder (`/`-separated, relative) and bytes.
#[derive(Debug, Clone, Copy)]
pub struct OutputFile<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> From<&'a Artifact> for OutputFile<'a> {
    fn from(artifact: &'a Artifact) -> Self {
        Self {
            path: &artifact.path,
            bytes: &artifact.bytes,
        }
    }
}

/// Test hook of the unit tests' builds only (`interrupted`): with `APPEALPACK_TEST_STALL=<point>`
/// the writer stops at that point and waits to be killed, so a test can interrupt a write
/// exactly there. Points: `staging` (one file staged), `swap` (the old output moved aside, the
/// new one not yet in its place). The shipped binary and the library have no such hook.
#[cfg(test)]
const STALL_VAR: &str = "APPEALPACK_TEST_STALL";

/// Writes every artifact into `out`, as [`write_files`] does (the tests' shorthand).
#[cfg(test)]
fn write_output(out: &OutputDir, artifacts: &[Artifact]) -> Result<WriteSummary, WriteError> {
    let files: Vec<OutputFile<'_>> = artifacts.iter().map(OutputFile::from).collect();
    write_files(out, &files)
}

/// Makes the output folder exactly `files` (plus the README.md it had, and the marker that
/// says appealpack made it): written into a staging folder beside it first, then swapped in
/// with two renames. On error the previous output is left as it was. Builds that write the
/// same folder at once take turns, through an advisory lock beside it.
pub fn write_files(out: &OutputDir, files: &[OutputFile<'_>]) -> Result<WriteSummary, WriteError> {
    write_resolved(out, files).map_err(|error| WriteError {
        path: out.shown_path(&error.path),
        reason: error.reason,
    })
}

fn write_resolved(out: &OutputDir, files: &[OutputFile<'_>]) -> Result<WriteSummary, WriteError> {
    check_paths(out.path(), files)?;
    let path = out.path();
    // A file where the output folder (or a folder above it) must be is the user's, not ours
    // to replace: refuse before anything is moved.
    if path.exists() && !path.is_dir() {
        return Err(WriteError {
            path: path.to_owned(),
            reason: "it is a file, not a folder".into(),
        });
    }
    let (parent, name) = out.parent_and_name();
    fs::create_dir_all(parent).map_err(|error| WriteError {
        path: path.to_owned(),
        reason: match blocking_file(parent) {
            Some(file) => format!(
                "{} is a file, not a folder",
                out.shown_path(&file).display()
            ),
            None => reason(&error),
        },
    })?;
    let lock = lock(out)?;
    recover_locked(out);

    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let result = stage(&staging, path, files).and_then(|summary| {
        swap(
            &staging,
            path,
            &parent.join(format!(".{name}.previous-{pid}")),
        )?;
        Ok(summary)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
        // A failed build changes nothing, not even by leaving a lock file it created.
        lock.remove_if_created();
    }
    result
}

/// The advisory lock of an output folder, held while the value lives.
struct OutputLock {
    path: PathBuf,
    file: fs::File,
    created: bool,
}

impl OutputLock {
    /// Removes the lock file if this build created it, while still holding the lock. A build
    /// waiting on it at that moment would then hold a lock no one else sees; the worst that
    /// can follow is that its swap fails and the previous output is put back, never a loss.
    fn remove_if_created(self) {
        if self.created {
            let _ = fs::remove_file(&self.path);
        }
        drop(self.file);
    }
}

/// Takes the advisory lock of the output folder, waiting for another build that holds it.
/// Whoever holds the lock knows that every staging or previous folder beside the output was
/// left by a build that has ended, on every OS and whatever became of its process id. The
/// lock file stays: removing it would let a waiting build lock a file no one else sees.
fn lock(out: &OutputDir) -> Result<OutputLock, WriteError> {
    let (parent, name) = out.parent_and_name();
    let path = parent.join(format!(".{name}.lock"));
    let created = !path.exists();
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(out.path()))?;
    file.lock().map_err(io_error(out.path()))?;
    Ok(OutputLock {
        path,
        file,
        created,
    })
}

/// The first ancestor of `dir` (or `dir` itself) that exists and is not a folder.
fn blocking_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find(|a| a.exists() && !a.is_dir())
        .map(Path::to_owned)
}

/// Every path must stay inside the output folder, and no two files may share one.
fn check_paths(out: &Path, files: &[OutputFile<'_>]) -> Result<(), WriteError> {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let bad = |reason: &str| WriteError {
            path: out.join(file.path),
            reason: reason.to_owned(),
        };
        let parts: Vec<&str> = file.path.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains('\\'))
        {
            return Err(bad(
                "the path must be relative, with no empty, `.` or `..` part",
            ));
        }
        if file.path == MARKER_FILE {
            return Err(bad("the path is the marker of an output folder"));
        }
        if !seen.insert(file.path) {
            return Err(bad("two files of the build have this path"));
        }
    }
    Ok(())
}

fn stage(staging: &Path, out: &Path, files: &[OutputFile<'_>]) -> Result<WriteSummary, WriteError> {
    let _ = fs::remove_dir_all(staging);
    // Errors name the file as the user will know it (in `out`), not the staging folder.
    fs::create_dir_all(staging).map_err(io_error(out))?;
    for file in files {
        if let Some(dir) = staging.join(file.path).parent() {
            fs::create_dir_all(dir).map_err(io_error(&out.join(file.path)))?;
        }
    }
    let marker = OutputFile {
        path: MARKER_FILE,
        bytes: target::MARKER_TEXT.as_bytes(),
    };
    let with_marker: Vec<OutputFile<'_>> = files.iter().copied().chain([marker]).collect();
    write_synced(out, staging, &with_marker)?;
    let summary = WriteSummary {
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum(),
    };
    if out.is_dir() {
        carry_over(out, staging, files)?;
    }
    Ok(summary)
}

/// Copies what the new output keeps from the old one: the files in [`KEPT_FILES`] that the
/// build did not make itself. Nothing else survives a build, so no stale file of an earlier
/// build can sit beside a fresh one.
fn carry_over(
    old_root: &Path,
    new_root: &Path,
    files: &[OutputFile<'_>],
) -> Result<(), WriteError> {
    for kept in KEPT_FILES {
        let source = old_root.join(kept);
        let target = new_root.join(kept);
        if source.is_file() && !files.iter().any(|f| f.path == *kept) {
            fs::copy(&source, &target).map_err(io_error(&target))?;
        }
    }
    Ok(())
}

fn swap(staging: &Path, out: &Path, previous: &Path) -> Result<(), WriteError> {
    let _ = fs::remove_dir_all(previous);
    let had_output = out.exists();
    if had_output {
        fs::rename(out, previous).map_err(io_error(out))?;
    }
    stall_at("swap");
    if let Err(error) = fs::rename(staging, out) {
        if had_output {
            // Put the old output back; nothing is lost.
            let _ = fs::rename(previous, out);
        }
        return Err(io_error(out)(error));
    }
    // The renames are durable once the folder holding them is.
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = fs::File::open(parent).and_then(|dir| dir.sync_all());
    }
    if had_output {
        let _ = fs::remove_dir_all(previous);
    }
    Ok(())
}

/// Repairs what a killed build left beside `out`: if it died between the two renames of the
/// swap, `out` is missing and the previous output is put back; every other staging or
/// previous folder is removed. Builds call it first, even the ones that will fail, so the
/// previous output is never lost. It waits for a build that is writing the same folder, and
/// takes the lock (which creates the lock file) only when there is something to repair.
pub fn recover(out: &OutputDir) -> Result<(), WriteError> {
    if leftovers(out).is_empty() {
        return Ok(());
    }
    let _lock = lock(out).map_err(|error| WriteError {
        path: out.shown_path(&error.path),
        reason: error.reason,
    })?;
    recover_locked(out);
    Ok(())
}

/// The staging and previous folders beside `out`, sorted by name.
fn leftovers(out: &OutputDir) -> Vec<(String, PathBuf)> {
    let (parent, name) = out.parent_and_name();
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.previous-")];
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(file_name, _)| prefixes.iter().any(|p| file_name.starts_with(p)))
        .collect();
    found.sort();
    found
}

/// [`recover`] for a caller that holds the lock, so that every leftover is a dead build's.
fn recover_locked(out: &OutputDir) {
    let (_, name) = out.parent_and_name();
    let previous_prefix = format!(".{name}.previous-");
    let mut leftovers = leftovers(out);
    let path = out.path();
    if !path.exists() {
        let previous = leftovers
            .iter()
            .position(|(file_name, _)| file_name.starts_with(&previous_prefix));
        if let Some(index) = previous {
            let (_, previous) = leftovers.remove(index);
            let _ = fs::rename(previous, path);
        }
    }
    for (_, leftover) in leftovers {
        let _ = fs::remove_dir_all(leftover);
    }
}

#[cfg(test)]
fn stall_at(point: &str) {
    if std::env::var_os(STALL_VAR).is_some_and(|v| v == point) {
        eprintln!("{STALL_VAR}: stalled at `{point}`");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
}

#[cfg(not(test))]
fn stall_at(_point: &str) {}

/// Writes every file under `staging`, then makes them durable before the swap may publish
/// them. On Linux one `syncfs` of the staging folder's file system does it: it commits the
/// files' data and the folders' entries together, as the per-file syncs did, in one journal
/// commit instead of one per file (32 files of 60 KB written one after another: 16 ms against
/// 194 ms for a sync each, on this project's 2-core machine under load). An error then names the output
/// folder, since the file system does not say which file failed. Elsewhere each file is synced,
/// several at a time. The error reported is that of the first failing file in the list,
/// named as in `out`.
fn write_synced(out: &Path, staging: &Path, files: &[OutputFile<'_>]) -> Result<(), WriteError> {
    #[cfg(target_os = "linux")]
    {
        for file in files {
            write_new_file(&staging.join(file.path), file.bytes, false).map_err(|e| {
                WriteError {
                    path: out.join(file.path),
                    reason: e.reason,
                }
            })?;
            stall_at("staging");
        }
        sync_file_system(staging).map_err(io_error(out))
    }
    #[cfg(not(target_os = "linux"))]
    write_each_synced(out, staging, files)
}

/// Commits every dirty page and entry of the file system holding `dir` (syncfs(2); its errors
/// are reported since Linux 5.8).
#[cfg(target_os = "linux")]
fn sync_file_system(dir: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let folder = fs::File::open(dir)?;
    // SAFETY: `syncfs` only reads the descriptor, which `folder` keeps open for the call.
    if unsafe { libc::syncfs(folder.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Threads that write and sync staged files at once.
#[cfg(not(target_os = "linux"))]
const WRITERS: usize = 16;

/// Writes and syncs every file under `staging`, several at a time: a sync mostly waits for the
/// disk, and the file system commits syncs that wait together in one go (on a virtual disk,
/// 29 syncs one after another took 60–400 ms).
#[cfg(not(target_os = "linux"))]
fn write_each_synced(
    out: &Path,
    staging: &Path,
    files: &[OutputFile<'_>],
) -> Result<(), WriteError> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<(), WriteError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..files.len().min(WRITERS))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(index) else {
                            break done;
                        };
                        let written = write_new_file(&staging.join(file.path), file.bytes, true)
                            .map_err(|e| WriteError {
                                path: out.join(file.path),
                                reason: e.reason,
                            });
                        done.push((index, written));
                        stall_at("staging");
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().try_for_each(|(_, result)| result)
}

fn write_new_file(path: &Path, bytes: &[u8], sync: bool) -> Result<(), WriteError> {
    let mut file = fs::File::create(path).map_err(io_error(path))?;
    file.write_all(bytes).map_err(io_error(path))?;
    if sync {
        file.sync_all().map_err(io_error(path))?;
    }
    Ok(())
}

/// Writes one file atomically: a temporary file in the same folder, then a rename.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = write_new_file(&temp, bytes, true)
        .and_then(|()| fs::rename(&temp, path).map_err(io_error(path)));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod interrupted;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Format;

    fn artifact(path: &str, bytes: &[u8]) -> Artifact {
        Artifact {
            locale: "en".into(),
            format: Format::Text,
            paper: None,
            path: path.into(),
            bytes: bytes.to_vec(),
            pages: None,
            fallbacks: Vec::new(),
        }
    }

    /// `out` resolved with nothing protected, after marking it as an earlier output if it
    /// exists (as a build would have left it).
    fn output_dir(out: &Path) -> OutputDir {
        if out.is_dir() {
            fs::write(out.join(MARKER_FILE), target::MARKER_TEXT).unwrap();
        }
        OutputDir::resolve(out, &[]).unwrap()
    }

    /// Names in `dir`, sorted.
    pub(super) fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_output_becomes_exactly_the_new_files_and_keeps_its_readme() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::create_dir_all(out.join("en")).unwrap();
        fs::write(out.join("README.md"), "kept").unwrap();
        fs::write(out.join("old/x.pdf"), "stale").unwrap();
        fs::write(out.join("en/a.docx"), "stale beside a fresh PDF").unwrap();
        let summary = write_output(&output_dir(&out), &[artifact("en/a.txt", b"new")]).unwrap();
        assert_eq!(summary, WriteSummary { files: 1, bytes: 3 });
        assert_eq!(fs::read_to_string(out.join("README.md")).unwrap(), "kept");
        assert_eq!(fs::read_to_string(out.join("en/a.txt")).unwrap(), "new");
        assert_eq!(names(&out), [MARKER_FILE, "README.md", "en"]);
        assert_eq!(names(&out.join("en")), ["a.txt"]);
        assert_eq!(
            names(dir.path()),
            [".output.lock", "output"],
            "no staging folder left"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("keep.txt"), "previous").unwrap();
        let target = output_dir(&out);
        // A path that cannot be created: a file stands where a folder must go.
        let bad = [artifact("a.txt", b"1"), artifact("a.txt/b.txt", b"2")];
        assert!(write_output(&target, &bad).is_err());
        assert_eq!(
            fs::read_to_string(out.join("keep.txt")).unwrap(),
            "previous"
        );
        assert_eq!(names(dir.path()), ["output"], "not even a lock file left");
    }

    #[test]
    fn paths_outside_the_output_or_given_twice_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let target = output_dir(&out);
        for bad in [
            "../escape.txt",
            "/abs.txt",
            "a//b.txt",
            "a/./b.txt",
            "a\\b.txt",
        ] {
            let error = write_output(&target, &[artifact(bad, b"x")]).unwrap_err();
            assert!(error.reason.contains("must be relative"), "{bad}: {error}");
        }
        let twice = [artifact("a.txt", b"1"), artifact("a.txt", b"2")];
        let error = write_output(&target, &twice).unwrap_err();
        assert_eq!(error.reason, "two files of the build have this path");
        let marker = write_output(&target, &[artifact(MARKER_FILE, b"x")]).unwrap_err();
        assert_eq!(marker.reason, "the path is the marker of an output folder");
        assert!(!out.exists());
    }

    #[test]
    fn a_file_where_the_output_folder_goes_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notes.txt");
        fs::write(&out, "mine").unwrap();
        let error = write_output(&output_dir(&out), &[artifact("en/a.txt", b"new")]).unwrap_err();
        assert_eq!(error.reason, "it is a file, not a folder");
        assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
        assert_eq!(names(dir.path()), ["notes.txt"]);

        // A file where a folder above the output must be.
        let below = out.join("sub/output");
        let error = write_output(&output_dir(&below), &[artifact("en/a.txt", b"new")]).unwrap_err();
        assert_eq!(error.path, below);
        assert_eq!(
            error.reason,
            format!("{} is a file, not a folder", out.display())
        );
    }

    #[test]
    fn recover_puts_back_an_output_moved_aside_by_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        // A build killed between the two renames of the swap: no output, the old one aside,
        // the new one staged. The lock tells that their builds have ended, whatever their ids.
        let previous = dir
            .path()
            .join(format!(".output.previous-{}", std::process::id()));
        let staging = dir.path().join(".output.staging-1");
        fs::create_dir_all(&previous).unwrap();
        fs::write(previous.join("old.txt"), "old").unwrap();
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join("new.txt"), "new").unwrap();
        recover(&output_dir(&out)).unwrap();
        assert_eq!(fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert_eq!(names(dir.path()), [".output.lock", "output"]);
    }

    #[test]
    fn recover_drops_an_old_output_that_was_already_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("new.txt"), "new").unwrap();
        let previous = dir.path().join(".output.previous-4294967290");
        fs::create_dir_all(&previous).unwrap();
        recover(&output_dir(&out)).unwrap();
        assert!(!previous.exists());
        assert_eq!(fs::read_to_string(out.join("new.txt")).unwrap(), "new");
    }

    #[test]
    fn builds_of_one_folder_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let out = output_dir(&dir.path().join("output"));
        let held = lock(&out).unwrap().file;
        let other = fs::File::open(dir.path().join(".output.lock")).unwrap();
        assert!(other.try_lock().is_err(), "the lock is held");
        drop(held);
        other.try_lock().unwrap();
    }
}
