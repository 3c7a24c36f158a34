//! `appealpack status`: the coverage matrix, for a terminal or a pull-request comment.

use anyhow::Result;

use appealpack::check::{CheckOptions, check};
use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::status::status;

use super::args::{GlobalArgs, StatusArgs};
use super::{exit, output};

pub fn run(global: &GlobalArgs, args: &StatusArgs) -> Result<u8> {
    let tree = match load::load(&args.input.i18n) {
        Ok(tree) => tree,
        Err(failure) => {
            output::diagnostics(global, &failure.diagnostics, &failure.sources);
            return Ok(exit::CANNOT_RUN);
        }
    };
    let fonts = FontLibrary::load(&args.input.fonts)?;
    let report = check(
        &tree,
        Some(&fonts),
        &CheckOptions {
            locales: args.input.locales.clone(),
            ..CheckOptions::default()
        },
    );
    let matrix = status(&tree, &report);
    if args.markdown {
        print!("{}", matrix.to_markdown());
    } else {
        print!("{}", matrix.to_terminal());
    }
    // A report that ran exits 0, whatever it shows: `check` is the gate that fails on errors.
    Ok(exit::OK)
}
