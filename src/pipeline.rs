//! The build: check every locale, build the packs that passed, render them in every format.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::check::{CheckOptions, CheckReport, check};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::fonts::FontLibrary;
use crate::load::Tree;
use crate::model::pseudo::Pseudo;
use crate::model::{AppealPack, ModelOptions, build_pack};
use crate::render::{Format, Paper, RenderError, RenderOptions, Rendered, pdf, preview, render};

#[derive(Debug, Clone)]
pub struct BuildRequest {
    /// Locales to build; every locale of the manifest when empty.
    pub locales: Vec<String>,
    pub formats: Vec<Format>,
    pub render: RenderOptions,
    /// Build locales that lack messages, taking those from the reference.
    pub allow_incomplete: bool,
    /// Whether this build makes a release: only the wording of a withheld locale depends on
    /// it (a release "publishes", a plain build "builds").
    pub release: bool,
    /// Pseudo-locales to build too, from the reference locale.
    pub pseudo: Vec<Pseudo>,
    /// Also paint page 1 of each PDF as a PNG this many pixels wide (the release's previews),
    /// from the same layout as the PDF.
    pub preview_width: Option<u32>,
}

impl Default for BuildRequest {
    fn default() -> Self {
        Self {
            locales: Vec::new(),
            formats: vec![Format::Pdf, Format::Docx],
            render: RenderOptions::default(),
            allow_incomplete: false,
            release: false,
            pseudo: Vec::new(),
            preview_width: None,
        }
    }
}

/// One file of the release, in memory until `artifacts` writes it.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub locale: String,
    pub format: Format,
    pub paper: Option<Paper>,
    /// Path inside the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
    pub pages: Option<u32>,
    /// Messages taken from the reference locale.
    pub fallbacks: Vec<String>,
}

#[derive(Debug, Default)]
pub struct BuildOutcome {
    pub check: CheckReport,
    /// Problems met while building and rendering (the check's are in `check`).
    pub diagnostics: Diagnostics,
    pub artifacts: Vec<Artifact>,
    /// Locales that were not rendered, with the reason.
    pub refused: Vec<(String, String)>,
    /// Locales left out on purpose: incomplete, and below the release threshold. Not an error.
    pub withheld: Vec<Withheld>,
    /// The pack of every rendered locale, in manifest order (for the release's index).
    pub packs: Vec<AppealPack>,
    /// PNG of page 1 of each locale's PDF, when [`BuildRequest::preview_width`] asked for it.
    pub previews: BTreeMap<String, Vec<u8>>,
}

/// A locale that is not published because its translation is not complete enough.
#[derive(Debug, Clone, PartialEq)]
pub struct Withheld {
    pub locale: String,
    /// The checker's coverage, 0–100.
    pub coverage: f64,
    /// Missing messages, terms and attributes.
    pub missing: usize,
    pub reason: String,
}

/// Progress of a build, for a progress bar; sent from the rendering threads.
#[derive(Debug, Clone, Copy)]
pub enum BuildEvent<'a> {
    /// The check is done; this many files will be rendered.
    Planned { renders: usize },
    /// One file was rendered (or failed to).
    Rendered { locale: &'a str, format: Format },
}

/// Diagnostics that only say a translation is missing something; the reference's text can
/// stand in for it (`--allow-incomplete`, or a release threshold below 100).
pub fn is_missing_translation(code: Code) -> bool {
    matches!(
        code,
        Code::MissingMessage
            | Code::MissingTerm
            | Code::MissingAttribute
            | Code::MissingValue
            | Code::MissingFile
    )
}

impl BuildOutcome {
    pub fn succeeded(&self) -> bool {
        self.refused.is_empty() && !self.diagnostics.has_errors()
    }
}

/// `<locale>/<alert>-<locale>.pdf`; US Letter files get a `-letter` suffix.
pub(crate) fn artifact_path(alert_id: &str, locale: &str, format: Format, paper: Paper) -> String {
    let suffix = match (format, paper) {
        (Format::Pdf | Format::Docx, Paper::Letter) => "-letter",
        _ => "",
    };
    format!(
        "{locale}/{alert_id}-{locale}{suffix}.{}",
        format.extension()
    )
}

/// Checks, then renders every locale that passed. Never writes a file.
pub fn build(tree: &Tree, fonts: &FontLibrary, request: &BuildRequest) -> BuildOutcome {
    build_with_progress(tree, fonts, request, &|_| {})
}

