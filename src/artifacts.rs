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

/// Writes every artifact under `out`: into a staging folder beside it first, then swaps the
/// folders with two renames. On error the previous `out` is left as it was.
pub fn write_output(
    out: &Path,
    artifacts: &[Artifact],
    mode: WriteMode,
) -> Result<WriteSummary, WriteError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    remove_leftovers(&parent, &name);

    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let result = stage(&staging, out, artifacts, mode).and_then(|summary| {
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

fn stage(
    staging: &Path,
    out: &Path,
    artifacts: &[Artifact],
    mode: WriteMode,
) -> Result<WriteSummary, WriteError> {
    let _ = fs::remove_dir_all(staging);
    fs::create_dir_all(staging).map_err(io_error(staging))?;
    let mut summary = WriteSummary::default();
    for artifact in artifacts {
        let path = staging.join(&artifact.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        write_new_file(&path, &artifact.bytes)?;
        summary.files += 1;
        summary.bytes += artifact.bytes.len() as u64;
    }
    if out.is_dir() {
        let produced: Vec<PathBuf> = artifacts.iter().map(|a| PathBuf::from(&a.path)).collect();
        carry_over(out, staging, Path::new(""), &produced, mode)?;
    }
    Ok(summary)
}

/// Copies what the new output keeps from the old one: always README.md, and in merge mode
/// every file the build did not produce.
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
            WriteMode::Merge => !produced.contains(&rel_path),
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
    if let Err(error) = fs::rename(staging, out) {
        if had_output {
            // Put the old output back; nothing is lost.
            let _ = fs::rename(previous, out);
        }
        return Err(io_error(out)(error));
    }
    if had_output {
        let _ = fs::remove_dir_all(previous);
    }
    Ok(())
}

/// Staging and previous folders of builds that were killed before they finished.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let ours = file_name.starts_with(&format!(".{name}.staging-"))
            || file_name.starts_with(&format!(".{name}.previous-"));
        let pid = file_name
            .rsplit('-')
            .next()
            .and_then(|p| p.parse::<u32>().ok());
        // A folder of a build that is still running (another process) is left alone.
        let running = pid
            .is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists());
        if ours && !running {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
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
}
