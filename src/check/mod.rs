//! `appealpack check`: every locale against the reference, all problems reported at once.
//!
//! Each family of checks is a module of pure functions over `LocaleView`s (the parsed
//! resources of the [`Tree`], indexed once); locales are checked in parallel:
//! - `structure`: missing and obsolete files, messages, terms, values, attributes; duplicates;
//! - `variables`: `$variables` per message and per variant;
//! - `references`: unknown, dropped and cyclic message and term references;
//! - `plurals`: CLDR plural categories of number selectors;
//! - `text`: empty values, untranslated text, U+FFFD, control characters;
//! - [`stale`]: translations older than their source, by the locale's lock file;
//! - `facts`: numbers, e-mail addresses, URLs and handles kept from the source;
//! - `glyphs`, `limits`: what the built pack prints (fonts, length limits);
//! - [`contacts`]: the manifest's addressees; `crate::canonical`: the reference's fidelity.

pub mod contacts;
pub(crate) mod facts;
pub(crate) mod glyphs;
pub(crate) mod limits;
pub(crate) mod plurals;
pub(crate) mod references;
pub mod stale;
pub(crate) mod structure;
pub(crate) mod text;
pub(crate) mod variables;
pub(crate) mod view;
pub(crate) mod walk;

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::Serialize;

pub(crate) use view::LocaleView;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Level, Levels};
use crate::fonts::FontLibrary;
use crate::load::{Locale, Tree};
use crate::model::{self, AppealPack, ModelOptions};
use crate::source::FileId;

#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only these locales (all when empty); the reference is always read.
    pub locales: Vec<String>,
    /// Levels set for this run (`--deny`, `--warn`, `--allow`), over the tree's own and the
    /// mode's defaults; checked with [`crate::diagnostic::parse_setting`].
    pub levels: Vec<(Code, Level)>,
}

/// What `check` found, per locale and in total.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub diagnostics: Diagnostics,
    pub locales: Vec<LocaleSummary>,
    /// Locales asked for with `CheckOptions::locales` that the tree does not have at all.
    pub unknown_locales: Vec<String>,
    /// Warnings the manifest silences on purpose, each with its reason.
    pub allowed: Vec<contacts::Allowed>,
}

/// One row of the summary table; part of the JSON schema (docs/diagnostics.md).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LocaleSummary {
    pub locale: String,
    pub errors: usize,
    pub warnings: usize,
    /// Reference messages and terms this locale lacks.
    pub missing: usize,
    /// Messages and terms this locale has that the reference does not.
    pub obsolete: usize,
    /// Files of the reference this locale lacks.
    pub missing_files: usize,
    /// Files this locale has that the reference does not.
    pub obsolete_files: usize,
    /// Share of the reference's messages and terms the locale defines, 0–100.
    pub coverage: f64,
    /// Words of the reference's text in messages this locale defines and has changed from
    /// the reference (a copy of the source does not count).
    pub words: usize,
    /// Words of the reference's text in all its messages and terms.
    pub words_total: usize,
}

impl CheckReport {
    pub fn summary(&self, locale: &str) -> Option<&LocaleSummary> {
        self.locales.iter().find(|s| s.locale == locale)
    }
}

