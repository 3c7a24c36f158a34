//! `appealpack build`: check, render every locale that passes, write the output atomically;
//! with `--release`, also the manifest, checksums, zips and download page.

use std::collections::BTreeSet;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use appealpack::artifacts::{OutputDir, OutputFile, Protected, recover, write_files};
use appealpack::diagnostic::Diagnostics;
use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::model::pseudo::Pseudo;
use appealpack::pipeline::{
    BuildOutcome, BuildRequest, build_with_progress, is_missing_translation,
};
use appealpack::release::human_size;
use appealpack::release::{self, ReleaseOptions};
use appealpack::render::{Format, Paper, RenderOptions, preview};

use super::args::{BuildArgs, FormatArg, GlobalArgs, PaperArg};
use super::progress::Progress;
use super::{exit, output};

pub fn run(global: &GlobalArgs, args: &BuildArgs) -> Result<u8> {
    let started = Instant::now();
    // The output folder is resolved and checked once, before anything else: every later step
    // uses this path, and a folder that holds the inputs or someone's files is never touched.
    let out = match output_dir(args) {
        Ok(out) => out,
        Err(error) => {
            output::error(global, &format!("{error}; nothing was written"));
            return Ok(exit::CANNOT_RUN);
        }
    };
    // A build killed mid-swap may have moved the previous output aside: put it back first,
    // whatever becomes of this build.
    if let Err(error) = recover(&out) {
        output::error(global, &format!("{error}; nothing was written"));
        return Ok(exit::CANNOT_RUN);
    }
    let tree = match load::load(&args.input.i18n) {
        Ok(tree) => tree,
        Err(failure) => {
            output::diagnostics(global, &failure.diagnostics, &failure.sources);
            output::error(global, &format!("{failure}; nothing was written"));
            return Ok(exit::CANNOT_RUN);
        }
    };
    let fonts = FontLibrary::load(&args.input.fonts).context("cannot load the fonts")?;
    // `--locale en-XA` asks for a pseudo-locale, made from the reference (which is checked
    // and built with it); `--pseudo` asks for both.
    let (pseudo_ids, mut locales): (Vec<&String>, Vec<&String>) = args
        .input
        .locales
        .iter()
        .partition(|l| Pseudo::from_locale_id(l).is_some());
    let mut pseudo: Vec<Pseudo> = pseudo_ids
        .iter()
        .filter_map(|l| Pseudo::from_locale_id(l))
        .collect();
    if args.pseudo {
        pseudo = Pseudo::ALL.to_vec();
    }
    if args.release && !pseudo.is_empty() {
        anyhow::bail!(
            "pseudo-locales are test material, not for partners: they cannot be part of a release"
        );
    }
    if !pseudo_ids.is_empty() && locales.is_empty() {
        locales.push(&tree.reference);
    }
    if let Some(code) = refuse_unknown_locales(global, &tree, &locales) {
        return Ok(code);
    }
    let named_locales = !locales.is_empty();
    let formats = formats(&args.formats, args.release);
    // A release shows page 1 of each PDF on its download page.
    let preview_width =
        (args.release && formats.contains(&Format::Pdf)).then_some(preview::PREVIEW_WIDTH);
    let request = BuildRequest {
        locales: locales.into_iter().cloned().collect(),
        formats,
        render: RenderOptions {
            paper: paper(args.paper),
            timestamp: source_date_epoch()?,
            ..RenderOptions::default()
        },
        // A translator who names a locale wants to see the work in progress: it is built with
        // the reference's text for what is missing, and the build says so. A release, and a
        // build of every locale, still withhold an incomplete one.
        allow_incomplete: args.allow_incomplete || (!args.release && named_locales),
        release: args.release,
        pseudo,
        preview_width,
    };
    output::detail(
        global,
        &format!(
            "loaded {} locales from {}",
            tree.locales.len(),
            args.input.i18n.display()
        ),
    );

    let progress = Progress::new(global);
    let mut outcome =
        build_with_progress(&tree, &fonts, &request, &|event| progress.on_event(event));
    progress.finish();
    report(global, &outcome, &tree.sources, args.release);

    if !outcome.succeeded() {
        for (locale, reason) in &outcome.refused {
            output::error(
                global,
                &format!("locale `{locale}` was not built: {reason}"),
            );
        }
        output::error(
            global,
            &format!(
                "nothing was written to {}: fix the errors above, or build only the good locales with --locale",
                args.out.display()
            ),
        );
        return Ok(exit::FOUND_ERRORS);
    }
    if outcome.artifacts.is_empty() {
        output::error(
            global,
            &format!(
                "nothing was written to {}: no locale is ready to publish (see above)",
                args.out.display()
            ),
        );
        return Ok(exit::FOUND_ERRORS);
    }

    let release = if args.release {
        let options = ReleaseOptions {
            timestamp: request.render.timestamp,
            allow_incomplete: args.allow_incomplete,
            previews: std::mem::take(&mut outcome.previews),
        };
        Some(release::assemble(&tree, &fonts, &outcome, &options)?)
    } else {
        None
    };
    let mut files: Vec<OutputFile<'_>> = outcome.artifacts.iter().map(OutputFile::from).collect();
    if let Some(release) = &release {
        files.extend(release.files.iter().map(OutputFile::from));
    }
    // The output folder becomes exactly what this build made, even a partial one: no file of
    // an earlier build may sit beside a fresh one.
    let written = match write_files(&out, &files) {
        Ok(written) => written,
        Err(error) => {
            output::error(
                global,
                &format!(
                    "{error}; nothing was written, {} is as it was",
                    args.out.display()
                ),
            );
            return Ok(exit::CANNOT_RUN);
        }
    };
    for file in &files {
        output::detail(
            global,
            &format!(
                "wrote {} ({})",
                file.path,
                human_size(file.bytes.len() as u64)
            ),
        );
    }

    let locales = outcome.packs.len();
    let withheld = if outcome.withheld.is_empty() {
        String::new()
    } else {
        let ids: Vec<&str> = outcome.withheld.iter().map(|w| w.locale.as_str()).collect();
        format!(" ({} withheld: {})", ids.len(), ids.join(", "))
    };
    output::status(
        global,
        &format!(
            "built {locales} locale{}{withheld} into {}: {} files, {} in {:.2} s{}",
            if locales == 1 { "" } else { "s" },
            args.out.display(),
            written.files,
            human_size(written.bytes),
            started.elapsed().as_secs_f64(),
            if release.is_some() {
                format!(
                    "; download page: {}",
                    args.out.join(release::INDEX_FILE).display()
                )
            } else {
                String::new()
            }
        ),
    );
    Ok(exit::OK)
}

