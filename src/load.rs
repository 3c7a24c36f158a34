//! Loading an i18n tree: manifest, canonical text and every locale's parsed Fluent files.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::manifest::{Ident, Manifest};
use crate::source::{FileId, SourceMap, span_in};

/// The name of the manifest inside an i18n folder.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// Everything read from an i18n tree. Problems that do not stop the run are in `diagnostics`.
#[derive(Debug)]
pub struct Tree {
    pub root: PathBuf,
    pub sources: SourceMap,
    pub manifest: Option<Manifest>,
    pub manifest_file: Option<FileId>,
    pub canonical_file: Option<FileId>,
    pub reference: String,
    /// In manifest order (or sorted, without a manifest).
    pub locales: Vec<Locale>,
    pub diagnostics: Diagnostics,
}

#[derive(Debug)]
pub struct Locale {
    pub id: String,
    pub langid: LanguageIdentifier,
    pub dir: PathBuf,
    pub files: Vec<FtlFile>,
    /// Where each message (`id`) and term (`-id`) is defined; the first definition wins.
    pub entries: BTreeMap<String, EntryLocation>,
    /// Ids of entries the loader refused to parse (too large, nested too deep), each reported
    /// with its own error.
    pub skipped: std::collections::BTreeSet<String>,
}

#[derive(Debug, Clone)]
pub struct FtlFile {
    pub file: FileId,
    /// Path inside the locale folder, with `/` separators (`alert.ftl`, `sub/x.ftl`).
    pub name: String,
    pub resource: Arc<FluentResource>,
}

/// The definition of one message or term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLocation {
    pub file: FileId,
    /// Index of the entry in its file's resource.
    pub index: usize,
    /// Span of the identifier.
    pub span: Range<usize>,
}

/// The tree could not be read at all (no manifest, unreadable folder, invalid manifest).
#[derive(Debug, thiserror::Error)]
#[error("could not load the i18n tree at {}", root.display())]
pub struct LoadFailure {
    pub root: PathBuf,
    pub sources: SourceMap,
    pub diagnostics: Diagnostics,
}

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

impl Tree {
    pub fn locale(&self, id: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.id == id)
    }

    pub fn reference_locale(&self) -> Option<&Locale> {
        self.locale(&self.reference)
    }

    pub fn canonical_text(&self) -> Option<&str> {
        self.canonical_file.map(|f| self.sources.get(f).text())
    }
}

impl Locale {
    /// The message or term `id` (terms start with `-`), with the file it came from.
    pub fn entry(&self, id: &str) -> Option<(&FtlFile, &ast::Entry<&str>)> {
        let location = self.entries.get(id)?;
        let file = self.files.iter().find(|f| f.file == location.file)?;
        Some((file, file.resource.get_entry(location.index)?))
    }

    pub fn message(&self, id: &str) -> Option<&ast::Message<&str>> {
        match self.entry(id)?.1 {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        }
    }
}

/// Reads `root/manifest.toml`, the canonical text and every locale it lists.
pub fn load(root: &Path) -> Result<Tree, LoadFailure> {
    load_from(&Disk, root)
}

/// [`load`] from files held in memory, with `root` as the tree's path inside `files`.
pub fn load_from_memory(files: &MemoryFiles, root: &Path) -> Result<Tree, LoadFailure> {
    load_from(files, root)
}

