//! `appealpack init-locale`: scaffolds a locale folder and adds the locale to the manifest.

use anyhow::Result;

use appealpack::artifacts::write_file_atomic;
use appealpack::load;
use appealpack::scaffold::scaffold;

use super::args::{GlobalArgs, InitLocaleArgs};
use super::{exit, output};

pub fn run(global: &GlobalArgs, args: &InitLocaleArgs) -> Result<u8> {
    let tree = match load::load(&args.i18n) {
        Ok(tree) => tree,
        Err(failure) => {
            output::diagnostics(global, &failure.diagnostics, &failure.sources);
            return Ok(exit::CANNOT_RUN);
        }
    };
    let plan = match scaffold(&tree, &args.code) {
        Ok(plan) => plan,
        Err(error) => {
            output::error(global, &error.to_string());
            return Ok(exit::CANNOT_RUN);
        }
    };
    for (path, text) in &plan.files {
        write_file_atomic(path, text.as_bytes())?;
    }
    // The manifest last: if writing a file failed, the locale is not half added.
    let (manifest_path, manifest_text) = &plan.manifest;
    write_file_atomic(manifest_path, manifest_text.as_bytes())?;
    output::status(
        global,
        &format!(
            "created {} with {} files (translations and lock) and added `{}` to {}\nnext: translate the commented-out messages, then run `appealpack check --locale {}`",
            plan.dir.display(),
            plan.files.len(),
            args.code,
            manifest_path.display(),
            args.code
        ),
    );
    Ok(exit::OK)
}
