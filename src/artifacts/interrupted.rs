//! Writes killed for real: the test binary runs one writer in a child process that stops at a
//! stall point, and the test kills it there (SIGKILL: no destructor, no cleanup runs), then
//! reads what it left and lets the next write repair it.
//!
//! The kill happens here, in the unit tests, because the stall hook exists only in their build;
//! the integration tests (`tests/release/atomic.rs`) check that the binary repairs these same
//! leftovers, even in a build that fails.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use super::tests::names;
use super::*;

/// The folder in which the child writes `output/`.
const CHILD_DIR: &str = "APPEALPACK_TEST_CHILD_DIR";

/// The new output the child writes: more than one file, so `staging` stops with one written
/// and one not.
const NEW_FILES: [OutputFile<'static>; 2] = [
    OutputFile {
        path: "en/new.txt",
        bytes: b"new",
    },
    OutputFile {
        path: "fr/new.txt",
        bytes: b"nouveau",
    },
];

#[test]
#[ignore = "the child process of the tests below, which run it"]
fn stalled_writer() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let out = OutputDir::resolve(&Path::new(&dir).join("output"), &[]).unwrap();
    write_files(&out, &NEW_FILES).unwrap();
}

/// A first output in `dir/output`, as an earlier build left it.
fn previous_output(dir: &Path) -> OutputDir {
    let out = OutputDir::resolve(&dir.join("output"), &[]).unwrap();
    let old = OutputFile {
        path: "en/old.txt",
        bytes: b"old",
    };
    write_files(&out, &[old]).unwrap();
    out
}

/// Runs [`stalled_writer`] on `dir` until it stalls at `point`, kills it there and returns
/// its process id (which names its staging and previous folders).
fn kill_writer_at(point: &str, dir: &Path) -> u32 {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["artifacts::interrupted::stalled_writer", "--exact"])
        .args(["--ignored", "--nocapture", "--test-threads=1"])
        .env(STALL_VAR, point)
        .env(CHILD_DIR, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The hook says where it stopped; reading up to that line waits exactly as long as needed.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            let status = child.wait().unwrap();
            panic!("the writer ended ({status}) before stalling at `{point}`:\n{said}");
        }
        said.push_str(&line);
        if line.contains(&format!("stalled at `{point}`")) {
            break;
        }
    }
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    pid
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Files under `dir`, as sorted relative paths.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_write_killed_while_staging_leaves_the_previous_output_and_its_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let before = files_under(out.path());

    let pid = kill_writer_at("staging", dir.path());
    assert_eq!(files_under(out.path()), before, "the output changed");
    assert_eq!(read(&out.path().join("en/old.txt")), "old");
    let staging = format!(".output.staging-{pid}");
    assert_eq!(names(dir.path()), [".output.lock", &staging, "output"]);
    // Stopped with the first file written and the second not.
    assert_eq!(
        files_under(&dir.path().join(&staging)),
        ["en/new.txt"],
        "one file staged"
    );

    // The next write removes it and puts its own output in place.
    write_files(&out, &NEW_FILES).unwrap();
    assert_eq!(names(dir.path()), [".output.lock", "output"], "cleaned up");
    assert_eq!(read(&out.path().join("fr/new.txt")), "nouveau");
    assert!(!out.path().join("en/old.txt").exists());
}

#[test]
fn a_write_killed_between_the_renames_is_undone_by_recover() {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let before = files_under(out.path());

    let pid = kill_writer_at("swap", dir.path());
    // No output: the old one is aside, the new one staged in full.
    let previous = dir.path().join(format!(".output.previous-{pid}"));
    let staging = dir.path().join(format!(".output.staging-{pid}"));
    assert!(!out.path().exists());
    assert_eq!(files_under(&previous), before);
    assert_eq!(
        files_under(&staging),
        [MARKER_FILE, "en/new.txt", "fr/new.txt"]
    );

    // What a build calls first, even one that will fail.
    recover(&out).unwrap();
    assert_eq!(files_under(out.path()), before, "the old output is back");
    assert_eq!(read(&out.path().join("en/old.txt")), "old");
    assert_eq!(names(dir.path()), [".output.lock", "output"], "cleaned up");
}
