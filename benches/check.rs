//! Benchmark of `appealpack check` on a generated Fluent tree the size of a real product's
//! localisation repository: 120 locales × 80 files, about 200,000 lines, with planted faults.
//!
//! `cargo bench --bench check` prints the medians (library and the real binary) in Markdown,
//! ready for docs/benchmarks.md. `APPEALPACK_BENCH_KEEP=DIR` writes the tree to DIR and keeps it;
//! `APPEALPACK_BENCH_COMPARE_LOCALES=1` also times Mozilla's compare-locales once on it.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use appealpack::check::{CheckOptions, check};
use appealpack::load;

#[path = "support/checktree.rs"]
mod checktree;
use checktree::{FILES, generate, locale_ids};

const RUNS: usize = 11;

fn main() {
    let kept = std::env::var_os("APPEALPACK_BENCH_KEEP");
    let temp = tempfile::tempdir().expect("a temporary folder");
    let root = kept.as_ref().map_or(temp.path(), Path::new);
    let started = Instant::now();
    let stats = generate(root);
    eprintln!(
        "generated {} locales × {FILES} files, {} lines, {:.1} MB in {:.1} s",
        stats.locales,
        stats.lines,
        stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // The library: load (read + parse every file) and check, as the binary does.
    let mut load_times = Vec::new();
    let mut check_times = Vec::new();
    let mut found = (0, 0);
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let tree = load::load_bare(root, "en").expect("the generated tree loads");
        let t1 = Instant::now();
        let report = check(&tree, None, &CheckOptions::default());
        let t2 = Instant::now();
        load_times.push(t1 - t0);
        check_times.push(t2 - t1);
        found = (report.diagnostics.errors(), report.diagnostics.warnings());
    }

    // The real binary, end to end, with each output format written to a pipe.
    let binary = env!("CARGO_BIN_EXE_appealpack");
    // Formats take turns, so that a burst of load on a shared machine hits them alike.
    const FORMATS: [&str; 3] = ["json", "human", "github"];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); FORMATS.len()];
    for _ in 0..RUNS {
        for (format, times) in FORMATS.iter().zip(&mut times) {
            let t0 = Instant::now();
            let output = Command::new(binary)
                .args(["check", "--root"])
                .arg(root)
                .args(["--reference", "en", "--format", format, "--color", "never"])
                .output()
                .expect("the binary runs");
            times.push(t0.elapsed());
            assert_eq!(
                output.status.code(),
                Some(1),
                "the planted faults are errors"
            );
        }
    }
    let cli: Vec<(&str, Duration, Duration)> = FORMATS
        .iter()
        .zip(&mut times)
        .map(|(format, times)| (*format, median(times), times[0]))
        .collect();

    // The reference tool on the same tree, once (it takes a minute), when asked for and
    // installed (`pip install compare-locales`).
    let compare_locales = std::env::var_os("APPEALPACK_BENCH_COMPARE_LOCALES")
        .and_then(|_| time_compare_locales(root));

    let mut out = String::new();
    let _ = writeln!(out, "| what | median of {RUNS} runs | fastest |");
    let _ = writeln!(out, "|---|---|---|");
    let load = median(&mut load_times);
    let _ = writeln!(
        out,
        "| load (read + parse {} files) | {} | {} |",
        stats.locales * FILES,
        ms(load),
        ms(load_times[0])
    );
    let checked = median(&mut check_times);
    let _ = writeln!(
        out,
        "| check (all checks, {} locales) | {} | {} |",
        stats.locales,
        ms(checked),
        ms(check_times[0])
    );
    for (format, time, fastest) in cli {
        let _ = writeln!(
            out,
            "| `appealpack check --root … --format {format}` (binary, end to end) | {} | {} |",
            ms(time),
            ms(fastest)
        );
    }
    if let Some(time) = compare_locales {
        let _ = writeln!(
            out,
            "| `compare-locales` on the same tree (one run) | {} | |",
            ms(time)
        );
    }
    let _ = writeln!(
        out,
        "\ntree: {} lines, {:.1} MB; found {} errors and {} warnings",
        stats.lines,
        stats.bytes as f64 / 1e6,
        found.0,
        found.1
    );
    println!("{out}");
    if let Some(dir) = kept {
        eprintln!("the tree is kept in {}", Path::new(&dir).display());
        std::mem::forget(temp);
    }
}

/// One run of Mozilla's compare-locales over the tree, or `None` (with a notice) when it is
/// not installed.
fn time_compare_locales(root: &Path) -> Option<Duration> {
    let locales: Vec<String> = locale_ids()
        .into_iter()
        .skip(1)
        .map(|l| format!("\"{l}\""))
        .collect();
    let config = format!(
        "basepath = \".\"\nlocales = [{}]\n[env]\nl = \"{{l10n_base}}/{{locale}}/\"\n[[paths]]\nreference = \"en/**\"\nl10n = \"{{l}}**\"\n",
        locales.join(", ")
    );
    let config_path = root.join("l10n.toml");
    std::fs::write(&config_path, config).expect("written");
    let started = Instant::now();
    let run = Command::new("compare-locales")
        .args(["--return-zero", "-qqqq"])
        .arg(&config_path)
        .arg(root)
        .output();
    let elapsed = started.elapsed();
    let _ = std::fs::remove_file(&config_path);
    match run {
        Ok(output) if output.status.success() => Some(elapsed),
        _ => {
            eprintln!(
                "compare-locales is not installed (pip install compare-locales): not compared"
            );
            None
        }
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(time: Duration) -> String {
    format!("{:.0} ms", time.as_secs_f64() * 1000.0)
}
