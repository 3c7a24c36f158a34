//! The body: each part and block of the model as styled docx-rs paragraphs and tables.

use docx_rs::{
    Hyperlink, HyperlinkType, Paragraph, Run, RunFonts, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::addresses::{self, Entry};
use super::page::Page;
use super::runs::{Families, Piece, pieces};
use super::styles::id;
use crate::model::{AppealPack, Block, Direction, Para, Part, PartKind};

/// A body element, in document order.
pub(super) enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

pub(super) struct Body<'a> {
    pub direction: Direction,
    pub families: &'a Families<'a>,
    pub page: &'a Page,
}

impl Body<'_> {
    pub(super) fn items(&self, pack: &AppealPack) -> Vec<Item> {
        let mut items = Vec::new();
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
        for part in &pack.parts {
            self.part(part, &mut items);
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
            self.block(block, items);
        }
        // A letter starts a new page: the break goes on its first paragraph (the kicker).
        if part.new_page
            && let Some(Item::Paragraph(p)) = items.get_mut(first)
        {
            p.property = std::mem::take(&mut p.property).page_break_before(true);
        }
    }

    fn block(&self, block: &Block, items: &mut Vec<Item>) {
        match block {
            Block::Paragraph(p) => {
                let mut item = self.paragraph(id::BODY, p);
                // A table has no space after it: the paragraph that follows keeps its distance.
                if matches!(items.last(), Some(Item::Table(_))) {
                    item = item.line_spacing(docx_rs::LineSpacing::new().before(160));
                }
                items.push(Item::Paragraph(Box::new(item)));
            }
            Block::List(entries) => {
                items.extend(entries.iter().map(|p| self.para(id::LIST_BULLET, p)))
            }
            Block::Addresses(entries) => items.push(self.addresses(entries)),
            Block::Recipient(recipient) => items.extend(
                recipient
                    .lines()
                    .into_iter()
                    .map(|p| self.para(id::RECIPIENT, p)),
            ),
            Block::Subject(p) => items.push(self.para(id::SUBJECT, p)),
            Block::Salutation(p) => items.push(self.para(id::SALUTATION, p)),
            Block::Closing(p) => items.push(self.para(id::CLOSING, p)),
            Block::Signature(fields) => {
                for (i, field) in fields.iter().enumerate() {
                    // The label, then a tab whose underscore leader is the line to write on.
                    // The leader is drawn in the tab's font: the Latin one has the underscore.
                    let latin = &self.families.latin;
                    let fonts = RunFonts::new().ascii(latin).hi_ansi(latin).cs(latin);
                    let mut paragraph = self
                        .paragraph(id::SIGNATURE, field)
                        .add_run(Run::new().fonts(fonts).add_tab());
                    if i + 1 < fields.len() {
                        paragraph = paragraph.keep_next(true);
                    }
                    items.push(Item::Paragraph(Box::new(paragraph)));
                }
            }
            Block::Post { heading, text } => {
                if !heading.text().trim().is_empty() {
                    items.push(self.para(id::POST_HEADING, heading));
                }
                items.push(self.para(id::POST, text));
            }
        }
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
        let rows = entries
            .iter()
            .map(|entry| {
                let cells = match addresses::split(entry) {
                    Entry::Split {
                        name,
                        role,
                        contact,
                    } => {
                        let mut left = vec![self.paragraph(id::TABLE_TEXT, &name)];
                        left.extend(role.iter().map(|role| self.paragraph(id::TABLE_TEXT, role)));
                        vec![
                            cell(who, left),
                            cell(how, vec![self.paragraph(id::TABLE_TEXT, &contact)]),
                        ]
                    }
                    Entry::Whole(para) => {
                        vec![
                            cell(measure, vec![self.paragraph(id::TABLE_TEXT, &para)]).grid_span(2),
                        ]
                    }
                };
                TableRow::new(cells).cant_split()
            })
            .collect();
        let table = Table::without_borders(rows)
            .style(id::ADDRESS_TABLE)
            .set_grid(vec![who, how])
            .width(measure, WidthType::Dxa)
            .layout(TableLayoutType::Fixed);
        Item::Table(Box::new(table))
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
