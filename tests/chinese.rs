//! Simplified Chinese PDFs on the `scripts` fixture: kinsoku in the text readers get back, and
//! the Han characters in reading order, by the crate's extractor and by pdftotext.

use crate::common;

use crate::common::pdf_text::extract;
use appealpack::model::AppealPack;
use appealpack::render::pdf;
use appealpack::render::{Paper, RenderOptions};
use common::layout::{fonts, pack};
use common::*;

const PAPERS: [Paper; 2] = [Paper::A4, Paper::Letter];

/// Pause and stop marks, closing quotation marks, brackets and title marks, the ellipsis and
/// the middle dot of names: no line starts with one (GB/T 15834).
fn closing(ch: char) -> bool {
    "。．，、；：？！…‥”’」』）》〉】〕〗］｝·・％".contains(ch)
}

/// Opening quotation marks, brackets and title marks: no line ends with one.
fn opening(ch: char) -> bool {
    "“‘「『（《〈【〔〖［｛".contains(ch)
}

fn is_han(ch: char) -> bool {
    matches!(ch, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn render(pack: &AppealPack, paper: Paper) -> Vec<u8> {
    let options = RenderOptions {
        paper,
        ..RenderOptions::default()
    };
    pdf::render(pack, &fonts(), &options)
        .expect("the pack renders")
        .bytes
}

fn chinese() -> AppealPack {
    pack(&fixture("scripts"), "zh-Hans")
}

/// pdftotext's lines of the PDF, one string per line, pages in order.
fn pdftotext_lines(bytes: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pack.pdf");
    std::fs::write(&file, bytes).unwrap();
    let output = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|l| {
            l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn assert_kinsoku(reader: &str, paper: Paper, lines: &[String]) {
    for line in lines {
        let first = line.chars().next().unwrap();
        let last = line.chars().last().unwrap();
        assert!(
            !closing(first),
            "{reader}, {paper:?}: a line starts with `{first}`: {line}"
        );
        assert!(
            !opening(last),
            "{reader}, {paper:?}: a line ends with `{last}`: {line}"
        );
    }
}

#[test]
fn no_line_starts_with_closing_or_ends_with_opening_punctuation() {
    let pack = chinese();
    for paper in PAPERS {
        let bytes = render(&pack, paper);
        let pages = extract(&bytes, false).expect("the PDF reads back");
        let lines: Vec<String> = pages
            .iter()
            .flatten()
            .map(|l| l.text.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        // The fixture's paragraphs wrap: the rules are tested, not met by one-line paragraphs.
        assert!(lines.len() > 20, "{}", lines.len());
        assert_kinsoku("extractor", paper, &lines);
        if have_tool("pdftotext") {
            assert_kinsoku("pdftotext", paper, &pdftotext_lines(&bytes));
        }
    }
}

/// The Han characters of the pack in reading order, the band above the title left out: its
/// two columns are read column by column by the crate's extractor and row by row by poppler.
fn han_after_band(text: &str, pack: &AppealPack) -> String {
    let band: usize = pack
        .band
        .iter()
        .flat_map(|b| b.paras())
        .map(|p| p.text().chars().filter(|&c| is_han(c)).count())
        .sum();
    text.chars().filter(|&c| is_han(c)).skip(band).collect()
}

#[test]
fn han_characters_come_back_in_reading_order() {
    let pack = chinese();
    let footer = |page: usize, pages: usize| pack.footer_text(page, pages);
    // What a reader should get: every paragraph of the model, in order.
    let mut want: Vec<String> = pack
        .band
        .iter()
        .flat_map(|b| b.paras())
        .map(|p| p.text())
        .collect();
    let band = want.len();
    want.push(pack.meta.title.clone());
    want.extend(pack.meta.subtitle.clone());
    want.extend(pack.paras().skip(band).map(|p| p.text()));
    let want = han_after_band(&want.join("\n"), &pack);
    assert!(want.chars().count() > 400, "{}", want.chars().count());
    for paper in PAPERS {
        let bytes = render(&pack, paper);
        let pages = extract(&bytes, false).expect("the PDF reads back");
        let count = pages.len();
        let got: Vec<String> = pages
            .iter()
            .enumerate()
            .flat_map(|(i, page)| {
                let footer = footer(i + 1, count);
                page.iter()
                    .filter(move |l| normalise(&l.text) != normalise(&footer))
                    .map(|l| l.text.clone())
            })
            .collect();
        assert_eq!(han_after_band(&got.join("\n"), &pack), want, "{paper:?}");
        if have_tool("pdftotext") {
            let lines = pdftotext_lines(&bytes);
            let mut got = String::new();
            let mut page = 1;
            for line in &lines {
                // Footers are left out by their text (pdftotext marks pages with a form feed,
                // trimmed here; the footer is the last line of each page).
                if (1..=count).any(|p| normalise(line) == normalise(&footer(p, count))) {
                    page += 1;
                    continue;
                }
                got.push_str(line);
                got.push('\n');
            }
            assert_eq!(page, count + 1, "{paper:?}: one footer per page");
            assert_eq!(han_after_band(&got, &pack), want, "pdftotext, {paper:?}");
        }
    }
}

#[test]
fn the_docx_sets_east_asian_text_in_the_chinese_face_and_language() {
    use std::io::Read;
    let pack = chinese();
    let bytes = appealpack::render::docx::render(&pack, &fonts(), &RenderOptions::default())
        .expect("the DOCX renders")
        .bytes;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let styles = part("word/styles.xml");
    let start = styles.find("<w:docDefaults").unwrap();
    let defaults = &styles[start..styles.find("</w:docDefaults>").unwrap()];
    assert!(
        defaults.contains(r#"w:eastAsia="Noto Sans CJK SC""#),
        "{defaults}"
    );
    assert!(
        defaults.contains(r#"w:val="zh-CN""#) && defaults.contains(r#"w:eastAsia="zh-CN""#),
        "{defaults}"
    );
    let settings = part("word/settings.xml");
    assert!(settings.contains(r#"w:eastAsia="zh-CN""#), "{settings}");
}
