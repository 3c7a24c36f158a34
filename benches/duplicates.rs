//! Benchmark of `appealpack check` on one file with 20,000 duplicate ids (issue 13): the report
//! once quoted every line between a duplicate and its first definition, so it grew with the
//! square of the file (40,000 lines took 42 s). The budget is 2 s in a release build.
//!
//! `cargo bench --bench duplicates` prints the median of each format, in Markdown.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const DUPLICATES: usize = 20_000;
const RUNS: usize = 11;
const BUDGET: Duration = Duration::from_secs(2);

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let root = temp.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    copy_dir(&fixture, &root.join("t"));
    let fr = root.join("t/fr/main.ftl");
    let mut text = std::fs::read_to_string(&fr).expect("the fixture's French file");
    for n in 0..DUPLICATES {
        text.push_str(&format!("footer-page = Page {n}\n"));
    }
    std::fs::write(&fr, text).expect("the generated file is written");

    let binary = env!("CARGO_BIN_EXE_appealpack");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    const FORMATS: [&str; 3] = ["human", "json", "github"];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); FORMATS.len()];
    // Formats take turns, so that a burst of load on a shared machine hits them alike.
    for _ in 0..RUNS {
        for (format, times) in FORMATS.iter().zip(&mut times) {
            let t0 = Instant::now();
            let output = Command::new(binary)
                .current_dir(root)
                .args(["check", "--i18n", "t", "--fonts"])
                .arg(&fonts)
                .args(["--format", format, "--color", "never"])
                .output()
                .expect("the binary runs");
            times.push(t0.elapsed());
            assert_eq!(output.status.code(), Some(0), "duplicates are warnings");
        }
    }
    println!("| `check` on {DUPLICATES} duplicate ids | median of {RUNS} | budget |");
    println!("|---|---|---|");
    for (format, times) in FORMATS.iter().zip(&mut times) {
        times.sort();
        let median = times[times.len() / 2];
        let verdict = if median <= BUDGET { "met" } else { "NOT met" };
        println!(
            "| `--format {format}` | {:.0} ms | {} s: {verdict} |",
            median.as_secs_f64() * 1000.0,
            BUDGET.as_secs()
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a copy");
        }
    }
}
