//! The bad-input corpus (issue 9): hostile and broken inputs, each run through the real binary.
//! Every case asserts the exact message (an insta snapshot of stderr, paths relative) and,
//! when the build fails, that nothing was written: the workspace is byte for byte as before,
//! with the previous output untouched and no staging folder left. Large inputs are generated
//! here, never committed. Regenerate snapshots with `INSTA_UPDATE=always cargo test --release
//! --test it hostile::` and review the diff.

mod support;

mod bounded;
mod commands;
#[cfg(unix)]
mod confine;
mod corrections;
mod fonts;
mod ftl;
mod links;
mod manifest;
mod output;
mod output_folder;
mod terminal;
mod text;
