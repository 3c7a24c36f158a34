//! The integration tests, one test program with one module per area (issue 19, set-up time).
//!
//! One program instead of eighteen: each program was compiled with optimisation and linked
//! against the whole library and its dependencies, and the programs ran one after another, so
//! the two cores idled while one program's last slow test (LibreOffice, Chromium) ran. In one
//! program the slow tests run beside the rest. Run one area with `cargo test --release --test
//! it <module>::`, e.g. `hostile::` or `pdf::`. Snapshots sit in `snapshots/` beside each
//! module's file, named `it__<module path>__<name>.snap`.
//!
//! Every test runs in this one process: a test must not change the process's environment or
//! current directory (give a child process its own with `Command::env` and `current_dir`).

mod common;

mod alert_karvania;
mod architecture;
mod check;
mod chinese;
mod docx;
mod foundation;
mod hostile;
mod init_alert;
mod letters;
mod pdf;
mod properties;
mod release;
mod repositories;
mod scripts;
mod shipped_alert;
mod tagged;
mod web;
mod workflow;
