//! Measures of laid-out packs shared by the tests of the pack's shape (`tests/letters.rs`)
//! and of the shipped alert's pages (`tests/shipped_alert.rs`), and the text oracle of the PDF
//! round trips (`tests/pdf.rs`, `tests/scripts.rs`).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use appealpack::fonts::FontLibrary;
use appealpack::model::{AppealPack, Direction, ModelOptions, build_pack};
use appealpack::render::pdf::Geometry;
use appealpack::render::pdf::{self, LaidOutDocument, Shape};
use appealpack::render::{Paper, RenderOptions};

use super::pdf_text::extract;

use super::{have_tool, normalise, repo, stderr};

pub fn fonts() -> FontLibrary {
    FontLibrary::load(&repo().join("fonts")).expect("the shipped fonts load")
}

pub fn pack(i18n: &Path, locale: &str) -> AppealPack {
    let tree = appealpack::load::load(i18n).expect("the tree loads");
    build_pack(&tree, locale, &ModelOptions::default()).expect("the pack builds")
}

pub fn options(paper: Paper) -> RenderOptions {
    RenderOptions {
        paper,
        ..RenderOptions::default()
    }
}

pub fn layout(pack: &AppealPack, paper: Paper) -> LaidOutDocument {
    pdf::layout(pack, &fonts(), &options(paper)).expect("the pack lays out")
}

/// The least share of its text block a page fills, unless it is the last page of the pack or
/// of a letter (the PDF's rule; the DOCX through LibreOffice has a looser one).
pub const MIN_FILL: f32 = 0.35;
pub const MIN_FILL_DOCX: f32 = 0.15;
/// 20 mm in points.
pub const ROOM_TO_SIGN: f32 = 20.0 / 25.4 * 72.0;

/// Each page's fill: from the top of the text block to the lowest line or shape, as a share
/// of the text block's height. The footer is neither a line box nor a shape.
pub fn fills(doc: &LaidOutDocument, paper: Paper) -> Vec<f32> {
    let geometry = Geometry::new(paper);
    let height = geometry.height - geometry.bottom - geometry.top;
    doc.pages
        .iter()
        .map(|page| {
            let lines = page.lines.iter().map(|l| l.baseline + 0.3 * l.font_size);
            let shapes = page.shapes.iter().map(|s| match s {
                Shape::Rect { rect, .. } => rect.y + rect.height,
                Shape::Line { from, to, .. } => from.1.max(to.1),
                Shape::Disc { center, radius, .. } => center.1 + radius,
            });
            let bottom = lines.chain(shapes).fold(geometry.top, f32::max);
            (bottom - geometry.top) / height
        })
        .collect()
}

/// The pages on which each letter starts, from the outline (letters are its second level).
pub fn letter_starts(doc: &LaidOutDocument) -> Vec<usize> {
    doc.bookmarks
        .iter()
        .filter(|b| b.level == 1)
        .map(|b| b.page)
        .collect()
}

/// Pages allowed to be short: the last of the pack and the last of each letter.
pub fn may_be_short(doc: &LaidOutDocument) -> BTreeSet<usize> {
    let mut short: BTreeSet<usize> = letter_starts(doc)
        .iter()
        .skip(1)
        .map(|start| start - 1)
        .collect();
    short.insert(doc.pages.len() - 1);
    short
}

pub fn assert_no_mostly_empty_page(name: &str, doc: &LaidOutDocument, paper: Paper) {
    let short = may_be_short(doc);
    for (page, fill) in fills(doc, paper).into_iter().enumerate() {
        assert!(
            fill >= MIN_FILL || short.contains(&page),
            "{name}: page {} is {:.0} % full (at least {:.0} % unless it ends the pack or a letter)",
            page + 1,
            fill * 100.0,
            MIN_FILL * 100.0
        );
    }
}

