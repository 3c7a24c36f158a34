//! Confinement: the loader reads nothing outside the tree, however its links point.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::fs::{EntryKind, FileSource, Limit, ReadError, io_reason};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// The tree's files as the loader may read them: a symbolic link is followed only when it
/// leads to a place inside the tree (as monorepos link a shared folder), never out of it.
pub(super) struct Confined<'a> {
    pub files: &'a dyn FileSource,
    /// The tree as the user named it, for messages.
    pub root: &'a Path,
    /// The tree with every link resolved: what "inside" means.
    resolved: PathBuf,
}

/// Why a locale's folder is not read.
pub(super) enum FolderProblem {
    Missing,
    /// A file, a FIFO… (`a file`).
    NotAFolder(&'static str),
    /// A link whose target is missing, or that cannot be resolved.
    Broken(String),
    /// A link that leads out of the tree, to this place.
    Outside(PathBuf),
}

impl<'a> Confined<'a> {
    pub(super) fn new(files: &'a dyn FileSource, root: &'a Path) -> Self {
        // A tree that cannot be resolved cannot be read either; reading it reports why.
        let resolved = files.resolve(root).unwrap_or_else(|_| root.to_owned());
        Self {
            files,
            root,
            resolved,
        }
    }

    /// Where `path` leads once every link is resolved, if that is inside the tree.
    pub(super) fn follow(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let target = self.files.resolve(path)?;
        if target.starts_with(&self.resolved) {
            Ok(target)
        } else {
            Err(ReadError::Outside {
                target,
                folder: self.root.to_owned(),
            })
        }
    }

    /// Reads a file the manifest names (or the manifest itself), wherever its links lead,
    /// as long as that is inside the tree.
    pub(super) fn read(&self, path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
        let target = self.follow(path)?;
        self.files.read(&target, limit)
    }

    /// Checks that `dir`, a locale's folder, is a folder of the tree or a link to one.
    pub(super) fn locale_folder(&self, dir: &Path) -> Result<(), FolderProblem> {
        match self.files.kind(dir) {
            Ok(EntryKind::Dir) => Ok(()),
            Ok(EntryKind::File) => Err(FolderProblem::NotAFolder("a file")),
            Ok(EntryKind::Other(kind)) => Err(FolderProblem::NotAFolder(kind)),
            Ok(EntryKind::Symlink) => match self.follow(dir) {
                Ok(target) if self.files.kind(&target).is_ok_and(|k| k == EntryKind::Dir) => Ok(()),
                Ok(_) => Err(FolderProblem::NotAFolder(
                    "a link to something other than a folder",
                )),
                Err(ReadError::Outside { target, .. }) => Err(FolderProblem::Outside(target)),
                Err(error) => Err(FolderProblem::Broken(error.to_string())),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Err(FolderProblem::Missing)
            }
            Err(error) => Err(FolderProblem::Broken(io_reason(&error))),
        }
    }

    /// The error for a locale folder that is not read (a missing one is worded by the caller).
    pub(super) fn folder_error(&self, id: &str, dir: &Path, problem: &FolderProblem) -> Diagnostic {
        let dir = dir.display();
        let message = match problem {
            FolderProblem::Missing => format!("locale `{id}` has no folder {dir}"),
            FolderProblem::NotAFolder(kind) => {
                format!("locale `{id}` is not read: {dir} is {kind}, not a folder")
            }
            FolderProblem::Broken(reason) => {
                format!("locale `{id}` is not read: its folder {dir} is a broken link ({reason})")
            }
            FolderProblem::Outside(target) => format!(
                "locale `{id}` is not read: its folder {dir} is a link to {}, outside {}",
                target.display(),
                self.root.display()
            ),
        };
        let diagnostic = Diagnostic::error(Code::LocaleFolder, message).in_locale(id);
        match problem {
            FolderProblem::Outside(_) => diagnostic
                .with_note(
                    "links are followed only inside the tree, so that nothing outside it is \
                     read, nor written by --update-lock",
                )
                .with_help(format!(
                    "move or copy the folder into {}, or link to a folder inside it",
                    self.root.display()
                )),
            _ => diagnostic,
        }
    }

    /// Every `.ftl` file under a locale folder: `(name inside the folder, path)`. A linked
    /// folder or file is taken when it stays inside the tree; one that leaves it is an error.
    pub(super) fn collect_ftl(
        &self,
        dir: &Path,
        out: &mut Vec<(String, PathBuf)>,
        diagnostics: &mut Diagnostics,
        locale: &str,
    ) {
        let resolved = self.files.resolve(dir).unwrap_or_else(|_| dir.to_owned());
        let mut visited = BTreeSet::from([resolved.clone()]);
        self.collect_in(dir, dir, &resolved, &mut visited, out, diagnostics, locale);
    }

    #[allow(clippy::too_many_arguments)]
    fn collect_in(
        &self,
        base: &Path,
        dir: &Path,
        resolved_dir: &Path,
        visited: &mut BTreeSet<PathBuf>,
        out: &mut Vec<(String, PathBuf)>,
        diagnostics: &mut Diagnostics,
        locale: &str,
    ) {
        let entries = match self.files.list(dir) {
            Ok(entries) => entries,
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        Code::Io,
                        format!("cannot read {}: {}", dir.display(), io_reason(&error)),
                    )
                    .in_locale(locale),
                );
                return;
            }
        };
        for entry in entries {
            let path = entry.path;
            let is_ftl = path.extension().is_some_and(|e| e == "ftl");
            let name = || {
                path.strip_prefix(base)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            };
            match entry.kind {
                EntryKind::Dir => {
                    let resolved = resolved_dir.join(&entry.name);
                    self.collect_in(base, &path, &resolved, visited, out, diagnostics, locale);
                }
                // A FIFO or a device named `.ftl` is listed, and refused when it is read.
                EntryKind::File | EntryKind::Other(_) if is_ftl => out.push((name(), path)),
                EntryKind::File | EntryKind::Other(_) => {}
                EntryKind::Symlink => match self.follow(&path) {
                    Ok(target) if self.files.kind(&target).is_ok_and(|k| k == EntryKind::Dir) => {
                        // A link to a folder already read, or to one that holds this one,
                        // would read files twice or loop forever.
                        if !resolved_dir.starts_with(&target) && visited.insert(target.clone()) {
                            self.collect_in(
                                base,
                                &path,
                                &target,
                                visited,
                                out,
                                diagnostics,
                                locale,
                            );
                        }
                    }
                    Ok(_) if is_ftl => out.push((name(), path)),
                    Ok(_) => {}
                    Err(error) => {
                        let leads_to_folder = matches!(&error, ReadError::Outside { target, .. }
                            if self.files.kind(target).is_ok_and(|k| k == EntryKind::Dir));
                        if is_ftl || leads_to_folder {
                            diagnostics.push(
                                Diagnostic::error(
                                    Code::Io,
                                    format!("cannot read {}: {error}", path.display()),
                                )
                                .in_locale(locale)
                                .with_note("links are followed only inside the tree"),
                            );
                        }
                    }
                },
            }
        }
    }
}
