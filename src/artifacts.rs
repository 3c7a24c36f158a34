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

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_owned(),
        reason: crate::load::io_reason(&error),
    }
}

/// How a build's files meet what is already in the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// The output folder becomes exactly the new files (plus its README.md).
    Replace,
    /// New files replace old ones; files the build did not produce are kept (partial builds).
    Merge,
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

/// Test hook: with `APPEALPACK_TEST_STALL=<point>` the process stops at that point of the write
/// and waits to be killed, so tests can interrupt a build exactly there. Points: `staging` (one
/// file staged), `swap` (the old output moved aside, the new one not yet in its place).
pub const STALL_VAR: &str = "APPEALPACK_TEST_STALL";

/// Writes every artifact under `out`: into a staging folder beside it first, then swaps the
/// folders with two renames. On error the previous `out` is left as it was.
pub fn write_output(
    out: &Path,
    artifacts: &[Artifact],
    mode: WriteMode,
) -> Result<WriteSummary, WriteError> {
    let files: Vec<OutputFile<'_>> = artifacts.iter().map(OutputFile::from).collect();
    write_files(out, &files, mode)
}

/// Writes `files` under `out` as [`write_output`] does: staged, then swapped in.
pub fn write_files(
    out: &Path,
    files: &[OutputFile<'_>],
    mode: WriteMode,
) -> Result<WriteSummary, WriteError> {
    check_paths(out, files)?;
    let (parent, name) = parent_and_name(out);
    // A file where the output folder (or a folder above it) must be is the user's, not ours
    // to replace: refuse before anything is moved.
    if out.exists() && !out.is_dir() {
        return Err(WriteError {
            path: out.to_owned(),
            reason: "it is a file, not a folder".into(),
        });
    }
    fs::create_dir_all(&parent).map_err(|error| WriteError {
        path: out.to_owned(),
        reason: match blocking_file(&parent) {
            Some(file) => format!("{} is a file, not a folder", file.display()),
            None => crate::load::io_reason(&error),
        },
    })?;
    recover(out);

    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let result = stage(&staging, out, files, mode).and_then(|summary| {
        swap(
            &staging,
            out,
            &parent.join(format!(".{name}.previous-{pid}")),
        )?;
        Ok(summary)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
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

fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    (parent, name)
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
        if !seen.insert(file.path) {
            return Err(bad("two files of the build have this path"));
        }
    }
    Ok(())
}

fn stage(
    staging: &Path,
    out: &Path,
    files: &[OutputFile<'_>],
    mode: WriteMode,
) -> Result<WriteSummary, WriteError> {
    let _ = fs::remove_dir_all(staging);
    // Errors name the file as the user will know it (in `out`), not the staging folder.
    fs::create_dir_all(staging).map_err(io_error(out))?;
    for file in files {
        if let Some(dir) = staging.join(file.path).parent() {
            fs::create_dir_all(dir).map_err(io_error(&out.join(file.path)))?;
        }
    }
    write_synced(out, staging, files)?;
    let summary = WriteSummary {
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum(),
    };
    if out.is_dir() {
        let produced: Vec<PathBuf> = files.iter().map(|f| PathBuf::from(f.path)).collect();
        carry_over(out, staging, Path::new(""), &produced, mode)?;
    }
    Ok(summary)
}

/// Copies what the new output keeps from the old one: always README.md, and in merge mode
/// every file the build did not produce, except release files: a partial build would make
/// the old checksums and index lie.
fn carry_over(
    old_root: &Path,
    new_root: &Path,
    rel: &Path,
    produced: &[PathBuf],
    mode: WriteMode,
) -> Result<(), WriteError> {
    let dir = old_root.join(rel);
    for entry in fs::read_dir(&dir)
        .map_err(io_error(&dir))?
        .filter_map(Result::ok)
    {
        let rel_path = rel.join(entry.file_name());
        let kind = entry.file_type().map_err(io_error(&entry.path()))?;
        if kind.is_dir() {
            if mode == WriteMode::Merge {
                carry_over(old_root, new_root, &rel_path, produced, mode)?;
            }
            continue;
        }
        let keep = match mode {
            WriteMode::Replace => {
                rel == Path::new("") && KEPT_FILES.iter().any(|k| entry.file_name() == *k)
            }
            WriteMode::Merge => {
                !produced.contains(&rel_path) && !crate::release::is_release_file(&rel_path)
            }
        };
        let target = new_root.join(&rel_path);
        if keep && !target.exists() {
            if let Some(dir) = target.parent() {
                fs::create_dir_all(dir).map_err(io_error(dir))?;
            }
            fs::copy(entry.path(), &target).map_err(io_error(&target))?;
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
/// previous folder of a finished process is removed. Builds call it first, even the ones that
/// will fail, so the previous output is never lost.
pub fn recover(out: &Path) {
    let (parent, name) = parent_and_name(out);
    let Ok(entries) = fs::read_dir(&parent) else {
        return;
    };
    let mut leftovers: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(file_name, _)| {
            file_name.starts_with(&format!(".{name}.staging-"))
                || file_name.starts_with(&format!(".{name}.previous-"))
        })
        // A folder of a build that is still running (another process) is left alone.
        .filter(|(file_name, _)| !is_running(file_name))
        .collect();
    leftovers.sort();
    if !out.exists() {
        let previous = leftovers
            .iter()
            .position(|(file_name, _)| file_name.starts_with(&format!(".{name}.previous-")));
        if let Some(index) = previous {
            let (_, path) = leftovers.remove(index);
            let _ = fs::rename(path, out);
        }
    }
    for (_, path) in leftovers {
        let _ = fs::remove_dir_all(path);
    }
}

/// Whether the folder name ends with the id of another process that is still alive.
fn is_running(file_name: &str) -> bool {
    let pid = file_name
        .rsplit('-')
        .next()
        .and_then(|p| p.parse::<u32>().ok());
    pid.is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists())
}

fn stall_at(point: &str) {
    if std::env::var_os(STALL_VAR).is_some_and(|v| v == point) {
        eprintln!("{STALL_VAR}: stalled at `{point}`");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
}

/// Threads that write and sync staged files at once.
const WRITERS: usize = 16;

/// Writes and syncs every file under `staging`, several at a time: a sync mostly waits for the
/// disk, and the file system commits syncs that wait together in one go (on a virtual disk,
/// 29 syncs one after another took 60–400 ms). The error reported is that of the first
/// failing file in the list, whatever the order the threads met them in, named as in `out`.
fn write_synced(out: &Path, staging: &Path, files: &[OutputFile<'_>]) -> Result<(), WriteError> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<(), WriteError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            (0..files.len().min(WRITERS))
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(file) = files.get(index) else {
                                break done;
                            };
                            let written = write_new_file(&staging.join(file.path), file.bytes)
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

fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut file = fs::File::create(path).map_err(io_error(path))?;
    file.write_all(bytes).map_err(io_error(path))?;
    file.sync_all().map_err(io_error(path))?;
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
    let result =
        write_new_file(&temp, bytes).and_then(|()| fs::rename(&temp, path).map_err(io_error(path)));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

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

    #[test]
    fn replace_keeps_the_readme_and_drops_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(out.join("README.md"), "kept").unwrap();
        fs::write(out.join("old/x.pdf"), "stale").unwrap();
        let summary =
            write_output(&out, &[artifact("en/a.txt", b"new")], WriteMode::Replace).unwrap();
        assert_eq!(summary, WriteSummary { files: 1, bytes: 3 });
        assert_eq!(fs::read_to_string(out.join("README.md")).unwrap(), "kept");
        assert_eq!(fs::read_to_string(out.join("en/a.txt")).unwrap(), "new");
        assert!(!out.join("old").exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["output"], "no staging folder left behind");
    }

    #[test]
    fn merge_keeps_files_the_build_did_not_make() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("fr")).unwrap();
        fs::write(out.join("fr/f.txt"), "fr").unwrap();
        fs::write(out.join("en.txt"), "old en").unwrap();
        write_output(&out, &[artifact("en.txt", b"new en")], WriteMode::Merge).unwrap();
        assert_eq!(fs::read_to_string(out.join("fr/f.txt")).unwrap(), "fr");
        assert_eq!(fs::read_to_string(out.join("en.txt")).unwrap(), "new en");
    }

    #[test]
    fn a_failed_write_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("keep.txt"), "previous").unwrap();
        // A path that cannot be created: a file stands where a folder must go.
        let bad = [artifact("a.txt", b"1"), artifact("a.txt/b.txt", b"2")];
        assert!(write_output(&out, &bad, WriteMode::Replace).is_err());
        assert_eq!(
            fs::read_to_string(out.join("keep.txt")).unwrap(),
            "previous"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["output"]);
    }

    #[test]
    fn paths_outside_the_output_or_given_twice_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        for bad in [
            "../escape.txt",
            "/abs.txt",
            "a//b.txt",
            "a/./b.txt",
            "a\\b.txt",
        ] {
            let error = write_output(&out, &[artifact(bad, b"x")], WriteMode::Replace).unwrap_err();
            assert!(error.reason.contains("must be relative"), "{bad}: {error}");
        }
        let twice = [artifact("a.txt", b"1"), artifact("a.txt", b"2")];
        let error = write_output(&out, &twice, WriteMode::Replace).unwrap_err();
        assert_eq!(error.reason, "two files of the build have this path");
        assert!(!out.exists());
    }

    #[test]
    fn a_file_where_the_output_folder_goes_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notes.txt");
        fs::write(&out, "mine").unwrap();
        let error =
            write_output(&out, &[artifact("en/a.txt", b"new")], WriteMode::Replace).unwrap_err();
        assert_eq!(error.reason, "it is a file, not a folder");
        assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["notes.txt"]);

        // A file where a folder above the output must be.
        let error = write_output(
            &out.join("sub/output"),
            &[artifact("en/a.txt", b"new")],
            WriteMode::Replace,
        )
        .unwrap_err();
        assert_eq!(error.path, out.join("sub/output"));
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
        // the new one staged. Process ids that cannot be running.
        let previous = dir.path().join(".output.previous-4294967290");
        let staging = dir.path().join(".output.staging-4294967290");
        fs::create_dir_all(&previous).unwrap();
        fs::write(previous.join("old.txt"), "old").unwrap();
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join("new.txt"), "new").unwrap();
        recover(&out);
        assert_eq!(fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["output"]);
    }

    #[test]
    fn recover_drops_an_old_output_that_was_already_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("new.txt"), "new").unwrap();
        let previous = dir.path().join(".output.previous-4294967290");
        fs::create_dir_all(&previous).unwrap();
        recover(&out);
        assert!(!previous.exists());
        assert_eq!(fs::read_to_string(out.join("new.txt")).unwrap(), "new");
    }

    #[test]
    fn a_partial_build_drops_the_release_files_it_would_make_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("fr")).unwrap();
        for old in [
            "manifest.json",
            "SHA256SUMS",
            "index.html",
            "x-all.zip",
            "fr/x-fr.zip",
            "fr/x-fr.pdf",
        ] {
            fs::write(out.join(old), "old").unwrap();
        }
        write_output(&out, &[artifact("en/x-en.pdf", b"new")], WriteMode::Merge).unwrap();
        assert_eq!(fs::read_to_string(out.join("fr/x-fr.pdf")).unwrap(), "old");
        for stale in [
            "manifest.json",
            "SHA256SUMS",
            "index.html",
            "x-all.zip",
            "fr/x-fr.zip",
        ] {
            assert!(!out.join(stale).exists(), "{stale}");
        }
    }
}