/// [`load`] from any [`FileSource`].
pub fn load_from(files: &dyn FileSource, root: &Path) -> Result<Tree, LoadFailure> {
    let mut sources = SourceMap::new();
    let manifest_path = root.join(MANIFEST_FILE);
    let fail = |sources, diagnostic: Diagnostic| LoadFailure {
        root: root.to_owned(),
        sources,
        diagnostics: Diagnostics(vec![diagnostic]),
    };
    let text = match files.read(&manifest_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let message = format!("{} is not valid UTF-8", manifest_path.display());
                let at = error.utf8_error().valid_up_to();
                let file =
                    sources.add_plain(&manifest_path, String::from_utf8_lossy(error.as_bytes()));
                let diagnostic = Diagnostic::error(Code::InvalidUtf8, message).with_label(
                    file,
                    at..at + 1,
                    "invalid byte",
                );
                return Err(fail(sources, diagnostic));
            }
        },
        Err(error) => {
            let diagnostic = Diagnostic::error(
                Code::Io,
                format!("cannot read {}: {}", manifest_path.display(), io_reason(&error)),
            )
            .with_help(format!(
                "an i18n folder holds {MANIFEST_FILE}, the canonical text and one folder per locale; \
                 pass another with --i18n, or check a bare Fluent tree with --root DIR --reference LOCALE"
            ));
            return Err(fail(sources, diagnostic));
        }
    };
    let manifest_file = sources.add_plain(&manifest_path, text.as_str());
    let manifest = match Manifest::parse(&text, manifest_file) {
        Ok(manifest) => manifest,
        Err(diagnostic) => return Err(fail(sources, *diagnostic)),
    };
    let problems = manifest.validate(manifest_file);
    if !problems.is_empty() {
        return Err(LoadFailure {
            root: root.to_owned(),
            sources,
            diagnostics: Diagnostics(problems),
        });
    }

    let mut diagnostics = Diagnostics::default();
    let canonical_file = manifest.alert.canonical.as_ref().and_then(|name| {
        let path = root.join(&name.name);
        match files.read(&path).map(decode_text) {
            Ok((text, problem)) => {
                let file = sources.add_plain(&path, text);
                if let Some(at) = problem {
                    diagnostics.push(invalid_utf8(&sources, file, at));
                }
                Some(file)
            }
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        Code::Io,
                        format!(
                            "cannot read the canonical text {}: {}",
                            path.display(),
                            io_reason(&error)
                        ),
                    )
                    .with_label(manifest_file, name.span.clone(), "named here"),
                );
                None
            }
        }
    });

    let locale_ids: Vec<&Ident> = manifest.alert.locales.iter().collect();
    let mut pending = Vec::new();
    for id in locale_ids {
        let dir = root.join(&id.name);
        if !files.is_dir(&dir) {
            diagnostics.push(
                Diagnostic::error(
                    Code::LocaleFolder,
                    format!("locale `{id}` has no folder {}", dir.display()),
                )
                .in_locale(id.name.clone())
                .with_label(manifest_file, id.span.clone(), "listed here")
                .with_help(format!("create it with `appealpack init-locale {id}`")),
            );
            continue;
        }
        // validate() has already checked the id.
        let langid = id.parse().unwrap_or_default();
        pending.push(find_locale(files, &mut diagnostics, &id.name, langid, dir));
    }
    let locales = load_locales(files, &mut sources, &mut diagnostics, pending);

    unlisted_folders(files, root, &manifest, manifest_file, &mut diagnostics);

    let reference = manifest.alert.reference.name.clone();
    Ok(Tree {
        root: root.to_owned(),
        sources,
        manifest: Some(manifest),
        manifest_file: Some(manifest_file),
        canonical_file,
        reference,
        locales,
        diagnostics,
    })
}

/// Folders of the tree that hold Fluent files but are not locales of the manifest: a locale
/// someone translated and forgot to list is never checked nor built, so it is pointed out.
fn unlisted_folders(
    files: &dyn FileSource,
    root: &Path,
    manifest: &Manifest,
    file: FileId,
    diagnostics: &mut Diagnostics,
) {
    let Ok(entries) = files.list(root) else {
        return;
    };
    let mut unlisted: Vec<(String, PathBuf)> = entries
        .into_iter()
        .filter(|e| e.kind == EntryKind::Dir)
        .filter_map(|e| Some((e.name.into_string().ok()?, e.path)))
        .filter(|(name, _)| !name.starts_with('.') && !manifest.locale_ids().any(|l| l == name))
        .filter(|(_, path)| {
            files.list(path).is_ok_and(|entries| {
                entries
                    .iter()
                    .any(|f| f.path.extension().is_some_and(|e| e == "ftl"))
            })
        })
        .collect();
    unlisted.sort();
    let listed = manifest
        .alert
        .locales
        .last()
        .map_or(0..0, |l| l.span.clone());
    for (name, path) in unlisted {
        diagnostics.push(
            Diagnostic::warning(
                Code::UnlistedFolder,
                format!(
                    "{} holds Fluent files but `{name}` is not a locale of the manifest",
                    path.display()
                ),
            )
            .with_label(file, listed.clone(), "the locales end here")
            .with_help(format!(
                "add \"{name}\" to `alert.locales` to check and build it, or remove the folder"
            )),
        );
    }
}

