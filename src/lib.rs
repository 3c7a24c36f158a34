//! appealpack: one urgent appeal, checked and rendered as translated PDF and DOCX packs.
//!
//! The pipeline is `load → check → model → render → artifacts`:
//! - [`load`] reads an i18n tree (manifest, canonical text, Fluent files) into a [`load::Tree`];
//! - [`check`] compares every locale with the reference and reports [`diagnostic`]s;
//! - [`model`] builds one [`model::AppealPack`] per locale;
//! - [`render`] turns a pack into PDF, DOCX or text bytes (pure functions);
//! - [`release`] adds manifest.json, SHA256SUMS, zips and the download page, in memory;
//! - [`artifacts`] is the only module that writes files.
//!
//! # The public API
//!
//! What an embedding tool needs to run that pipeline, and nothing else; the `appealpack`
//! binary uses only this. [`pipeline::build`] runs check, model and render in one call;
//! [`diagnostic`], [`report`] and [`source`] describe and print what was found; [`fonts`]
//! loads the fonts a render needs; [`status`] and [`scaffold`] are the translator's tools
//! (the status matrix, a new locale's folder). The manifest, the canonical check, the
//! individual checks, the layout's internals and the text helpers are crate-private.
//!
//! The tests need nothing else: the integration tests drive the binary and this API and bring
//! their own oracles (a PDF text reader among them), and what must reach further is a unit
//! test. The benchmarks' tree generator takes plural categories from `bench_support`, which
//! exists only with the `bench-support` feature and is not API.

// Diagnostics are plain values with their spans and notes (about 150 bytes); returning one as
// an error is rare and never on a hot path, so boxing them everywhere would only add noise.
#![allow(clippy::result_large_err)]
// `pub(crate)` by default: a `pub` item must be reachable, that is API or test support.
#![warn(unreachable_pub)]

pub(crate) mod archive;
pub mod artifacts;
pub(crate) mod canonical;
pub(crate) mod chars;
pub mod check;
pub mod diagnostic;
pub(crate) mod diff;
pub mod fonts;
pub(crate) mod guard;
pub mod load;
pub(crate) mod manifest;
pub mod model;
pub mod pipeline;
pub mod release;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod source;
pub mod status;
pub(crate) mod timestamp;

#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub mod bench_support;
