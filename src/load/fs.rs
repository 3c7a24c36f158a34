//! Where the loader reads from: the disk, or a tree held in memory, behind one trait.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::chars::lowercase_first;

/// The most bytes one input file may hold, and what it is, for the error that names it. A
/// FIFO, `/dev/zero` or a runaway generated file must not hang a check or exhaust memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limit {
    pub bytes: u64,
    /// `a Fluent file`, `the manifest`…
    pub what: &'static str,
}

impl Limit {
    /// Far above the largest translation (the shipped ones are under 20 kB each).
    pub(crate) const FLUENT: Limit = Limit::megabytes(16, "a Fluent file");
    pub(crate) const MANIFEST: Limit = Limit::megabytes(1, "the manifest");
    pub(crate) const CONFIG: Limit = Limit::megabytes(1, "a project configuration");
    pub(crate) const CANONICAL: Limit = Limit::megabytes(4, "the canonical text");
    /// A lock holds the reference text of every message of a locale.
    pub(crate) const LOCK: Limit = Limit::megabytes(64, "a lock file");
    pub(crate) const FONT_CATALOGUE: Limit = Limit::megabytes(1, "the font catalogue");
    /// Noto's largest faces (CJK) are about 20 MB.
    pub(crate) const FONT: Limit = Limit::megabytes(64, "a font file");

    const fn megabytes(count: u64, what: &'static str) -> Self {
        Limit {
            bytes: count * 1_000_000,
            what,
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Decimal units, as the rest of the tool prints sizes; every limit is whole megabytes.
        write!(f, "{} MB", self.bytes / 1_000_000)
    }
}

/// Why an input file was not read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("it is larger than {limit}, the limit for {}", limit.what)]
    TooLarge { limit: Limit },
    #[error("it leads to {}, outside {}", target.display(), folder.display())]
    Outside { target: PathBuf, folder: PathBuf },
}

impl ReadError {
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// Where the loader reads an i18n tree from: the disk ([`Disk`]), or memory ([`MemoryFiles`],
/// for tests and fuzzing). Both go through the same loading code.
pub(super) trait FileSource: Sync {
    /// The bytes of a regular file (a symbolic link to one is followed) of at most `limit`.
    fn read(&self, path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError>;
    /// What is at `path`, without following a symbolic link.
    fn kind(&self, path: &Path) -> std::io::Result<EntryKind>;
    /// The entries of a folder, in any order; a symbolic link is listed as one, not followed.
    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>>;
    /// The absolute path of `path` with every symbolic link resolved; it must exist.
    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf>;
}

/// One entry of a folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DirEntry {
    pub name: std::ffi::OsString,
    pub path: PathBuf,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EntryKind {
    File,
    Dir,
    Symlink,
    /// A FIFO, a socket or a device, named for messages (`a FIFO`).
    Other(&'static str),
}

impl EntryKind {
    fn of(t: std::fs::FileType) -> Self {
        if t.is_symlink() {
            EntryKind::Symlink
        } else if t.is_dir() {
            EntryKind::Dir
        } else if t.is_file() {
            EntryKind::File
        } else {
            EntryKind::Other(special_kind(t))
        }
    }
}

/// What a file that is neither a regular file, a folder nor a link is, in a few words.
fn special_kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        } else if t.is_socket() {
            return "a socket";
        } else if t.is_char_device() {
            return "a character device";
        } else if t.is_block_device() {
            return "a block device";
        }
    }
    let _ = t;
    "a special file"
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
        read_file(path, limit)
    }

    fn kind(&self, path: &Path) -> std::io::Result<EntryKind> {
        std::fs::symlink_metadata(path).map(|m| EntryKind::of(m.file_type()))
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|entry| {
                let kind = entry
                    .file_type()
                    .map_or(EntryKind::Other("unreadable"), EntryKind::of);
                DirEntry {
                    name: entry.file_name(),
                    path: entry.path(),
                    kind,
                }
            })
            .collect())
    }

    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// Reads a regular file from disk, of at most `limit` bytes. The file is opened without
