//! Output folders a build must never replace (the inputs, a folder that holds them, someone
//! else's files, a symbolic link), and the rules of what a build leaves in its output: exactly
//! what it made, with no stale file beside a fresh one and no leftover of a killed build.

use super::support::{Case, stable};
use crate::common::tree_contents;

/// `--out` naming the inputs or a folder that holds them: exit 2, nothing changes anywhere.
#[test]
fn the_inputs_and_the_folders_that_hold_them_are_never_an_output() {
    let case = Case::new();
    let mut messages = String::new();
    for out in ["t", "f", ".", "..", "t/en", "out/../t"] {
        let err = case.refused(&["--out", out, "-f", "text"], 2);
        messages.push_str(&format!("--out {out}\n{err}\n"));
    }
    insta::assert_snapshot!(messages);
}

#[test]
fn a_folder_of_other_files_is_refused_and_an_empty_one_is_built() {
    let case = Case::new();
    case.write("thesis/chapter1.txt", "two years of work");
    let err = case.refused(&["--out", "thesis", "-f", "text"], 2);
    insta::assert_snapshot!(err);

    std::fs::create_dir(case.path("empty")).unwrap();
    case.built(&["--out", "empty", "-f", "text"]);
    assert!(case.path("empty/en/test-alert-en.txt").is_file());
    assert!(case.path("empty/.appealpack-output").is_file());
}

/// `out/../out` is `out`: built in place, and the message names the path as given.
#[test]
fn an_output_named_through_dot_dot_is_the_same_folder() {
    let case = Case::new();
    let err = case.built(&["--out", "out/../out", "-f", "text"]);
    assert!(case.path("out/en/test-alert-en.txt").is_file(), "{err}");
    assert!(!case.path("out/en/previous.txt").exists());
    let names = case.top_names();
    assert_eq!(names, [".out.lock", "f", "out", "t"]);
    insta::assert_snapshot!(err);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_as_output_is_refused_and_its_target_left_alone() {
    let case = Case::new();
    let target = tempfile::tempdir().unwrap();
    std::fs::write(target.path().join("kept.txt"), "the link's target").unwrap();
    std::os::unix::fs::symlink(target.path(), case.path("linked")).unwrap();
    let before = tree_contents(target.path());
    let output = case.build(&["--out", "linked", "-f", "text"]);
    let err = stable(&String::from_utf8_lossy(&output.stderr))
        .replace(&target.path().display().to_string(), "[target]");
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(tree_contents(target.path()) == before);
    assert!(
        std::fs::symlink_metadata(case.path("linked"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    insta::assert_snapshot!(err);
}

/// Leftovers of killed builds are removed by the next one, even when their process id now
/// belongs to a running process (here 1, which always runs): the lock, not the id, tells.
#[test]
fn leftovers_named_after_a_live_process_are_cleaned_up() {
    let case = Case::new();
    case.write(".out.staging-1/en/half.txt", "half written");
    case.write(".out.previous-1/en/old.txt", "moved aside");
    case.built(&["-f", "text"]);
    assert!(!case.path(".out.staging-1").exists());
    assert!(!case.path(".out.previous-1").exists());
    assert!(case.path("out/en/test-alert-en.txt").is_file());
}

/// A partial build makes the output exactly what it built: no DOCX of an earlier build beside
/// the new PDF, no other locale's old files.
#[test]
fn a_partial_build_leaves_no_stale_file_beside_a_fresh_one() {
    let case = Case::new();
    case.built(&["-f", "text", "-f", "docx"]);
    assert!(case.path("out/fr/test-alert-fr.docx").is_file());
    assert!(case.path("out/en/test-alert-en.txt").is_file());
    case.built(&["--locale", "fr", "-f", "text"]);
    let files: Vec<String> = tree_contents(&case.path("out"))
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(files, [".appealpack-output", "fr/test-alert-fr.txt"]);
}