/// The space between the closing's last line and the signature lines of every letter: the
/// lowest rules of the letter's last page, the lowest line of text above them.
pub fn signature_rooms(doc: &LaidOutDocument) -> Vec<f32> {
    let starts = letter_starts(doc);
    let mut rooms = Vec::new();
    for (i, _) in starts.iter().enumerate() {
        let last = starts
            .get(i + 1)
            .map_or(doc.pages.len() - 1, |next| next - 1);
        let page = &doc.pages[last];
        let rule = page
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line { from, to, .. } if (from.1 - to.1).abs() < 0.01 => Some(from.1),
                _ => None,
            })
            .fold(f32::MIN, f32::max);
        let closing = page
            .lines
            .iter()
            .filter(|l| l.baseline < rule)
            .map(|l| l.baseline + 0.25 * l.font_size)
            .fold(f32::MIN, f32::max);
        rooms.push(rule - closing);
    }
    rooms
}

/// LibreOffice's pagination of each DOCX against the PDF's: page counts within one, and no
/// page under [`MIN_FILL_DOCX`] full (measured on the words `pdftotext -bbox` finds between
/// the top margin and the footer).
pub fn docx_paginates_like_the_pdf(i18n: &Path, locales: &[&str]) {
    if !have_tool("soffice") || !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut args = vec!["build", "--format", "pdf", "--format", "docx"];
    for locale in locales {
        args.extend(["--locale", locale]);
    }
    let output = Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(repo())
        .args(&args)
        .arg("--i18n")
        .arg(i18n)
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mut docx = Vec::new();
    for locale in locales {
        for file in std::fs::read_dir(out.join(locale)).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "docx") {
                docx.push(path);
            }
        }
    }
    let converted = dir.path().join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let output = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .args(&docx)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    for file in &docx {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let ours = pdf_pages(&file.with_extension("pdf"));
        let theirs = converted.join(file.with_extension("pdf").file_name().unwrap());
        let fills = word_fills(&theirs);
        assert!(
            fills.len().abs_diff(ours) <= 1,
            "{name}: LibreOffice makes {} pages of the DOCX, the PDF has {ours}",
            fills.len()
        );
        for (page, fill) in fills.iter().enumerate() {
            assert!(
                *fill >= MIN_FILL_DOCX,
                "{name}: page {} of the DOCX in LibreOffice is {:.0} % full",
                page + 1,
                fill * 100.0
            );
        }
    }
}

pub fn pdf_pages(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    lopdf::Document::load_mem(&bytes).unwrap().get_pages().len()
}

/// Per page of a PDF, the share of the page's text area its words reach down to: the footer
/// (words in the bottom 70 pt) left out, the area from 60 pt below the top to 70 pt above the
/// bottom.
pub fn word_fills(path: &Path) -> Vec<f32> {
    let output = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&output.stdout);
    let attribute = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut fills = Vec::new();
    for page in html.split("<page ").skip(1) {
        let height = attribute(page, "height");
        let (top, bottom) = (60.0, height - 70.0);
        let lowest = page
            .split("<word ")
            .skip(1)
            .map(|word| attribute(word, "yMax"))
            .filter(|&y| y < bottom)
            .fold(top, f32::max);
        fills.push((lowest - top) / (bottom - top));
    }
    fills
}

/// What a reader should get back from a pack's PDF: the band, the title, the subtitle and
/// every paragraph in drawing order, bidi controls removed.
pub fn expected_text(pack: &AppealPack) -> String {
    let visible =
        |t: &String| -> String { t.chars().filter(|c| !super::is_bidi_control(*c)).collect() };
    let band = pack.band.as_ref().map_or(Vec::new(), |b| b.paras());
    let mut out: Vec<String> = band.iter().map(|p| p.text()).collect();
    out.push(visible(&pack.meta.title));
    out.extend(pack.meta.subtitle.as_ref().map(visible));
    out.extend(
        pack.paras()
            .skip(band.len())
            .map(|p| p.text())
            .filter(|t| !t.trim().is_empty()),
    );
    out.join("\n")
}

/// The PDF's text in reading order by the crate's own extractor, the running footers removed.
pub fn extracted_text(bytes: &[u8], pack: &AppealPack) -> String {
    let pages = extract(bytes, pack.direction == Direction::Rtl).expect("the PDF reads back");
    let count = pages.len();
    let mut lines = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let footer = normalise(&pack.footer_text(index + 1, count));
        lines.extend(
            page.iter()
                .filter(|line| normalise(&line.text) != footer)
                .map(|line| line.text.clone()),
        );
    }
    lines.join("\n")
}
