//! The style sheet: Word's built-in styles (by their built-in names, so Word localises them and
//! finds them in its galleries) plus a few for the letters, matching the PDF's design.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, NumberingId, NumberingProperty,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, ShdType,
    SpecialIndentType, Style, StyleType, Styles, TableBorder, TableBorderPosition, TableBorders,
    TableCellMargins, WidthType,
};

use super::numbering::BULLET_NUM_ID;

/// Style ids: Word's own ids for built-in styles.
pub(super) mod id {
    pub(crate) const NORMAL: &str = "Normal";
    pub(crate) const BODY: &str = "BodyText";
    pub(crate) const TITLE: &str = "Title";
    pub(crate) const SUBTITLE: &str = "Subtitle";
    pub(crate) const HEADING_1: &str = "Heading1";
    pub(crate) const HEADING_2: &str = "Heading2";
    pub(crate) const KICKER: &str = "Kicker";
    pub(crate) const LIST_BULLET: &str = "ListBullet";
    pub(crate) const LETTER: &str = "Letter";
    pub(crate) const LETTER_TEXT: &str = "LetterText";
    pub(crate) const LETTER_LIST: &str = "LetterList";
    pub(crate) const RECIPIENT: &str = "Recipient";
    pub(crate) const SUBJECT: &str = "Subject";
    pub(crate) const SALUTATION: &str = "Salutation";
    pub(crate) const CLOSING: &str = "Closing";
    pub(crate) const SIGNATURE: &str = "Signature";
    pub(crate) const SIGNATURE_LABEL: &str = "SignatureLabel";
    pub(crate) const FORM: &str = "FormField";
    pub(crate) const BAND: &str = "Band";
    pub(crate) const BAND_KIND: &str = "BandKind";
    pub(crate) const BAND_TABLE: &str = "BandTable";
    pub(crate) const POST_HEADING: &str = "PostHeading";
    pub(crate) const POST: &str = "Post";
    pub(crate) const TABLE_TEXT: &str = "TableText";
    pub(crate) const TABLE_HEADING: &str = "TableHeading";
    pub(crate) const FOOTER: &str = "Footer";
    pub(crate) const HYPERLINK: &str = "Hyperlink";
    pub(crate) const DEFAULT_FONT: &str = "DefaultParagraphFont";
    pub(crate) const TABLE_NORMAL: &str = "TableNormal";
    pub(crate) const ADDRESS_TABLE: &str = "AddressTable";
    pub(crate) const NO_LIST: &str = "NoList";
}

/// The default style of each type, which the post-pass marks `w:default="1"` (docx-rs cannot).
pub(super) const DEFAULTS: &[(&str, &str)] = &[
    ("paragraph", id::NORMAL),
    ("character", id::DEFAULT_FONT),
    ("table", id::TABLE_NORMAL),
    ("numbering", id::NO_LIST),
];

/// Sizes in half-points.
const BODY_SIZE: usize = 21;
const SMALL_SIZE: usize = 18;
/// The letters: 10 pt, at 90 % of single spacing (the PDF's tightest letter leading).
const LETTER_SIZE: usize = 20;
const LETTER_LINE: i32 = 216;

/// Rows of the sender's block and the date line, in twips: the PDF's 18 pt.
const FORM_ROW_TWIPS: i32 = 360;

/// Colours.
const INK: &str = "1A1A1A";
const HEADING: &str = "1F3A5F";
const MUTED: &str = "5F6B7A";
const LINK: &str = "1F5C99";
const RULE: &str = "BFC9D6";
pub(super) const TINT: &str = "EEF3F8";
const TINT_RULE: &str = "C9D6E5";

/// Everything the style sheet depends on.
pub(super) struct Sheet<'a> {
    pub latin_font: &'a str,
    pub complex_font: &'a str,
    pub rtl: bool,
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph(id: &str, name: &str, based_on: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(based_on)
        .next(id::BODY)
}

pub(super) fn styles(sheet: &Sheet<'_>) -> Styles {
    let fonts = RunFonts::new()
        .ascii(sheet.latin_font)
        .hi_ansi(sheet.latin_font)
        .east_asia(sheet.latin_font)
        .cs(sheet.complex_font);
    let mut styles = Styles::new().default_fonts(fonts).default_size(BODY_SIZE);
    for style in all(sheet) {
        styles = styles.add_style(style);
    }
    styles
}