/// Reads a bare Fluent tree, `root/<locale>/**/*.ftl`, with no manifest.
pub fn load_bare(root: &Path, reference: &str) -> Result<Tree, LoadFailure> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Diagnostics::default();
    let entries = std::fs::read_dir(root).map_err(|error| LoadFailure {
        root: root.to_owned(),
        sources: SourceMap::new(),
        diagnostics: Diagnostics(vec![Diagnostic::error(
            Code::Io,
            format!("cannot read {}: {}", root.display(), io_reason(&error)),
        )]),
    })?;
    let mut dirs: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.path())))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    dirs.sort();
    let mut pending = Vec::new();
    for (name, dir) in dirs {
        match crate::manifest::locale_id_problem(&Ident::new(name.clone())) {
            None => {
                let langid = name.parse().unwrap_or_default();
                pending.push(find_locale(&Disk, &mut diagnostics, &name, langid, dir));
            }
            Some(problem) => diagnostics.push(Diagnostic::warning(
                Code::InvalidLocale,
                format!("skipping folder {}: {problem}", dir.display()),
            )),
        }
    }
    let locales = load_locales(&Disk, &mut sources, &mut diagnostics, pending);
    if !locales.iter().any(|l| l.id == reference) {
        return Err(LoadFailure {
            root: root.to_owned(),
            sources,
            diagnostics: Diagnostics(vec![Diagnostic::error(
                Code::LocaleFolder,
                format!(
                    "the reference locale `{reference}` has no folder in {}",
                    root.display()
                ),
            )]),
        });
    }
    Ok(Tree {
        root: root.to_owned(),
        sources,
        manifest: None,
        manifest_file: None,
        canonical_file: None,
        reference: reference.to_owned(),
        locales,
        diagnostics,
    })
}

/// One Fluent file, parsed, before it joins the source map.
struct Parsed {
    resource: Arc<FluentResource>,
    errors: Vec<fluent_syntax::parser::ParserError>,
    /// Offset of the first invalid UTF-8 byte, if any.
    bad_utf8: Option<Undecodable>,
    /// The text as read, when the parser was given a guarded copy.
    original: Option<String>,
    refused: Vec<Refused>,
}

/// What reading and parsing one Fluent file gave.
struct ParsedFile {
    name: String,
    path: PathBuf,
    outcome: std::io::Result<Parsed>,
}

/// A locale folder and its `.ftl` files, found before any is read.
struct PendingLocale {
    id: String,
    langid: LanguageIdentifier,
    dir: PathBuf,
    paths: Vec<(String, PathBuf)>,
}

fn find_locale(
    files: &dyn FileSource,
    diagnostics: &mut Diagnostics,
    id: &str,
    langid: LanguageIdentifier,
    dir: PathBuf,
) -> PendingLocale {
    let mut paths = Vec::new();
    collect_ftl(files, &dir, &dir, &mut paths, diagnostics, id);
    paths.sort();
    PendingLocale {
        id: id.to_owned(),
        langid,
        dir,
        paths,
    }
}

/// Reads and parses the files of every locale in one parallel pass (a locale's few dozen files
/// are too few to keep the cores busy while the slowest is read), then indexes each locale in
/// order, so file ids and diagnostics do not depend on thread timing.
fn load_locales(
    files: &dyn FileSource,
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
    pending: Vec<PendingLocale>,
) -> Vec<Locale> {
    let jobs: Vec<(usize, String, PathBuf)> = pending
        .iter()
        .enumerate()
        .flat_map(|(i, locale)| {
            locale
                .paths
                .iter()
                .map(move |(name, path)| (i, name.clone(), path.clone()))
        })
        .collect();
    let parsed: Vec<(usize, ParsedFile)> = jobs
        .into_par_iter()
        .map(|(i, name, path)| (i, parse_file(files, name, path)))
        .collect();
    let mut locales = Vec::with_capacity(pending.len());
    let mut parsed = parsed.into_iter().peekable();
    for (i, locale) in pending.into_iter().enumerate() {
        let mine = std::iter::from_fn(|| parsed.next_if(|(j, _)| *j == i).map(|(_, p)| p));
        locales.push(assemble_locale(sources, diagnostics, locale, mine));
    }
    locales
}

