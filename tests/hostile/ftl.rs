//! Fluent files: syntax errors, encodings, NUL bytes, huge messages, placeables, nesting, cycles.

use super::support::Case;

const FR: &str = "t/fr/main.ftl";

#[test]
fn a_syntax_error_points_at_the_line_and_column() {
    let case = Case::new();
    case.replace(
        FR,
        "demand-two = Abroger la loi.",
        "demand-two = Abroger { $loi",
    );
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn invalid_utf8_is_an_error_at_the_first_bad_byte() {
    let case = Case::new();
    let mut bytes = case.read(FR).into_bytes();
    let at = case.read(FR).find("Abroger").unwrap();
    bytes[at + 2] = 0xFF;
    case.write(FR, bytes);
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn a_file_saved_as_utf16_is_an_encoding_error() {
    let case = Case::new();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in case.read(FR).encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    case.write(FR, bytes);
    let err = case.refused(&[], 1);
    let first = err.lines().next().unwrap();
    insta::assert_snapshot!(err);
    assert!(first.starts_with("error[invalid-utf8]"), "{first}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let plain = Case::new();
    plain.built(&["-f", "text"]);
    let case = Case::new();
    let crlf = case.read(FR).replace('\n', "\r\n");
    case.write(FR, format!("\u{FEFF}{crlf}"));
    let err = case.built(&["-f", "text"]);
    assert_eq!(err, "built 2 locales into out: 2 files, [size] in [time]\n");
    // The same pack as from the plain file.
    assert_eq!(
        case.read("out/fr/test-alert-fr.txt"),
        plain.read("out/fr/test-alert-fr.txt")
    );
}

#[test]
fn a_nul_byte_is_an_error() {
    let case = Case::new();
    case.replace(FR, "Abroger la loi.", "Abro\0ger la loi.");
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn a_ten_megabyte_message_is_refused_at_once() {
    let case = Case::new();
    let huge = "Abroger la loi. ".repeat(10 * 1024 * 1024 / 16);
    case.replace(FR, "Abroger la loi.", &huge);
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn ten_thousand_placeables_are_an_error() {
    let case = Case::new();
    // 60,000 bytes: under the size limit of an entry, so the placeables are what is refused.
    case.replace(FR, "Abroger la loi.", &"{-org}".repeat(10_000));
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn selects_nested_a_thousand_deep_are_refused_before_parsing() {
    let case = Case::new();
    let depth = 1000;
    let nested = format!(
        "{}loi{}",
        "{ $n ->\n *[other] ".repeat(depth),
        "\n}".repeat(depth)
    );
    case.replace(FR, "Abroger la loi.", &nested);
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn selects_nested_a_hundred_thousand_deep_do_not_overflow_the_stack() {
    let case = Case::new();
    let depth = 100_000;
    let nested = format!("{}{}", "{".repeat(depth), "}".repeat(depth));
    case.replace(FR, "Abroger la loi.", &nested);
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn cyclic_references_are_reported_once_each() {
    let case = Case::new();
    case.replace(
        FR,
        "-org = Example International",
        "-org = Example { -org }",
    );
    case.replace(
        FR,
        "demand-one = Retirer l’organisation de la liste ;",
        "demand-one = Retirer { demand-two }",
    );
    case.replace(
        FR,
        "demand-two = Abroger la loi.",
        "demand-two = Abroger { demand-one }",
    );
    insta::assert_snapshot!(case.refused(&[], 1));
}
