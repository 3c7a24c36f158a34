//! End-to-end tests of `appealpack build --release`, driving the real binary on the release
//! fixture (tests/fixtures/release): reproducibility, atomic output, the release threshold and
//! the download page.

mod support;

mod atomic;
mod page;
mod preview;
mod reproducible;
mod threshold;
