//! The benchmark suite's side-by-side with Mozilla's compare-locales: missing and obsolete totals on the same trees (issue 20).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::BINARY;
use super::checktree;
use super::measure::ms;

/// Missing and obsolete totals of one tool on one tree.
#[derive(Debug, Default)]
struct Totals {
    missing: u64,
    obsolete: u64,
    missing_files: u64,
    obsolete_files: u64,
    /// compare-locales only: entries of the files it reports obsolete (it does not count
    /// them; appealpack counts them as obsolete entries too).
    obsolete_in_files: u64,
    wall: Duration,
}

/// appealpack's totals, from `check --config CONFIG --format json` (every locale's row).
fn appealpack_totals(config: &Path) -> Totals {
    let started = Instant::now();
    let output = Command::new(BINARY)
        .args(["check", "--format", "json", "--config"])
        .arg(config)
        .output()
        .expect("the binary runs");
    let wall = started.elapsed();
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("check prints JSON");
    let sum = |key: &str| {
        report["locales"]
            .as_array()
            .expect("locales")
            .iter()
            .map(|l| l[key].as_u64().unwrap_or(0))
            .sum()
    };
    Totals {
        missing: sum("missing"),
        obsolete: sum("obsolete"),
        missing_files: sum("missing_files"),
        obsolete_files: sum("obsolete_files"),
        obsolete_in_files: 0,
        wall,
    }
}

/// compare-locales' totals (bench/peers.py), or `None` when it is not installed.
fn compare_locales_totals(root: &Path, config: &Path, base: &Path) -> Option<Totals> {
    let output = Command::new("python3")
        .arg(root.join("bench/peers.py"))
        .arg("compare-locales")
        .arg(config)
        .arg(base)
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let get = |key: &str| v[key].as_u64().unwrap_or(0);
    Some(Totals {
        missing: get("missing"),
        obsolete: get("obsolete"),
        missing_files: get("missing_files"),
        obsolete_files: get("obsolete_files"),
        obsolete_in_files: get("obsolete_in_files"),
        wall: Duration::from_secs_f64(v["seconds"].as_f64().unwrap_or(0.0)),
    })
}

/// `|a - b|` as a share of `b`, in per cent (0 when both are 0).
fn off_by(ours: u64, theirs: u64) -> f64 {
    match theirs {
        0 if ours == 0 => 0.0,
        0 => 100.0,
        _ => (ours as f64 - theirs as f64).abs() * 100.0 / theirs as f64,
    }
}

/// Locales of the generated tree in the slice compared with compare-locales: enough to hold
/// every kind of planted fault (a missing file at 23), small enough for compare-locales to
/// take seconds, not a minute.
const COMPARED_LOCALES: usize = 24;

pub fn print_compare_locales(root: &Path, work: &Path) {
    // The generated tree, sliced by its configuration; and the repository in miniature,
    // shaped like mozilla.org's (configs/, metadata/, .github/ beside the locales).
    let tree = work.join("compare-tree");
    if !tree.join("en").is_dir() {
        checktree::generate(&tree);
    }
    let ids = checktree::locale_ids();
    let listed: Vec<String> = ids[1..=COMPARED_LOCALES]
        .iter()
        .map(|l| format!("\"{l}\""))
        .collect();
    let config = tree.join("l10n.toml");
    std::fs::write(
        &config,
        format!(
            "basepath = \".\"\nlocales = [{}]\n\n[env]\nl = \"{{l10n_base}}/{{locale}}/\"\n\n\
             [[paths]]\nreference = \"en/**/*.ftl\"\nl10n = \"{{l}}**/*.ftl\"\n",
            listed.join(", ")
        ),
    )
    .expect("written");
    let repo = root.join("tests/fixtures/l10n-repo");
    let trees = [
        (
            format!(
                "generated, {COMPARED_LOCALES} locales × {} files",
                checktree::FILES
            ),
            config,
            tree,
        ),
        (
            "tests/fixtures/l10n-repo (mozilla.org's layout)".to_owned(),
            repo.join("l10n.toml"),
            repo,
        ),
    ];
    println!("## Missing and obsolete entries against compare-locales\n");
    println!(
        "Both read the same `l10n.toml`; totals over every locale. compare-locales does not count \
         the entries of a file it reports obsolete; appealpack does, so they are added to compare-locales' \
         column (in brackets).\n"
    );
    println!(
        "| tree | missing: appealpack | compare-locales | obsolete: appealpack | compare-locales | missing files | obsolete files | within 1 % | wall: appealpack | compare-locales |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
    for (name, config, base) in &trees {
        let ours = appealpack_totals(config);
        let Some(theirs) = compare_locales_totals(root, config, base) else {
            println!(
                "| {name} | {} | not installed | {} | | {} | {} | | {} | |",
                ours.missing,
                ours.obsolete,
                ours.missing_files,
                ours.obsolete_files,
                ms(ours.wall)
            );
            eprintln!("compare-locales is not installed (pip install compare-locales)");
            continue;
        };
        let their_obsolete = theirs.obsolete + theirs.obsolete_in_files;
        let worst = off_by(ours.missing, theirs.missing).max(off_by(ours.obsolete, their_obsolete));
        println!(
            "| {name} | {} | {} | {} | {} ({} + {}) | {} / {} | {} / {} | {} ({worst:.1} %) | {} | {} |",
            ours.missing,
            theirs.missing,
            ours.obsolete,
            their_obsolete,
            theirs.obsolete,
            theirs.obsolete_in_files,
            ours.missing_files,
            theirs.missing_files,
            ours.obsolete_files,
            theirs.obsolete_files,
            if worst <= 1.0 { "yes" } else { "**no**" },
            ms(ours.wall),
            ms(theirs.wall)
        );
    }
    println!(
        "\nWhere the two differ by design (not counted above): appealpack's checks that compare-locales \
         lacks (`$variables`, fact parity, empty values, untranslated text, plural categories beyond \
         its partial check, stale translations); missing entries are errors for appealpack (exit 1) \
         where compare-locales exits 0; the entries of an obsolete file are obsolete entries for \
         appealpack; in a bare tree the fact checks are warnings (docs/diagnostics.md).\n"
    );
}
