//! The build: check every locale, build the packs that passed, render them in every format.

use rayon::prelude::*;

use crate::check::{CheckOptions, CheckReport, check};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::fonts::FontLibrary;
use crate::load::Tree;
use crate::model::{ModelOptions, build_pack};
use crate::render::{Format, Paper, RenderError, RenderOptions, render};
use crate::workflow::pseudo::Pseudo;

#[derive(Debug, Clone)]
pub struct BuildRequest {
    /// Locales to build; every locale of the manifest when empty.
    pub locales: Vec<String>,
    pub formats: Vec<Format>,
    pub render: RenderOptions,
    /// Build locales that lack messages, taking those from the reference.
    pub allow_incomplete: bool,
    /// Also build the pseudo-locales, from the reference locale.
    pub pseudo: bool,
}

impl Default for BuildRequest {
    fn default() -> Self {
        Self {
            locales: Vec::new(),
            formats: vec![Format::Pdf, Format::Docx],
            render: RenderOptions::default(),
            allow_incomplete: false,
            pseudo: false,
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
}

impl BuildOutcome {
    pub fn succeeded(&self) -> bool {
        self.refused.is_empty() && !self.diagnostics.has_errors()
    }
}

/// `<locale>/<alert>-<locale>.pdf`; US Letter files get a `-letter` suffix.
pub fn artifact_path(alert_id: &str, locale: &str, format: Format, paper: Paper) -> String {
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
    let report = check(
        tree,
        Some(fonts),
        &CheckOptions {
            locales: request.locales.clone(),
        },
    );
    let mut refused = Vec::new();
    let mut buildable = Vec::new();
    for summary in &report.locales {
        let blocking = report.diagnostics.iter().any(|d| {
            d.is_error()
                && d.locale.as_deref().is_none_or(|l| l == summary.locale)
                && !(request.allow_incomplete
                    && matches!(
                        d.code,
                        Code::MissingMessage | Code::MissingTerm | Code::MissingAttribute
                    ))
        });
        if blocking {
            refused.push((
                summary.locale.clone(),
                format!("{} error(s) found by the check", summary.errors),
            ));
        } else {
            buildable.push(summary.locale.clone());
        }
    }
    for requested in &request.locales {
        if tree.locale(requested).is_none() {
            refused.push((requested.clone(), "not a locale of the manifest".into()));
        }
    }

    let alert_id = tree
        .manifest
        .as_ref()
        .map_or("alert", |m| m.alert.id.name.as_str());
    // One job per pack: every buildable locale, then the pseudo-locales made from the reference.
    let mut jobs: Vec<(String, ModelOptions)> = buildable
        .iter()
        .map(|locale| {
            let options = ModelOptions {
                allow_fallback: request.allow_incomplete,
                ..ModelOptions::default()
            };
            (locale.clone(), options)
        })
        .collect();
    if request.pseudo
        && tree.reference_locale().is_some()
        && !report.diagnostics.locale_has_errors(&tree.reference)
    {
        for pseudo in Pseudo::ALL {
            jobs.push((
                tree.reference.clone(),
                ModelOptions {
                    pseudo: Some(pseudo),
                    ..ModelOptions::default()
                },
            ));
        }
    }
    let results: Vec<Result<Vec<Artifact>, Diagnostics>> = jobs
        .par_iter()
        .map(|(locale, options)| {
            let pack = build_pack(tree, locale, options)?;
            let locale = &pack.locale;
            // Formats of one locale render in parallel too: the PDF dominates.
            request
                .formats
                .par_iter()
                .map(|&format| {
                    let rendered = render(format, &pack, fonts, &request.render)
                        .map_err(|e| render_error(locale, e))?;
                    let paper = matches!(format, Format::Pdf | Format::Docx)
                        .then_some(request.render.paper);
                    Ok(Artifact {
                        locale: locale.clone(),
                        format,
                        paper,
                        path: artifact_path(alert_id, locale, format, request.render.paper),
                        bytes: rendered.bytes,
                        pages: rendered.pages,
                        fallbacks: pack.fallbacks.clone(),
                    })
                })
                .collect()
        })
        .collect();

    let mut outcome = BuildOutcome {
        check: report,
        refused,
        ..Default::default()
    };
    for ((locale, options), result) in jobs.iter().zip(results) {
        let locale = options.pseudo.map_or(locale.as_str(), |p| p.locale_id());
        match result {
            Ok(artifacts) => outcome.artifacts.extend(artifacts),
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
