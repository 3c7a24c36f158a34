//! The PDF packs: text round trip, fonts, metadata, links, outline, reproducibility, layout
//! rules, and the external tools' view (qpdf, pdffonts, pdftotext) when they are installed.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::pdf_text::extract;
use appealpack::fonts::FontLibrary;
use appealpack::model::{AppealPack, ModelOptions, build_pack};
use appealpack::render::pdf::{self, LaidOutDocument};
use appealpack::render::{Paper, RenderError, RenderOptions};
use common::layout::{expected_text, extracted_text};
use common::*;
use lopdf::{Document, Object};

fn fonts() -> FontLibrary {
    FontLibrary::load(&repo().join("fonts")).expect("the shipped fonts load")
}

fn pack(i18n: &Path, locale: &str) -> AppealPack {
    let tree = appealpack::load::load(i18n).expect("the tree loads");
    build_pack(&tree, locale, &ModelOptions::default()).expect("the pack builds")
}

fn options(paper: Paper) -> RenderOptions {
    RenderOptions {
        paper,
        ..RenderOptions::default()
    }
}

fn render(pack: &AppealPack, paper: Paper) -> Vec<u8> {
    pdf::render(pack, &fonts(), &options(paper))
        .expect("the pack renders")
        .bytes
}

/// The locales of the full-size alert fixture ([`alert`]).
const LOCALES: [&str; 7] = ["en", "fr", "es", "de", "ru", "uk", "ar"];
const FIXTURE: [&str; 5] = ["en", "fr", "ar", "ru", "zh-Hans"];

