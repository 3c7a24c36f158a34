//! The body: each part and block of the model as styled docx-rs paragraphs and tables.

use docx_rs::{
    AlignmentType, Hyperlink, HyperlinkType, LineSpacing, Paragraph, Run, RunFonts, Shading,
    ShdType, Tab, TabLeaderType, TabValueType, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::addresses::{self, Entry};
use super::page::Page;
use super::runs::{Families, Piece, pieces};
use super::styles::id;
use crate::model::{AddressTable, AppealPack, Band, Block, Direction, Para, Part, PartKind};

/// Twips: the PDF's measures, so both documents have the same shape.
const FORM_WIDTH: u32 = 230 * 20;
/// From the closing to the signature lines: a little over 22 mm, room to sign.
const SIGNATURE_ROOM: u32 = 62 * 20;
const SIGNATURE_COLUMN_GAP: u32 = 18 * 20;
const RECIPIENT_GAP: u32 = 16 * 20;
const DATE_GAP: u32 = 8 * 20;

/// A body element, in document order.
pub(super) enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

pub(super) struct Body<'a> {
    pub direction: Direction,
    pub families: &'a Families<'a>,
    pub page: &'a Page,
    pub address_table: &'a AddressTable,
}

impl Body<'_> {
    pub(super) fn items(&self, pack: &AppealPack) -> Vec<Item> {
        let mut items = Vec::new();
        if let Some(band) = &pack.band {
            items.push(self.band(band));
        }
        items.push(self.para(
            id::TITLE,
            &Para::plain("pack-title", pack.meta.title.clone()),
        ));
        if let Some(subtitle) = &pack.meta.subtitle {
            items.push(self.para(
                id::SUBTITLE,
                &Para::plain("pack-subtitle", subtitle.clone()),
            ));
        }
        let mut first_letter = None;
        for part in &pack.parts {
            if part.new_page && first_letter.is_none() {
                first_letter = Some(items.len());
            }
            self.part(part, &mut items);
        }
        if let Some(end) = first_letter {
            keep_tail_together(&mut items[..end]);
        }
        items
    }

    fn part(&self, part: &Part, items: &mut Vec<Item>) {
        let first = items.len();
        if let Some(kicker) = &part.kicker {
            items.push(self.para(id::KICKER, kicker));
        }
        if let Some(heading) = &part.heading {
            let style = match part.kind {
                PartKind::Section => id::HEADING_1,
                PartKind::Letter => id::HEADING_2,
            };
            items.push(self.para(style, heading));
        }
        for block in &part.blocks {
            self.block(block, part.kind == PartKind::Letter, items);
        }
        // A letter starts a new page: the break goes on its first paragraph.
        if part.new_page
            && let Some(Item::Paragraph(p)) = items.get_mut(first)
        {
            p.property = std::mem::take(&mut p.property).page_break_before(true);
        }
        // A letter has no heading (nothing on its page but the letter): the first line of its
        // inside address stands for it in Word's navigation pane, at the level under sections.
        if part.kind == PartKind::Letter && part.heading.is_none() {
            let recipient = part
                .blocks
                .iter()
                .take_while(|b| !matches!(b, Block::Recipient(_)))
                .map(|b| match b {
                    Block::Sender(fields) => fields.len() + 1,
                    _ => 1,
                })
                .sum::<usize>();
            if let Some(Item::Paragraph(p)) = items.get_mut(first + recipient) {
                p.property = std::mem::take(&mut p.property).outline_lvl(1);
            }
        }
    }

    fn block(&self, block: &Block, letter: bool, items: &mut Vec<Item>) {
        let (text_style, list_style) = if letter {
            (id::LETTER_TEXT, id::LETTER_LIST)
        } else {
            (id::BODY, id::LIST_BULLET)
        };
        match block {
            Block::Paragraph(p) => {
                let mut item = self.paragraph(text_style, p);
                // A table has no space after it: the paragraph that follows keeps its distance.
                if matches!(items.last(), Some(Item::Table(_))) {
                    item = item.line_spacing(docx_rs::LineSpacing::new().before(160));
                }
                items.push(Item::Paragraph(Box::new(item)));
            }
            Block::List(entries) => {
                for (i, entry) in entries.iter().enumerate() {
                    let mut item = self.paragraph(list_style, entry);
                    // The list ends with a paragraph's distance, as in the PDF.
                    if i + 1 == entries.len() {
                        item = item.line_spacing(LineSpacing::new().after(140));
                    }
                    items.push(Item::Paragraph(Box::new(item)));
                }
            }
            Block::Addresses(entries) => items.push(self.addresses(entries)),
            Block::Sender(fields) => {
                // The last label is the address: it gets a second line.
                let mut rows: Vec<Option<&Para>> = fields.iter().map(Some).collect();
                if !rows.is_empty() {
                    rows.push(None);
                }
                self.form(&rows, 0, items);
            }
            Block::Date(label) => self.form(&[Some(label)], DATE_GAP, items),
            Block::Recipient(recipient) => {
                for (i, line) in recipient.lines().into_iter().enumerate() {
                    let mut paragraph = self.paragraph(id::RECIPIENT, line);
                    if i == 0 {
                        paragraph =
                            paragraph.line_spacing(LineSpacing::new().before(RECIPIENT_GAP));
                    }
                    items.push(Item::Paragraph(Box::new(paragraph)));
                }
            }
            Block::Subject(p) => items.push(self.para(id::SUBJECT, p)),
            Block::Salutation(p) => items.push(self.para(id::SALUTATION, p)),
            Block::Closing(p) => items.push(self.para(id::CLOSING, p)),
            Block::Signature(fields) => self.signature(fields, items),
            Block::Post { heading, text } => {
                if !heading.text().trim().is_empty() {
                    items.push(self.para(id::POST_HEADING, heading));
                }
                items.push(self.para(id::POST, text));
            }
        }
    }

    /// A run holding only a tab, in the Latin font: a tab's leader is drawn in the tab's font,
    /// and the Latin one has the underscore.
    fn tab_run(&self) -> Run {
        let latin = &self.families.latin;
        let fonts = RunFonts::new().ascii(latin).hi_ansi(latin).cs(latin);
        Run::new().fonts(fonts).add_tab()
    }

    /// Rows of a form at the end side of the measure, as in the PDF: a label, then a tab whose
    /// underscore leader is the line to write on, to the end of the measure; `None` is a line
    /// with no label. Kept together.
    fn form(&self, rows: &[Option<&Para>], before: u32, items: &mut Vec<Item>) {
        let measure = self.page.measure();
        let indent = measure.saturating_sub(FORM_WIDTH) as i32;
        for (i, row) in rows.iter().enumerate() {
            let mut paragraph = match row {
                Some(label) => self.paragraph(id::FORM, label),
                None => self.paragraph(id::FORM, &Para::plain("", "")),
            };
            paragraph = paragraph
                .indent(Some(indent), None, None, None)
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .leader(TabLeaderType::Underscore)
                        .pos(measure as usize),
                )
                .add_run(self.tab_run());
            if i == 0 && before > 0 {
                paragraph = paragraph.line_spacing(LineSpacing::new().before(before));
            }
            if i + 1 < rows.len() {
                paragraph = paragraph.keep_next(true);
            }
            items.push(Item::Paragraph(Box::new(paragraph)));
        }
    }

    /// Room to sign, then the lines side by side, each with its label under it, as in the PDF.
    fn signature(&self, fields: &[Para], items: &mut Vec<Item>) {
        if fields.is_empty() {
            return;
        }
        let measure = self.page.measure();
        let columns = fields.len().min(3) as u32;
        let width = (measure - SIGNATURE_COLUMN_GAP * (columns - 1)) / columns;
        let mut lines = Paragraph::new()
            .style(id::SIGNATURE)
            .line_spacing(LineSpacing::new().before(SIGNATURE_ROOM))
            .keep_next(true);
        let mut labels = self.paragraph(id::SIGNATURE_LABEL, &Para::plain("", ""));
        if self.direction == Direction::Rtl {
            lines.property = std::mem::take(&mut lines.property).bidi(true);
        }
        for c in 0..columns {
            let start = c * (width + SIGNATURE_COLUMN_GAP);
            let end = start + width;
            if c > 0 {
                lines = lines.add_tab(Tab::new().val(TabValueType::Left).pos(start as usize));
                lines = lines.add_run(self.tab_run());
                labels = labels.add_tab(Tab::new().val(TabValueType::Left).pos(start as usize));
                labels = labels.add_run(Run::new().add_tab());
            }
            lines = lines
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .leader(TabLeaderType::Underscore)
                        .pos(end as usize),
                )
                .add_run(self.tab_run());
            if let Some(field) = fields.get(c as usize) {
                let label = self.paragraph(id::SIGNATURE_LABEL, field);
                for child in label.children {
                    labels.children.push(child);
                }
            }
        }
        items.push(Item::Paragraph(Box::new(lines)));
        items.push(Item::Paragraph(Box::new(labels)));
    }

    /// The band of page 1: a tinted table row, who and what on the start side, the reference
    /// on the end side.
    fn band(&self, band: &Band) -> Item {
        let measure = self.page.measure() as usize;
        let end_width = measure / 2;
        let start_width = measure - end_width;
        let shading = || {
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(super::styles::TINT)
        };
        let mut start = TableCell::new()
            .width(start_width, WidthType::Dxa)
            .shading(shading());
        if let Some(kind) = &band.kind {
            start = start.add_paragraph(self.paragraph(id::BAND_KIND, kind));
        }
        if let Some(organisation) = &band.organisation {
            start = start.add_paragraph(self.paragraph(id::BAND, organisation));
        }
        if band.kind.is_none() && band.organisation.is_none() {
            // A table cell must hold a paragraph, even an empty one.
            start = start.add_paragraph(Paragraph::new());
        }
        // The end side: a right-to-left paragraph's `left` is its end.
        let align = if self.direction == Direction::Rtl {
            AlignmentType::Left
        } else {
            AlignmentType::Right
        };
        let end = std::iter::once(&band.reference).chain(&band.dates).fold(
            TableCell::new()
                .width(end_width, WidthType::Dxa)
                .shading(shading()),
            |cell, para| cell.add_paragraph(self.paragraph(id::BAND, para).align(align)),
        );
        let table = Table::without_borders(vec![TableRow::new(vec![start, end]).cant_split()])
            .style(id::BAND_TABLE)
            .set_grid(vec![start_width, end_width])
            .width(measure, WidthType::Dxa)
            .layout(TableLayoutType::Fixed);
        Item::Table(Box::new(table))
    }

    fn para(&self, style: &str, para: &Para) -> Item {
        Item::Paragraph(Box::new(self.paragraph(style, para)))
    }

    /// A paragraph of `style` holding the runs of `para`; links become `w:hyperlink`s.
    pub(super) fn paragraph(&self, style: &str, para: &Para) -> Paragraph {
        let mut paragraph = Paragraph::new().style(style);
        if self.direction == Direction::Rtl {
            paragraph.property = std::mem::take(&mut paragraph.property).bidi(true);
        }
        let pieces = pieces(para, self.direction, self.families);
        let mut i = 0;
        while i < pieces.len() {
            match &pieces[i].link {
                Some(target) => {
                    let mut link = Hyperlink::new(target.clone(), HyperlinkType::External);
                    while let Some(piece) =
                        pieces.get(i).filter(|p| p.link.as_ref() == Some(target))
                    {
                        link = link.add_run(run(piece));
                        i += 1;
                    }
                    paragraph = paragraph.add_hyperlink(link);
                }
                None => {
                    paragraph = paragraph.add_run(run(&pieces[i]));
                    i += 1;
                }
            }
        }
        paragraph
    }

    /// The list of addresses as a two-column table: who (name, role) | how (channels).
    fn addresses(&self, entries: &[Para]) -> Item {
        let measure = self.page.measure() as usize;
        let who = measure * 11 / 20;
        let how = measure - who;
        let cell = |width: usize, paragraphs: Vec<Paragraph>| {
            paragraphs.into_iter().fold(
                TableCell::new().width(width, WidthType::Dxa),
                TableCell::add_paragraph,
            )
        };
        // Every row but the last keeps with the next, so that a short list stays on one page
        // as in the PDF (Word and LibreOffice keep a table's rows together this way).
        let last = entries.len().saturating_sub(1);
        // The header row (marked `w:tblHeader` by the post-pass): it repeats when the list runs
        // onto a new page, and screen readers announce each cell with its column's heading.
        let header = self
            .address_table
            .columns
            .as_ref()
            .map(|[addressee, contact]| {
                let heading = |source: &str, text: &str| {
                    self.paragraph(id::TABLE_HEADING, &Para::plain(source, text))
                        .keep_next(true)
                };
                TableRow::new(vec![
                    cell(who, vec![heading("contacts.addressee-column", addressee)]),
                    cell(how, vec![heading("contacts.contact-column", contact)]),
                ])
                .cant_split()
            });
        let rows = header
            .into_iter()
            .chain(entries.iter().enumerate().map(|(row, entry)| {
                let para = |p: &Para| self.paragraph(id::TABLE_TEXT, p).keep_next(row < last);
                let cells = match addresses::split(entry) {
                    Entry::Split {
                        name,
                        role,
                        contact,
                    } => {
                        let mut left = vec![para(&name)];
                        left.extend(role.iter().map(para));
                        vec![cell(who, left), cell(how, vec![para(&contact)])]
                    }
                    Entry::Whole(whole) => {
                        vec![cell(measure, vec![para(&whole)]).grid_span(2)]
                    }
                };
                TableRow::new(cells).cant_split()
            }))
            .collect();
        let table = Table::without_borders(rows)
            .style(id::ADDRESS_TABLE)
            .set_grid(vec![who, how])
            .width(measure, WidthType::Dxa)
            .layout(TableLayoutType::Fixed);
        Item::Table(Box::new(table))
    }
}

