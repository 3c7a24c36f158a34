//! The integration tests, one test program with one module per area (issue 19, set-up time).
//!
//! One program instead of eighteen: each program was compiled with optimisation and linked
//! against the whole library and its dependencies, and the programs ran one after another, so
//! the two cores idled while one program's last slow test (LibreOffice, Chromium) ran. In one
//! program the slow tests run beside the rest. Run one area with `cargo test --release
//! --test it <module>::`, e.g. `hostile::` or `pdf::`. They need no feature of the library (its
//! PDF text reader is `common::pdf_text`), so the README's test command reuses the library and
//! the binary the first command compiled. Snapshots sit in `snapshots/` beside each
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

/// Every `.rs` file under `tests/` is a module of this program. With `autotests = false`, cargo
/// no longer makes a program of a new `tests/x.rs` by itself, so a file nobody declares with
/// `mod` would never be compiled and its tests would silently never run.
#[test]
fn every_file_under_tests_is_a_module_of_this_program() {
    use std::path::{Path, PathBuf};

    fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap();
            if path.is_dir() && name != "fixtures" && name != "snapshots" {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    let tests = common::repo().join("tests");
    let mut files = Vec::new();
    rust_files(&tests, &mut files);
    let mut undeclared = Vec::new();
    for file in files.iter().filter(|f| **f != tests.join("main.rs")) {
        // `x/mod.rs` is module `x` of the folder above; `x/y.rs` is module `y` of `x`.
        let (dir, name) = if file.ends_with("mod.rs") {
            let folder = file.parent().unwrap();
            (folder.parent().unwrap(), folder.file_name().unwrap())
        } else {
            (file.parent().unwrap(), file.file_stem().unwrap())
        };
        let parent = if dir == tests {
            tests.join("main.rs")
        } else if dir.join("mod.rs").is_file() {
            dir.join("mod.rs")
        } else {
            dir.with_extension("rs")
        };
        let declaration = format!("mod {};", name.to_str().unwrap());
        let source = std::fs::read_to_string(&parent).unwrap_or_default();
        if !source
            .lines()
            .any(|line| line.trim().trim_start_matches("pub ") == declaration)
        {
            undeclared.push(format!(
                "{} (add `{declaration}` to {})",
                file.strip_prefix(&tests).unwrap().display(),
                parent.strip_prefix(&tests).unwrap().display()
            ));
        }
    }
    assert!(
        undeclared.is_empty(),
        "files under tests/ that no module declares, so never compiled:\n{}",
        undeclared.join("\n")
    );
}
