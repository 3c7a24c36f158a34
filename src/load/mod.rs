//! Loading an i18n tree: manifest, canonical text and every locale's parsed Fluent files.

mod config;
mod confine;
mod decode;
mod fs;
mod pattern;
mod syntax;
mod tree;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{Code, Diagnostics, Level, Mode};
use crate::manifest::Manifest;
use crate::source::{FileId, SourceMap};

pub(crate) use config::Ignored;
pub use config::{CONFIG_FILE, load_config};
pub use fs::{MemoryFiles, io_reason};
pub use tree::{load, load_bare, load_from_memory};

pub(crate) use fs::{Limit, ReadError, escapes_folder, read_file, read_inside, resolve_inside};
pub(crate) use syntax::{junk_attributes, junk_ids};

/// The name of the manifest inside an i18n folder.
pub(crate) const MANIFEST_FILE: &str = "manifest.toml";

/// Everything read from an i18n tree. Problems that do not stop the run are in `diagnostics`.
#[derive(Debug)]
pub struct Tree {
    pub root: PathBuf,
    pub sources: SourceMap,
    /// The manifest and its file: both or neither (a bare tree has none).
    pub(crate) manifest: Option<(Manifest, FileId)>,
    pub(crate) canonical_file: Option<FileId>,
    pub reference: String,
    /// In manifest order (or sorted, without a manifest).
    pub locales: Vec<Locale>,
    pub diagnostics: Diagnostics,
    /// Levels the tree's configuration gives diagnostics (the manifest's `[check]`), checked.
    pub(crate) levels: Vec<(Code, Level)>,
    /// Folders of a bare tree that are not locales, with the reason (for `--verbose`).
    pub not_locales: Vec<NotALocale>,
}

/// A folder of a bare tree that is not read as a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotALocale {
    pub dir: PathBuf,
    /// Why: `no .ftl file below it`…
    pub reason: &'static str,
}

impl NotALocale {
    pub(crate) fn new(dir: PathBuf, reason: &'static str) -> Self {
        Self { dir, reason }
    }
}

#[derive(Debug)]
pub struct Locale {
    pub id: String,
    pub langid: LanguageIdentifier,
    pub dir: PathBuf,
    pub(crate) files: Vec<FtlFile>,
    /// Where each message (`id`) and term (`-id`) is defined; the first definition wins.
    pub(crate) entries: BTreeMap<String, EntryLocation>,
    /// Ids of entries the loader refused to parse (too large, nested too deep), each reported
    /// with its own error.
    pub(crate) skipped: std::collections::BTreeSet<String>,
    /// What a project configuration's filters ignore in this locale.
    pub(crate) ignored: Ignored,
}

#[derive(Debug, Clone)]
pub(crate) struct FtlFile {
    pub file: FileId,
    /// Path inside the locale folder, with `/` separators (`alert.ftl`, `sub/x.ftl`).
    pub name: String,
    pub resource: Arc<FluentResource>,
}

/// The definition of one message or term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntryLocation {
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

impl Tree {
    /// Whether the tree has a manifest (a bare Fluent tree, as `check --bare` reads, has none).
    pub fn has_manifest(&self) -> bool {
        self.manifest.is_some()
    }

    /// The locales the manifest lists, in its order (none for a bare tree); a listed locale
    /// whose folder was refused is here but not in [`Tree::locales`].
    pub fn listed_locales(&self) -> Vec<&str> {
        self.manifest()
            .map(|m| m.locale_ids().collect())
            .unwrap_or_default()
    }

    /// An appeal (with a manifest) or a bare Fluent tree: the defaults of diagnostic levels.
    pub fn mode(&self) -> Mode {
        match self.has_manifest() {
            true => Mode::Appeal,
            false => Mode::Tree,
        }
    }

    pub(crate) fn manifest(&self) -> Option<&Manifest> {
        self.manifest.as_ref().map(|(manifest, _)| manifest)
    }

    /// The manifest's file in [`Tree::sources`], when the tree has one.
    pub fn manifest_file(&self) -> Option<FileId> {
        self.manifest.as_ref().map(|(_, file)| *file)
    }

    pub fn locale(&self, id: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.id == id)
    }

    pub fn reference_locale(&self) -> Option<&Locale> {
        self.locale(&self.reference)
    }

    pub(crate) fn canonical_text(&self) -> Option<&str> {
        self.canonical_file.map(|f| self.sources.get(f).text())
    }
}

impl Locale {
    /// The message or term `id` (terms start with `-`), with the file it came from.
    pub(crate) fn entry(&self, id: &str) -> Option<(&FtlFile, &ast::Entry<&str>)> {
        let location = self.entries.get(id)?;
        let file = self.files.iter().find(|f| f.file == location.file)?;
        Some((file, file.resource.get_entry(location.index)?))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostic::Code;

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
