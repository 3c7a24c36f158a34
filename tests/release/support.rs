//! Helpers of the release tests: a workspace with its own copy of the inputs, and the binary
//! run in it with a controlled environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::{copy_dir, fixture, repo};

/// A temporary folder holding `i18n/` (the release fixture) and `fonts/`, where the binary
/// runs with relative paths and writes `output/`.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture("release"), &dir.path().join("i18n"));
        copy_dir(&repo().join("fonts"), &dir.path().join("fonts"));
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.path().join("output")
    }

    /// `appealpack build --release -f text` plus `extra`, with `env` on top of a clean
    /// environment (no SOURCE_DATE_EPOCH, no CI, no colour).
    pub fn command(&self, extra: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_appealpack"));
        command
            .current_dir(self.path())
            .args(["build", "--release", "-f", "text"])
            .args(["--i18n", "i18n", "--fonts", "fonts", "--out", "output"])
            .args(extra)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("CI")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        command
    }

    pub fn build(&self, extra: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(extra, env).output().expect("the binary runs")
    }

    /// A build that must succeed.
    pub fn release(&self, extra: &[&str], env: &[(&str, &str)]) -> Output {
        let output = self.build(extra, env);
        assert!(
            output.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Names in the workspace beside `output` that start with `.output.` (staging, previous).
    pub fn leftovers(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".output.") && n != ".output.lock")
            .collect();
        names.sort();
        names
    }

    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.path().join(relative);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} contains {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    pub fn manifest(&self) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(self.out().join("manifest.json")).unwrap()).unwrap()
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
