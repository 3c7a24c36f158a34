//! `appealpack check`: report every problem of every locale, for people, tools or GitHub.

use std::io::Write as _;

use anyhow::Result;
use serde::Serialize;

use appealpack::check::{CheckOptions, LocaleSummary, check};
use appealpack::diagnostic::{Code, Level, Mode, conflict, parse_setting};
use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::report;

use super::args::{CheckArgs, GlobalArgs, ReportFormat};
use super::{exit, output};

/// Version of the JSON report; bumped on any incompatible change (docs/diagnostics.md).
const JSON_SCHEMA: &str = "appealpack-check/1";

pub fn run(global: &GlobalArgs, args: &CheckArgs) -> Result<u8> {
    let loaded = match (&args.config, &args.root, &args.reference) {
        (Some(config), _, reference) => load::load_config(config, reference.as_deref()),
        (None, Some(root), Some(reference)) => {
            if root.join(load::CONFIG_FILE).exists() {
                output::detail(
                    global,
                    &format!(
                        "not reading {}: --reference asks for the folder layout (drop it, or pass --config, to read the configuration)",
                        root.join(load::CONFIG_FILE).display()
                    ),
                );
            }
            load::load_bare(root, reference)
        }
        (None, Some(root), None) => {
            let config = root.join(load::CONFIG_FILE);
            if !config.exists() {
                output::error(
                    global,
                    &format!(
                        "--root needs --reference LOCALE: {} has no {}",
                        root.display(),
                        load::CONFIG_FILE
                    ),
                );
                return Ok(exit::CANNOT_RUN);
            }
            output::detail(global, &format!("reading {}", config.display()));
            load::load_config(&config, None)
        }
        (None, None, Some(_)) => {
            output::error(global, "--reference goes with --root DIR or --config FILE");
            return Ok(exit::CANNOT_RUN);
        }
        (None, None, None) => load::load(&args.input.i18n),
    };
    let tree = match loaded {
        Ok(tree) => tree,
        Err(failure) => {
            emit(
                global,
                args.format,
                &failure.diagnostics,
                &failure.sources,
                &[],
                &[],
            );
            return Ok(exit::CANNOT_RUN);
        }
    };
    for skipped in &tree.not_locales {
        output::detail(
            global,
            &format!(
                "skipping {}: not a locale ({})",
                skipped.dir.display(),
                skipped.reason
            ),
        );
    }
    for locale in &args.update_lock {
        update_lock(global, &tree, locale)?;
    }
    let levels = match levels(args, tree.mode()) {
        Ok(levels) => levels,
        Err(message) => {
            output::error(global, &message);
            return Ok(exit::CANNOT_RUN);
        }
    };
    // Glyph coverage needs the fonts; a bare Fluent tree has none to check against.
    let fonts = match tree.has_manifest() {
        true => Some(FontLibrary::load(&args.input.fonts)?),
        false => None,
    };
    let report = check(
        &tree,
        fonts.as_ref(),
        &CheckOptions {
            // After --update-lock, check what was just marked reviewed, unless told otherwise.
            locales: if args.input.locales.is_empty() {
                args.update_lock.clone()
            } else {
                args.input.locales.clone()
            },
            levels,
        },
    );
    if !report.unknown_locales.is_empty() {
        let known: Vec<&str> = tree.locales.iter().map(|l| l.id.as_str()).collect();
        output::error(
            global,
            &format!(
                "no locale {} in this tree (it has {})",
                report
                    .unknown_locales
                    .iter()
                    .map(|l| format!("`{l}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                known.join(", ")
            ),
        );
        return Ok(exit::CANNOT_RUN);
    }
    emit(
        global,
        args.format,
        &report.diagnostics,
        &tree.sources,
        &report.locales,
        &report.allowed,
    );
    let code = if report.diagnostics.has_errors() {
        exit::FOUND_ERRORS
    } else {
        exit::OK
    };
    // The process ends here: freeing every parsed file one by one would cost a large tree
    // about a tenth of a second, for nothing.
    std::mem::forget(report);
    std::mem::forget(tree);
    Ok(code)
}

/// The levels `--deny`, `--warn` and `--allow` set, each code checked for the mode.
fn levels(args: &CheckArgs, mode: Mode) -> Result<Vec<(Code, Level)>, String> {
    let given = [
        (Level::Deny, &args.deny),
        (Level::Warn, &args.warn),
        (Level::Allow, &args.allow),
    ];
    let mut settings = Vec::new();
    for (level, names) in given {
        for name in names {
            settings.push((parse_setting(name, level, mode)?, level));
        }
    }
    if let Some((code, first, second)) = conflict(&settings) {
        return Err(format!(
            "`{}` is given two levels, --{} and --{}",
            code.as_str(),
            first.as_str(),
            second.as_str()
        ));
    }
    Ok(settings)
}

/// Rewrites the lock of `locale`: its translations are now considered reviewed.
fn update_lock(global: &GlobalArgs, tree: &appealpack::load::Tree, locale: &str) -> Result<()> {
    use appealpack::check::stale as lock;
    let (Some(reference), Some(target)) = (tree.reference_locale(), tree.locale(locale)) else {
        // A listed locale whose folder was refused (missing, or a link out of the tree): say
        // why, since its lock would be written there.
        let refused = tree.diagnostics.0.iter().find(|d| {
            d.code == appealpack::diagnostic::Code::LocaleFolder
                && d.locale.as_deref() == Some(locale)
        });
        match refused {
            Some(why) => anyhow::bail!("cannot update the lock of `{locale}`: {}", why.message),
            None => anyhow::bail!(
                "cannot update the lock of `{locale}`: it is not a locale of this tree"
            ),
        }
    };
    // Say which changed sources this acknowledges: marking a translation reviewed is a claim.
    let acknowledged: Vec<String> = lock::check(reference, target)
        .into_iter()
        .filter_map(|d| d.message_id)
        .collect();
    let current = lock::current(reference, target);
    let path = lock::lock_path(target);
    appealpack::artifacts::write_file_atomic(&path, lock::to_text(&current).as_bytes())?;
    let changed = match acknowledged.len() {
        0 => "none was stale".to_owned(),
        n => format!("{n} had a changed source: {}", acknowledged.join(", ")),
    };
    output::status(
        global,
        &format!(
            "marked {} translations of `{locale}` as reviewed in {} ({changed})",
            current.messages.len(),
            path.display()
        ),
    );
    Ok(())
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    errors: usize,
    warnings: usize,
    locales: &'a [LocaleSummary],
    diagnostics: Vec<report::JsonDiagnostic<'a>>,
}

fn emit(
    global: &GlobalArgs,
    format: ReportFormat,
    diagnostics: &appealpack::diagnostic::Diagnostics,
    sources: &appealpack::source::SourceMap,
    locales: &[LocaleSummary],
    allowed: &[appealpack::check::contacts::Allowed],
) {
    match format {
        ReportFormat::Human => {
            output::report_diagnostics(global, diagnostics, sources);
            if !global.quiet && !locales.is_empty() {
                print!("{}", summary_table(locales, diagnostics));
            }
            let (errors, warnings) = (diagnostics.errors(), diagnostics.warnings());
            if !global.quiet {
                // One line per warning the manifest allows, not its whole snippet.
                for allow in allowed {
                    println!(
                        "allowed: {} on `{}` ({})",
                        allow.code.as_str(),
                        allow.addressee,
                        allow.reason
                    );
                }
                println!("check: {errors} error(s), {warnings} warning(s)");
            }
        }
        ReportFormat::Json => {
            // The totals count every diagnostic; the list caps repeats, as the other formats do.
            let shown = report::capped(&diagnostics.0, sources, report::REPEAT_LIMIT);
            let report = JsonReport {
                schema: JSON_SCHEMA,
                errors: diagnostics.errors(),
                warnings: diagnostics.warnings(),
                locales,
                diagnostics: shown
                    .iter()
                    .map(|d| report::json_diagnostic(d, sources))
                    .collect(),
            };
            // Written as it is serialised: a large report is never held twice in memory.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = serde_json::to_writer_pretty(&mut out, &report)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
                .and_then(|()| out.flush());
            if let Err(error) = written
                && error.kind() != std::io::ErrorKind::BrokenPipe
            {
                output::error(global, &format!("cannot write the report: {error}"));
            }
        }
        ReportFormat::Github => print!("{}", report::github(&diagnostics.0, sources)),
    }
}

fn summary_table(
    locales: &[LocaleSummary],
    diagnostics: &appealpack::diagnostic::Diagnostics,
) -> String {
    let mut out = format!(
        "{:<8} {:>7} {:>9} {:>8} {:>9} {:>9} {:>15}\n",
        "locale", "errors", "warnings", "missing", "obsolete", "coverage", "words"
    );
    for s in locales {
        let words = format!("{}/{}", s.words, s.words_total);
        out.push_str(&format!(
            "{:<8} {:>7} {:>9} {:>8} {:>9} {:>8.1}% {:>15}\n",
            appealpack::report::visible(&s.locale),
            s.errors,
            s.warnings,
            s.missing,
            s.obsolete,
            s.coverage,
            words
        ));
    }
    // Problems of the manifest belong to no locale; a row of their own keeps the rows adding up
    // to the totals below.
    let global: Vec<_> = diagnostics.iter().filter(|d| d.locale.is_none()).collect();
    if !global.is_empty() {
        let errors = global.iter().filter(|d| d.is_error()).count();
        out.push_str(&format!(
            "{:<8} {:>7} {:>9}\n",
            "manifest",
            errors,
            global.len() - errors
        ));
    }
    out
}
