//! The campaign pack (issue 15): letters that can be mailed as printed (sender, date, inside
//! address in order, room to sign, no furniture), no mostly empty page, and the DOCX paginated
//! by LibreOffice like the PDF. Behaviour on the `scripts` fixture; the shipped alert's own
//! pages in the `shipped` module at the end.

use crate::common;

use crate::common::pdf_text::extract;
use appealpack::model::{Block, ModelOptions, build_pack};
use appealpack::render::Paper;
use appealpack::render::pdf;
use common::layout::*;
use common::*;

#[test]
fn no_page_of_the_fixture_is_mostly_empty_and_letters_have_room_to_sign() {
    for locale in ["en", "fr", "ar", "ru", "zh-Hans"] {
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
    let Some(Block::Recipient(recipient)) = letter.blocks.get(2) else {
        panic!("no inside address")
    };
    let lines: Vec<String> = recipient.lines().iter().map(|p| p.text()).collect();
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
    let pages = extract(&bytes, false).unwrap();
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
    let text: String = extract(&bytes, false)
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

#[test]
fn libreoffice_paginates_the_fixture_docx_like_the_pdf() {
    docx_paginates_like_the_pdf(&fixture("scripts"), &["en", "fr", "ar", "ru"]);
}