/// Checks the tree. With a manifest, each selected locale's pack is also built, so that what
/// would break rendering (formatting errors, characters no font draws, over-long posts) is
/// found here.
pub fn check(tree: &Tree, fonts: Option<&FontLibrary>, options: &CheckOptions) -> CheckReport {
    let wanted = |id: &str| options.locales.is_empty() || options.locales.iter().any(|l| l == id);
    let selected: Vec<&Locale> = tree.locales.iter().filter(|l| wanted(&l.id)).collect();
    let unknown_locales = options
        .locales
        .iter()
        .filter(|id| tree.locale(id).is_none())
        .filter(|id| {
            tree.manifest()
                .is_none_or(|m| !m.locale_ids().any(|l| l == id.as_str()))
        })
        .cloned()
        .collect();
    // U+FFFD in these files are the loader's replacements, reported as invalid UTF-8.
    let bad_utf8: BTreeSet<FileId> = tree
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::InvalidUtf8)
        .filter_map(|d| d.primary().map(|l| l.file))
        .collect();
    let reference = tree.reference_locale().map(LocaleView::new);

    let per_locale: Vec<(Vec<Diagnostic>, LocaleSummary)> = selected
        .par_iter()
        .map(|locale| {
            let own;
            let view = match &reference {
                Some(reference) if reference.id() == locale.id => reference,
                _ => {
                    own = LocaleView::new(locale);
                    &own
                }
            };
            let mut aligned = reference
                .as_ref()
                .map(|r| view::align(r, view))
                .unwrap_or_default();
            // What a project configuration's filters ignore is neither missing nor obsolete.
            let ignored = &locale.ignored;
            aligned
                .missing
                .retain(|e| !ignored.entry(&e.file.name, e.key));
            aligned
                .extra
                .retain(|e| !ignored.entry(&e.file.name, e.key));
            let mut found =
                check_locale(tree, fonts, reference.as_ref(), view, &aligned, &bad_utf8);
            found.retain(|d| {
                !d.message_id
                    .as_deref()
                    .is_some_and(|id| ignored.message(base_id(id)))
            });
            (found, measure(reference.as_ref(), view, &aligned))
        })
        .collect();

    let mut diagnostics = Diagnostics::default();
    let mut allowed = Vec::new();
    diagnostics.extend(
        tree.diagnostics
            .iter()
            .filter(|d| d.locale.as_deref().is_none_or(wanted))
            .cloned(),
    );
    if let Some((manifest, file)) = &tree.manifest {
        let (found, silenced) = contacts::check(manifest, *file);
        diagnostics.extend(found);
        allowed = silenced;
        diagnostics.extend(text::manifest(tree.sources.get(*file).text(), *file));
    }
    let mut locales = Vec::new();
    for (found, summary) in per_locale {
        diagnostics.extend(found);
        locales.push(summary);
    }
    // The mode's defaults, then the tree's configuration, then this run's settings: the last
    // word wins, as on rustc's command line.
    let mut levels = Levels::defaults(tree.mode());
    for &(code, level) in tree.levels.iter().chain(&options.levels) {
        levels.set(code, level);
    }
    let mut diagnostics: Diagnostics = diagnostics
        .into_iter()
        .filter_map(|d| levels.apply(d))
        .collect();
    diagnostics.sort();
    for summary in &mut locales {
        let mine = diagnostics
            .iter()
            .filter(|d| d.locale.as_deref() == Some(summary.locale.as_str()));
        let (errors, warnings) =
            mine.fold(
                (0, 0),
                |(e, w), d| if d.is_error() { (e + 1, w) } else { (e, w + 1) },
            );
        summary.errors = errors;
        summary.warnings = warnings;
    }
    CheckReport {
        diagnostics,
        locales,
        unknown_locales,
        allowed,
    }
}

/// Every check of one locale. `reference` is `None` only when the tree has no reference.
fn check_locale(
    tree: &Tree,
    fonts: Option<&FontLibrary>,
    reference: Option<&LocaleView>,
    view: &LocaleView,
    aligned: &view::Alignment,
    bad_utf8: &BTreeSet<FileId>,
) -> Vec<Diagnostic> {
    let other = reference.filter(|r| r.id() != view.id());
    let mut found = view.problems.clone();
    found.extend(structure::duplicates(view));
    found.extend(references::check(view));
    found.extend(plurals::check(other, view));
    found.extend(text::characters(view, bad_utf8));
    if let Some(reference) = other {
        let twins = &aligned.twins;
        found.extend(structure::compare(reference, view, aligned));
        found.extend(variables::check(view, twins));
        found.extend(references::compare(view, twins));
        let own_names: Vec<&str> = tree
            .manifest()
            .iter()
            .map(|m| m.pack.language_name.name.as_str())
            .collect();
        found.extend(text::compare(reference, view, twins, &own_names));
        found.extend(facts::check(view, twins));
        // Stale translations (the source changed since the translation was reviewed).
        found.extend(stale::check(reference.locale, view.locale));
    }
    if let Some(manifest) = tree.manifest() {
        // Missing messages are reported above; building with the reference's text for them
        // still checks everything else this locale would print.
        let options = ModelOptions {
            allow_fallback: true,
            ..ModelOptions::default()
        };
        match model::build_pack(tree, view.id(), &options) {
            Ok(pack) => found.extend(printed(tree, fonts, view, manifest, &pack)),
            Err(errors) => {
                let known = found_errors(&found);
                found.extend(errors.into_iter().filter(|d| !is_cascade(view, &known, d)));
            }
        }
    }
    apply_allows(view, found)
}

/// Checks of what the pack prints.
fn printed(
    tree: &Tree,
    fonts: Option<&FontLibrary>,
    view: &LocaleView,
    manifest: &crate::manifest::Manifest,
    pack: &AppealPack,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Some(fonts) = fonts {
        found.extend(glyphs::check(view, manifest, pack, fonts));
    }
    found.extend(limits::check(view, manifest, pack));
    if view.id() == tree.reference {
        found.extend(crate::canonical::check(tree, pack));
    }
    found
}