/// blocking, so that a FIFO is refused instead of waiting forever for a writer, and checked
/// on the open handle, so that what is checked is what is read.
pub(crate) fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(special_kind(metadata.file_type())));
    }
    if metadata.len() > limit.bytes {
        return Err(ReadError::TooLarge { limit });
    }
    // The length can grow while the file is read (a log, a file in /proc that claims 0):
    // never read more than one byte past the limit.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit.bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Where `path` leads once every link is resolved, if that is inside `folder`; it must exist.
pub(crate) fn resolve_inside(path: &Path, folder: &Path) -> Result<PathBuf, ReadError> {
    let target = std::fs::canonicalize(path)?;
    let inside = std::fs::canonicalize(folder)?;
    if !target.starts_with(&inside) {
        return Err(ReadError::Outside {
            target,
            folder: folder.to_owned(),
        });
    }
    Ok(target)
}

/// Reads `path`, a file that must lie inside `folder` once every link is resolved (a font of
/// the fonts folder, a lock file of a locale folder).
pub(crate) fn read_inside(path: &Path, folder: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    read_file(&resolve_inside(path, folder)?, limit)
}

/// A path named in a manifest or catalogue, relative to its folder: the reason it would leave
/// the folder, if it would (absolute, or more `..` than folders).
pub(crate) fn escapes_folder(name: &Path) -> Option<&'static str> {
    use std::path::Component;
    let mut depth = 0usize;
    for part in name.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => return Some("an absolute path"),
            Component::ParentDir if depth == 0 => return Some("it climbs out with `..`"),
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
    }
    (depth == 0).then_some("it names no file")
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
        self.files.insert(normal(&path.into()), bytes.into());
        self
    }
}

impl FileSource for MemoryFiles {
    fn read(&self, path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
        let bytes = self
            .files
            .get(&normal(path))
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
        if bytes.len() as u64 > limit.bytes {
            return Err(ReadError::TooLarge { limit });
        }
        Ok(bytes.clone())
    }

    fn kind(&self, path: &Path) -> std::io::Result<EntryKind> {
        let path = normal(path);
        if self.files.contains_key(&path) {
            Ok(EntryKind::File)
        } else if self.is_dir(&path) {
            Ok(EntryKind::Dir)
        } else {
            Err(std::io::ErrorKind::NotFound.into())
        }
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        let dir = &normal(dir);
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

    /// Memory has no links: the path with `.` and `..` taken out, when something is there.
    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf> {
        let path = normal(path);
        self.kind(&path).map(|_| path)
    }
}

impl MemoryFiles {
    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|f| f != path && f.starts_with(path))
    }
}

/// `a/./b/../c` → `a/c`, without touching the disk.
fn normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The reason of an I/O error without the "(os error N)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    lowercase_first(text.split(" (os error").next().unwrap_or(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_leaves_its_folder_is_named_with_the_reason() {
        assert_eq!(escapes_folder(Path::new("canonical.txt")), None);
        assert_eq!(escapes_folder(Path::new("a/../b.txt")), None);
        assert_eq!(
            escapes_folder(Path::new("/etc/passwd")),
            Some("an absolute path")
        );
        assert_eq!(
            escapes_folder(Path::new("a/../../b")),
            Some("it climbs out with `..`")
        );
        assert_eq!(escapes_folder(Path::new("a/..")), Some("it names no file"));
    }

    #[test]
    fn memory_files_are_limited_like_files_on_disk() {
        let mut files = MemoryFiles::new();
        files.insert("t/./a.ftl", "x = y\n");
        let limit = Limit {
            bytes: 3,
            what: "a test file",
        };
        assert!(matches!(
            files.read(Path::new("t/a.ftl"), limit),
            Err(ReadError::TooLarge { .. })
        ));
        assert_eq!(
            files.resolve(Path::new("t/b/../a.ftl")).unwrap(),
            Path::new("t/a.ftl")
        );
        assert_eq!(files.kind(Path::new("t")).unwrap(), EntryKind::Dir);
    }
}
