//! The output folder, resolved once and checked before anything is written: never a folder
//! that holds the inputs, never a folder of someone else's files, never a symbolic link.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::WriteError;

/// The file that marks a folder as an appealpack output. A build replaces only a folder that
/// has it, is empty, or holds nothing but the files a build keeps (README.md).
pub(crate) const MARKER_FILE: &str = ".appealpack-output";

/// What the marker says to whoever opens the folder.
pub(super) const MARKER_TEXT: &str = "This folder is made by appealpack. Each build replaces it \
as a whole with what that build made: files added here are removed by the next build, except \
README.md.\n";

/// A folder the output must neither be, nor hold, nor sit inside: the translations, the fonts.
#[derive(Debug, Clone)]
pub struct Protected<'a> {
    pub path: &'a Path,
    /// What the folder is, for the message: "the translations folder".
    pub what: &'a str,
    /// Whether an output inside it is allowed (true for the project folder, which holds
    /// `output/` itself).
    pub may_hold_output: bool,
}

/// The output folder as resolved once at the start of a build: `path` is absolute with a
/// canonical parent, so `out/../out` and `./out` name the same folder and a later change of
/// the current folder cannot move it. `shown` is the path as the user gave it, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDir {
    path: PathBuf,
    shown: PathBuf,
    /// The current folder when the path was resolved: messages name paths relative to it.
    cwd: PathBuf,
}

impl OutputDir {
    /// Resolves `out` and refuses the folders a build must never replace: a symbolic link, a
    /// folder that holds or is inside a protected folder, or a non-empty folder that is not
    /// an earlier output. Nothing is created or changed.
    pub fn resolve(out: &Path, protected: &[Protected<'_>]) -> Result<Self, WriteError> {
        let refuse = |reason: String| WriteError {
            path: out.to_owned(),
            reason,
        };
        if let Ok(meta) = fs::symlink_metadata(out)
            && meta.file_type().is_symlink()
        {
            let target = fs::read_link(out)
                .map(|t| format!(" (to {})", t.display()))
                .unwrap_or_default();
            return Err(refuse(format!(
                "it is a symbolic link{target}, which a build would replace by a folder; give the folder it points to as --out"
            )));
        }
        let path = absolute(out).map_err(&refuse)?;
        for folder in protected {
            let Ok(protected_path) = fs::canonicalize(folder.path) else {
                continue;
            };
            let what = folder.what;
            let shown = folder.path.display();
            if path == protected_path {
                return Err(refuse(format!(
                    "it is {what} ({shown}), which a build would replace; give a separate folder such as `output`"
                )));
            }
            if protected_path.starts_with(&path) {
                return Err(refuse(format!(
                    "it holds {what} ({shown}), which a build would delete; give a separate folder such as `output`"
                )));
            }
            if !folder.may_hold_output && path.starts_with(&protected_path) {
                return Err(refuse(format!(
                    "it is inside {what} ({shown}); give a folder outside it, such as `output`"
                )));
            }
        }
        if path.is_dir() && !is_replaceable(&path).map_err(|e| refuse(super::reason(&e)))? {
            return Err(refuse(format!(
                "the folder is not empty and is not an earlier appealpack output (it has no {MARKER_FILE} file); give a new or empty folder, or move its files away"
            )));
        }
        Ok(Self {
            path,
            shown: out.to_owned(),
            cwd: std::env::current_dir()
                .and_then(fs::canonicalize)
                .unwrap_or_default(),
        })
    }

    /// The absolute path the build writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as the user gave it, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// `path` as the user will know it: inside the output, below the path they gave; else
    /// relative to the current folder where it is inside it.
    pub fn shown_path(&self, path: &Path) -> PathBuf {
        if let Ok(inside) = path.strip_prefix(&self.path) {
            return if inside.as_os_str().is_empty() {
                self.shown.clone()
            } else {
                self.shown.join(inside)
            };
        }
        match path.strip_prefix(&self.cwd) {
            Ok(relative) if !self.cwd.as_os_str().is_empty() => relative.to_owned(),
            _ => path.to_owned(),
        }
    }

    /// The folder that holds the output (canonical), and the output's own name.
    pub(super) fn parent_and_name(&self) -> (&Path, String) {
        let parent = self.path.parent().unwrap_or(Path::new("/"));
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        (parent, name)
    }
}

/// A folder a build may replace: one with the marker, or one that holds nothing a build
/// would lose (nothing at all, or only the files it keeps).
fn is_replaceable(dir: &Path) -> std::io::Result<bool> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        names.push(entry?.file_name());
    }
    Ok(names.iter().any(|n| n == MARKER_FILE)
        || names
            .iter()
            .all(|n| super::KEPT_FILES.iter().any(|k| n == *k)))
}

