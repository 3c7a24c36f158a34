//! The output folder is replaced in one step: a build that fails, or is killed at any point,
//! leaves the previous output whole, and the next build cleans up after it.

use std::process::Child;

use appealpack::test_support::STALL_VAR;

use super::support::{Workspace, stderr, wait_for};
use crate::common::tree_contents;

/// A first release, then a change to the inputs so the next build would write other bytes.
fn released_then_changed() -> (Workspace, Vec<(String, Vec<u8>)>) {
    let workspace = Workspace::new();
    workspace.release(&[], &[]);
    let before = tree_contents(&workspace.out());
    assert!(before.len() > 5, "a release was written");
    workspace.edit("i18n/en/main.ftl", "Repeal the law.", "Repeal the law now.");
    (workspace, before)
}

fn kill(mut child: Child) {
    // SIGKILL: the process gets no chance to clean up.
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_failed_build_leaves_the_previous_output() {
    let (workspace, before) = released_then_changed();
    workspace.edit("i18n/ar/main.ftl", "X: { $handle }", "X: { $handle");
    let output = workspace.build(&[], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing was written"));
    assert!(
        tree_contents(&workspace.out()) == before,
        "the output changed"
    );
    assert_eq!(workspace.leftovers(), Vec::<String>::new());
}

#[test]
fn a_build_killed_while_writing_leaves_the_previous_output() {
    let (workspace, before) = released_then_changed();
    let child = workspace
        .command(&[], &[(STALL_VAR, "staging")])
        .spawn()
        .unwrap();
    let staging = workspace
        .path()
        .join(format!(".output.staging-{}", child.id()));
    // Stalled after the first file of the new output is written.
    wait_for("a staged file", || {
        std::fs::read_dir(&staging).is_ok_and(|mut entries| entries.next().is_some())
    });
    kill(child);

    assert!(
        tree_contents(&workspace.out()) == before,
        "the output changed"
    );
    assert_eq!(
        workspace.leftovers().len(),
        1,
        "the killed build's staging folder"
    );

    workspace.release(&[], &[]);
    assert_eq!(workspace.leftovers(), Vec::<String>::new(), "cleaned up");
    let text = std::fs::read_to_string(workspace.out().join("en/release-test-en.txt")).unwrap();
    assert!(
        text.contains("Repeal the law now."),
        "the new output is in place"
    );
}

#[test]
fn a_build_killed_between_the_renames_is_repaired_by_the_next_build_even_a_failing_one() {
    let (workspace, before) = released_then_changed();
    let child = workspace
        .command(&[], &[(STALL_VAR, "swap")])
        .spawn()
        .unwrap();
    let previous = workspace
        .path()
        .join(format!(".output.previous-{}", child.id()));
    // Stalled with the old output moved aside and the new one not yet in its place.
    wait_for("the old output moved aside", || previous.is_dir());
    kill(child);
    assert!(!workspace.out().exists());
    assert!(tree_contents(&previous) == before);

    // The next build fails (an error in a locale), and still the old output comes back.
    workspace.edit("i18n/ar/main.ftl", "X: { $handle }", "X: { $handle");
    let output = workspace.build(&[], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        tree_contents(&workspace.out()) == before,
        "the old output is back"
    );
    assert_eq!(workspace.leftovers(), Vec::<String>::new(), "cleaned up");
}
