//! The release is a function of its inputs: same inputs, same bytes, wherever and whenever
//! it is built, in whatever time zone and language, on any number of threads.

use std::io::Cursor;

use super::support::{Workspace, stderr};
use crate::common::{have_tool, tree_contents};

/// Every file of the release, so a comparison that passes is not comparing empty trees.
fn assert_is_a_full_release(tree: &[(String, Vec<u8>)]) {
    let names: Vec<&str> = tree.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            ".appealpack-output",
            "SHA256SUMS",
            "ar/release-test-ar.txt",
            "ar/release-test-ar.zip",
            "en/release-test-en.txt",
            "en/release-test-en.zip",
            "fr/release-test-fr.txt",
            "fr/release-test-fr.zip",
            "index.html",
            "manifest.json",
            "release-test-all.zip",
        ]
    );
}

#[test]
fn two_builds_in_different_places_times_zones_and_languages_are_byte_identical() {
    let first = Workspace::new();
    let second = Workspace::new();
    // The second one also replaces an old output, to show that nothing of it leaks in.
    std::fs::create_dir_all(second.out().join("old")).unwrap();
    std::fs::write(second.out().join("old/stale.pdf"), "stale").unwrap();
    std::fs::write(second.out().join(".appealpack-output"), "an earlier output").unwrap();

    let epoch = ("SOURCE_DATE_EPOCH", "1700000000");
    first.release(
        &["--allow-incomplete"],
        &[
            epoch,
            ("TZ", "UTC"),
            ("LANG", "C.UTF-8"),
            ("LC_ALL", "C.UTF-8"),
        ],
    );
    // DOS timestamps in zips have two-second steps: wait longer than one.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    second.release(
        &["--allow-incomplete"],
        &[
            epoch,
            ("TZ", "Asia/Kathmandu"),
            ("LANG", "ar_EG.UTF-8"),
            ("LC_ALL", "ar_EG.UTF-8"),
        ],
    );

    let a = tree_contents(&first.out());
    let b = tree_contents(&second.out());
    assert_is_a_full_release(&a);
    for ((name_a, bytes_a), (name_b, bytes_b)) in a.iter().zip(&b) {
        assert_eq!(name_a, name_b);
        assert!(
            bytes_a == bytes_b,
            "{name_a} differs between the two builds"
        );
    }
    assert_eq!(a.len(), b.len());
}

#[test]
fn a_serial_build_equals_a_parallel_one() {
    let serial = Workspace::new();
    let parallel = Workspace::new();
    serial.release(&["--allow-incomplete"], &[("RAYON_NUM_THREADS", "1")]);
    parallel.release(&["--allow-incomplete"], &[("RAYON_NUM_THREADS", "8")]);
    let a = tree_contents(&serial.out());
    assert_is_a_full_release(&a);
    assert!(a == tree_contents(&parallel.out()), "the trees differ");
}

#[test]
fn source_date_epoch_is_the_only_time_in_the_release() {
    let workspace = Workspace::new();
    workspace.release(&[], &[("SOURCE_DATE_EPOCH", "1700000000")]);
    let manifest = workspace.manifest();
    assert_eq!(manifest["source_date_epoch"], 1_700_000_000);
    assert_eq!(manifest["date"], "2023-11-14T22:13:20Z");
    let bytes = std::fs::read(workspace.out().join("release-test-all.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for index in 0..archive.len() {
        let entry = archive.by_index(index).unwrap();
        let time = entry.last_modified().unwrap();
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute(),
                time.second()
            ),
            (2023, 11, 14, 22, 13, 20),
            "{}",
            entry.name()
        );
    }
    let page = std::fs::read_to_string(workspace.out().join("index.html")).unwrap();
    assert!(page.contains("· 2023-11-14 ·"));

    // Without it, the fixed default: still reproducible.
    workspace.release(&[], &[]);
    assert_eq!(workspace.manifest()["date"], "2025-05-19T00:00:00Z");
}

#[test]
fn an_invalid_source_date_epoch_stops_the_build_before_writing() {
    let workspace = Workspace::new();
    let output = workspace.build(&[], &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("SOURCE_DATE_EPOCH must be a number of seconds"));
    assert!(!workspace.out().exists());
}

#[test]
fn sha256sum_checks_the_release() {
    let workspace = Workspace::new();
    workspace.release(&[], &[]);
    if !have_tool("sha256sum") {
        return;
    }
    let check = std::process::Command::new("sha256sum")
        .args(["--check", "--strict", "SHA256SUMS"])
        .current_dir(workspace.out())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert_eq!(report.lines().count(), 7, "{report}");
    assert!(report.lines().all(|l| l.ends_with(": OK")), "{report}");
}