/// Reads and parses one Fluent file.
fn parse_file(files: &dyn FileSource, name: String, path: PathBuf) -> ParsedFile {
    let outcome = files.read(&path).map(decode_text).map(|(text, bad_utf8)| {
        // Entries too large, or nested too deep for the recursive parser, are blanked before
        // parsing (offsets kept); the original text is kept for diagnostics.
        let mut refused: Vec<Refused> = crate::guard::too_large(&text)
            .into_iter()
            .map(Refused::TooLarge)
            .collect();
        // Nesting deeper than the limit needs more `{` than the limit: most files have fewer,
        // and counting them is much cheaper than the guard's scan.
        let braces = text.bytes().filter(|&b| b == b'{').count();
        if braces > crate::guard::MAX_NESTING {
            let deep = crate::guard::too_deep(&text)
                .into_iter()
                .filter(|d| !refused.iter().any(|r| r.entry().start == d.entry.start));
            refused.extend(deep.map(Refused::TooDeep).collect::<Vec<_>>());
        }
        let (to_parse, original) = if refused.is_empty() {
            (text, None)
        } else {
            let ranges: Vec<_> = refused.iter().map(|r| r.entry().clone()).collect();
            (crate::guard::blank(&text, &ranges), Some(text))
        };
        let (resource, errors) = match FluentResource::try_new(to_parse) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        Parsed {
            resource: Arc::new(resource),
            errors,
            bad_utf8,
            original,
            refused,
        }
    });
    ParsedFile {
        name,
        path,
        outcome,
    }
}

/// An entry the guards refused to parse.
enum Refused {
    TooLarge(Range<usize>),
    TooDeep(crate::guard::TooDeep),
}

impl Refused {
    fn entry(&self) -> &Range<usize> {
        match self {
            Refused::TooLarge(entry) => entry,
            Refused::TooDeep(deep) => &deep.entry,
        }
    }

    /// The error, and the id of the entry (when its first line names one).
    fn diagnostic(&self, file: FileId, text: &str) -> (Diagnostic, Option<String>) {
        let entry = self.entry();
        let first_line = text[entry.clone()].lines().next().unwrap_or_default();
        let id = junk_ids(first_line).into_iter().next();
        let diagnostic = match self {
            Refused::TooLarge(entry) => {
                let name = id.as_deref().unwrap_or("this entry");
                let id_end = entry.start + id.as_ref().map_or(1, String::len);
                Diagnostic::error(
                    Code::TooLong,
                    format!(
                        "`{name}` is {} bytes long, more than the {} an entry may have",
                        group_digits(entry.len()),
                        group_digits(crate::guard::MAX_ENTRY_BYTES)
                    ),
                )
                .with_label(file, entry.start..id_end, "this entry is skipped")
                .with_note("no paragraph of an appeal needs this much text; split it, or check that the file is the one you meant")
            }
            Refused::TooDeep(deep) => Diagnostic::error(
                Code::Syntax,
                format!(
                    "placeables nest more than {} levels deep",
                    crate::guard::MAX_NESTING
                ),
            )
            .with_label(file, deep.at..deep.at + 1, "one level too deep")
            .with_note("this entry is skipped; no translation needs this much nesting"),
        };
        let diagnostic = match &id {
            Some(id) => diagnostic.for_message(id.clone()),
            None => diagnostic,
        };
        (diagnostic, id)
    }
}