/// [`build`], reporting progress as it goes.
pub fn build_with_progress(
    tree: &Tree,
    fonts: &FontLibrary,
    request: &BuildRequest,
    progress: &(dyn Fn(BuildEvent<'_>) + Sync),
) -> BuildOutcome {
    let report = check(
        tree,
        Some(fonts),
        &CheckOptions {
            locales: request.locales.clone(),
            ..CheckOptions::default()
        },
    );
    let min_coverage = tree.manifest().map_or(100.0, |m| m.release.min_coverage);
    let mut refused = Vec::new();
    let mut withheld = Vec::new();
    let mut diagnostics = Diagnostics::default();
    // (locale, whether it may take missing text from the reference)
    let mut buildable: Vec<(String, bool)> = Vec::new();
    for summary in &report.locales {
        let errors = || {
            report
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && d.locale.as_deref().is_none_or(|l| l == summary.locale))
        };
        let blocking = errors().any(|d| !is_missing_translation(d.code));
        let missing = errors().filter(|d| is_missing_translation(d.code)).count();
        // What a translator counts: messages and terms, not diagnostics (a missing file is one
        // diagnostic for all the messages in it).
        let missing_messages = (summary.missing
            + errors()
                .filter(|d| matches!(d.code, Code::MissingAttribute | Code::MissingValue))
                .count())
        .max(usize::from(missing > 0));
        // 100 means complete; below it, a locale that reaches it is filled in from the reference.
        let enough =
            request.allow_incomplete || (min_coverage < 100.0 && summary.coverage >= min_coverage);
        if blocking {
            // Count the errors that refuse it: missing text alone would only withhold it.
            let count = errors().filter(|d| !is_missing_translation(d.code)).count();
            refused.push((
                summary.locale.clone(),
                format!(
                    "the check found {count} error{} in it (listed above)",
                    if count == 1 { "" } else { "s" }
                ),
            ));
        } else if missing > 0 && !enough {
            let held = withhold(
                tree,
                request.release,
                summary.locale.clone(),
                summary.coverage,
                missing_messages,
                min_coverage,
            );
            diagnostics.push(held.1);
            withheld.push(held.0);
        } else {
            buildable.push((summary.locale.clone(), missing > 0));
        }
    }
    // A locale of the manifest whose folder is missing (the loader reported it) is refused,
    // never skipped in silence: the build would look complete without it.
    let listed: Vec<&str> = tree
        .manifest()
        .map(|m| m.locale_ids().collect())
        .unwrap_or_default();
    let wanted = |id: &str| request.locales.is_empty() || request.locales.iter().any(|l| l == id);
    for &id in listed.iter().filter(|&&id| wanted(id)) {
        if tree.locale(id).is_none() {
            refused.push((
                id.to_owned(),
                "its folder is missing or was refused (see above)".into(),
            ));
        }
    }
    for requested in &request.locales {
        if tree.locale(requested).is_none() && !listed.contains(&requested.as_str()) {
            refused.push((requested.clone(), "not a locale of the manifest".into()));
        }
    }

    let alert_id = tree
        .manifest()
        .map_or("alert", |m| m.alert.id.name.as_str());
    // One job per pack: every buildable locale (filled in from the reference when it is
    // allowed to be incomplete), then the pseudo-locales made from the reference.
    let mut jobs: Vec<(String, ModelOptions)> = buildable
        .iter()
        .map(|(locale, fill_in)| {
            let options = ModelOptions {
                allow_fallback: *fill_in,
                // A draft says so on its first page; a release never carries the notice.
                mark_fallbacks: *fill_in && !request.release,
                ..ModelOptions::default()
            };
            (locale.clone(), options)
        })
        .collect();
    if !request.pseudo.is_empty()
        && tree.reference_locale().is_some()
        && !report.diagnostics.locale_has_errors(&tree.reference)
    {
        for &pseudo in &request.pseudo {
            jobs.push((
                tree.reference.clone(),
                ModelOptions {
                    pseudo: Some(pseudo),
                    ..ModelOptions::default()
                },
            ));
        }
    }
    progress(BuildEvent::Planned {
        renders: jobs.len() * request.formats.len(),
    });
    type Job = Result<(AppealPack, Vec<(Artifact, Option<Vec<u8>>, Vec<String>)>), Diagnostics>;
    let results: Vec<Job> = jobs
        .par_iter()
        .map(|(locale, options)| {
            let pack = build_pack(tree, locale, options)?;
            let locale = &pack.locale;
            // Formats of one locale render in parallel too: the PDF dominates.
            let artifacts = request
                .formats
                .par_iter()
                .map(|&format| {
                    let rendered = render_with_preview(format, &pack, fonts, request);
                    progress(BuildEvent::Rendered { locale, format });
                    let (rendered, preview) = rendered.map_err(|e| render_error(locale, e))?;
                    let forced = rendered.forced_breaks;
                    let paper = matches!(format, Format::Pdf | Format::Docx)
                        .then_some(request.render.paper);
                    let artifact = Artifact {
                        locale: locale.clone(),
                        format,
                        paper,
                        path: artifact_path(alert_id, locale, format, request.render.paper),
                        bytes: rendered.bytes,
                        pages: rendered.pages,
                        fallbacks: pack.fallbacks.clone(),
                    };
                    Ok((artifact, preview, forced))
                })
                .collect::<Result<Vec<_>, Diagnostics>>()?;
            Ok((pack, artifacts))
        })
        .collect();

    let mut outcome = BuildOutcome {
        check: report,
        diagnostics,
        refused,
        withheld,
        ..Default::default()
    };
    for ((locale, options), result) in jobs.iter().zip(results) {
        let locale = options.pseudo.map_or(locale.as_str(), |p| p.locale_id());
        match result {
            Ok((pack, artifacts)) => {
                for (artifact, preview, forced) in artifacts {
                    outcome
                        .diagnostics
                        .extend(forced.iter().map(|id| forced_break(tree, &pack.locale, id)));
                    if let Some(png) = preview {
                        outcome.previews.insert(pack.locale.clone(), png);
                    }
                    outcome.artifacts.push(artifact);
                }
                outcome.packs.push(pack);
            }
            Err(diagnostics) => {
                outcome
                    .refused
                    .push((locale.to_owned(), "it could not be rendered".into()));
                outcome.diagnostics.extend(diagnostics);
            }
        }
    }
    outcome.artifacts.sort_by(|a, b| a.path.cmp(&b.path));
    outcome
}

/// Renders `pack` in `format`; for a PDF when previews are asked for, also page 1 as a PNG,
/// painted from the same layout (laying the pack out once).
fn render_with_preview(
    format: Format,
    pack: &AppealPack,
    fonts: &FontLibrary,
    request: &BuildRequest,
) -> Result<(Rendered, Option<Vec<u8>>), RenderError> {
    let Some(width) = request.preview_width.filter(|_| format == Format::Pdf) else {
        return Ok((render(format, pack, fonts, &request.render)?, None));
    };
    let document = pdf::layout(pack, fonts, &request.render)?;
    let png = preview::first_page_png(&document, width).map_err(|e| RenderError::Failed {
        format: "preview",
        locale: pack.locale.clone(),
        reason: e.to_string(),
    })?;
    Ok((pdf::write(&document, &request.render)?, Some(png)))
}

/// The record and the warning for a locale below the release threshold.
fn withhold(
    tree: &Tree,
    release: bool,
    locale: String,
    coverage: f64,
    missing: usize,
    min_coverage: f64,
) -> (Withheld, Diagnostic) {
    let reason = if min_coverage >= 100.0 {
        format!(
            "its translation is incomplete ({missing} missing, {coverage:.1} % of the messages translated)"
        )
    } else {
        format!(
            "{coverage:.1} % of the messages are translated, below the threshold of {min_coverage} % (`min-coverage` in the manifest's [release] table)"
        )
    };
    let reference = &tree.reference;
    let (message, help) = if release {
        (
            format!("locale `{locale}` is not published: {reason}"),
            format!(
                "--allow-incomplete publishes it with the `{reference}` text for what is missing; \
                 or lower `min-coverage` in the manifest's [release] table"
            ),
        )
    } else {
        (
            format!("locale `{locale}` is not built: {reason}"),
            format!(
                "to see it as it is, with the `{reference}` text for what is missing, build it \
                 alone: --locale {locale}"
            ),
        )
    };
    let warning = Diagnostic::warning(Code::BelowThreshold, message)
        .in_locale(locale.clone())
        .with_help(help);
    (
        Withheld {
            locale,
            coverage,
            missing,
            reason,
        },
        warning,
    )
}

/// The warning for a message whose word too wide for the line was broken anywhere, at the
/// message's place in the locale's file when it has one.
fn forced_break(tree: &Tree, locale: &str, id: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::warning(
        Code::ForcedBreak,
        format!("`{id}` has a word wider than a line of the PDF, broken between two characters to stay on the page"),
    )
    .in_locale(locale)
    .for_message(id)
    .with_help("if it is a URL or an address, check that the break falls where a reader expects; otherwise add a space or a hyphen");
    let entry = id.split('.').next().unwrap_or(id);
    if let Some(at) = tree.locale(locale).and_then(|l| l.entries.get(entry)) {
        diagnostic = diagnostic.with_label(at.file, at.span.clone(), "this message");
    }
    diagnostic
}

fn render_error(locale: &str, error: RenderError) -> Diagnostics {
    let code = match error {
        RenderError::MissingGlyph { .. } => Code::MissingGlyph,
        RenderError::Font(_) => Code::FontInvalid,
        RenderError::Failed { .. } => Code::Io,
    };
    Diagnostics(vec![
        Diagnostic::error(code, error.to_string()).in_locale(locale),
    ])
}
