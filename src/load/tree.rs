//! Assembling a tree: the manifest, the canonical text, each locale's files read in parallel and indexed.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use super::confine::{Confined, FolderProblem};
use super::decode::{Undecodable, decode_text, invalid_utf8};
use super::fs::{Disk, EntryKind, FileSource, Limit, MemoryFiles, ReadError, escapes_folder};
use super::syntax::{junk_ids, syntax_error};
use super::{EntryLocation, FtlFile, LoadFailure, Locale, MANIFEST_FILE, NotALocale, Tree};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::manifest::{Ident, Manifest};
use crate::source::{FileId, SourceMap, span_in};

/// Reads `root/manifest.toml`, the canonical text and every locale it lists.
pub fn load(root: &Path) -> Result<Tree, LoadFailure> {
    load_from(&Disk, root)
}

/// [`load`] from files held in memory, with `root` as the tree's path inside `files`.
pub fn load_from_memory(files: &MemoryFiles, root: &Path) -> Result<Tree, LoadFailure> {
    load_from(files, root)
}

/// [`load`] from any [`FileSource`].
pub(super) fn load_from(files: &dyn FileSource, root: &Path) -> Result<Tree, LoadFailure> {
    let mut sources = SourceMap::new();
    let manifest_path = root.join(MANIFEST_FILE);
    let fail = |sources, diagnostic: Diagnostic| LoadFailure {
        root: root.to_owned(),
        sources,
        diagnostics: Diagnostics(vec![diagnostic]),
    };
    let confined = Confined::new(files, root);
    let text = match confined.read(&manifest_path, Limit::MANIFEST) {
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
                format!("cannot read {}: {error}", manifest_path.display()),
            );
            // A manifest that is there but refused needs no tour of the folder's layout.
            if !error.is_not_found() {
                return Err(fail(sources, diagnostic));
            }
            let diagnostic = diagnostic.with_help(format!(
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
    let mut canonical_file = None;
    if let Some(name) = &manifest.alert.canonical {
        match read_canonical(
            &confined,
            &mut sources,
            &mut diagnostics,
            name,
            manifest_file,
        ) {
            Ok(file) => canonical_file = file,
            Err(diagnostic) => return Err(fail(sources, *diagnostic)),
        }
    }

    let locale_ids: Vec<&Ident> = manifest.alert.locales.iter().collect();
    let mut pending = Vec::new();
    for id in locale_ids {
        let dir = root.join(&id.name);
        if let Err(problem) = confined.locale_folder(&dir) {
            let mut diagnostic = confined.folder_error(&id.name, &dir, &problem).with_label(
                manifest_file,
                id.span.clone(),
                "listed here",
            );
            if let FolderProblem::Missing = problem {
                diagnostic =
                    diagnostic.with_help(format!("create it with `appealpack init-locale {id}`"));
            }
            diagnostics.push(diagnostic);
            continue;
        }
        // validate() has already checked the id.
        let langid = id.parse().unwrap_or_default();
        pending.push(find_locale(
            &confined,
            &mut diagnostics,
            &id.name,
            langid,
            dir,
        ));
    }
    let locales = load_locales(files, &mut sources, &mut diagnostics, pending);

    unlisted_folders(files, root, &manifest, manifest_file, &mut diagnostics);

    let reference = manifest.alert.reference.name.clone();
    // validate() has reported any problem of these already.
    let levels = manifest
        .check
        .settings(manifest_file, crate::diagnostic::Mode::Appeal)
        .unwrap_or_default();
    Ok(Tree {
        root: root.to_owned(),
        sources,
        manifest: Some((manifest, manifest_file)),
        canonical_file,
        reference,
        locales,
        diagnostics,
        levels,
        not_locales: Vec::new(),
    })
}

/// Reads the canonical text the manifest names. A path that leads out of the tree (absolute,
/// climbing with `..`, or through a link) stops the load, pointing at the key; a file that
/// cannot be read is an error of the run.
fn read_canonical(
    confined: &Confined,
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
    name: &Ident,
    manifest_file: FileId,
) -> Result<Option<FileId>, Box<Diagnostic>> {
    let root = confined.root;
    let outside = |label: String, help: String| {
        Box::new(
            Diagnostic::error(
                Code::ManifestInvalid,
                format!(
                    "the canonical text `{name}` is not a file inside {}",
                    root.display()
                ),
            )
            .with_label(manifest_file, name.span.clone(), label)
            .with_help(help),
        )
    };
    if let Some(why) = escapes_folder(Path::new(&name.name)) {
        let help = "paths in the manifest are relative to its folder and stay inside it, \
                    as in `canonical = \"canonical.txt\"`";
        return Err(outside(why.to_owned(), help.to_owned()));
    }
    let path = root.join(&name.name);
    match confined.read(&path, Limit::CANONICAL).map(decode_text) {
        Ok((text, problem)) => {
            let file = sources.add_plain(&path, text);
            if let Some(at) = problem {
                diagnostics.push(invalid_utf8(sources, file, at));
            }
            Ok(Some(file))
        }
        Err(ReadError::Outside { target, .. }) => {
            let help = format!(
                "links are followed only inside the tree: copy the file into {}",
                root.display()
            );
            Err(outside(format!("it leads to {}", target.display()), help))
        }
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::Io,
                    format!("cannot read the canonical text {}: {error}", path.display()),
                )
                .with_label(manifest_file, name.span.clone(), "named here"),
            );
            Ok(None)
        }
    }
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