/// `out` made absolute, with its longest existing part canonicalised (symbolic links and `..`
/// resolved by the file system, as the kernel will when writing) and the rest, which does not
/// exist yet, appended as it is. A `..` after a part that does not exist cannot be resolved.
fn absolute(out: &Path) -> Result<PathBuf, String> {
    let joined = std::env::current_dir()
        .map_err(|e| format!("cannot read the current folder: {}", super::reason(&e)))?
        .join(out);
    let mut existing = joined.as_path();
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    loop {
        if fs::symlink_metadata(existing).is_ok() {
            break;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(Component::Normal(name))) => {
                rest.push(name);
                existing = parent;
            }
            _ => {
                return Err(format!(
                    "the path cannot be resolved: {} does not exist",
                    existing.display()
                ));
            }
        }
    }
    let mut path = fs::canonicalize(existing).map_err(|e| {
        format!(
            "cannot resolve {}: {}",
            existing.display(),
            super::reason(&e)
        )
    })?;
    for name in rest.iter().rev() {
        path.push(name);
    }
    if path.parent().is_none() {
        return Err("the root of the file system cannot be an output folder".into());
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(project: &Path) -> [PathBuf; 3] {
        [
            project.to_owned(),
            project.join("i18n"),
            project.join("fonts"),
        ]
    }

    fn resolve_in(project: &Path, out: &str) -> Result<OutputDir, WriteError> {
        let [root, i18n, fonts] = protected(project);
        OutputDir::resolve(
            &project.join(out),
            &[
                Protected {
                    path: &root,
                    what: "the project folder",
                    may_hold_output: true,
                },
                Protected {
                    path: &i18n,
                    what: "the translations folder",
                    may_hold_output: false,
                },
                Protected {
                    path: &fonts,
                    what: "the fonts folder",
                    may_hold_output: false,
                },
            ],
        )
    }

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("i18n/en")).unwrap();
        fs::write(dir.path().join("i18n/en/main.ftl"), "a = b\n").unwrap();
        fs::create_dir_all(dir.path().join("fonts")).unwrap();
        dir
    }

    #[test]
    fn the_inputs_and_folders_that_hold_them_are_refused() {
        let dir = project();
        fs::create_dir_all(dir.path().join("out")).unwrap();
        for (out, says) in [
            ("i18n", "it is the translations folder"),
            ("fonts", "it is the fonts folder"),
            (".", "it is the project folder"),
            ("..", "it holds the project folder"),
            ("i18n/en", "it is inside the translations folder"),
            ("i18n/new", "it is inside the translations folder"),
            ("out/../i18n", "it is the translations folder"),
        ] {
            let error = resolve_in(dir.path(), out).unwrap_err();
            assert!(error.reason.starts_with(says), "{out}: {}", error.reason);
        }
    }

    #[test]
    fn dot_dot_resolves_to_the_same_folder() {
        let dir = project();
        fs::create_dir_all(dir.path().join("out")).unwrap();
        let plain = resolve_in(dir.path(), "out").unwrap();
        let roundabout = resolve_in(dir.path(), "out/../out").unwrap();
        assert_eq!(plain.path(), roundabout.path());
        assert_eq!(plain.path().file_name().unwrap(), "out");
        // A folder that does not exist yet, below one that does not either.
        let new = resolve_in(dir.path(), "a/b/out").unwrap();
        assert!(new.path().ends_with("a/b/out"));
    }

    #[test]
    fn a_folder_of_someone_elses_files_is_refused_and_an_output_is_not() {
        let dir = project();
        fs::create_dir_all(dir.path().join("docs")).unwrap();
        fs::write(dir.path().join("docs/thesis.txt"), "mine").unwrap();
        let error = resolve_in(dir.path(), "docs").unwrap_err();
        assert!(error.reason.contains("is not an earlier appealpack output"));

        fs::create_dir_all(dir.path().join("empty")).unwrap();
        resolve_in(dir.path(), "empty").unwrap();
        fs::create_dir_all(dir.path().join("readme")).unwrap();
        fs::write(dir.path().join("readme/README.md"), "kept").unwrap();
        resolve_in(dir.path(), "readme").unwrap();
        fs::write(dir.path().join("docs").join(MARKER_FILE), MARKER_TEXT).unwrap();
        resolve_in(dir.path(), "docs").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_refused() {
        let dir = project();
        fs::create_dir_all(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink("real", dir.path().join("link")).unwrap();
        let error = resolve_in(dir.path(), "link").unwrap_err();
        assert!(
            error.reason.starts_with("it is a symbolic link (to real)"),
            "{}",
            error.reason
        );
    }
}