fn all(sheet: &Sheet<'_>) -> Vec<Style> {
    // Single spacing: Noto Sans's own line gap already gives 10.5 pt text a 14.3 pt leading
    // (Naskh's more), close to the PDF's and enough to fit every letter on one page.
    let mut normal = Style::new(id::NORMAL, StyleType::Paragraph)
        .name("Normal")
        .color(INK);
    normal.paragraph_property = normal
        .paragraph_property
        .widow_control(true)
        .bidi(sheet.rtl)
        .line_spacing(spacing(0, 120).line(240).line_rule(LineSpacingType::Auto));

    let mut body = paragraph(id::BODY, "Body Text", id::NORMAL);
    body.paragraph_property = body.paragraph_property.align(AlignmentType::Both);

    let mut title = paragraph(id::TITLE, "Title", id::NORMAL)
        .bold()
        .size(40)
        .color(HEADING)
        .next(id::SUBTITLE);
    title.paragraph_property = title
        .paragraph_property
        .keep_next(true)
        .keep_lines(true)
        .line_spacing(spacing(0, 120).line(240).line_rule(LineSpacingType::Auto));

    let mut subtitle = paragraph(id::SUBTITLE, "Subtitle", id::NORMAL)
        .size(24)
        .color(MUTED);
    subtitle.paragraph_property = subtitle
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(0, 360));

    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        let mut style = paragraph(id, name, id::NORMAL)
            .bold()
            .size(size)
            .color(HEADING);
        style.paragraph_property = style
            .paragraph_property
            .keep_next(true)
            .keep_lines(true)
            .outline_lvl(level)
            .line_spacing(
                spacing(before, 120)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            );
        style
    };
    let heading_1 = heading(id::HEADING_1, "heading 1", 28, 0, 360);
    let heading_2 = heading(id::HEADING_2, "heading 2", 26, 1, 0);

    let mut kicker = paragraph(id::KICKER, "Kicker", id::NORMAL)
        .size(SMALL_SIZE)
        .color(MUTED)
        .next(id::HEADING_2);
    kicker.paragraph_property = kicker
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(0, 40));

    let mut list = paragraph(id::LIST_BULLET, "List Bullet", id::BODY).next(id::LIST_BULLET);
    list.paragraph_property = list
        .paragraph_property
        .numbering_property(NumberingProperty::new().add_num(
            NumberingId::new(BULLET_NUM_ID),
            docx_rs::IndentLevel::new(0),
        ))
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
        .line_spacing(spacing(0, 80));

    // A letter is one sheet: its text a size smaller and a little tighter than the alert's, as
    // the PDF sets a letter that would not fit otherwise.
    let mut letter = paragraph(id::LETTER, "Letter", id::NORMAL)
        .size(LETTER_SIZE)
        .next(id::LETTER_TEXT);
    letter.paragraph_property = letter.paragraph_property.line_spacing(
        spacing(0, 100)
            .line(LETTER_LINE)
            .line_rule(LineSpacingType::Auto),
    );
    let mut letter_text = paragraph(id::LETTER_TEXT, "Letter Text", id::LETTER);
    letter_text.paragraph_property = letter_text.paragraph_property.align(AlignmentType::Both);
    // Based on List Bullet, whose numbering LibreOffice honours (it drops the bullets of a
    // style that inherits its numbering from nowhere but itself under another parent).
    let mut letter_list = paragraph(id::LETTER_LIST, "Letter List", id::LIST_BULLET)
        .size(LETTER_SIZE)
        .next(id::LETTER_LIST);
    letter_list.paragraph_property = letter_list.paragraph_property.line_spacing(
        spacing(0, 60)
            .line(LETTER_LINE)
            .line_rule(LineSpacingType::Auto),
    );

    let mut recipient = paragraph(id::RECIPIENT, "Recipient", id::LETTER).next(id::RECIPIENT);
    recipient.paragraph_property = recipient
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(0, 0));

    let mut subject = paragraph(id::SUBJECT, "Subject", id::LETTER)
        .bold()
        .next(id::SALUTATION);
    subject.paragraph_property = subject
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(320, 200));

    let mut salutation = paragraph(id::SALUTATION, "Salutation", id::LETTER).next(id::LETTER_TEXT);
    salutation.paragraph_property = salutation.paragraph_property.keep_next(true);

    let mut closing = paragraph(id::CLOSING, "Closing", id::LETTER).next(id::SIGNATURE);
    closing.paragraph_property = closing
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(200, 0));

    // The signature lines: room to sign above (set on the paragraph), tabs with underscore
    // leaders (set on the paragraph, one per column); kept with the labels under them.
    let mut signature = paragraph(id::SIGNATURE, "Signature", id::NORMAL).next(id::SIGNATURE_LABEL);
    signature.paragraph_property = signature
        .paragraph_property
        .keep_lines(true)
        .line_spacing(spacing(0, 0));
    let mut signature_label = paragraph(id::SIGNATURE_LABEL, "Signature Label", id::NORMAL)
        .size(SMALL_SIZE)
        .color(MUTED);
    signature_label.paragraph_property = signature_label
        .paragraph_property
        .keep_lines(true)
        .line_spacing(spacing(40, 0));
    // The sender's block and the date line: label and a line to write on, rows 18 pt apart.
    let mut form = paragraph(id::FORM, "Form Field", id::NORMAL)
        .size(SMALL_SIZE)
        .color(MUTED)
        .next(id::FORM);
    form.paragraph_property = form.paragraph_property.keep_lines(true).line_spacing(
        spacing(0, 0)
            .line(FORM_ROW_TWIPS)
            .line_rule(LineSpacingType::Exact),
    );
    let mut band_kind = paragraph(id::BAND_KIND, "Band Kind", id::NORMAL)
        .bold()
        .color(HEADING)
        .next(id::BAND);
    band_kind.paragraph_property = band_kind.paragraph_property.line_spacing(spacing(0, 0));
    let mut band = paragraph(id::BAND, "Band", id::NORMAL)
        .size(SMALL_SIZE)
        .color(MUTED)
        .next(id::BAND);
    band.paragraph_property = band.paragraph_property.line_spacing(spacing(0, 0));
    let band_table = Style::new(id::BAND_TABLE, StyleType::Table)
        .name("Band Table")
        .based_on(id::TABLE_NORMAL)
        .set_borders(TableBorders::with_empty())
        .margins(
            TableCellMargins::new()
                .margin_top(160, WidthType::Dxa)
                .margin_bottom(160, WidthType::Dxa)
                .margin_left(160, WidthType::Dxa)
                .margin_right(160, WidthType::Dxa),
        );

    // The suggested post: a tinted box. Word joins the borders of neighbouring paragraphs with
    // identical borders into one box, so heading and text share them.
    let boxed = |mut style: Style| {
        let border = |position| {
            ParagraphBorder::new(position)
                .val(BorderType::Single)
                .size(4)
                .space(6)
                .color(TINT_RULE)
        };
        let borders = ParagraphBorders::with_empty()
            .set(border(ParagraphBorderPosition::Top))
            .set(border(ParagraphBorderPosition::Left))
            .set(border(ParagraphBorderPosition::Bottom))
            .set(border(ParagraphBorderPosition::Right));
        style.paragraph_property = style
            .paragraph_property
            .set_borders(borders)
            .shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill(TINT),
            )
            .indent(Some(142), None, Some(142), None);
        style
    };
    let mut post_heading = boxed(
        paragraph(id::POST_HEADING, "Post Heading", id::NORMAL)
            .bold()
            .size(SMALL_SIZE)
            .color(HEADING)
            .next(id::POST),
    );
    post_heading.paragraph_property = post_heading
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(160, 20));
    let mut post = boxed(paragraph(id::POST, "Post", id::NORMAL).size(SMALL_SIZE));
    post.paragraph_property = post.paragraph_property.keep_lines(true).line_spacing(
        spacing(0, 120)
            .line(LETTER_LINE)
            .line_rule(LineSpacingType::Auto),
    );

    let mut table_text = paragraph(id::TABLE_TEXT, "Table Text", id::NORMAL).next(id::TABLE_TEXT);
    table_text.paragraph_property = table_text.paragraph_property.line_spacing(spacing(0, 0));
    // The address table's header row: quiet, as the form labels, so the printed page still
    // reads as a list; it is there for screen readers and for a list that runs onto a new page.
    let mut table_heading = paragraph(id::TABLE_HEADING, "Table Heading", id::NORMAL)
        .bold()
        .size(SMALL_SIZE)
        .color(MUTED)
        .next(id::TABLE_TEXT);
    table_heading.paragraph_property = table_heading
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(0, 0));

    let mut footer = paragraph(id::FOOTER, "footer", id::NORMAL)
        .size(SMALL_SIZE)
        .color(MUTED)
        .next(id::FOOTER);
    footer.paragraph_property = footer
        .paragraph_property
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0));

    let hyperlink = Style::new(id::HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .based_on(id::DEFAULT_FONT)
        .color(LINK)
        .unhide_when_used();
    let default_font = Style::new(id::DEFAULT_FONT, StyleType::Character)
        .name("Default Paragraph Font")
        .q_format(false)
        .ui_priority(1)
        .semi_hidden()
        .unhide_when_used();
    let no_list = Style::new(id::NO_LIST, StyleType::Numbering)
        .name("No List")
        .q_format(false)
        .ui_priority(99)
        .semi_hidden()
        .unhide_when_used();

    let table_normal = Style::new(id::TABLE_NORMAL, StyleType::Table)
        .name("Normal Table")
        .q_format(false)
        .set_borders(TableBorders::with_empty())
        .ui_priority(99)
        .semi_hidden()
        .unhide_when_used()
        .table_indent(0)
        .margins(TableCellMargins::new().margin(0, 108, 0, 108));
    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(RULE)
    };
    let address_table = Style::new(id::ADDRESS_TABLE, StyleType::Table)
        .name("Address Table")
        .based_on(id::TABLE_NORMAL)
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top))
                .set(rule(TableBorderPosition::Bottom))
                .set(rule(TableBorderPosition::InsideH)),
        )
        .margins(
            TableCellMargins::new()
                .margin_top(80, WidthType::Dxa)
                .margin_bottom(80, WidthType::Dxa)
                .margin_left(0, WidthType::Dxa)
                .margin_right(170, WidthType::Dxa),
        );

    vec![
        normal,
        default_font,
        table_normal,
        no_list,
        body,
        title,
        subtitle,
        heading_1,
        heading_2,
        kicker,
        list,
        letter,
        letter_text,
        letter_list,
        recipient,
        subject,
        salutation,
        closing,
        signature,
        signature_label,
        form,
        band_kind,
        band,
        band_table,
        post_heading,
        post,
        table_text,
        table_heading,
        footer,
        hyperlink,
        address_table,
    ]
}
