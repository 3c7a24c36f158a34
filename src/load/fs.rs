//! Where the loader reads from: the disk, or a tree held in memory, behind one trait.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::chars::lowercase_first;

/// Where the loader reads an i18n tree from: the disk ([`Disk`]), or memory ([`MemoryFiles`],
/// for tests and fuzzing). Both go through the same loading code.
pub trait FileSource: Sync {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;
    fn is_dir(&self, path: &Path) -> bool;
    /// The entries of a folder, in any order. Symbolic links are neither files nor folders:
    /// a locale folder must not reach outside the tree.
    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>>;
}

/// One entry of a folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: std::ffi::OsString,
    pub path: PathBuf,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    Other,
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|entry| {
                let kind = match entry.file_type() {
                    Ok(t) if t.is_dir() => EntryKind::Dir,
                    Ok(t) if t.is_file() => EntryKind::File,
                    _ => EntryKind::Other,
                };
                DirEntry {
                    name: entry.file_name(),
                    path: entry.path(),
                    kind,
                }
            })
            .collect())
    }
}

/// A tree held in memory: files by path; folders are the paths' ancestors.
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemoryFiles {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the file at `path`.
    pub fn insert(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.files.insert(path.into(), bytes.into());
        self
    }
}

impl FileSource for MemoryFiles {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|f| f != path && f.starts_with(path))
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        if !self.is_dir(dir) {
            return Err(std::io::ErrorKind::NotFound.into());
        }
        let mut entries: BTreeMap<std::ffi::OsString, EntryKind> = BTreeMap::new();
        for file in self.files.keys() {
            let Ok(rest) = file.strip_prefix(dir) else {
                continue;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let kind = if parts.next().is_some() {
                EntryKind::Dir
            } else {
                EntryKind::File
            };
            entries.insert(first.as_os_str().to_owned(), kind);
        }
        Ok(entries
            .into_iter()
            .map(|(name, kind)| DirEntry {
                path: dir.join(&name),
                name,
                kind,
            })
            .collect())
    }
}

/// The reason of an I/O error without the "(os error N)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    lowercase_first(text.split(" (os error").next().unwrap_or(&text))
}
