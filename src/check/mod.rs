//! `appealpack check`: every locale against the reference, all problems reported at once.

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::fonts::FontLibrary;
use crate::load::{Locale, Tree};
use crate::model::{self, AppealPack, ModelOptions};
use crate::render::describe_char;

#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only these locales (all when empty); the reference is always read.
    pub locales: Vec<String>,
}

/// What `check` found, per locale and in total.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub diagnostics: Diagnostics,
    pub locales: Vec<LocaleSummary>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LocaleSummary {
    pub locale: String,
    pub errors: usize,
    pub warnings: usize,
    /// Reference messages and terms this locale lacks.
    pub missing: usize,
    /// Messages and terms this locale has that the reference does not.
    pub obsolete: usize,
    /// Share of the reference's messages and terms the locale defines, 0–100.
    pub coverage: f64,
}

impl CheckReport {
    pub fn summary(&self, locale: &str) -> Option<&LocaleSummary> {
        self.locales.iter().find(|s| s.locale == locale)
    }
}

/// Checks the tree. With a manifest, each selected locale's pack is also built, so that what
/// would break rendering (formatting errors, characters no font draws) is found here.
pub fn check(tree: &Tree, fonts: Option<&FontLibrary>, options: &CheckOptions) -> CheckReport {
    let selected: Vec<&Locale> = tree
        .locales
        .iter()
        .filter(|l| options.locales.is_empty() || options.locales.contains(&l.id))
        .collect();
    let reference = tree.reference_locale();

    let per_locale: Vec<Vec<Diagnostic>> = selected
        .par_iter()
        .map(|locale| {
            let mut found = Vec::new();
            if let Some(reference) = reference {
                found.extend(coverage(reference, locale));
                found.extend(crate::workflow::lock::check(reference, locale));
            }
            // A message the coverage check already reports missing is not reported again by
            // the model builder.
            let already_missing: Vec<String> =
                found.iter().filter_map(|d| d.message_id.clone()).collect();
            let is_repeat = |d: &Diagnostic| {
                matches!(d.code, Code::MissingMessage | Code::MissingAttribute)
                    && d.message_id.as_deref().is_some_and(|id| {
                        already_missing
                            .iter()
                            .any(|m| m.as_str() == id.split('.').next().unwrap_or(id))
                    })
            };
            if tree.manifest.is_some() {
                match model::build_pack(tree, &locale.id, &ModelOptions::default()) {
                    Ok(pack) => {
                        if let Some(fonts) = fonts {
                            found.extend(glyphs(&pack, fonts));
                        }
                        if locale.id == tree.reference {
                            found.extend(crate::canonical::check(tree, &pack));
                        }
                    }
                    Err(errors) => found.extend(errors.into_iter().filter(|d| !is_repeat(d))),
                }
            }
            found
        })
        .collect();

    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(
        tree.diagnostics
            .iter()
            .filter(|d| {
                d.locale
                    .as_ref()
                    .is_none_or(|l| options.locales.is_empty() || options.locales.contains(l))
            })
            .cloned(),
    );
    for found in per_locale {
        diagnostics.extend(found);
    }
    diagnostics.sort();

    let locales = selected
        .iter()
        .map(|locale| summarise(tree, locale, &diagnostics))
        .collect();
    CheckReport {
        diagnostics,
        locales,
    }
}

/// Messages and terms of the reference that `locale` lacks (errors) or has in excess (warnings).
fn coverage(reference: &Locale, locale: &Locale) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if reference.id == locale.id {
        return out;
    }
    for id in reference
        .entries
        .keys()
        .filter(|id| !locale.entries.contains_key(*id))
    {
        let (code, what) = if id.starts_with('-') {
            (Code::MissingTerm, "term")
        } else {
            (Code::MissingMessage, "message")
        };
        let at = &reference.entries[id];
        out.push(
            Diagnostic::error(code, format!("missing {what} `{id}`"))
                .in_locale(locale.id.clone())
                .for_message(id.clone())
                .with_label(
                    at.file,
                    at.span.clone(),
                    format!("defined in the reference `{}`", reference.id),
                ),
        );
    }
    for (id, at) in locale
        .entries
        .iter()
        .filter(|(id, _)| !reference.entries.contains_key(*id))
    {
        let (code, what) = if id.starts_with('-') {
            (Code::ObsoleteTerm, "term")
        } else {
            (Code::ObsoleteMessage, "message")
        };
        out.push(
            Diagnostic::warning(code, format!("obsolete {what} `{id}`"))
                .in_locale(locale.id.clone())
                .for_message(id.clone())
                .with_label(
                    at.file,
                    at.span.clone(),
                    format!("not in the reference `{}`", reference.id),
                ),
        );
    }
    out
}

/// Every character of the pack must be drawable by the locale's fonts: no tofu in print.
pub fn glyphs(pack: &AppealPack, fonts: &FontLibrary) -> Vec<Diagnostic> {
    let stack = match fonts.stack(&pack.fonts) {
        Ok(stack) => stack,
        Err(error) => {
            return vec![
                Diagnostic::error(Code::MissingGlyph, error.to_string())
                    .in_locale(pack.locale.clone()),
            ];
        }
    };
    let mut out = Vec::new();
    let texts = pack
        .paras()
        .map(|p| (p.source.as_str(), p.logical_text()))
        .chain(std::iter::once(("pack title", pack.meta.title.clone())))
        .chain(std::iter::once(("footer", pack.footer_text(1, 10))));
    for (source, text) in texts {
        let mut missing: Vec<char> = text.chars().filter(|&c| !stack.can_draw(c)).collect();
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|&c| describe_char(c))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Diagnostic::error(Code::MissingGlyph, format!("no font of `{}` can draw {list} in `{source}`", pack.locale))
                    .in_locale(pack.locale.clone())
                    .for_message(source.to_owned())
                    .with_note(format!("fonts of this locale: {}", pack.fonts.join(", ")))
                    .with_help("replace the character, or add a font that has it to fonts/ and to the locale in the manifest"),
            );
        }
    }
    out
}

fn summarise(tree: &Tree, locale: &Locale, diagnostics: &Diagnostics) -> LocaleSummary {
    let mine = || {
        diagnostics
            .iter()
            .filter(|d| d.locale.as_deref() == Some(locale.id.as_str()))
    };
    let count = |codes: &[Code]| mine().filter(|d| codes.contains(&d.code)).count();
    let total = tree.reference_locale().map_or(0, |r| r.entries.len());
    let missing = count(&[Code::MissingMessage, Code::MissingTerm]);
    let coverage = if total == 0 {
        100.0
    } else {
        100.0 * (total - missing.min(total)) as f64 / total as f64
    };
    LocaleSummary {
        locale: locale.id.clone(),
        errors: mine().filter(|d| d.is_error()).count(),
        warnings: mine().filter(|d| !d.is_error()).count(),
        missing,
        obsolete: count(&[Code::ObsoleteMessage, Code::ObsoleteTerm]),
        coverage,
    }
}
