//! The running footer, "Page X of Y", from `pack.footer`: text runs and PAGE/NUMPAGES fields.

use docx_rs::{
    FieldCharType, Footer, InstrNUMPAGES, InstrPAGE, InstrText, Paragraph, Run, RunFonts,
};

use super::body::Body;
use super::styles::id;
use crate::model::{AppealPack, Direction, FooterPiece, Para};

pub(super) fn footer(pack: &AppealPack, body: &Body<'_>) -> Footer {
    let mut paragraph = Paragraph::new().style(id::FOOTER);
    if body.direction == Direction::Rtl {
        paragraph.property = std::mem::take(&mut paragraph.property).bidi(true);
    }
    // The field's shown value until it updates, in the locale's digits (۱ in Persian).
    let one = pack.numbers.format(1);
    for piece in &pack.footer {
        match piece {
            FooterPiece::Text(text) => {
                // Each piece is laid out like any paragraph, then its runs are moved over.
                let runs = body.paragraph(id::FOOTER, &Para::plain("footer-page", text.clone()));
                paragraph.children.extend(runs.children);
            }
            FooterPiece::Page => {
                paragraph = field(
                    paragraph,
                    InstrText::PAGE(InstrPAGE::new()),
                    body.direction,
                    &one,
                )
            }
            FooterPiece::Pages => {
                paragraph = field(
                    paragraph,
                    InstrText::NUMPAGES(InstrNUMPAGES::new()),
                    body.direction,
                    &one,
                )
            }
        }
    }
    Footer::new().add_paragraph(paragraph)
}

/// A complex field, one run per part as Word writes it; "1" (`one`) stands until the field
/// updates.
fn field(
    mut paragraph: Paragraph,
    instruction: InstrText,
    direction: Direction,
    one: &str,
) -> Paragraph {
    let run = || {
        let run = Run::new();
        // In a right-to-left footer the number sits in right-to-left context.
        if direction == Direction::Rtl {
            run.fonts(RunFonts::new().hint("cs"))
        } else {
            run
        }
    };
    paragraph = paragraph
        .add_run(run().add_field_char(FieldCharType::Begin, false))
        .add_run(run().add_instr_text(instruction))
        .add_run(run().add_field_char(FieldCharType::Separate, false))
        .add_run(run().add_text(one))
        .add_run(run().add_field_char(FieldCharType::End, false));
    paragraph
}