/// Panics with the first difference and its surroundings.
fn assert_same_text(locale: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    let at = got
        .chars()
        .zip(want.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let around = |s: &str| -> String { s.chars().skip(at.saturating_sub(60)).take(120).collect() };
    panic!(
        "{locale}: the extracted text differs at character {at}\n   got: …{}…\n  want: …{}…",
        around(got),
        around(want)
    );
}

#[test]
fn every_locale_reads_back_word_for_word() {
    for locale in LOCALES {
        let pack = pack(&alert(), locale);
        let bytes = render(&pack, Paper::A4);
        assert_same_text(
            locale,
            &normalise(&extracted_text(&bytes, &pack)),
            &normalise(&expected_text(&pack)),
        );
    }
}

#[test]
fn the_fixture_scripts_read_back_on_both_papers() {
    for locale in FIXTURE {
        let pack = pack(&fixture("scripts"), locale);
        for paper in [Paper::A4, Paper::Letter] {
            let bytes = render(&pack, paper);
            assert_same_text(
                locale,
                &normalise(&extracted_text(&bytes, &pack)),
                &normalise(&expected_text(&pack)),
            );
        }
    }
}

#[test]
fn latin_in_arabic_keeps_its_order_and_brackets_face_the_right_way() {
    let pack = pack(&fixture("scripts"), "ar");
    let text = extracted_text(&render(&pack, Paper::A4), &pack);
    for piece in [
        "(Example International)",
        "@ExampleHead",
        "minister@example.org",
        "15,000",
        "20.33",
        "(NGOs)",
    ] {
        assert!(text.contains(piece), "`{piece}` is not in the Arabic text");
    }
    // The layout mirrors the paragraphs: ragged lines, last lines and bullets hug the right.
    let layout = layout(&pack, Paper::A4);
    for line in layout.pages.iter().flat_map(|p| &p.lines) {
        assert!(
            (line.x.end - line.measure.end).abs() < 0.5,
            "an Arabic line ends {:.1}pt short of the right edge of its measure",
            line.measure.end - line.x.end
        );
    }
    let bullets: Vec<f32> = layout
        .pages
        .iter()
        .flat_map(|p| &p.shapes)
        .filter_map(|s| match s {
            pdf::Shape::Disc { center, .. } => Some(center.0),
            _ => None,
        })
        .collect();
    assert!(!bullets.is_empty());
    assert!(
        bullets.iter().all(|&x| x > layout.page_size.0 / 2.0),
        "bullets sit on the right"
    );
}

#[test]
fn french_narrow_spaces_never_start_or_end_a_line() {
    let pack = pack(&fixture("scripts"), "fr");
    for paper in [Paper::A4, Paper::Letter] {
        let layout = layout(&pack, paper);
        for page in &layout.pages {
            for line in line_texts(page) {
                let first = line.chars().next().unwrap_or(' ');
                let last = line.chars().last().unwrap_or(' ');
                assert!(
                    !matches!(first, ':' | ';' | '!' | '?' | '»' | '\u{202F}'),
                    "a line starts with `{first}`: {line}"
                );
                assert!(
                    !matches!(last, '«' | '\u{202F}'),
                    "a line ends with `{last}`: {line}"
                );
            }
        }
    }
}

fn layout(pack: &AppealPack, paper: Paper) -> LaidOutDocument {
    pdf::layout(pack, &fonts(), &options(paper)).expect("the pack lays out")
}

/// Each line's text in reading order, from the layout.
fn line_texts(page: &pdf::Page) -> Vec<String> {
    let mut lines: Vec<(f32, Vec<std::ops::Range<usize>>)> = Vec::new();
    for run in &page.runs {
        let ranges = run.glyphs.iter().map(|g| g.text.clone());
        match lines.last_mut() {
            Some((baseline, r)) if (*baseline - run.baseline).abs() < 0.01 => r.extend(ranges),
            _ => lines.push((run.baseline, ranges.collect())),
        }
    }
    lines
        .into_iter()
        .map(|(_, mut ranges)| {
            ranges.sort_by_key(|r| r.start);
            ranges.iter().map(|r| &page.text[r.clone()]).collect()
        })
        .collect()
}

#[test]
fn lines_stay_inside_the_measure_and_glyphs_on_the_page() {
    for (i18n, locales) in [(alert(), &LOCALES[..]), (fixture("scripts"), &FIXTURE[..])] {
        for &locale in locales {
            let pack = pack(&i18n, locale);
            for paper in [Paper::A4, Paper::Letter] {
                let doc = layout(&pack, paper);
                let (width, height) = doc.page_size;
                for (n, page) in doc.pages.iter().enumerate() {
                    for line in &page.lines {
                        assert!(
                            line.x.start >= line.measure.start - 0.5
                                && line.x.end <= line.measure.end + 0.5,
                            "{locale} {paper:?} page {}: a line overflows its measure",
                            n + 1
                        );
                    }
                    for run in &page.runs {
                        assert!(run.baseline > 0.0 && run.baseline < height);
                        for g in &run.glyphs {
                            assert!(g.x >= 0.0 && g.x + g.advance <= width);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn justified_lines_have_no_rivers() {
    // Every justified line of every locale on both papers: spaces at most about twice their
    // natural width. Names and Latin words in Cyrillic text are not hyphenated (decision 0007),
    // so the line before “Amnesty International” may have to stretch; what its spaces would
    // take beyond twice their width goes between its letters instead, at most 3.5 % of an em
    // (before that cure, 11 lines were over LOOSE, the worst at 3.08 in Ukrainian on Letter).
    const LOOSE: f32 = 2.25;
    const MOST_TRACKING_EM: f32 = 0.035;
    let mut loose = Vec::new();
    let (mut tracked, mut justified) = (0, 0);
    for locale in LOCALES {
        let pack = pack(&alert(), locale);
        for paper in [Paper::A4, Paper::Letter] {
            let doc = layout(&pack, paper);
            for (number, page) in doc.pages.iter().enumerate() {
                for line in page.lines.iter().filter(|l| l.justified) {
                    assert!(line.space_ratio() >= 0.6, "{locale}: spaces crushed");
                    assert!(
                        line.tracking <= MOST_TRACKING_EM * line.font_size + 1e-3,
                        "{locale} {paper:?} page {}: letter spacing {}",
                        number + 1,
                        line.tracking
                    );
                    tracked += usize::from(line.tracking > 0.0);
                    justified += 1;
                    if line.space_ratio() > LOOSE {
                        loose.push(format!(
                            "{locale} {paper:?} page {} (baseline {:.0}): {:.2}",
                            number + 1,
                            line.baseline,
                            line.space_ratio()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        loose.is_empty(),
        "justified lines with spaces over {LOOSE} times their width:\n{}",
        loose.join("\n")
    );
    // The cure is for the few lines that need it (51 of 1,820 today), not a change of the
    // text's colour.
    assert!(
        tracked * 100 <= justified * 4,
        "{tracked} of {justified} lines letter-spaced"
    );
}

#[test]
fn each_letter_starts_a_page_and_headings_never_end_one() {
    for locale in LOCALES {
        let pack = pack(&alert(), locale);
        let doc = layout(&pack, Paper::Letter);
        let letters: Vec<_> = doc.bookmarks.iter().filter(|b| b.level == 1).collect();
        assert_eq!(letters.len(), pack.letters().count(), "{locale}");
        let mut pages = BTreeSet::new();
        for letter in &letters {
            assert!(
                letter.y < 80.0,
                "{locale}: a letter starts at the top of its page"
            );
            assert!(pages.insert(letter.page), "{locale}: two letters on a page");
        }
        for mark in doc.bookmarks.iter().filter(|b| b.level == 0) {
            let page = &doc.pages[mark.page];
            let below = page
                .lines
                .iter()
                .filter(|l| l.baseline > mark.y + 30.0)
                .count();
            assert!(
                below >= 1,
                "{locale}: the heading `{}` ends its page",
                mark.title
            );
        }
    }
}

#[test]
fn no_paragraph_leaves_a_single_line_on_either_side_of_a_page_break() {
    for locale in LOCALES {
        let pack = pack(&alert(), locale);
        for paper in [Paper::A4, Paper::Letter] {
            let doc = layout(&pack, paper);
            for (n, pair) in doc.pages.windows(2).enumerate() {
                let (Some(last), Some(first)) = (pair[0].lines.last(), pair[1].lines.first())
                else {
                    continue;
                };
                if last.paragraph != first.paragraph {
                    continue;
                }
                let on = |page: &pdf::Page| {
                    page.lines
                        .iter()
                        .filter(|l| l.paragraph == last.paragraph)
                        .count()
                };
                assert!(
                    on(&pair[0]) >= 2 && on(&pair[1]) >= 2,
                    "{locale} {paper:?}: a paragraph split {}/{} across pages {} and {}",
                    on(&pair[0]),
                    on(&pair[1]),
                    n + 1,
                    n + 2
                );
            }
        }
    }
}

#[test]
fn fonts_are_embedded_subset_and_mapped() {
    let pack = pack(&alert(), "ar");
    let families = embedded_font_families(&render(&pack, Paper::A4));
    assert!(families.contains("NotoNaskhArabic-Regular"));
    assert!(
        families.contains("NotoSans-Regular"),
        "Latin falls back to Noto Sans"
    );
}

/// The pseudo-locales (issue 8) are test material for the layout: they must pass what every
/// real pack passes.
#[test]
fn pseudo_locales_pass_the_pdf_checks() {
    use appealpack::model::pseudo::Pseudo;
    let tree = appealpack::load::load(&alert()).unwrap();
    for pseudo in Pseudo::ALL {
        let options = ModelOptions {
            pseudo: Some(pseudo),
            ..ModelOptions::default()
        };
        let pack = build_pack(&tree, "en", &options).expect("the pseudo pack builds");
        assert_eq!(pack.locale, pseudo.locale_id());
        let bytes = render(&pack, Paper::A4);
        let got = normalise(&extracted_text(&bytes, &pack));
        let want = normalise(&expected_text(&pack));
        match pseudo {
            Pseudo::Accented => assert_same_text(pseudo.locale_id(), &got, &want),
            // Every run overridden right to left, inside isolates, inside a right-to-left
            // paragraph: a reader can take the runs of one line in another order than the
            // logical one, and join two of them (real Arabic reads back exactly, above). Every
            // character must be there, drawn and mapped.
            Pseudo::Mirrored => {
                let chars = |t: &str| {
                    let mut chars: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
                    chars.sort_unstable();
                    chars
                };
                assert_eq!(chars(&got), chars(&want), "{pseudo:?}: the same characters");
            }
        }
        assert!(embedded_font_families(&bytes).contains("NotoSans-Regular"));
        assert_eq!(
            bytes,
            render(&pack, Paper::A4),
            "{pseudo:?} rebuilds byte for byte"
        );
        if have_tool("qpdf") {
            let file = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(file.path(), &bytes).unwrap();
            let output = std::process::Command::new("qpdf")
                .arg("--check")
                .arg(file.path())
                .output()
                .unwrap();
            assert!(output.status.success(), "{pseudo:?}: {}", stdout(&output));
        }
    }
}

/// Every embedded font's family, after checking it is a subset with a Unicode map.
fn embedded_font_families(bytes: &[u8]) -> BTreeSet<String> {
    let doc = Document::load_mem(bytes).unwrap();
    let mut families = BTreeSet::new();
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let name =
            String::from_utf8(dict.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        let (tag, family) = name.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        families.insert(family.to_owned());
        assert!(dict.get(b"ToUnicode").is_ok(), "{name} has a ToUnicode map");
        let descendant = dict.get(b"DescendantFonts").unwrap().as_array().unwrap()[0].clone();
        let descendant = match descendant {
            Object::Reference(id) => doc.get_object(id).unwrap().clone(),
            other => other,
        };
        let descriptor = descendant
            .as_dict()
            .unwrap()
            .get(b"FontDescriptor")
            .unwrap()
            .as_reference()
            .unwrap();
        let descriptor = doc.get_dictionary(descriptor).unwrap();
        let file = descriptor
            .get(b"FontFile2")
            .unwrap()
            .as_reference()
            .unwrap();
        let stream = doc.get_object(file).unwrap().as_stream().unwrap();
        let program = stream.decompressed_content().unwrap();
        assert!(
            program.len() < 120_000,
            "{name} is subset ({} bytes embedded)",
            program.len()
        );
    }
    families
}

#[test]
fn metadata_language_and_version_are_honest() {
    for locale in ["en", "ar"] {
        let pack = pack(&alert(), locale);
        let bytes = render(&pack, Paper::A4);
        // PDF/UA-1 and PDF/A-2 rest on ISO 32000-1; object streams and `/Tabs` are 1.5.
        assert!(bytes.starts_with(b"%PDF-1.7"));
        assert!(!bytes.windows(15).any(|w| w == b"GTS_PDFXVersion"));
        let doc = Document::load_mem(&bytes).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog.get(b"Lang").unwrap().as_str().unwrap(),
            locale.as_bytes()
        );
        let info = doc
            .get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
            .unwrap();
        let text = |key: &[u8]| decode_text(info.get(key).unwrap().as_str().unwrap());
        assert_eq!(text(b"Title"), pack.meta.title);
        assert_eq!(Some(text(b"Author")), pack.meta.author);
        assert_eq!(Some(text(b"Subject")), pack.meta.subject);
        assert_eq!(
            info.get(b"CreationDate").unwrap().as_str().unwrap(),
            b"D:20250519000000Z"
        );
    }
}

fn decode_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

#[test]
fn every_contact_is_a_borderless_link() {
    let pack = pack(&alert(), "en");
    let bytes = render(&pack, Paper::A4);
    let doc = Document::load_mem(&bytes).unwrap();
    let mut uris = BTreeSet::new();
    for (_, page) in doc.get_pages() {
        for annot in doc.get_page_annotations(page).unwrap() {
            assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            let border: Vec<f32> = annot
                .get(b"Border")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            assert_eq!(border, [0.0, 0.0, 0.0], "links have no visible border");
            let action = annot.get(b"A").unwrap().as_dict().unwrap();
            uris.insert(
                String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec()).unwrap(),
            );
        }
    }
    let wanted: BTreeSet<String> = pack
        .paras()
        .flat_map(|p| &p.inlines)
        .filter_map(|i| i.link.clone())
        .collect();
    assert_eq!(uris, wanted);
    assert!(uris.contains("mailto:fsb@fsb.ru"));
    assert!(uris.contains("https://x.com/KremlinRussia_E"));
}

#[test]
fn the_outline_lists_sections_and_letters() {
    let pack = pack(&alert(), "en");
    let doc = layout(&pack, Paper::A4);
    let titles: Vec<&str> = doc.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles[0], pack.meta.title,
        "the untitled alert is under the title"
    );
    assert!(titles.contains(&"How You Can Help"));
    assert!(titles.contains(&"Addresses"));
    // No letter for those reached only on X: the first letter is Lavrov's, of five.
    assert!(titles.contains(&"Model letter 1 of 5: Mr. Sergey Lavrov"));
    // And the file has them, letters nested under their section.
    let bytes = render(&pack, Paper::A4);
    let file = Document::load_mem(&bytes).unwrap();
    let outlines = file
        .get_dictionary(
            file.catalog()
                .unwrap()
                .get(b"Outlines")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    assert_eq!(
        outlines.get(b"Count").unwrap().as_i64().unwrap() as usize,
        titles.len()
    );
}

#[test]
fn rebuilds_are_byte_identical_in_one_process() {
    let pack = pack(&alert(), "ar");
    let first = render(&pack, Paper::Letter);
    let second = render(&pack, Paper::Letter);
    assert!(first == second, "two renders in one process differ");
    // A different timestamp changes the dates and so the identifier, nothing else drifts.
    let other = pdf::render(
        &pack,
        &fonts(),
        &RenderOptions {
            timestamp: 0,
            ..options(Paper::Letter)
        },
    )
    .unwrap()
    .bytes;
    assert!(other != first);
}

#[test]
fn rebuilds_are_byte_identical_across_processes() {
    let out = tempfile::tempdir().unwrap();
    let i18n = fixture("scripts");
    let run = |dir: &str| {
        let target = out.path().join(dir);
        let output = appealpack(
            &repo(),
            &[
                "build",
                "--i18n",
                i18n.to_str().unwrap(),
                "-f",
                "pdf",
                "--out",
                target.to_str().unwrap(),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        tree_contents(&target)
            .into_iter()
            .filter(|(path, _)| path.ends_with(".pdf"))
            .collect::<Vec<_>>()
    };
    let (first, second) = (run("one"), run("two"));
    assert_eq!(first.len(), FIXTURE.len());
    assert!(first == second, "two processes wrote different PDFs");
}

#[test]
fn the_english_pack_is_small() {
    let pack = pack(&alert(), "en");
    let bytes = render(&pack, Paper::A4);
    assert!(bytes.len() < 80_000, "{} bytes", bytes.len());
    let pages = pdf::layout(&pack, &fonts(), &options(Paper::A4))
        .unwrap()
        .pages
        .len();
    assert!((8..=12).contains(&pages), "{pages} pages");
}

#[test]
fn a_character_no_font_has_fails_the_render_naming_it() {
    let mut pack = pack(&fixture("scripts"), "en");
    let para = pack.parts[0].blocks.iter_mut().find_map(|b| match b {
        appealpack::model::Block::Paragraph(p) => Some(p),
        _ => None,
    });
    para.unwrap().inlines[0].text.push_str(" 一");
    let error = pdf::render(&pack, &fonts(), &options(Paper::A4)).unwrap_err();
    assert!(
        matches!(&error, RenderError::MissingGlyph { locale, message, character: '一' } if locale == "en" && message == "alert-p1"),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "no font of locale `en` can draw U+4E00 '一' in `alert-p1`"
    );
}

#[test]
fn a_planted_character_fails_the_build_and_writes_nothing() {
    let tree = copy_fixture("scripts");
    let file = tree.path().join("ru/main.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("help-heading = Как", "help-heading = 漢 Как"),
    )
    .unwrap();
    // Outside the translations folder, which an output may not sit inside.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("out");
    let fonts = repo().join("fonts");
    let output = appealpack(
        tree.path(),
        &[
            "build",
            "--i18n",
            ".",
            "--fonts",
            fonts.to_str().unwrap(),
            "-f",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("ru"), "{message}");
    assert!(message.contains("help-heading"), "{message}");
    assert!(message.contains("U+6F22"), "{message}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn qpdf_finds_every_pack_clean() {
    if !have_tool("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for locale in LOCALES {
        let pack = pack(&alert(), locale);
        for paper in [Paper::A4, Paper::Letter] {
            let file = dir.path().join(format!("{locale}-{paper:?}.pdf"));
            std::fs::write(&file, render(&pack, paper)).unwrap();
            let output = std::process::Command::new("qpdf")
                .arg("--check")
                .arg(&file)
                .output()
                .unwrap();
            assert!(
                output.status.success() && stderr(&output).trim().is_empty(),
                "{locale} {paper:?}: {}{}",
                stdout(&output),
                stderr(&output)
            );
        }
    }
}

#[test]
fn pdffonts_shows_every_font_embedded_subset_and_mapped() {
    if !have_tool("pdffonts") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for locale in ["en", "ar"] {
        let file = dir.path().join(format!("{locale}.pdf"));
        std::fs::write(&file, render(&pack(&alert(), locale), Paper::A4)).unwrap();
        let output = std::process::Command::new("pdffonts")
            .arg(&file)
            .output()
            .unwrap();
        let table = stdout(&output);
        let rows: Vec<&str> = table.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type (2 words), encoding, emb, sub, uni, object, id
            let n = columns.len();
            assert_eq!(&columns[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
        }
    }
}

/// pdftotext's view of the pack, page footers removed.
fn pdftotext(bytes: &[u8], pack: &AppealPack) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pack.pdf");
    std::fs::write(&file, bytes).unwrap();
    let output = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = stdout(&output);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let count = pages.len();
    let mut lines = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let footer = normalise(&pack.footer_text(index + 1, count));
        for line in page.lines() {
            // Poppler wraps right-to-left lines and the numbers and Latin words in them in
            // embedding controls, a space on either side: each marks a word boundary.
            let line: String = line
                .chars()
                .map(|c| {
                    if matches!(c, '\u{202A}'..='\u{202E}') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            if normalise(&line) != footer {
                lines.push(line);
            }
        }
    }
    lines.join("\n")
}

#[test]
fn pdftotext_gives_back_every_left_to_right_locale() {
    if !have_tool("pdftotext") {
        return;
    }
    for locale in ["en", "fr", "es", "de", "ru", "uk"] {
        let pack = pack(&alert(), locale);
        let got = pdftotext(&render(&pack, Paper::A4), &pack);
        assert_same_text(
            locale,
            &without_band(&got, &pack),
            &without_band(&expected_text(&pack), &pack),
        );
    }
}

/// Poppler reads the band of page 1 row by row across its two columns (its column analysis),
/// the crate's extractor column by column: the band is left out of poppler's text on both
/// sides (the crate's own round trip checks it).
fn without_band(text: &str, pack: &AppealPack) -> String {
    let mut text = tight_punctuation(&normalise(text));
    for para in pack.band.iter().flat_map(|b| b.paras()) {
        text = text.replacen(&tight_punctuation(&normalise(&para.text())), "", 1);
    }
    normalise(&text)
}

/// Poppler inserts a space only where the gap looks like one, so the narrow no-break space
/// of French typography (before `:` `;` `!` `?`, inside `« »`) may come back as nothing.
fn tight_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or('x');
        let previous = if i > 0 { chars[i - 1] } else { 'x' };
        if c == ' ' && (matches!(next, ':' | ';' | '!' | '?' | '»') || previous == '«') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Letters and digits only: poppler's own bidi (it neither mirrors brackets nor orders
/// neutral punctuation by UAX #9, and it sorts zero-width Arabic marks by position) is not
/// what is tested here; the order of every word and number is.
fn words_only(text: &str) -> Vec<String> {
    // Poppler separates an Arabic prefix from the number it is written on (و2024): words
    // split where the script changes, on both sides.
    let class = |c: char| match c {
        c if !c.is_alphanumeric() => 0,
        '\u{0600}'..='\u{06FF}' if c.is_alphabetic() => 1,
        _ => 2,
    };
    let mut words = Vec::new();
    let mut word = String::new();
    let mut last = 0;
    for c in text.chars().filter(|c| !is_arabic_mark(*c)) {
        let k = class(c);
        if (k == 0 || k != last) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if k != 0 {
            word.push(c);
        }
        last = k;
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

#[test]
fn pdftotext_gives_back_arabic_in_logical_order() {
    if !have_tool("pdftotext") {
        return;
    }
    for (i18n, paper) in [(alert(), Paper::A4), (fixture("scripts"), Paper::Letter)] {
        let pack = pack(&i18n, "ar");
        // Poppler reads the three fields of a right-to-left signature row in its own order
        // (its column analysis); their words are left out on both sides.
        // So does it the band's two columns.
        let fields: BTreeSet<String> = pack
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .filter(|b| matches!(b, appealpack::model::Block::Signature(_)))
            .flat_map(|b| b.paras())
            .chain(pack.band.iter().flat_map(|b| b.paras()))
            .flat_map(|p| words_only(&p.text()))
            .collect();
        let keep = |words: Vec<String>| -> Vec<String> {
            words.into_iter().filter(|w| !fields.contains(w)).collect()
        };
        // And poppler may split a word at a zero-width mark: the letters are compared.
        let got: String = keep(words_only(&pdftotext(&render(&pack, paper), &pack))).concat();
        let want: String = keep(words_only(&expected_text(&pack))).concat();
        assert_same_text("ar", &got, &want);
    }
}

/// Issue 15: every PDF of the fixtures, read back, has no three hyphenated lines in a row, and
/// no Latin word of a Russian or Ukrainian text is hyphenated (Cyrillic patterns know nothing
/// of it).
#[test]
fn no_hyphen_ladders_and_no_latin_word_hyphenated_in_cyrillic() {
    let cases = LOCALES
        .iter()
        .map(|l| (alert(), *l))
        .chain(FIXTURE.iter().map(|l| (fixture("scripts"), *l)));
    for (i18n, locale) in cases {
        let pack = pack(&i18n, locale);
        for paper in [Paper::A4, Paper::Letter] {
            let rtl = pack.direction == appealpack::model::Direction::Rtl;
            let pages = extract(&render(&pack, paper), rtl).expect("the PDF reads back");
            for (index, page) in pages.iter().enumerate() {
                let mut run = 0;
                for line in page {
                    let Some(text) = line.text.trim_end().strip_suffix('\u{00AD}') else {
                        run = 0;
                        continue;
                    };
                    run += 1;
                    assert!(
                        run < 3,
                        "{locale}, page {}: three hyphenated lines in a row, up to `{text}`",
                        index + 1
                    );
                    let word = text.rsplit(|c: char| !c.is_alphabetic()).next();
                    assert!(
                        !matches!(locale, "ru" | "uk")
                            || !word
                                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_alphabetic())),
                        "{locale}, page {}: a Latin word is hyphenated: `{text}`",
                        index + 1
                    );
                }
            }
        }
    }
}
