//! `appealpack init-locale` and `init-alert`: scaffold a locale folder (added to the manifest)
//! or a new alert's folder.

use std::path::Path;

use anyhow::Result;

use appealpack::artifacts::WriteError;
use appealpack::artifacts::write_file_atomic;
use appealpack::load;
use appealpack::scaffold::{AlertScaffold, Scaffold, scaffold, scaffold_alert};

use super::args::{GlobalArgs, InitAlertArgs, InitLocaleArgs};
use super::{exit, output};

pub fn run(global: &GlobalArgs, args: &InitLocaleArgs) -> Result<u8> {
    let tree = match load::load(&args.i18n) {
        Ok(tree) => tree,
        Err(failure) => {
            output::diagnostics(global, &failure.diagnostics, &failure.sources);
            return Ok(exit::CANNOT_RUN);
        }
    };
    let plan = match scaffold(&tree, &args.code, args.unlisted_language) {
        Ok(plan) => plan,
        Err(error) => {
            output::error(global, &error.to_string());
            return Ok(exit::CANNOT_RUN);
        }
    };
    let manifest_path = &plan.manifest.0;
    // The manifest as loaded, to put back if the folder cannot be moved into place (the plan
    // exists only when the tree has a manifest).
    let original = tree
        .manifest_file()
        .map(|file| tree.sources.get(file).text().to_owned())
        .unwrap_or_default();
    if let Err(error) = write_scaffold(&plan, &original) {
        output::error(
            global,
            &format!(
                "{error}; nothing was changed: no {} folder, {} as it was",
                plan.dir.display(),
                manifest_path.display()
            ),
        );
        return Ok(exit::CANNOT_RUN);
    }
    output::status(
        global,
        &format!(
            "created {} with {} files (translations and lock) and added `{}` to {}",
            plan.dir.display(),
            plan.files.len(),
            args.code,
            manifest_path.display(),
        ),
    );
    output::status(
        global,
        &format!(
            "next: translate the commented-out messages, then run `appealpack check --locale {}`",
            args.code
        ),
    );
    Ok(exit::OK)
}

/// Writes the locale as one step: its files into a hidden staging folder, then the manifest,
/// then the folder renamed into place. If the manifest cannot be written, the staging folder
/// goes and nothing changed; if the rename fails, the manifest is put back. A process killed
/// after the manifest but before the rename leaves the locale listed with no folder, which
/// `init-locale` completes when run again.
fn write_scaffold(plan: &Scaffold, original: &str) -> Result<(), WriteError> {
    let staging = staging_beside(&plan.dir);
    let (manifest_path, manifest_text) = &plan.manifest;
    let result = plan
        .files
        .iter()
        .try_for_each(|(path, text)| {
            let relative = path.strip_prefix(&plan.dir).unwrap_or(path);
            write_file_atomic(&staging.join(relative), text.as_bytes())
        })
        .and_then(|()| write_file_atomic(manifest_path, manifest_text.as_bytes()))
        .and_then(|()| {
            std::fs::rename(&staging, &plan.dir).map_err(|e| {
                let _ = write_file_atomic(manifest_path, original.as_bytes());
                WriteError {
                    path: plan.dir.clone(),
                    reason: appealpack::load::io_reason(&e),
                }
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

pub fn run_alert(global: &GlobalArgs, args: &InitAlertArgs) -> Result<u8> {
    let plan = match scaffold_alert(&args.id, &args.i18n) {
        Ok(plan) => plan,
        Err(error) => {
            output::error(global, &error.to_string());
            return Ok(exit::CANNOT_RUN);
        }
    };
    if let Err(error) = write_alert(&plan) {
        output::error(
            global,
            &format!(
                "{error}; nothing was changed: no {} folder",
                plan.dir.display()
            ),
        );
        return Ok(exit::CANNOT_RUN);
    }
    let dir = plan.dir.display();
    output::status(
        global,
        &format!(
            "created {dir} for the alert `{}`: manifest.toml, canonical.txt, en/alert.ftl",
            args.id
        ),
    );
    output::status(
        global,
        &format!(
            "next: replace each line of {dir}/canonical.txt with the source alert, word for word, \
             and the English messages to match (the manifest's comments say how), then run \
             `appealpack check --i18n {dir}`"
        ),
    );
    Ok(exit::OK)
}

/// Writes the alert as one step: its files into a hidden staging folder beside it, then the
/// folder renamed into place; on any failure the staging folder goes and nothing changed.
fn write_alert(plan: &AlertScaffold) -> Result<(), WriteError> {
    let staging = staging_beside(&plan.dir);
    let result = plan
        .files
        .iter()
        .try_for_each(|(path, text)| write_file_atomic(&staging.join(path), text.as_bytes()))
        .and_then(|()| {
            // Refuses a folder made meanwhile rather than merging into it.
            if plan.dir.symlink_metadata().is_ok() {
                return Err(WriteError {
                    path: plan.dir.clone(),
                    reason: "it was created meanwhile".into(),
                });
            }
            std::fs::rename(&staging, &plan.dir).map_err(|e| WriteError {
                path: plan.dir.clone(),
                reason: appealpack::load::io_reason(&e),
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// A hidden staging folder beside `dir` (in `.` for a bare name), named after this process, so
/// that the finished folder appears by one rename on the same file system.
fn staging_beside(dir: &Path) -> std::path::PathBuf {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent.join(format!(".{name}.init-{}", std::process::id()))
}