/// The paragraphs after the last table or list before the first letter (the addresses'
/// closing, the suggested posts, the letters' heading and intro) kept together: neither Word
/// nor LibreOffice balances pages, so without this the intro's last lines can sit alone on the
/// page before the first letter, as the PDF's paginator never lets them. At most a few
/// paragraphs, so the chain never outgrows a page.
fn keep_tail_together(items: &mut [Item]) {
    const MOST: usize = 8;
    let start = items
        .iter()
        .rposition(|item| match item {
            Item::Table(_) => true,
            Item::Paragraph(p) => p
                .property
                .style
                .as_ref()
                .is_some_and(|s| s.val == id::LIST_BULLET),
        })
        .map_or(0, |i| i + 1);
    let start = start.max(items.len().saturating_sub(MOST));
    let count = items.len();
    for (i, item) in items.iter_mut().enumerate().skip(start) {
        if let Item::Paragraph(p) = item {
            let mut property = std::mem::take(&mut p.property).keep_lines(true);
            if i + 1 < count {
                property = property.keep_next(true);
            }
            p.property = property;
        }
    }
}

/// One run. Right-to-left runs are marked complex script (`w:hint="cs"`); the post-pass gives
/// every such run `w:rtl`, which docx-rs cannot write.
fn run(piece: &Piece) -> Run {
    let mut run = Run::new().add_text(piece.text.clone());
    if piece.link.is_some() {
        run = run.style(id::HYPERLINK);
    }
    if piece.strong {
        run = run.bold();
    }
    if piece.emphasis {
        run = run.italic();
    }
    if piece.rtl {
        let mut fonts = RunFonts::new().hint("cs");
        if let Some(font) = &piece.font {
            fonts = fonts.cs(font.clone());
        }
        run = run.fonts(fonts);
    } else if let Some(font) = &piece.font {
        run = run.fonts(
            RunFonts::new()
                .ascii(font.clone())
                .hi_ansi(font.clone())
                .east_asia(font.clone()),
        );
    }
    run
}
