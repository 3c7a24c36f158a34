//! Benchmark of the download page's previews: page 1 of every shipped locale's PDF layout,
//! rasterised and encoded as PNG.
//!
//! `cargo bench --bench preview` prints medians in Markdown, per locale at the release's
//! width and, for the record, at other widths; the layout itself is the PDF bench's.

use std::path::Path;
use std::time::{Duration, Instant};

use appealpack::fonts::FontLibrary;
use appealpack::load;
use appealpack::model::{ModelOptions, build_pack};
use appealpack::render::pdf::{self, LaidOutDocument};
use appealpack::render::{RenderOptions, preview};

/// The alert measured: the frozen full-size fixture, so that figures compare across alerts
/// (`i18n/` is whatever alert ships).
const ALERT: &str = "tests/fixtures/alert-observatory";

const RUNS: usize = 15;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tree = load::load(&root.join(ALERT)).expect("the alert fixture loads");
    let fonts = FontLibrary::load(&root.join("fonts")).expect("the fonts load");
    let options = RenderOptions::default();
    let documents: Vec<LaidOutDocument> = tree
        .locales
        .iter()
        .map(|l| {
            let pack = build_pack(&tree, &l.id, &ModelOptions::default()).expect("the pack builds");
            pdf::layout(&pack, &fonts, &options).expect("the pack lays out")
        })
        .collect();

    let width = preview::PREVIEW_WIDTH;
    println!("## Previews of page 1 ({RUNS} runs, medians)\n");
    println!("| locale | glyphs | PNG bytes at {width} px | time |\n|---|---:|---:|---:|");
    for document in &documents {
        let glyphs: usize = document.pages[0].runs.iter().map(|r| r.glyphs.len()).sum();
        let png = preview::first_page_png(document, width).unwrap();
        let t = time(|| preview::first_page_png(document, width).unwrap());
        println!(
            "| {} | {glyphs} | {} | {} |",
            document.locale,
            png.len(),
            ms(t)
        );
    }
    println!();
    println!("| width | mean PNG bytes | all locales, one after another |\n|---:|---:|---:|");
    for width in [200, 300, 400, 600] {
        let bytes: usize = documents
            .iter()
            .map(|d| preview::first_page_png(d, width).unwrap().len())
            .sum();
        let t = time(|| {
            documents
                .iter()
                .map(|d| preview::first_page_png(d, width).unwrap().len())
                .sum::<usize>()
        });
        println!("| {width} px | {} | {} |", bytes / documents.len(), ms(t));
    }
}
