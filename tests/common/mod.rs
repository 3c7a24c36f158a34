//! Helpers shared by the integration tests: running the binary, fixture trees, external tools.
#![allow(dead_code)]

pub mod layout;
pub mod pdf_text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The full-size alert of the behaviour tests, relative to the repository (where the binary
/// runs from by default): a frozen copy of the first shipped alert, seven locales with Arabic.
/// It does not follow `i18n/`, on purpose: an NGO replacing the shipped alert must not break
/// the tests of how the tool behaves. The shipped data's own tests are in shipped_alert.rs.
pub const ALERT: &str = "tests/fixtures/alert-observatory";

/// [`ALERT`] as an absolute path.
pub fn alert() -> PathBuf {
    repo().join(ALERT)
}

/// The real binary, with the repository's fonts, run from `cwd`.
pub fn appealpack(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Copies a fixture tree into a fresh temporary folder, so a test can change it.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, sorted by relative path.
pub fn tree_contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &entry.path(), out);
            } else {
                let rel = entry
                    .path()
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// Whether an external tool is on PATH. When it is not, the test says so and skips, unless
/// `APPEALPACK_REQUIRE_TOOLS` is set (CI sets it), where a missing tool fails the test.
pub fn have_tool(name: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("APPEALPACK_REQUIRE_TOOLS").is_some() {
            panic!("{name} is required (APPEALPACK_REQUIRE_TOOLS is set) but not installed");
        }
        eprintln!("notice: skipping this test: `{name}` is not installed (CI installs it)");
    }
    found
}

/// Whitespace runs become one space, or none beside a wide (Chinese) character, where a line
/// end is no space; a soft hyphen (drawn at a hyphenation) joins the two halves of its word,
/// whatever lies between (a line end, or a page footer): extracted text compared with the
/// model's.
pub fn normalise(text: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: char| c.width() == Some(2);
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut joining = false;
    for c in text.chars() {
        if c == '\u{00AD}' {
            joining = true;
        } else if c.is_whitespace() {
            space = !joining;
        } else {
            if space && !out.is_empty() && !wide(c) && !out.chars().next_back().is_some_and(wide) {
                out.push(' ');
            }
            space = false;
            joining = false;
            out.push(c);
        }
    }
    out
}

/// Whether python3 can import `module`, with the same skip rule.
pub fn have_python_module(module: &str) -> bool {
    if !have_tool("python3") {
        return false;
    }
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("APPEALPACK_REQUIRE_TOOLS").is_some() {
            panic!(
                "python module {module} is required (APPEALPACK_REQUIRE_TOOLS is set) but not installed"
            );
        }
        eprintln!(
            "notice: skipping this test: python module `{module}` is not installed (CI installs it)"
        );
    }
    found
}

/// What a command printed, stdout then stderr: `check` reports on stdout, `build` on stderr.
pub fn report(output: &Output) -> String {
    format!("{}{}", stdout(output), stderr(output))
}

/// The output folder's marker file (the file that says appealpack made the folder, so a build
/// may replace it): part of the on-disk contract, spelled out here.
pub const MARKER_FILE: &str = ".appealpack-output";

/// The invisible characters that only steer bidi ordering (isolates, embeddings, overrides,
/// ALM, LRM, RLM), which a reader of the text never sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// SHA-256 of `bytes` in lowercase hex, as manifest.json and SHA256SUMS give it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