/// `--locale` naming no locale of the manifest: exit 2 with the list, as `check` does.
fn refuse_unknown_locales(
    global: &GlobalArgs,
    tree: &load::Tree,
    requested: &[&String],
) -> Option<u8> {
    let known = tree.listed_locales();
    let unknown: Vec<String> = requested
        .iter()
        .filter(|l| !known.contains(&l.as_str()))
        .map(|l| format!("`{l}`"))
        .collect();
    if unknown.is_empty() {
        return None;
    }
    output::error(
        global,
        &format!(
            "no locale {} in this tree (it has {}); nothing was written",
            unknown.join(", "),
            known.join(", ")
        ),
    );
    Some(exit::CANNOT_RUN)
}

/// The output folder, refused if it is, holds or sits inside the inputs, or holds the project.
fn output_dir(args: &BuildArgs) -> Result<OutputDir, appealpack::artifacts::WriteError> {
    let project = std::env::current_dir().unwrap_or_else(|_| ".".into());
    OutputDir::resolve(
        &args.out,
        &[
            Protected {
                path: &args.input.i18n,
                what: "the translations folder",
                may_hold_output: false,
            },
            Protected {
                path: &args.input.fonts,
                what: "the fonts folder",
                may_hold_output: false,
            },
            Protected {
                path: &project,
                what: "the current folder",
                may_hold_output: true,
            },
        ],
    )
}

/// Prints what the check and the build found. The missing translations of a locale that is
/// withheld, or published with the reference's text, are expected: they are counted, and
/// listed only with --verbose (or by `appealpack check`).
fn report(
    global: &GlobalArgs,
    outcome: &BuildOutcome,
    sources: &appealpack::source::SourceMap,
    release: bool,
) {
    let lenient: BTreeSet<&str> = outcome
        .withheld
        .iter()
        .map(|w| w.locale.as_str())
        .chain(
            outcome
                .packs
                .iter()
                .filter(|p| !p.fallbacks.is_empty())
                .map(|p| p.locale.as_str()),
        )
        .collect();
    let expected = |d: &&appealpack::diagnostic::Diagnostic| {
        is_missing_translation(d.code) && d.locale.as_deref().is_some_and(|l| lenient.contains(l))
    };
    let (hidden, shown): (Vec<_>, Vec<_>) = outcome
        .check
        .diagnostics
        .iter()
        .partition(|d| !global.verbose && expected(d));
    output::diagnostics(
        global,
        &Diagnostics(shown.into_iter().cloned().collect()),
        sources,
    );
    output::diagnostics(global, &outcome.diagnostics, sources);
    for pack in outcome.packs.iter().filter(|p| !p.fallbacks.is_empty()) {
        output::status(
            global,
            &format!(
                "note: `{}` is {} with {} message(s) in the reference language: {}",
                pack.locale,
                if release { "published" } else { "built" },
                pack.fallbacks.len(),
                pack.fallbacks.join(", ")
            ),
        );
    }
    if !hidden.is_empty() {
        output::status(
            global,
            &format!(
                "note: {} missing translation(s) not listed; see them with --verbose or `appealpack check`",
                hidden.len()
            ),
        );
    }
}

/// The formats asked for; by default PDF and DOCX, and a release adds the web pages that its
/// download page links and whose one-click actions it lists.
fn formats(args: &[FormatArg], release: bool) -> Vec<Format> {
    if args.is_empty() && release {
        return vec![Format::Pdf, Format::Docx, Format::Html];
    }
    if args.is_empty() {
        return vec![Format::Pdf, Format::Docx];
    }
    let mut formats: Vec<Format> = args
        .iter()
        .map(|f| match f {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
            FormatArg::Text => Format::Text,
            FormatArg::Html => Format::Html,
        })
        .collect();
    formats.sort();
    formats.dedup();
    formats
}

fn paper(arg: PaperArg) -> Paper {
    match arg {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org), or the fixed default epoch.
fn source_date_epoch() -> Result<i64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => match value.trim().parse::<i64>() {
            Ok(seconds) if (0..=253_402_300_799).contains(&seconds) => Ok(seconds),
            _ => bail!("SOURCE_DATE_EPOCH must be a number of seconds since 1970 (got `{value}`)"),
        },
        Err(_) => Ok(appealpack::render::DEFAULT_EPOCH),
    }
}
