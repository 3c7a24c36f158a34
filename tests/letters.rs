//! The campaign pack (issue 15): letters that can be mailed as printed (sender, date, inside
//! address in order, room to sign, no furniture), no mostly empty page, and the DOCX paginated
//! by LibreOffice like the PDF. Behaviour on the `scripts` fixture; the shipped alert's own
//! pages in the `shipped` module at the end.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use appealpack::fonts::FontLibrary;
use appealpack::model::{AppealPack, Block, ModelOptions, build_pack};
use appealpack::render::pdf::{self, LaidOutDocument, Shape, extract, style::Geometry};
use appealpack::render::{Paper, RenderOptions};
use common::*;

/// The least share of its text block a page fills, unless it is the last page of the pack or
/// of a letter (the PDF's rule; the DOCX through LibreOffice has a looser one).
const MIN_FILL: f32 = 0.35;
const MIN_FILL_DOCX: f32 = 0.15;
/// 20 mm in points.
const ROOM_TO_SIGN: f32 = 20.0 / 25.4 * 72.0;

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

fn layout(pack: &AppealPack, paper: Paper) -> LaidOutDocument {
    pdf::layout(pack, &fonts(), &options(paper)).expect("the pack lays out")
}

/// Each page's fill: from the top of the text block to the lowest line or shape, as a share
/// of the text block's height. The footer is neither a line box nor a shape.
fn fills(doc: &LaidOutDocument, paper: Paper) -> Vec<f32> {
    let geometry = Geometry::new(paper);
    let height = geometry.text_bottom() - geometry.top;
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
fn letter_starts(doc: &LaidOutDocument) -> Vec<usize> {
    doc.bookmarks
        .iter()
        .filter(|b| b.level == 1)
        .map(|b| b.page)
        .collect()
}

/// Pages allowed to be short: the last of the pack and the last of each letter.
fn may_be_short(doc: &LaidOutDocument) -> BTreeSet<usize> {
    let mut short: BTreeSet<usize> = letter_starts(doc)
        .iter()
        .skip(1)
        .map(|start| start - 1)
        .collect();
    short.insert(doc.pages.len() - 1);
    short
}

fn assert_no_mostly_empty_page(name: &str, doc: &LaidOutDocument, paper: Paper) {
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
fn signature_rooms(doc: &LaidOutDocument) -> Vec<f32> {
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

#[test]
fn no_page_of_the_fixture_is_mostly_empty_and_letters_have_room_to_sign() {
    for locale in ["en", "fr", "ar", "ru"] {
        let pack = pack(&fixture("scripts"), locale);
        for paper in [Paper::A4, Paper::Letter] {
            let doc = layout(&pack, paper);
            assert_no_mostly_empty_page(locale, &doc, paper);
            let rooms = signature_rooms(&doc);
            assert_eq!(rooms.len(), pack.letters().count(), "{locale}");
            for room in rooms {
                assert!(
                    room >= ROOM_TO_SIGN,
                    "{locale}: {:.1} mm to sign, at least 20",
                    room / 72.0 * 25.4
                );
            }
        }
    }
}

#[test]
fn a_short_page_before_the_letters_takes_lines_from_the_page_before() {
    // Enough alert to run just over one page: without balancing, page 2 holds a few lines
    // before the first letter's forced break.
    let dir = copy_fixture("scripts");
    let en = dir.path().join("en/main.ftl");
    let text = std::fs::read_to_string(&en).unwrap();
    let long = text.replacen(
        "alert-p2 = ",
        &format!(
            "alert-p2 = {}",
            "The Observatory recalls the facts of this case at length. ".repeat(38)
        ),
        1,
    );
    std::fs::write(&en, long).unwrap();
    let tree = appealpack::load::load(dir.path()).unwrap();
    let pack = build_pack(&tree, "en", &ModelOptions::default()).unwrap();
    let doc = layout(&pack, Paper::A4);
    let first_letter = letter_starts(&doc)[0];
    assert!(first_letter >= 2, "the alert runs over a page");
    assert_no_mostly_empty_page("long alert", &doc, Paper::A4);
}

#[test]
fn a_letter_reads_sender_date_inside_address_subject_in_that_order() {
    let pack = pack(&fixture("scripts"), "ru");
    let letter = pack
        .letters()
        .find(|l| {
            l.outline
                .as_deref()
                .is_some_and(|o| o.contains("Джейн Доу"))
        })
        .expect("a letter to the minister");
    // The model: the sender's block, the date, then the address in the locale's own wording
    // (the dative), contact lines after it.
    let kinds: Vec<&str> = letter
        .blocks
        .iter()
        .map(|b| match b {
            Block::Sender(_) => "sender",
            Block::Date(_) => "date",
            Block::Recipient(_) => "recipient",
            Block::Subject(_) => "subject",
            Block::Salutation(_) => "salutation",
            _ => "other",
        })
        .take(5)
        .collect();
    assert_eq!(
        kinds,
        ["sender", "date", "recipient", "subject", "salutation"]
    );
    let Some(Block::Recipient(lines)) = letter.blocks.get(2) else {
        panic!("no inside address")
    };
    let lines: Vec<String> = lines.iter().map(|p| p.text()).collect();
    assert_eq!(lines[..2], ["Министру иностранных дел", "г-же Джейн Доу"]);
    assert!(lines[2].contains("minister@example.org"), "{lines:?}");
    // The list of addresses keeps the nominative.
    let listed: String = pack
        .parts
        .iter()
        .flat_map(|p| &p.blocks)
        .filter_map(|b| match b {
            Block::Addresses(entries) => Some(entries.iter().map(|e| e.text()).collect()),
            _ => None,
        })
        .collect::<Vec<String>>()
        .concat();
    assert!(listed.contains("Госпожа Джейн Доу"), "{listed}");

    // The PDF: the same lines, in that order, on the letter's page.
    let bytes = pdf::render(&pack, &fonts(), &options(Paper::A4))
        .unwrap()
        .bytes;
    let pages = extract::extract(&bytes, false).unwrap();
    let page = pages
        .iter()
        .find(|p| {
            p.iter()
                .any(|l| l.text.contains("Джейн Доу") && !l.text.contains("Госпожа"))
        })
        .expect("the letter's page");
    let texts: Vec<&str> = page.iter().map(|l| l.text.trim()).collect();
    let position = |wanted: &str| {
        texts
            .iter()
            .position(|t| t.starts_with(wanted))
            .unwrap_or_else(|| panic!("`{wanted}` is not on the letter's page: {texts:#?}"))
    };
    let order = [
        position("Имя и фамилия"),
        position("Адрес"),
        position("Дата"),
        position("Министру иностранных дел"),
        position("г-же Джейн Доу"),
        position("Эл. почта"),
        position("Тема"),
        position("Уважаемая"),
        position("С уважением"),
        position("Подпись"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "out of order: {order:?} in {texts:#?}"
    );
}

#[test]
fn letter_pages_carry_no_kicker_but_the_outline_names_each_letter() {
    let pack = pack(&fixture("scripts"), "en");
    let bytes = pdf::render(&pack, &fonts(), &options(Paper::A4))
        .unwrap()
        .bytes;
    let text: String = extract::extract(&bytes, false)
        .unwrap()
        .iter()
        .flatten()
        .map(|l| l.text.clone() + "\n")
        .collect();
    assert!(!text.contains("Model letter"), "{text}");
    let doc = layout(&pack, Paper::A4);
    let count = pack.letters().count();
    let titles: Vec<&str> = doc
        .bookmarks
        .iter()
        .filter(|b| b.level == 1)
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(titles.len(), count);
    assert!(
        titles
            .iter()
            .enumerate()
            .all(|(i, t)| t.starts_with(&format!("Model letter {} of {count}: ", i + 1))),
        "{titles:?}"
    );
    // And the band of page 1 says what the pack is.
    assert!(text.starts_with("Urgent appeal"), "{text}");
    assert!(text.contains("Reference: scripts"), "{text}");
}

/// LibreOffice's pagination of each DOCX against the PDF's: page counts within one, and no
/// page under [`MIN_FILL_DOCX`] full (measured on the words `pdftotext -bbox` finds between
/// the top margin and the footer).
fn docx_paginates_like_the_pdf(i18n: &Path, locales: &[&str]) {
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

fn pdf_pages(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    lopdf::Document::load_mem(&bytes).unwrap().get_pages().len()
}

/// Per page of a PDF, the share of the page's text area its words reach down to: the footer
/// (words in the bottom 70 pt) left out, the area from 60 pt below the top to 70 pt above the
/// bottom.
fn word_fills(path: &Path) -> Vec<f32> {
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

#[test]
fn libreoffice_paginates_the_fixture_docx_like_the_pdf() {
    docx_paginates_like_the_pdf(&fixture("scripts"), &["en", "fr", "ar", "ru"]);
}

/// The shipped alert's own pages: these describe the data in `i18n/`, not the code.
mod shipped {
    use super::*;

    const LOCALES: [&str; 7] = ["en", "fr", "es", "de", "ru", "uk", "ar"];

    #[test]
    fn no_page_is_mostly_empty_and_every_letter_has_room_to_sign() {
        for locale in LOCALES {
            let pack = pack(&repo().join("i18n"), locale);
            let doc = layout(&pack, Paper::A4);
            assert_no_mostly_empty_page(locale, &doc, Paper::A4);
            for room in signature_rooms(&doc) {
                assert!(room >= ROOM_TO_SIGN, "{locale}: {room:.1} pt to sign");
            }
        }
    }

    #[test]
    fn russian_and_ukrainian_letters_are_addressed_in_the_dative() {
        for (locale, first) in [
            ("ru", "Министру иностранных дел Российской Федерации"),
            ("uk", "Міністрові закордонних справ Російської Федерації"),
        ] {
            let pack = pack(&repo().join("i18n"), locale);
            let found = pack.letters().any(|letter| {
                letter
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Recipient(lines) if lines[0].text() == first))
            });
            assert!(found, "{locale}: no letter opens with «{first}»");
        }
    }

    #[test]
    fn libreoffice_paginates_every_docx_like_the_pdf() {
        docx_paginates_like_the_pdf(&repo().join("i18n"), &LOCALES);
    }
}
