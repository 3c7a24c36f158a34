//! Accessible DOCX (issue 18): the address table's header row, caption and description.

use super::{Docx, Element, build, fixture_docx};
use crate::common::fixture;

/// The address table: the body's table styled `AddressTable`.
fn address_table(document: &Element) -> &Element {
    document
        .all("w:tbl")
        .into_iter()
        .find(|t| {
            t.child("w:tblPr")
                .and_then(|p| p.child("w:tblStyle"))
                .and_then(|s| s.attr("w:val"))
                == Some("AddressTable")
        })
        .expect("an address table")
}

fn property<'a>(table: &'a Element, name: &str) -> Option<&'a str> {
    table.child("w:tblPr")?.child(name)?.attr("w:val")
}

/// Per row: whether it is a header row, and its cells' text.
fn rows(table: &Element) -> Vec<(bool, Vec<String>)> {
    table
        .all("w:tr")
        .iter()
        .map(|row| {
            let header = row
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some();
            (header, row.all("w:tc").iter().map(|c| c.texts()).collect())
        })
        .collect()
}

#[test]
fn the_address_table_has_a_header_row_a_caption_and_a_description() {
    for (locale, caption, columns, description) in [
        (
            "en",
            "Addresses",
            ["Addressee", "Contact details"],
            "Each addressee’s name and position, and how to contact them",
        ),
        (
            "ar",
            "العناوين",
            ["الجهة المخاطَبة", "وسائل الاتصال"],
            "الجهات المخاطَبة: اسم كلٍّ منها ومنصبه، ووسائل الاتصال به",
        ),
    ] {
        let document = fixture_docx(locale).part("word/document.xml");
        let table = address_table(&document);
        assert_eq!(property(table, "w:tblCaption"), Some(caption), "{locale}");
        assert_eq!(
            property(table, "w:tblDescription"),
            Some(description),
            "{locale}"
        );
        let rows = rows(table);
        assert_eq!(
            rows[0],
            (true, columns.map(String::from).to_vec()),
            "{locale}"
        );
        assert!(
            rows[1..].iter().all(|(header, _)| !header),
            "{locale}: only the first row repeats: {rows:?}"
        );
        // Quiet headings: their own style, small and muted, not a grid.
        let styles: Vec<Option<&str>> = table.all("w:tr")[0]
            .all("w:p")
            .iter()
            .map(|p| p.style())
            .collect();
        assert_eq!(styles, [Some("TableHeading"); 2], "{locale}");
        assert!(
            table.all("w:tcBorders").is_empty(),
            "{locale}: no cell borders"
        );
    }
}

#[test]
fn an_alert_without_column_headings_keeps_a_plain_table() {
    let docx = Docx::new(build(&fixture("alert-karvania"), "en", &[], &[]));
    let document = docx.part("word/document.xml");
    let table = address_table(&document);
    assert!(
        rows(table).iter().all(|(header, _)| !header),
        "no header row without `[contacts] addressee-column`"
    );
    assert!(property(table, "w:tblDescription").is_none());
    assert!(
        property(table, "w:tblCaption").is_some(),
        "the section's heading still captions it"
    );
}
