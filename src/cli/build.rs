//! `appealpack build`: check, render every locale that passes, write the output atomically.

use std::time::Instant;

use anyhow::{Context, Result, bail};

use appealpack::artifacts::{WriteMode, write_output};
use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::pipeline::{BuildRequest, build};
use appealpack::render::{Format, Paper, RenderOptions};

use super::args::{BuildArgs, FormatArg, GlobalArgs, PaperArg};
use super::{exit, output};

pub fn run(global: &GlobalArgs, args: &BuildArgs) -> Result<u8> {
    let started = Instant::now();
    let tree = match load::load(&args.input.i18n) {
        Ok(tree) => tree,
        Err(failure) => {
            output::diagnostics(global, &failure.diagnostics, &failure.sources);
            output::error(global, &format!("{failure}; nothing was written"));
            return Ok(exit::CANNOT_RUN);
        }
    };
    let fonts = FontLibrary::load(&args.input.fonts).context("cannot load the fonts")?;
    let request = BuildRequest {
        locales: args.input.locales.clone(),
        formats: formats(&args.formats),
        render: RenderOptions {
            paper: paper(args.paper),
            timestamp: source_date_epoch()?,
            ..RenderOptions::default()
        },
        allow_incomplete: args.allow_incomplete,
        pseudo: args.pseudo,
    };
    output::detail(
        global,
        &format!(
            "loaded {} locales from {}",
            tree.locales.len(),
            args.input.i18n.display()
        ),
    );

    let outcome = build(&tree, &fonts, &request);
    output::diagnostics(global, &outcome.check.diagnostics, &tree.sources);
    output::diagnostics(global, &outcome.diagnostics, &tree.sources);

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

    let mode = if args.input.locales.is_empty() {
        WriteMode::Replace
    } else {
        WriteMode::Merge
    };
    let written = write_output(&args.out, &outcome.artifacts, mode)?;
    let locales = outcome.check.locales.len();
    output::status(
        global,
        &format!(
            "built {locales} locale{} into {}: {} files, {} in {:.2} s",
            if locales == 1 { "" } else { "s" },
            args.out.display(),
            written.files,
            human_bytes(written.bytes),
            started.elapsed().as_secs_f64()
        ),
    );
    Ok(exit::OK)
}

fn formats(args: &[FormatArg]) -> Vec<Format> {
    if args.is_empty() {
        return vec![Format::Pdf, Format::Docx];
    }
    let mut formats: Vec<Format> = args
        .iter()
        .map(|f| match f {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
            FormatArg::Text => Format::Text,
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

pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.0} KiB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}
