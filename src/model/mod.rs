//! The document model: one `AppealPack` per locale, which every renderer turns into bytes.

mod build;
mod contacts;
pub(crate) mod lines;
mod numbers;
pub mod pseudo;

pub use build::{ModelOptions, RECIPIENT_ATTRIBUTE, build_pack};
pub use numbers::Numbers;

use serde::Serialize;

/// Everything a renderer needs to produce one locale's pack; no renderer reads Fluent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppealPack {
    pub alert_id: String,
    /// BCP 47 tag, e.g. `ar`.
    pub locale: String,
    pub direction: Direction,
    /// The language's name in itself (`Français`).
    pub language_name: String,
    /// Font families in fallback order.
    pub fonts: Vec<String>,
    pub meta: Metadata,
    /// The band at the top of page 1, when the manifest asks for one.
    pub band: Option<Band>,
    /// When the alert was issued, if the manifest says.
    pub issued: Option<AlertDate>,
    /// The last day to act, if the manifest gives one.
    pub act_before: Option<AlertDate>,
    /// The running footer, e.g. `Page `, the page number, ` of `, the page count.
    pub footer: Vec<FooterPiece>,
    /// How the locale writes the numbers renderers write themselves (page numbers), the same
    /// way Fluent wrote the counts in the text.
    pub numbers: Numbers,
    pub parts: Vec<Part>,
    /// Messages taken from the reference locale because this locale lacks them.
    pub fallbacks: Vec<String>,
    /// Proper names (the addressees', the organisations'), which renderers do not hyphenate.
    pub names: Vec<String>,
    /// The web page's labels in this language, when the manifest has `[web]`.
    pub web: Option<WebLabels>,
    /// The words around the address list for writers that set it as a table (the DOCX).
    pub address_table: AddressTable,
}

/// The address table's header row and description, when `[contacts]` names their messages;
/// plain text (no bidi controls).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddressTable {
    /// The column headings: who (name and position), how to reach them.
    pub columns: Option<[String; 2]>,
    /// What the table holds, in one sentence.
    pub description: Option<String>,
}

/// The words of the web page's one-click actions, plain text (no bidi controls).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WebLabels {
    pub act_now: String,
    pub send_letter: String,
    pub post_on_x: String,
    pub copy_letter: String,
    pub read_online: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    pub title: String,
    pub subtitle: Option<String>,
    pub subject: Option<String>,
    pub author: Option<String>,
}

/// What identifies an urgent appeal at a glance, above its title: who issues it, what it is,
/// its reference (the alert's dates join it when the manifest gives them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    /// "Urgent appeal", when the manifest names what the pack is.
    pub kind: Option<Para>,
    /// The issuing organisation (the pack's author).
    pub organisation: Option<Para>,
    /// "Reference: ru-amnesty-undesirable-2025", or the bare id.
    pub reference: Para,
    /// The labelled lines of the alert's dates ("Issued: 19 May 2025", "Act before: …").
    pub dates: Vec<Para>,
}

impl Band {
    /// Its lines in reading order.
    pub fn paras(&self) -> Vec<&Para> {
        self.kind
            .iter()
            .chain(&self.organisation)
            .chain(std::iter::once(&self.reference))
            .chain(&self.dates)
            .collect()
    }
}

/// A date of the alert, in the locale's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertDate {
    /// ISO 8601, `2025-05-19`.
    pub iso: String,
    /// As the locale writes it in running text ("19 May 2025", "19 мая 2025 г."), from the
    /// manifest's date message; no isolation marks.
    pub text: String,
    /// The message that wrote `text`, for diagnostics.
    pub source: String,
    /// The labelled line ("Issued: 19 May 2025"), when the manifest names a message for it.
    pub line: Option<Para>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FooterPiece {
    Text(String),
    Page,
    Pages,
}

/// A section of the alert, or one model letter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    /// Whether the reference locale must reproduce this part of the canonical text.
    pub canonical: bool,
    pub new_page: bool,
    /// A small line above the heading.
    pub kicker: Option<Para>,
    pub heading: Option<Para>,
    /// The part's entry in the PDF outline and the DOCX navigation when it has no heading
    /// ("Model letter 2 of 5: Mr. Sergey Lavrov"); never printed.
    pub outline: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Section,
    Letter,
}

/// A block-level element; each says what it is, and renderers decide how it looks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    Paragraph(Para),
    /// A bulleted list.
    List(Vec<Para>),
    /// The list of addresses: one entry per addressee, with links.
    Addresses(Vec<Para>),
    /// The sender's block of a letter: the labels of the lines the sender fills in.
    Sender(Vec<Para>),
    /// The label of a letter's date line, written in by the sender.
    Date(Para),
    /// The inside address of a letter.
    Recipient(Recipient),
    Subject(Para),
    Salutation(Para),
    Closing(Para),
    /// Labels of the places the sender fills in, each printed with a line to write on.
    Signature(Vec<Para>),
    /// A suggested social-media post.
    Post {
        heading: Para,
        text: Para,
    },
}

