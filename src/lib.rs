//! appealpack: one urgent appeal, checked and rendered as translated PDF and DOCX packs.
//!
//! The pipeline is `load → check → model → render → artifacts`:
//! - [`load`] reads an i18n tree (manifest, canonical text, Fluent files) into a [`load::Tree`];
//! - [`check`] compares every locale with the reference and reports [`diagnostic`]s;
//! - [`model`] builds one [`model::AppealPack`] per locale;
//! - [`render`] turns a pack into PDF, DOCX or text bytes (pure functions);
//! - [`release`] adds manifest.json, SHA256SUMS, zips and the download page, in memory;
//! - [`artifacts`] is the only module that writes files.

// Diagnostics are plain values with their spans and notes (about 150 bytes); returning one as
// an error is rare and never on a hot path, so boxing them everywhere would only add noise.
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod artifacts;
pub mod canonical;
pub mod chars;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod fonts;
pub mod guard;
pub mod load;
pub mod manifest;
pub mod model;
pub mod pipeline;
pub mod release;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod source;
pub mod status;
pub mod timestamp;