/// Base ids (`id` of `id.attr`) with an error found by the static checks.
fn found_errors(found: &[Diagnostic]) -> BTreeSet<String> {
    found
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.message_id.as_deref())
        .map(|id| base_id(id).to_owned())
        .collect()
}

/// A model-building error that only repeats what a static check or the syntax error says.
fn is_cascade(view: &LocaleView, known: &BTreeSet<String>, diagnostic: &Diagnostic) -> bool {
    let Some(id) = diagnostic.message_id.as_deref().map(base_id) else {
        return false;
    };
    match diagnostic.code {
        Code::MissingMessage | Code::MissingAttribute => view.junk.contains(id),
        Code::ResolveError => {
            view.junk.contains(id) || known.contains(id) || refers_to_known(view, known, id)
        }
        _ => false,
    }
}

/// Whether `id` refers, directly or through other messages and terms, to one with a reported
/// error: a message that uses a term caught in a cycle cannot be formatted either, and saying
/// so for every such message only repeats the cycle.
fn refers_to_known(view: &LocaleView, known: &BTreeSet<String>, id: &str) -> bool {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut stack: Vec<&str> = vec![id];
    while let Some(key) = stack.pop() {
        let Some(entry) = view.entries.get(key) else {
            continue;
        };
        for pattern in entry.patterns() {
            for &(target, _) in &pattern.summary.references {
                if known.contains(target) || view.junk.contains(target) {
                    return true;
                }
                if seen.insert(target) {
                    stack.push(target);
                }
            }
        }
    }
    false
}

fn base_id(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

/// Drops what the locale's `allow(…)` markers silence, and flags markers that silence nothing.
fn apply_allows(view: &LocaleView, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if view.allows.is_empty() {
        return found;
    }
    let mut used: BTreeSet<(String, Code)> = BTreeSet::new();
    let mut kept: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| {
            let Some(id) = d.message_id.as_deref().map(base_id) else {
                return true;
            };
            let allowed = d.locale.as_deref() == Some(view.id())
                && view
                    .allows
                    .get(id)
                    .is_some_and(|allows| allows.iter().any(|a| a.code == d.code));
            if allowed {
                used.insert((id.to_owned(), d.code));
            }
            !allowed
        })
        .collect();
    for (key, allows) in &view.allows {
        for allow in allows
            .iter()
            .filter(|a| !used.contains(&((*key).to_owned(), a.code)))
        {
            kept.push(
                view.warning(
                    Code::UnusedAllow,
                    format!(
                        "`allow({})` silences nothing in `{key}`",
                        allow.code.as_str()
                    ),
                    key,
                )
                .with_label(allow.file, allow.span.clone(), "no such diagnostic here")
                .with_help("remove the marker: the problem it was for is gone"),
            );
        }
    }
    kept
}

/// Coverage and word counts of one locale (errors and warnings are counted later).
fn measure(
    reference: Option<&LocaleView>,
    view: &LocaleView,
    aligned: &view::Alignment,
) -> LocaleSummary {
    let mut summary = LocaleSummary {
        locale: view.id().to_owned(),
        errors: 0,
        warnings: 0,
        missing: aligned.missing.len(),
        obsolete: aligned.extra.len(),
        missing_files: 0,
        obsolete_files: 0,
        coverage: 100.0,
        words: 0,
        words_total: 0,
    };
    let Some(reference) = reference else {
        return summary;
    };
    let ignored = &view.locale.ignored.files;
    summary.missing_files = (reference.files.keys())
        .filter(|name| !view.files.contains_key(*name) && !ignored.contains(**name))
        .count();
    summary.obsolete_files = (view.files.keys())
        .filter(|name| !reference.files.contains_key(*name) && !ignored.contains(**name))
        .count();
    let is_reference = reference.id() == view.id();
    let words = |pattern: &view::PatternView| {
        *pattern
            .words
            .get_or_init(|| text::words(pattern.pattern).len())
    };
    for theirs in &aligned.missing {
        summary.words_total += theirs.patterns().iter().map(words).sum::<usize>();
    }
    for (mine, theirs) in &aligned.twins {
        for pattern in theirs.patterns() {
            let count = words(pattern);
            summary.words_total += count;
            let translated = mine
                .pattern(pattern.attribute)
                .is_some_and(|p| is_reference || p != pattern.pattern);
            if translated {
                summary.words += count;
            }
        }
    }
    let total = reference.entries.len();
    if total > 0 {
        summary.coverage = 100.0 * (total - summary.missing.min(total)) as f64 / total as f64;
    }
    summary
}