/// Whom a letter goes to, in parts, so a renderer can lay out an inside address: name, role,
/// each line of the postal address, then the other channels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    /// The addressee's name.
    pub name: Para,
    /// Their position, or the country of a mission.
    pub role: Para,
    /// The postal address, one line each as the manifest gives them; empty without one.
    pub postal: Vec<Para>,
    /// Every other channel (e-mail, fax, telephone, web, X), labelled and linked as in the
    /// address list, in the manifest's order.
    pub channels: Vec<Para>,
    /// The block's first lines in the locale's own wording (the optional `.recipient`
    /// attribute, e.g. the dative in Russian), standing for the name and role; empty without.
    pub wording: Vec<Para>,
}

impl Recipient {
    /// The inside address, line by line: the locale's wording, or the name and role; then the
    /// postal lines, then the other channels.
    pub fn lines(&self) -> Vec<&Para> {
        let head: Vec<&Para> = if self.wording.is_empty() {
            vec![&self.name, &self.role]
        } else {
            self.wording.iter().collect()
        };
        head.into_iter()
            .chain(&self.postal)
            .chain(&self.channels)
            .collect()
    }
}

/// A run of inline text that came from one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Para {
    /// The message it came from (`id` or `id.attribute`), for diagnostics.
    pub source: String,
    pub inlines: Vec<Inline>,
}

/// Text with one style. Text keeps Fluent's bidi isolation marks (U+2066–U+2069): renderers
/// use them to order mixed-direction text and never draw them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inline {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
    /// `mailto:`, `https:` or `tel:` target; no other scheme is ever linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            strong: false,
            emphasis: false,
            link: None,
        }
    }
}

impl Para {
    pub fn plain(source: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            inlines: vec![Inline::plain(text)],
        }
    }

    /// The text as a reader sees it (and as a PDF gives it back): bidi controls removed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for inline in &self.inlines {
            out.extend(inline.text.chars().filter(|c| !is_bidi_control(*c)));
        }
        out
    }

    /// The text with isolation marks kept, for bidi processing.
    pub fn logical_text(&self) -> String {
        self.inlines.iter().map(|i| i.text.as_str()).collect()
    }
}

/// Whether `target` may become a link in a document: a `mailto:`, `https:` or `tel:` URI
/// (scheme in any case) with no space or control character. The model only makes such links;
/// renderers check again, so a pack built by other code cannot put a `javascript:` or `file:`
/// link into a PDF or DOCX.
pub(crate) fn is_safe_link(target: &str) -> bool {
    let Some((scheme, rest)) = target.split_once(':') else {
        return false;
    };
    ["mailto", "https", "tel"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
        && !rest.is_empty()
        && !target.chars().any(|c| c.is_whitespace() || c.is_control())
}

// Where renderers have always found them; the one definition is in `chars`.
pub(crate) use crate::chars::{is_bidi_control, is_isolation_mark};

impl Block {
    /// Every paragraph of the block, in reading order.
    pub fn paras(&self) -> Vec<&Para> {
        match self {
            Block::Paragraph(p)
            | Block::Subject(p)
            | Block::Salutation(p)
            | Block::Closing(p)
            | Block::Date(p) => {
                vec![p]
            }
            Block::List(items)
            | Block::Addresses(items)
            | Block::Sender(items)
            | Block::Signature(items) => items.iter().collect(),
            Block::Recipient(recipient) => recipient.lines(),
            Block::Post { heading, text } => vec![heading, text],
        }
    }
}

impl AppealPack {
    /// Every paragraph of the pack in reading order, the band and headings included (the
    /// alert's date lines are in the band; without one, they come first, unprinted).
    pub fn paras(&self) -> impl Iterator<Item = &Para> {
        let band = self.band.iter().flat_map(Band::paras);
        let dates = [&self.issued, &self.act_before]
            .into_iter()
            .filter(|_| self.band.is_none())
            .flat_map(|d| d.iter().flat_map(|d| d.line.iter()));
        band.chain(dates).chain(self.parts.iter().flat_map(|part| {
            part.kicker
                .iter()
                .chain(part.heading.iter())
                .chain(part.blocks.iter().flat_map(Block::paras))
        }))
    }

    pub fn letters(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.kind == PartKind::Letter)
    }

    /// The footer for one page, e.g. "Page 2 of 9".
    pub fn footer_text(&self, page: usize, pages: usize) -> String {
        self.footer
            .iter()
            .map(|piece| match piece {
                FooterPiece::Text(text) => text.chars().filter(|c| !is_bidi_control(*c)).collect(),
                FooterPiece::Page => self.numbers.format(page),
                FooterPiece::Pages => self.numbers.format(pages),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_link;

    #[test]
    fn only_mailto_https_and_tel_are_safe_links() {
        for safe in [
            "mailto:a@b.org",
            "https://x.com/a",
            "tel:+41-22",
            "HTTPS://x.org",
        ] {
            assert!(is_safe_link(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>",
            "http://x.org",
            "file:///etc/passwd",
            "https:",
            "https://x.org/a b",
            "https://x.org/\u{0}",
            "//x.org",
            "x.org",
        ] {
            assert!(!is_safe_link(unsafe_), "{unsafe_}");
        }
    }
}
