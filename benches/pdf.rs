//! Benchmark of the PDF renderer: every shipped locale in one process, against Typst on the
//! same seven documents.
//!
//! `cargo bench --bench pdf` prints medians in Markdown: fonts, layout and writing per locale,
//! the seven packs one after another and in parallel (as `build` does), the real binary end
//! to end, and Typst (through the `typst` Python package, when installed) compiling the same
//! text packs set in the same page, font and size (bench/typst_time.py). The Chinese pack
//! against the English one, per page (`APPEALPACK_BENCH_ONLY=chinese` runs just that table).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::model::{AppealPack, ModelOptions, build_pack};
use appealpack::render::{RenderOptions, pdf, text};
use rayon::prelude::*;

/// The alert measured: the frozen full-size fixture, so that figures compare across alerts
/// (`i18n/` is whatever alert ships).
const ALERT: &str = "tests/fixtures/alert-observatory";

const RUNS: usize = 15;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// Issue 16: the Chinese PDF's time per page within 1.5 times the English one's, on the same
/// text: the `scripts` fixture, and the shipped alert when it ships both. A line per tree.
fn chinese_against_english(root: &Path, fonts: &FontLibrary, options: &RenderOptions) {
    println!("| Chinese against English, same text | en per page | zh-Hans per page | ratio |");
    println!("|---|---:|---:|---:|");
    for (name, dir) in [
        (
            "`tests/fixtures/scripts`",
            root.join("tests/fixtures/scripts"),
        ),
        ("shipped `i18n/`", root.join("i18n")),
    ] {
        let tree = load::load(&dir).expect("the tree loads");
        if !tree.locales.iter().any(|l| l.id == "zh-Hans") {
            continue;
        }
        let per_page = |locale: &str| {
            let pack =
                build_pack(&tree, locale, &ModelOptions::default()).expect("the pack builds");
            let pages = pdf::render(&pack, fonts, options)
                .unwrap()
                .pages
                .unwrap_or(1)
                .max(1);
            time(RUNS, || pdf::render(&pack, fonts, options).unwrap()) / pages
        };
        let (en, zh) = (per_page("en"), per_page("zh-Hans"));
        println!(
            "| {name} | {} | {} | {:.2} |",
            ms(en),
            ms(zh),
            zh.as_secs_f64() / en.as_secs_f64()
        );
    }
    println!();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fonts_dir = root.join("fonts");
    if std::env::var("APPEALPACK_BENCH_ONLY").as_deref() == Ok("chinese") {
        let fonts = FontLibrary::load(&fonts_dir).expect("the fonts load");
        chinese_against_english(root, &fonts, &RenderOptions::default());
        return;
    }
    let tree = load::load(&root.join(ALERT)).expect("the alert fixture loads");
    let locales: Vec<String> = tree.locales.iter().map(|l| l.id.clone()).collect();
    let fonts = FontLibrary::load(&fonts_dir).expect("the fonts load");
    let packs: Vec<AppealPack> = locales
        .iter()
        .map(|l| build_pack(&tree, l, &ModelOptions::default()).expect("the pack builds"))
        .collect();
    let options = RenderOptions::default();

    println!("## PDF rendering ({RUNS} runs, medians)\n");
    println!("| step | time |\n|---|---|");
    println!(
        "| load and parse the fonts | {} |",
        ms(time(RUNS, || FontLibrary::load(&fonts_dir).unwrap()))
    );
    println!();
    println!("| locale | pages | bytes | layout | layout + write |\n|---|---:|---:|---:|---:|");
    for pack in &packs {
        let layout = time(RUNS, || pdf::layout(pack, &fonts, &options).unwrap());
        let rendered = pdf::render(pack, &fonts, &options).unwrap();
        let full = time(RUNS, || pdf::render(pack, &fonts, &options).unwrap());
        println!(
            "| {} | {} | {} | {} | {} |",
            pack.locale,
            rendered.pages.unwrap_or(0),
            rendered.bytes.len(),
            ms(layout),
            ms(full)
        );
    }
    println!();
    chinese_against_english(root, &fonts, &options);
    let sequential = time(RUNS, || {
        let fonts = FontLibrary::load(&fonts_dir).unwrap();
        packs
            .iter()
            .map(|p| pdf::render(p, &fonts, &options).unwrap().bytes.len())
            .sum::<usize>()
    });
    let parallel = time(RUNS, || {
        let fonts = FontLibrary::load(&fonts_dir).unwrap();
        packs
            .par_iter()
            .map(|p| pdf::render(p, &fonts, &options).unwrap().bytes.len())
            .sum::<usize>()
    });
    let binary = env!("CARGO_BIN_EXE_appealpack");
    let out = tempfile::tempdir().expect("a temporary folder");
    let cli = time(5, || {
        let status = Command::new(binary)
            .current_dir(root)
            .args(["build", "-q", "-f", "pdf", "--out"])
            .arg(out.path())
            .status()
            .expect("the binary runs");
        assert!(status.success());
    });
    println!();
    println!("| {} packs | time |\n|---|---:|", packs.len());
    println!("| fonts + render, one thread | {} |", ms(sequential));
    println!(
        "| fonts + render, rayon ({} threads) | {} |",
        rayon::current_num_threads(),
        ms(parallel)
    );
    println!(
        "| `appealpack build -f pdf` (check, model, render, write) | {} |",
        ms(cli)
    );

    // Typst on the same documents: the text packs, set like the PDF packs.
    let texts = tempfile::tempdir().expect("a temporary folder");
    for pack in &packs {
        std::fs::write(
            texts.path().join(format!("{}.txt", pack.locale)),
            text::render(pack),
        )
        .unwrap();
    }
    let script = root.join("bench/typst_time.py");
    match Command::new("python3")
        .arg(&script)
        .arg(texts.path())
        .arg("5")
        .output()
    {
        Ok(output) if output.status.success() => {
            let json = String::from_utf8_lossy(&output.stdout);
            let value: serde_json::Value =
                serde_json::from_str(json.trim()).expect("typst_time.py prints JSON");
            let rounds: Vec<Duration> = value["rounds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| Duration::from_secs_f64(v.as_f64().unwrap()))
                .collect();
            let first_round = rounds[0];
            let first = Duration::from_secs_f64(value["first"].as_f64().unwrap());
            println!(
                "| Typst, {} documents, first round in a fresh process | {} |",
                packs.len(),
                ms(first_round)
            );
            println!(
                "| Typst, {} documents, median of later rounds | {} |",
                packs.len(),
                ms(median(rounds[1..].to_vec()))
            );
            println!(
                "| Typst, first document of the process (cold) | {} |",
                ms(first)
            );
            let recompile: Duration = value["recompile"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| Duration::from_secs_f64(v.as_f64().unwrap()))
                .sum();
            println!(
                "| Typst, recompiling the {} unchanged documents (incremental cache) | {} |",
                packs.len(),
                ms(recompile)
            );
        }
        _ => eprintln!(
            "notice: Typst not measured: python3 with the `typst` package is not installed"
        ),
    }
}