/// Reads a bare Fluent tree, `root/<locale>/**/*.ftl`, with no manifest. A locale folder may
/// be a link to another folder of the tree, as in a monorepo, but not to one outside it.
pub fn load_bare(root: &Path, reference: &str) -> Result<Tree, LoadFailure> {
    let mut sources = SourceMap::new();
    let mut diagnostics = Diagnostics::default();
    let confined = Confined::new(&Disk, root);
    let entries = Disk.list(root).map_err(|error| LoadFailure {
        root: root.to_owned(),
        sources: SourceMap::new(),
        diagnostics: Diagnostics(vec![Diagnostic::error(
            Code::Io,
            format!(
                "cannot read {}: {}",
                root.display(),
                super::io_reason(&error)
            ),
        )]),
    })?;
    let mut dirs: Vec<(String, PathBuf)> = entries
        .into_iter()
        .filter(|e| matches!(e.kind, EntryKind::Dir | EntryKind::Symlink))
        .filter_map(|e| Some((e.name.into_string().ok()?, e.path)))
        .collect();
    dirs.sort();
    let mut pending = Vec::new();
    let mut not_locales = Vec::new();
    for (name, dir) in dirs {
        // A repository holds more than locales (`.github/`, `configs/`, `metadata/`): only a
        // folder named by a language tag, with Fluent files below it, is one.
        if name.starts_with('.') {
            not_locales.push(NotALocale::new(dir, "a dot-folder is never a locale"));
            continue;
        }
        if name != reference && name.parse::<LanguageIdentifier>().is_err() {
            not_locales.push(NotALocale::new(
                dir,
                "its name is not a BCP 47 language tag",
            ));
            continue;
        }
        match confined.locale_folder(&dir) {
            Ok(()) => {}
            // A link to a file is not a locale; one out of the tree is refused, out loud.
            Err(FolderProblem::NotAFolder(_)) => continue,
            Err(problem) => {
                diagnostics.push(confined.folder_error(&name, &dir, &problem));
                continue;
            }
        }
        // What reading the folder found is reported only if it turns out to be a locale.
        let mut found = Diagnostics::default();
        let langid = name.parse().unwrap_or_default();
        let locale = find_locale(&confined, &mut found, &name, langid, dir);
        if locale.paths.is_empty() && name != reference {
            not_locales.push(NotALocale::new(locale.dir, "no .ftl file below it"));
            continue;
        }
        diagnostics.extend(found);
        match crate::manifest::locale_id_problem(&Ident::new(name.clone())) {
            None => pending.push(locale),
            Some(problem) => diagnostics.push(Diagnostic::warning(
                Code::InvalidLocale,
                format!("skipping folder {}: {problem}", locale.dir.display()),
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
        canonical_file: None,
        reference: reference.to_owned(),
        locales,
        diagnostics,
        levels: Vec::new(),
        not_locales,
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
    outcome: Result<Parsed, ReadError>,
}

/// A locale folder and its `.ftl` files, found before any is read.
pub(super) struct PendingLocale {
    pub id: String,
    pub langid: LanguageIdentifier,
    pub dir: PathBuf,
    pub paths: Vec<(String, PathBuf)>,
}

fn find_locale(
    confined: &Confined,
    diagnostics: &mut Diagnostics,
    id: &str,
    langid: LanguageIdentifier,
    dir: PathBuf,
) -> PendingLocale {
    let mut paths = Vec::new();
    confined.collect_ftl(&dir, &mut paths, diagnostics, id);
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
pub(super) fn load_locales(
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
    let outcome = files
        .read(&path, Limit::FLUENT)
        .map(decode_text)
        .map(|(text, bad_utf8)| {
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
                        format!("cannot read {}: {error}", parsed.path.display()),
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
        ignored: Default::default(),
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
