//! What the test suite and the benchmarks use that is not API: oracles, hooks, internals.
//!
//! Compiled only with the `test-support` feature, which the dev-dependency of this package on
//! itself turns on (Cargo.toml); the shipped binary and an embedding tool never see it, so
//! nothing here is a promise. Tests that need more reach for it here, deliberately, rather than
//! making an internal item `pub`.

/// The output folder's marker file, which tests plant and look for.
pub const MARKER_FILE: &str = crate::artifacts::MARKER_FILE;

/// The stall hook's variable (the hook itself needs the `test-hooks` feature too).
pub const STALL_VAR: &str = crate::artifacts::STALL_VAR;

pub use crate::canonical::{canonical_lines, normalise};
pub use crate::chars::is_bidi_control;
pub use crate::check::plurals::{CATEGORIES, PluralInfo};
pub use crate::model::lines::Line;
pub use crate::release::checksums::sha256_hex;

/// The PDF renderer's oracle and geometry.
pub mod pdf {
    /// Text lines read back from a PDF's content streams, in reading order.
    pub use crate::render::pdf::extract::{TextLine, extract};
    pub use crate::render::pdf::style::Geometry;
}
