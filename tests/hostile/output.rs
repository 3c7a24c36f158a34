//! Output folders that cannot be written: a file in the way, /proc, a full disk, a file size
//! limit. Each build fails with exit 2, names the path and leaves everything as it was.

use std::os::unix::process::CommandExt;

use super::support::{Case, stable};
use crate::common::tree_contents;

#[test]
fn a_file_where_the_output_folder_goes_is_left_alone() {
    let case = Case::new();
    case.write("notes", "not an output folder");
    let output = case.build(&["--out", "notes", "-f", "text"]);
    let err = stable(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert_eq!(case.read("notes"), "not an output folder");
    let names = case.top_names();
    assert_eq!(
        names,
        ["f", "notes", "out", "t"],
        "no staging or previous folder"
    );
    insta::assert_snapshot!(err);
}

#[test]
fn a_file_where_a_parent_folder_goes_is_named() {
    let case = Case::new();
    case.write("notes", "not a folder");
    let before = tree_contents(case.path("").as_path());
    let output = case.build(&["--out", "notes/out", "-f", "text"]);
    insta::assert_snapshot!(case.assert_refused(&output, &before, 2));
}

#[test]
fn an_output_in_proc_is_refused() {
    let case = Case::new();
    let before = tree_contents(case.path("").as_path());
    let output = case.build(&["--out", "/proc/appealpack-out", "-f", "text"]);
    insta::assert_snapshot!(case.assert_refused(&output, &before, 2));
    assert!(!std::path::Path::new("/proc/appealpack-out").exists());
}

#[test]
fn a_file_size_limit_fails_the_write_and_keeps_the_previous_output() {
    let case = Case::new();
    let before = tree_contents(case.path("").as_path());
    let mut command = case.command(&[]);
    // SAFETY: between fork and exec only async-signal-safe calls are made (signal, setrlimit).
    unsafe {
        command.pre_exec(|| {
            // Writes past the limit fail with EFBIG instead of killing the process.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    let err = case.assert_refused(&output, &before, 2);
    assert!(
        err.contains(": file too large; nothing was written, out is as it was"),
        "{err}"
    );
    insta::assert_snapshot!(err);
}

#[test]
fn a_full_disk_fails_the_write_and_keeps_the_previous_output() {
    let case = Case::new();
    let disk = case.path("disk");
    std::fs::create_dir(&disk).unwrap();
    // A 16 KiB tmpfs: root can mount one here; elsewhere the test says so and skips.
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&disk)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("notice: skipping this test: cannot mount a small tmpfs (needs root)");
        return;
    }
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(disk.clone());
    std::fs::create_dir_all(disk.join("out")).unwrap();
    std::fs::write(disk.join("out/previous.txt"), "an earlier build").unwrap();
    std::fs::write(
        disk.join("out").join(crate::common::MARKER_FILE),
        "made by an earlier build",
    )
    .unwrap();
    let before = tree_contents(case.path("").as_path());
    let output = case.build(&["--out", "disk/out"]);
    let err = case.assert_refused(&output, &before, 2);
    assert!(
        err.contains(": no space left on device; nothing was written"),
        "{err}"
    );
    // Which file fills the disk first depends on the writer threads' order: the snapshot
    // names the folder, and the message must name a file inside it.
    let (head, tail) = err.split_once(": no space left").unwrap();
    let file = head
        .rsplit_once("cannot write ")
        .map(|(_, f)| f)
        .unwrap_or_default();
    assert!(file.starts_with("disk/out/"), "{err}");
    insta::assert_snapshot!(format!(
        "{}disk/out/<file>: no space left{tail}",
        &head[..head.len() - file.len()]
    ));
}
