//! The pack as lines of text with their messages, as the text writer and canonical check see it.

use super::{Block, Para, Part};

/// One line of text and the message it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub source: String,
    pub text: String,
}

fn line(para: &Para, prefix: &str) -> Line {
    Line {
        source: para.source.clone(),
        text: format!("{prefix}{}", para.text()),
    }
}

/// The lines of one part, in the layout of the canonical alert: heading, paragraphs, and
/// list items or addresses prefixed with `- `.
pub(crate) fn part_lines(part: &Part) -> Vec<Line> {
    let mut lines = Vec::new();
    lines.extend(part.kicker.iter().map(|p| line(p, "")));
    lines.extend(part.heading.iter().map(|p| line(p, "")));
    lines.extend(part.blocks.iter().flat_map(block_lines));
    lines
}

/// The lines of one block: one per paragraph, `- ` before list items and addresses.
pub(crate) fn block_lines(block: &Block) -> Vec<Line> {
    match block {
        Block::Paragraph(p) | Block::Salutation(p) | Block::Closing(p) | Block::Subject(p) => {
            vec![line(p, "")]
        }
        Block::List(items) | Block::Addresses(items) => {
            items.iter().map(|p| line(p, "- ")).collect()
        }
        Block::Recipient(recipient) => recipient.lines().into_iter().map(|p| line(p, "")).collect(),
        Block::Date(p) => vec![Line {
            source: p.source.clone(),
            text: format!("{} ______________________________", p.text()),
        }],
        Block::Sender(fields) | Block::Signature(fields) => fields
            .iter()
            .map(|p| Line {
                source: p.source.clone(),
                // No colon: its spacing is the locale's business, a rule needs none.
                text: format!("{} ______________________________", p.text()),
            })
            .collect(),
        Block::Post { heading, text } => vec![line(heading, ""), line(text, "> ")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, PartKind};

    #[test]
    fn lists_and_addresses_read_like_the_canonical_alert() {
        let link = Inline {
            link: Some("mailto:fsb@fsb.ru".into()),
            ..Inline::plain("fsb@fsb.ru")
        };
        let address = Para {
            source: "address-entry".into(),
            inlines: vec![
                Inline::plain("Director, E-mail: \u{2068}"),
                link,
                Inline::plain("\u{2069}"),
            ],
        };
        let part = Part {
            id: "addresses".into(),
            kind: PartKind::Section,
            canonical: true,
            new_page: false,
            kicker: None,
            heading: Some(Para::plain("addresses-heading", "Addresses")),
            outline: None,
            blocks: vec![Block::Addresses(vec![address])],
        };
        let texts: Vec<String> = part_lines(&part).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Addresses", "- Director, E-mail: fsb@fsb.ru"]);
    }
}