/// `10485760` → `10,485,760`.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn assemble_locale(
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
    locale: PendingLocale,
    parsed: impl Iterator<Item = ParsedFile>,
) -> Locale {
    let PendingLocale {
        id, langid, dir, ..
    } = locale;
    let id = id.as_str();
    let mut files = Vec::new();
    let mut entries = BTreeMap::new();
    let mut skipped = std::collections::BTreeSet::new();
    for parsed in parsed {
        let Parsed {
            resource,
            errors,
            bad_utf8,
            original,
            refused,
        } = match parsed.outcome {
            Ok(outcome) => outcome,
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        Code::Io,
                        format!(
                            "cannot read {}: {}",
                            parsed.path.display(),
                            io_reason(&error)
                        ),
                    )
                    .in_locale(id),
                );
                continue;
            }
        };
        let file = match original {
            Some(text) => sources.add_plain(&parsed.path, text),
            None => sources.add_fluent(&parsed.path, resource.clone()),
        };
        for refused in &refused {
            let (diagnostic, entry) = refused.diagnostic(file, sources.get(file).text());
            diagnostics.push(diagnostic.in_locale(id));
            // Reported here; the checker must not report it again as missing.
            skipped.extend(entry);
        }
        if let Some(at) = bad_utf8 {
            diagnostics.push(invalid_utf8(sources, file, at).in_locale(id));
        }
        for error in errors {
            diagnostics.push(syntax_error(file, resource.source(), &error).in_locale(id));
        }
        index_entries(file, &resource, &mut entries, diagnostics, id);
        files.push(FtlFile {
            file,
            name: parsed.name,
            resource,
        });
    }
    Locale {
        id: id.to_owned(),
        langid,
        dir,
        files,
        entries,
        skipped,
    }
}

fn index_entries(
    file: FileId,
    resource: &FluentResource,
    entries: &mut BTreeMap<String, EntryLocation>,
    diagnostics: &mut Diagnostics,
    locale: &str,
) {
    for (index, entry) in resource.entries().enumerate() {
        let (key, name) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.id.name),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), t.id.name),
            _ => continue,
        };
        let span = span_in(resource.source(), name);
        let location = EntryLocation {
            file,
            index,
            span: span.clone(),
        };
        // One search of the index per entry: a large tree has tens of thousands.
        let first = match entries.entry(key) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(location);
                continue;
            }
            std::collections::btree_map::Entry::Occupied(slot) => slot,
        };
        let (key, first) = (first.key(), first.get());
        diagnostics.push(
            Diagnostic::warning(
                Code::DuplicateId,
                format!("`{key}` is defined more than once"),
            )
            .in_locale(locale)
            .for_message(key.clone())
            .with_label(file, span, "defined again here")
            .with_label(first.file, first.span.clone(), "first defined here")
            .with_note("the first definition is used"),
        );
    }
}

fn collect_ftl(
    files: &dyn FileSource,
    base: &Path,
    dir: &Path,
    out: &mut Vec<(String, PathBuf)>,
    diagnostics: &mut Diagnostics,
    locale: &str,
) {
    let entries = match files.list(dir) {
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
        // Symlinks are not followed: a locale folder must not reach outside the tree.
        if entry.kind == EntryKind::Dir {
            collect_ftl(files, base, &path, out, diagnostics, locale);
        } else if entry.kind == EntryKind::File && path.extension().is_some_and(|e| e == "ftl") {
            let name = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
}

/// Reads a text file, dropping a UTF-8 byte order mark. Invalid UTF-8 is replaced and the
/// offset of the first bad byte returned, so the caller can report it and go on.
pub fn read_text(path: &Path) -> std::io::Result<(String, Option<usize>)> {
    std::fs::read(path).map(|bytes| {
        let (text, problem) = decode_text(bytes);
        (
            text,
            problem.map(|p| match p {
                Undecodable::InvalidUtf8(at) => at,
                Undecodable::Utf16 => 0,
            }),
        )
    })
}

/// Why a file's bytes are not UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undecodable {
    /// The offset of the first bad byte.
    InvalidUtf8(usize),
    /// The file starts with a UTF-16 byte order mark (Notepad's "Unicode"); its text was
    /// decoded from UTF-16, so every other problem in it is still found.
    Utf16,
}

/// The text of a file's bytes, as [`read_text`] reads it.
fn decode_text(mut bytes: Vec<u8>) -> (String, Option<Undecodable>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units = bytes[2..]
            .chunks(2)
            .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
        let text = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return (text, Some(Undecodable::Utf16));
    }
    // Valid text (nearly every file) becomes a String without a copy.
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(Undecodable::InvalidUtf8(at)),
            )
        }
    }
}

