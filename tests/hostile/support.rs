//! A workspace for one hostile case: a copy of the minimal fixture in `t/`, the shipped fonts
//! in `f/`, and a previous output in `out/` that a failed build must leave as it was.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::common::{copy_dir, fixture, repo, tree_contents};

pub struct Case {
    pub dir: tempfile::TempDir,
}

impl Case {
    /// The minimal fixture (locales en and fr), the fonts, and `out/` from an earlier build.
    pub fn new() -> Self {
        Self::from_fixture("minimal")
    }

    pub fn from_fixture(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture(name), &dir.path().join("t"));
        copy_dir(&repo().join("fonts"), &dir.path().join("f"));
        std::fs::create_dir_all(dir.path().join("out/en")).unwrap();
        std::fs::write(dir.path().join("out/en/previous.txt"), "an earlier build").unwrap();
        std::fs::write(
            dir.path().join("out").join(crate::common::MARKER_FILE),
            "made by an earlier build",
        )
        .unwrap();
        Self { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Replaces `from` by `to` in a file of the workspace; `from` must be there.
    pub fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, text.replacen(from, to, 1));
    }

    /// `appealpack build --i18n t --fonts f --out out` and `extra` (which may give another
    /// `--out`), run in the workspace.
    pub fn command(&self, extra: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_appealpack"));
        command
            .current_dir(self.dir.path())
            .args(["build", "--i18n", "t", "--fonts", "f"]);
        if !extra.contains(&"--out") {
            command.args(["--out", "out"]);
        }
        command
            .args(extra)
            .env("NO_COLOR", "1")
            .env_remove("CI")
            .env_remove("SOURCE_DATE_EPOCH");
        command
    }

    pub fn build(&self, extra: &[&str]) -> Output {
        self.command(extra).output().expect("the binary runs")
    }

    /// Builds, expecting exit `code` and no change at all to the workspace; returns stderr.
    pub fn refused(&self, extra: &[&str], code: i32) -> String {
        let before = tree_contents(self.dir.path());
        let output = self.build(extra);
        self.assert_refused(&output, &before, code)
    }

    pub fn assert_refused(
        &self,
        output: &Output,
        before: &[(String, Vec<u8>)],
        code: i32,
    ) -> String {
        let err = stable(&String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(code), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!err.contains("Usage:"), "the arguments were refused: {err}");
        let after = tree_contents(self.dir.path());
        let names = |t: &[(String, Vec<u8>)]| t.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&after),
            names(before),
            "files were added or removed\n{err}"
        );
        assert!(after == before, "a file changed\n{err}");
        err
    }

    /// The names in the workspace's top folder, sorted.
    pub fn top_names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    /// Builds, expecting success; returns stderr.
    pub fn built(&self, extra: &[&str]) -> String {
        let output = self.build(extra);
        let err = stable(&String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "{err}");
        err
    }
}

/// Output made stable for snapshots: no timing or size, no process id, no temporary folder.
pub fn stable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut line = line.to_owned();
        if let Some(at) = line.find(" in ").filter(|_| line.starts_with("built ")) {
            if let Some(end) = line[at..].find(" s") {
                line.replace_range(at..at + end + 2, " in [time]");
            }
            // The size moves with every change to a renderer; what is built is in the count.
            if let Some(start) = line.find(" files, ").map(|at| at + " files, ".len())
                && let Some(end) = line[start..].find(" in [time]")
            {
                line.replace_range(start..start + end, "[size]");
            }
        }
        for marker in [".staging-", ".previous-"] {
            while let Some(at) = line.find(marker) {
                let digits = line[at + marker.len()..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(line.len(), |e| at + marker.len() + e);
                if digits == at + marker.len() {
                    break;
                }
                line.replace_range(at + marker.len()..digits, "PID");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
