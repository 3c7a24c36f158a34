//! Fuzz target: one file of a small four-script tree (en, fr, ar, ru) replaced by the input,
//! then load → check → model → PDF (and its page-1 preview), DOCX and text, in memory. The
//! first byte picks the file (0–3 a locale's Fluent file, 4 the manifest, 5 the canonical
//! text); the rest is its content, any bytes. Nothing may panic.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use appealpack::check::{CheckOptions, check};
use appealpack::fonts::FontLibrary;
use appealpack::load::{MemoryFiles, load_from_memory};
use appealpack::model::{ModelOptions, build_pack};
use appealpack::render::{Format, RenderOptions, pdf, preview, render};
use appealpack::report;
use libfuzzer_sys::fuzz_target;

const FIXTURE: &str = "tests/fixtures/scripts";
const FILES: [&str; 6] = [
    "manifest.toml",
    "canonical.txt",
    "en/main.ftl",
    "fr/main.ftl",
    "ar/main.ftl",
    "ru/main.ftl",
];
const LOCALES: [&str; 4] = ["en", "fr", "ar", "ru"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fonts() -> &'static FontLibrary {
    static FONTS: OnceLock<FontLibrary> = OnceLock::new();
    FONTS.get_or_init(|| FontLibrary::load(&repo().join("fonts")).expect("the shipped fonts load"))
}

fn tree() -> &'static MemoryFiles {
    static TREE: OnceLock<MemoryFiles> = OnceLock::new();
    TREE.get_or_init(|| {
        let root = repo().join(FIXTURE);
        let mut files = MemoryFiles::new();
        for file in FILES {
            let bytes = std::fs::read(root.join(file)).expect("the fixture is there");
            files.insert(Path::new("/tree").join(file), bytes);
        }
        files
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let root = Path::new("/tree");
    let mut files = tree().clone();
    let pick = pick as usize % (LOCALES.len() + 2);
    // The manifest and the canonical text are built into the first locale's pack.
    let locale = LOCALES.get(pick).copied().unwrap_or(LOCALES[0]);
    let file = match pick {
        4 => "manifest.toml".to_owned(),
        5 => "canonical.txt".to_owned(),
        _ => format!("{locale}/main.ftl"),
    };
    files.insert(root.join(file), content.to_vec());

    let tree = match load_from_memory(&files, root) {
        Ok(tree) => tree,
        Err(failure) => {
            let _ = report::human(&failure.diagnostics.0, &failure.sources, false);
            return;
        }
    };
    let fonts = fonts();
    let report = check(&tree, Some(fonts), &CheckOptions::default());
    let _ = report::human(&report.diagnostics.0, &tree.sources, false);
    let _ = report::github(&report.diagnostics.0, &tree.sources);
    // Rendered even when the check found errors: the renderers must survive any pack.
    let options = ModelOptions {
        allow_fallback: true,
        ..ModelOptions::default()
    };
    if let Ok(pack) = build_pack(&tree, locale, &options) {
        let render_options = RenderOptions::default();
        for format in Format::ALL {
            let _ = render(format, &pack, fonts, &render_options);
        }
        // The download page's preview is painted from the same layout as the PDF.
        if let Ok(layout) = pdf::layout(&pack, fonts, &render_options) {
            let _ = preview::first_page_png(&layout, preview::PREVIEW_WIDTH);
        }
    }
});