fn invalid_utf8(sources: &SourceMap, file: FileId, problem: Undecodable) -> Diagnostic {
    let path = sources.path(file).display();
    match problem {
        // The lossy text has U+FFFD (3 bytes) where the bad byte was.
        Undecodable::InvalidUtf8(at) => {
            Diagnostic::error(Code::InvalidUtf8, format!("{path} is not valid UTF-8"))
                .with_label(file, at..at + 3, "invalid byte sequence here")
                .with_help("save the file as UTF-8")
        }
        Undecodable::Utf16 => {
            let first = sources
                .get(file)
                .text()
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            Diagnostic::error(Code::InvalidUtf8, format!("{path} is UTF-16, not UTF-8"))
                .with_label(
                    file,
                    0..first,
                    "the file starts with a UTF-16 byte order mark",
                )
                .with_note("it was read as UTF-16 to check the rest of it")
                .with_help(
                    "save the file as UTF-8 (in most editors: Save as, then Encoding: UTF-8)",
                )
        }
    }
}

fn syntax_error(
    file: FileId,
    source: &str,
    error: &fluent_syntax::parser::ParserError,
) -> Diagnostic {
    use fluent_syntax::parser::ErrorKind;
    let mut message = error.kind.to_string();
    if let Some(first) = message.get(..1) {
        message = first.to_lowercase() + &message[1..];
    }
    // When the parser hits the next line looking for a `}` or a value, what is missing is at
    // the end of the previous line: point there, not at the line after.
    let mut at = error.pos.clone();
    let before = source.get(..at.start).unwrap_or_default();
    let content_end = before.trim_end().len();
    if before[content_end..].contains('\n') {
        at = content_end..content_end;
    }
    // The commonest slip of all: an id or an attribute with nothing after its `=`. The parser
    // reports it on the next line, in its own words; say what it is, where it is.
    if let Some(slice) = &error.slice
        && let Some((offset, name)) = empty_value(source.get(slice.clone()).unwrap_or_default())
    {
        let at = slice.start + offset;
        message = format!("`{name}` has no value");
        let mut diagnostic = Diagnostic::error(Code::Syntax, message)
            .with_label(file, at..at + 1, "nothing after this `=`")
            .with_help(
                "write its text after `=`, or leave the line out (then it counts as missing)",
            );
        let lost = junk_attributes(source.get(slice.clone()).unwrap_or_default());
        if !lost.is_empty() && name.starts_with('.') {
            diagnostic = diagnostic.with_note(format!(
                "until this is fixed, the attributes {} of the message above are skipped",
                lost.iter()
                    .map(|a| format!("`.{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        return diagnostic;
    }
    let (label, help) = match &error.kind {
        ErrorKind::ExpectedToken(c) => {
            message = match c {
                '}' => "a placeable is not closed: expected `}`".to_owned(),
                c => format!("expected `{c}`"),
            };
            // A scaffold line uncommented by mistake: `en: …` or `note: …`.
            let line_start = source
                .get(..error.pos.start)
                .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
            let line = source.get(line_start..).unwrap_or_default();
            let help = ["en:", "note:", "variables:", "plural:"]
                .iter()
                .find(|p| line.starts_with(**p))
                .map(|p| format!("lines starting with `{p}` are guidance from `init-locale`: keep them commented, as `# {p} …`"));
            (format!("expected `{c}` here"), help)
        }
        ErrorKind::UnbalancedClosingBrace => (
            "this `}` closes nothing".to_owned(),
            Some("write a literal brace as `{ \"}\" }`".to_owned()),
        ),
        ErrorKind::ExpectedMessageField { .. } | ErrorKind::ExpectedTermField { .. } => (
            "no value here".to_owned(),
            Some(
                "give it a value after `=`, or attributes on the next lines (`    .name = …`)"
                    .to_owned(),
            ),
        ),
        ErrorKind::MissingDefaultVariant => (
            "no default variant".to_owned(),
            Some("mark one variant as the default with `*`, e.g. `*[other]`".to_owned()),
        ),
        ErrorKind::UnterminatedStringLiteral => (
            "the string is not closed".to_owned(),
            Some("close it with `\"` on the same line".to_owned()),
        ),
        _ => ("here".to_owned(), None),
    };
    let mut diagnostic = Diagnostic::error(Code::Syntax, message).with_label(file, at, label);
    if let Some(slice) = &error.slice {
        // The junk runs up to the next entry; its trailing blank lines are not part of it.
        let text = source.get(slice.clone()).unwrap_or_default();
        let end = slice.start + text.trim_end().len();
        diagnostic = diagnostic.with_label(file, slice.start..end, "this entry is skipped");
        let lost = junk_ids(text);
        if !lost.is_empty() {
            let names: Vec<String> = lost.iter().map(|id| format!("`{id}`")).collect();
            diagnostic = diagnostic.with_note(format!(
                "until this is fixed, {} {} missing from this locale",
                names.join(", "),
                if lost.len() == 1 { "is" } else { "are" }
            ));
        }
    }
    if let Some(help) = help {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

/// The first line of a Junk entry of the form `id =` or `    .attribute =` with nothing after
/// the `=`: its byte offset of the `=` and its name (`.attribute` for an attribute).
fn empty_value(content: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let body = line.trim_end();
        if let Some(before) = body.strip_suffix('=') {
            let name = before.trim();
            let bare = name.trim_start_matches(['.', '-']);
            let is_name = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && bare
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_name {
                return Some((offset + body.len() - 1, name.to_owned()));
            }
        }
        offset += line.len();
    }
    None
}

/// The attributes (`    .name = …` lines) in a Junk entry; when the junk follows a message,
/// they are that message's attributes, skipped with the junk.
pub fn junk_attributes(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('.')?;
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            (end > 0 && rest[end..].trim_start().starts_with('=')).then(|| rest[..end].to_owned())
        })
        .collect()
}

/// The ids a Junk entry would have defined: every line of the form `id =` or `-id =`.
pub fn junk_ids(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| {
            let name_end = line
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(line.len());
            let name = &line[..name_end];
            let bare = name.strip_prefix('-').unwrap_or(name);
            let starts_well = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let rest = line[name_end..].trim_start_matches([' ', '\t']);
            (starts_well && rest.starts_with('=')).then(|| name.to_owned())
        })
        .collect()
}

/// The reason of an I/O error without the "(os error N)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_in_memory_loads_as_it_does_from_disk() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut files = MemoryFiles::new();
        for path in [
            "manifest.toml",
            "canonical.txt",
            "en/main.ftl",
            "fr/main.ftl",
        ] {
            files.insert(root.join(path), std::fs::read(root.join(path)).unwrap());
        }
        let from_disk = load(&root).unwrap();
        let from_memory = load_from_memory(&files, &root).unwrap();
        let ids = |t: &Tree| t.locales.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&from_memory), ["en", "fr"]);
        assert_eq!(ids(&from_memory), ids(&from_disk));
        assert_eq!(from_memory.diagnostics.0, from_disk.diagnostics.0);
        assert_eq!(from_memory.locales[1].entries, from_disk.locales[1].entries);
        assert_eq!(from_memory.canonical_text(), from_disk.canonical_text());
        // A folder missing from memory is reported as one missing from disk would be.
        let mut without_fr = MemoryFiles::new();
        for path in ["manifest.toml", "canonical.txt", "en/main.ftl"] {
            without_fr.insert(root.join(path), std::fs::read(root.join(path)).unwrap());
        }
        let tree = load_from_memory(&without_fr, &root).unwrap();
        assert_eq!(tree.diagnostics.0[0].code, Code::LocaleFolder);
    }

    #[test]
    fn junk_names_the_entries_it_swallowed() {
        assert_eq!(junk_ids("b = Monde { $x\n"), ["b"]);
        assert_eq!(
            junk_ids("# note\n-brand = { \n  .attr = x\nc-d=y\n"),
            ["-brand", "c-d"]
        );
        assert!(junk_ids("  indented = no\n= nothing\n").is_empty());
    }
}
