//! Composition: the pack's parts and blocks become styled, set lines in a vertical list.

use std::cell::RefCell;
use std::collections::HashMap;

use super::document::{Link, Rect, Rgb, Role, Shape, StructElem};
use super::fontset::FontSet;
use super::hyphenate::Hyphenation;
use super::paginate::{BreakRule, Content, Elem};
use super::paragraph::{self, SetLine, Setting};
use super::shaping::{self, Origin, Span, StyledText};
use super::style::{self, Geometry, TextStyle};
use crate::fonts::FaceStyle;
use crate::model::{AppealPack, Block, Direction, Para, Part, PartKind};
use crate::render::RenderError;

/// Word spaces wider than this many times their natural width make a loose line, which a
/// letter's tightening avoids when it can (the river test's bound is 2.25).
const LOOSE: f32 = 2.2;

/// How a paragraph sits in the measure.
#[derive(Debug, Clone, Copy)]
struct Placement {
    justify: bool,
    /// Indent on the start side (left in left-to-right text, right in right-to-left).
    indent: f32,
    /// Whether the paragraph may be split across pages only reluctantly.
    reluctant: bool,
    bullet: bool,
}

impl Placement {
    const BODY: Placement = Placement {
        justify: true,
        indent: 0.0,
        reluctant: false,
        bullet: false,
    };
    const RAGGED: Placement = Placement {
        justify: false,
        indent: 0.0,
        reluctant: false,
        bullet: false,
    };
}

pub(super) struct Composer<'f, 'p> {
    fonts: &'f FontSet<'f>,
    pack: &'p AppealPack,
    geometry: Geometry,
    hyphenation: Hyphenation,
    rtl: bool,
    /// Leading multiplier of the pack's main family.
    leading: f32,
    pub elems: Vec<Elem>,
    /// The next element must stay on the page of the previous one (after headings).
    keep_next: bool,
    /// The next element starts a new page.
    new_page: bool,
    /// An outline entry for the next element.
    bookmark: Option<(String, u8)>,
    /// Vertical tightening (1.0 = none) for a letter that would not fit on one page.
    squeeze: f32,
    /// Type size scale (1.0 = none), the last resort of a letter that would not fit.
    scale: f32,
    /// Paragraphs pushed so far (numbers the lines' paragraphs).
    paragraphs: usize,
    /// The structure tree so far, in reading order (element 0 is the document).
    structure: Vec<StructElem>,
    /// The element new paragraphs go into.
    container: usize,
    /// The structure type of the next paragraph (back to `P` once it is opened).
    role: Role,
    /// The element of the paragraph being set.
    leaf: usize,
    /// Paragraphs already set, by text, style and measure.
    cache: RefCell<HashMap<CacheKey, Vec<SetLine>>>,
    /// Messages with a word broken anywhere, as a last resort (see `paragraph::set`).
    forced: RefCell<std::collections::BTreeSet<String>>,
}

/// What a paragraph's lines depend on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    text: String,
    spans: Vec<(std::ops::Range<usize>, FaceStyle, Option<String>)>,
    size: u32,
    width: u32,
    justify: bool,
    color: [u32; 3],
}

impl<'f, 'p> Composer<'f, 'p> {
    pub(super) fn new(fonts: &'f FontSet<'f>, pack: &'p AppealPack, geometry: Geometry) -> Self {
        Self {
            fonts,
            pack,
            geometry,
            hyphenation: Hyphenation::for_locale(&pack.locale)
                .with_names(pack.names.iter().map(String::as_str)),
            rtl: pack.direction == Direction::Rtl,
            leading: pack.fonts.first().map_or(1.0, |f| style::leading_adjust(f)),
            elems: Vec::new(),
            keep_next: false,
            new_page: false,
            bookmark: None,
            squeeze: 1.0,
            scale: 1.0,
            paragraphs: 0,
            structure: vec![StructElem {
                role: Role::Document,
                parent: None,
                title: None,
            }],
            container: 0,
            role: Role::P,
            leaf: 0,
            cache: RefCell::new(HashMap::new()),
            forced: RefCell::default(),
        }
    }

    /// The elements of every page, the structure tree their text is tagged with, and the
    /// messages with a word broken anywhere.
    pub(super) fn compose(mut self) -> Result<Composed, RenderError> {
        let pack = self.pack;
        self.title()?;
        for part in &pack.parts {
            if part.kind == PartKind::Letter {
                self.letter(part)?;
            } else {
                self.part(part)?;
            }
        }
        Ok(Composed {
            elems: self.elems,
            structure: self.structure,
            forced: self.forced.into_inner().into_iter().collect(),
        })
    }

    fn title(&mut self) -> Result<(), RenderError> {
        let meta = &self.pack.meta;
        if let Some(band) = &self.pack.band {
            self.band(band)?;
        }
        let title = StyledText::plain(&meta.title, FaceStyle::Bold);
        // The alert section has no heading: the title stands for it in the outline.
        self.bookmark = Some((meta.title.clone(), 0));
        self.role = Role::H1;
        self.styled(&title, "pack-title", style::TITLE, Placement::RAGGED, 0.0)?;
        if let Some(subtitle) = &meta.subtitle {
            let subtitle = StyledText::plain(subtitle, FaceStyle::Regular);
            self.styled(
                &subtitle,
                "pack-subtitle",
                style::SUBTITLE,
                Placement::RAGGED,
                3.0,
            )?;
        }
        self.rule(10.0, 8.0, style::ACCENT, 1.2);
        Ok(())
    }

    /// A letter is meant to be one sheet: when it runs longer than a page, it is set again
    /// with tighter leading and spacing (down to 86 %) before it is allowed to flow over.
    fn letter(&mut self, part: &Part) -> Result<(), RenderError> {
        let start = self.elems.len();
        let state = (
            self.keep_next,
            self.new_page,
            self.bookmark.clone(),
            self.paragraphs,
            self.structure.len(),
        );
        let page = self.geometry.text_bottom() - self.geometry.top;
        // Leading and spacing first; type a little smaller (10.5 pt to 10 pt, then 9.7 pt) only
        // when that is not enough: a letter on two sheets is worse than a smaller one. A size
        // whose lines come out loose (another size breaks long words elsewhere) is passed over
        // for the next, and used only if none fits better.
        const STEPS: [(f32, f32); 6] = [
            (1.0, 1.0),
            (0.93, 1.0),
            (0.86, 1.0),
            (0.86, 0.95),
            (0.86, 0.96),
            (0.84, 0.92),
        ];
        let mut fallback = None;
        let mut chosen = STEPS.len() - 1;
        // The step whose setting `self.elems` holds, and the loosest that overflowed: a step
        // no tighter than one that overflowed would overflow too, so it is not set at all.
        let mut last_set = None;
        let mut overflowed: Option<(f32, f32)> = None;
        for (step, &(squeeze, scale)) in STEPS.iter().enumerate() {
            if overflowed.is_some_and(|(s, c)| squeeze >= s && scale >= c) {
                continue;
            }
            self.set_letter(part, start, &state, squeeze, scale)?;
            last_set = Some(step);
            let elems = &self.elems[start..];
            let height: f32 = elems
                .iter()
                .enumerate()
                .map(|(i, e)| e.height + if i > 0 { e.space_before } else { 0.0 })
                .sum();
            if height > page {
                overflowed = Some((squeeze, scale));
                continue;
            }
            let loose = elems
                .iter()
                .flat_map(|e| &e.content.lines)
                .any(|l| l.justified && l.space_ratio() > LOOSE);
            if !loose {
                chosen = step;
                fallback = None;
                break;
            }
            fallback.get_or_insert(step);
        }
        let step = fallback.unwrap_or(chosen);
        if last_set != Some(step) {
            let (squeeze, scale) = STEPS[step];
            self.set_letter(part, start, &state, squeeze, scale)?;
        }
        self.squeeze = 1.0;
        self.scale = 1.0;
        Ok(())
    }

    /// Sets a letter again from `start` at one step of tightening.
    fn set_letter(
        &mut self,
        part: &Part,
        start: usize,
        state: &(bool, bool, Option<(String, u8)>, usize, usize),
        squeeze: f32,
        scale: f32,
    ) -> Result<(), RenderError> {
        self.squeeze = squeeze;
        self.scale = scale;
        self.elems.truncate(start);
        let elements;
        (
            self.keep_next,
            self.new_page,
            self.bookmark,
            self.paragraphs,
            elements,
        ) = state.clone();
        self.structure.truncate(elements);
        self.part(part)
    }

    fn part(&mut self, part: &Part) -> Result<(), RenderError> {
        if part.new_page {
            self.new_page = true;
        }
        self.container = 0;
        match part.kind {
            PartKind::Section => {
                if let Some(heading) = &part.heading {
                    self.bookmark = Some((heading.text(), 0));
                    self.role = Role::H2;
                    self.para(
                        heading,
                        style::HEADING,
                        Placement::RAGGED,
                        style::HEADING_ABOVE,
                    )?;
                    self.keep_next = true;
                }
            }
            PartKind::Letter => {
                // Nothing on a letter's page but the letter: its name and number ("Model
                // letter 2 of 5") are in the outline only.
                let title = part
                    .outline
                    .clone()
                    .or_else(|| part.heading.as_ref().map(Para::text))
                    .unwrap_or_default();
                // A letter has no printed heading: its section carries the outline's title,
                // which a screen reader announces in its place.
                self.container = self.open(Role::Sect, 0);
                self.structure[self.container].title = Some(title.clone());
                self.bookmark = Some((title, 1));
                if let Some(heading) = &part.heading {
                    self.role = Role::H2;
                    self.para(heading, style::HEADING, Placement::RAGGED, 0.0)?;
                    self.keep_next = true;
                }
            }
        }
        let mut first = true;
        for block in &part.blocks {
            self.block(block, first)?;
            first = false;
        }
        Ok(())
    }

    fn block(&mut self, block: &Block, first: bool) -> Result<(), RenderError> {
        let gap = if first {
            style::HEADING_BELOW
        } else {
            style::PARAGRAPH_GAP
        };
        match block {
            Block::Paragraph(p) => self.para(p, style::BODY, Placement::BODY, gap),
            Block::List(items) => self.list(items, true, gap),
            Block::Addresses(items) => self.addresses(items, gap),
            Block::Sender(fields) => {
                // The last label is the address: it gets a second line.
                let mut rows: Vec<Option<&Para>> = fields.iter().map(Some).collect();
                if !rows.is_empty() {
                    rows.push(None);
                }
                self.form(&rows, if first { 0.0 } else { gap })
            }
            Block::Date(label) => self.form(&[Some(label)], style::DATE_GAP),
            Block::Recipient(recipient) => {
                // The inside address, in body type, one line each, kept together.
                for (i, line) in recipient.lines().into_iter().enumerate() {
                    self.para(
                        line,
                        style::BODY,
                        Placement::RAGGED,
                        if i == 0 { style::RECIPIENT_GAP } else { 0.0 },
                    )?;
                    self.keep_next = true;
                }
                self.keep_next = false;
                Ok(())
            }
            Block::Subject(p) => {
                let subject = TextStyle {
                    bold: true,
                    ..style::BODY
                };
                self.para(p, subject, Placement::RAGGED, style::SUBJECT_GAP)?;
                self.keep_next = true;
                Ok(())
            }
            Block::Salutation(p) => {
                self.para(p, style::BODY, Placement::RAGGED, 12.0)?;
                self.keep_next = true;
                Ok(())
            }
            Block::Closing(p) => {
                self.para(p, style::BODY, Placement::RAGGED, 12.0)?;
                self.keep_next = true;
                Ok(())
            }
            Block::Signature(fields) => self.signature(fields),
            Block::Post { heading, text } => self.post(heading, text),
        }
    }

    /// Bulleted items with a hanging indent; `justify` for running text, ragged for addresses.
    fn list(&mut self, items: &[Para], justify: bool, gap: f32) -> Result<(), RenderError> {
        let container = self.container;
        let list = self.open(Role::L, container);
        for (i, item) in items.iter().enumerate() {
            // Each item's text is its body; the bullet, a drawn shape, is an artifact.
            self.container = self.open(Role::LI, list);
            self.role = Role::LBody;
            let placement = Placement {
                justify,
                indent: style::LIST_INDENT,
                reluctant: true,
                bullet: true,
            };
            self.para(
                item,
                style::BODY,
                placement,
                if i == 0 { gap } else { style::LIST_ITEM_GAP },
            )?;
        }
        self.container = container;
        Ok(())
    }

    /// The list of addresses, kept on one page: every entry after the first may not begin a
    /// page (the paginator still breaks it when it is longer than a page).
    fn addresses(&mut self, items: &[Para], gap: f32) -> Result<(), RenderError> {
        let start = self.elems.len();
        self.list(items, false, gap)?;
        for elem in &mut self.elems[start + 1..] {
            elem.break_before = elem.break_before.max(BreakRule::Never);
        }
        Ok(())
    }

    /// Rows of a form at the end side of the measure, each a label and a line to write on
    /// running to the end of the column; `None` is a line with no label (an address's second
    /// line). Kept together.
    fn form(&mut self, rows: &[Option<&Para>], gap: f32) -> Result<(), RenderError> {
        let label = self.adjust(style::LABEL);
        let width = style::FORM_WIDTH.min(self.geometry.measure());
        let offset = self.geometry.measure() - width;
        let (x0, x1) = self.start_span(offset, width);
        for (i, row) in rows.iter().enumerate() {
            let mut content = Content::default();
            // The baseline of the label and the line, near the foot of the row.
            let baseline = style::FORM_ROW * self.squeeze - 4.0;
            let mut label_width = 0.0;
            if let Some(field) = row {
                let paragraph = self.next_paragraph();
                if let Some(line) = self
                    .set(field, label, Placement::RAGGED, width)?
                    .into_iter()
                    .next()
                {
                    label_width = line.info.x.end - line.info.x.start + style::FORM_LABEL_GAP;
                    let end = self.geometry.measure() - offset - width;
                    content.append(self.line_content(line, paragraph, offset, end), baseline);
                }
            }
            let (from, to) = if self.rtl {
                (x0, x1 - label_width)
            } else {
                (x0 + label_width, x1)
            };
            content.shapes.push(Shape::Line {
                from: (from, baseline + 1.5),
                to: (to, baseline + 1.5),
                width: 0.6,
                color: style::RULE,
            });
            self.push(Elem {
                height: style::FORM_ROW * self.squeeze,
                space_before: if i == 0 { gap } else { 0.0 },
                break_before: if i == 0 {
                    BreakRule::Allowed
                } else {
                    BreakRule::Never
                },
                content,
                bookmark: None,
            });
        }
        Ok(())
    }

    /// The band at the top of page 1: what the pack is and who issues it on the start side,
    /// its reference (and dates) on the end side, row by row on a tint.
    fn band(&mut self, band: &crate::model::Band) -> Result<(), RenderError> {
        let pad = style::BAND_PADDING;
        let inner = self.geometry.measure() - 2.0 * pad;
        let start_lines: Vec<(&Para, TextStyle)> =
            (band.kind.iter().map(|k| (k, style::BAND_KIND)))
                .chain(band.organisation.iter().map(|o| (o, style::BAND)))
                .collect();
        let end_lines: Vec<&Para> = std::iter::once(&band.reference)
            .chain(&band.dates)
            .collect();
        // The end column is as wide as its widest line, flush with the end edge.
        let mut end_width: f32 = 0.0;
        for para in &end_lines {
            for line in self.set(para, style::BAND, Placement::RAGGED, inner * 0.45)? {
                end_width = end_width.max(line.info.x.end - line.info.x.start);
            }
        }
        let end_width = (end_width + 1.0).min(inner * 0.45);
        let start_width = inner - end_width - 12.0;
        let row = style::BAND.leading;
        let mut content = Content::default();
        // Each column drawn whole, the start column first, its lines from the top: text is
        // extracted in drawing order, so it reads back in the band's logical order.
        let mut rows = [0usize; 2];
        for (column, lines) in [
            start_lines,
            end_lines.iter().map(|p| (*p, style::BAND)).collect(),
        ]
        .into_iter()
        .enumerate()
        {
            let (offset, width) = if column == 0 {
                (pad, start_width)
            } else {
                (self.geometry.measure() - pad - end_width, end_width)
            };
            let end = self.geometry.measure() - offset - width;
            for (para, text_style) in lines {
                let paragraph = self.next_paragraph();
                for line in self.set(para, text_style, Placement::RAGGED, width)? {
                    rows[column] += 1;
                    let baseline = pad + row * rows[column] as f32 - 4.0;
                    content.append(self.line_content(line, paragraph, offset, end), baseline);
                }
            }
        }
        let y = pad + row * rows[0].max(rows[1]) as f32;
        let height = y + pad;
        content.shapes.insert(
            0,
            Shape::Rect {
                rect: Rect {
                    x: self.geometry.left,
                    y: 0.0,
                    width: self.geometry.measure(),
                    height,
                },
                fill: style::TINT,
            },
        );
        self.push(Elem {
            height: height + 14.0,
            space_before: 0.0,
            break_before: BreakRule::Allowed,
            content,
            bookmark: None,
        });
        Ok(())
    }

    /// A text style with the pack's leading.
    fn adjust(&self, text_style: TextStyle) -> TextStyle {
        TextStyle {
            size: text_style.size * self.scale,
            leading: text_style.leading * self.leading * self.squeeze * self.scale,
            ..text_style
        }
    }

    /// The places the sender fills in: side by side, each a line to write on with its label
    /// under it, kept with the closing above.
    fn signature(&mut self, fields: &[Para]) -> Result<(), RenderError> {
        let label = self.adjust(style::LABEL);
        let columns = fields.len().clamp(1, 3);
        let gap = style::SIGNATURE_COLUMN_GAP;
        let width = (self.geometry.measure() - gap * (columns - 1) as f32) / columns as f32;
        for (row, chunk) in fields.chunks(columns).enumerate() {
            let mut content = Content::default();
            let rule_y = style::SIGNATURE_GAP;
            let mut height: f32 = 0.0;
            for (i, field) in chunk.iter().enumerate() {
                let offset = i as f32 * (width + gap);
                let (x0, x1) = self.start_span(offset, width);
                content.shapes.push(Shape::Line {
                    from: (x0, rule_y),
                    to: (x1, rule_y),
                    width: 0.6,
                    color: style::RULE,
                });
                let mut y = rule_y + 2.0;
                let paragraph = self.next_paragraph();
                for line in self.set(field, label, Placement::RAGGED, width)? {
                    let baseline = y + baseline_offset(&label);
                    let (start, end) = (offset, self.geometry.measure() - offset - width);
                    content.append(self.line_content(line, paragraph, start, end), baseline);
                    y += label.leading;
                }
                height = height.max(y);
            }
            let rule = if row == 0 {
                BreakRule::Never
            } else {
                BreakRule::Avoid
            };
            self.push(Elem {
                height,
                space_before: 2.0,
                break_before: rule,
                content,
                bookmark: None,
            });
        }
        Ok(())
    }

    /// The suggested post: a tinted box, never split.
    fn post(&mut self, heading: &Para, text: &Para) -> Result<(), RenderError> {
        let pad = style::POST_PADDING;
        let inner = self.geometry.measure() - 2.0 * pad;
        let mut content = Content::default();
        let mut y = pad;
        for (para, text_style) in [
            (heading, self.adjust(style::POST_HEADING)),
            (text, self.adjust(style::POST)),
        ] {
            if para.text().trim().is_empty() {
                continue;
            }
            let paragraph = self.next_paragraph();
            for line in self.set(para, text_style, Placement::RAGGED, inner)? {
                let baseline = y + baseline_offset(&text_style);
                content.append(self.line_content(line, paragraph, pad, 0.0), baseline);
                y += text_style.leading;
            }
            y += 3.0;
        }
        let height = y - 3.0 + pad;
        let rect = Rect {
            x: self.geometry.left,
            y: 0.0,
            width: self.geometry.measure(),
            height,
        };
        content.shapes.insert(
            0,
            Shape::Rect {
                rect,
                fill: style::TINT,
            },
        );
        self.push(Elem {
            height,
            space_before: style::POST_GAP,
            break_before: BreakRule::Allowed,
            content,
            bookmark: None,
        });
        Ok(())
    }

    /// A horizontal rule across the measure.
    fn rule(&mut self, above: f32, below: f32, color: Rgb, width: f32) {
        let mut content = Content::default();
        let (x0, x1) = (
            self.geometry.left,
            self.geometry.left + self.geometry.measure(),
        );
        content.shapes.push(Shape::Line {
            from: (x0, above),
            to: (x1, above),
            width,
            color,
        });
        self.push(Elem {
            height: above + below,
            space_before: 0.0,
            break_before: BreakRule::Never,
            content,
            bookmark: None,
        });
    }

    fn para(
        &mut self,
        para: &Para,
        text_style: TextStyle,
        placement: Placement,
        gap: f32,
    ) -> Result<(), RenderError> {
        let styled = StyledText::from_para(para, &text_style);
        self.styled(&styled, &para.source, text_style, placement, gap)
    }

    fn set(
        &self,
        para: &Para,
        text_style: TextStyle,
        placement: Placement,
        width: f32,
    ) -> Result<Vec<SetLine>, RenderError> {
        let styled = StyledText::from_para(para, &text_style);
        self.set_styled(&styled, &para.source, text_style, placement, width)
    }

    fn set_styled(
        &self,
        styled: &StyledText,
        source: &str,
        text_style: TextStyle,
        placement: Placement,
        width: f32,
    ) -> Result<Vec<SetLine>, RenderError> {
        // The letters repeat the same paragraphs (the demands, the body) for each addressee.
        let key = CacheKey {
            text: styled.text.clone(),
            spans: styled
                .spans
                .iter()
                .map(|s| (s.range.clone(), s.style, s.link.clone()))
                .collect(),
            size: text_style.size.to_bits(),
            width: width.to_bits(),
            justify: placement.justify,
            color: [text_style.color.0, text_style.color.1, text_style.color.2].map(f32::to_bits),
        };
        if let Some(lines) = self.cache.borrow().get(&key) {
            return Ok(lines.clone());
        }
        let origin = Origin {
            locale: &self.pack.locale,
            message: source,
        };
        let shaped = shaping::shape(self.fonts, styled, text_style.size, self.rtl, origin)?;
        let setting = Setting {
            width,
            justify: placement.justify,
            center: false,
            hyphenate: (placement.justify && self.hyphenation.enabled())
                .then(|| self.hyphenation.clone()),
            rtl: self.rtl,
            color: text_style.color,
            link_color: style::LINK,
        };
        let lines = paragraph::set(self.fonts, &shaped, &setting);
        if lines.iter().any(|l| l.forced) {
            self.forced.borrow_mut().insert(source.to_owned());
        }
        self.cache.borrow_mut().insert(key, lines.clone());
        Ok(lines)
    }

    /// Sets a paragraph and pushes one element per line, with orphan and widow control.
    fn styled(
        &mut self,
        styled: &StyledText,
        source: &str,
        text_style: TextStyle,
        placement: Placement,
        gap: f32,
    ) -> Result<(), RenderError> {
        let text_style = self.adjust(text_style);
        let width = self.geometry.measure() - placement.indent;
        let lines = self.set_styled(styled, source, text_style, placement, width)?;
        let count = lines.len();
        let paragraph = self.next_paragraph();
        let mut after_hyphen = false;
        for (k, line) in lines.into_iter().enumerate() {
            let hyphenated = line.hyphenated;
            let baseline = baseline_offset(&text_style);
            let mut content = Content::default();
            if k == 0 && placement.bullet {
                let (x0, _) = self.start_span(0.0, style::LIST_INDENT);
                let cx = if self.rtl {
                    x0 + style::LIST_INDENT - 6.0
                } else {
                    x0 + 6.0
                };
                let center = (cx, baseline - text_style.size * 0.3);
                content.shapes.push(Shape::Disc {
                    center,
                    radius: style::BULLET_RADIUS,
                    fill: style::ACCENT,
                });
            }
            let (start_indent, end_indent) = (placement.indent, 0.0);
            content.append(
                self.line_content(line, paragraph, start_indent, end_indent),
                baseline,
            );
            let inside = if placement.reluctant {
                BreakRule::Avoid
            } else {
                BreakRule::Allowed
            };
            let rule = if k == 0 {
                BreakRule::Allowed
            } else if k == 1 || k + 1 == count {
                // No single first line at the foot of a page, no single last line at the top.
                BreakRule::Never
            } else if after_hyphen {
                // A word is not split across pages where that can be avoided.
                inside.max(BreakRule::Avoid)
            } else {
                inside
            };
            after_hyphen = hyphenated;
            self.push(Elem {
                height: text_style.leading,
                space_before: if k == 0 { gap } else { 0.0 },
                break_before: rule,
                content,
                bookmark: None,
            });
        }
        Ok(())
    }

    /// The x range, on the page, of `width` points starting `offset` from the start edge.
    fn start_span(&self, offset: f32, width: f32) -> (f32, f32) {
        let g = &self.geometry;
        if self.rtl {
            let right = g.left + g.measure() - offset;
            (right - width, right)
        } else {
            (g.left + offset, g.left + offset + width)
        }
    }

    /// A number for the next paragraph, in reading order; its structure element is opened.
    fn next_paragraph(&mut self) -> usize {
        let role = std::mem::replace(&mut self.role, Role::P);
        self.leaf = self.open(role, self.container);
        self.paragraphs += 1;
        self.paragraphs - 1
    }

    /// A new structure element in `parent`.
    fn open(&mut self, role: Role, parent: usize) -> usize {
        self.structure.push(StructElem {
            role,
            parent: Some(parent),
            title: None,
        });
        self.structure.len() - 1
    }

    /// A set line's content at its place in the measure (baseline at y = 0), tagged with the
    /// current paragraph's element; each link's text and annotation get a `Link` element in it.
    fn line_content(
        &mut self,
        line: SetLine,
        paragraph: usize,
        start_indent: f32,
        end_indent: f32,
    ) -> Content {
        let g = &self.geometry;
        let left = g.left + if self.rtl { end_indent } else { start_indent };
        let mut content = Content {
            text: line.text,
            ..Content::default()
        };
        let leaf = self.leaf;
        let links: Vec<(std::ops::Range<f32>, String, usize)> = line
            .links
            .into_iter()
            .map(|(range, uri)| (range, uri, self.open(Role::Link, leaf)))
            .collect();
        for mut run in line.runs {
            // Runs are split where links start and end (they differ in colour).
            let x = run
                .glyphs
                .first()
                .map_or(f32::NAN, |g| g.x + g.advance / 2.0);
            run.tag = Some(
                links
                    .iter()
                    .find(|(range, _, _)| range.contains(&x))
                    .map_or(leaf, |link| link.2),
            );
            for glyph in &mut run.glyphs {
                glyph.x += left;
            }
            content.runs.push(run);
        }
        let size = line.info.font_size;
        for (range, uri, tag) in links {
            let rect = Rect {
                x: left + range.start,
                y: -size * 0.95,
                width: range.end - range.start,
                height: size * 1.25,
            };
            content.links.push(Link {
                rect,
                uri,
                tag: Some(tag),
            });
        }
        let mut info = line.info;
        info.paragraph = paragraph;
        info.x = info.x.start + left..info.x.end + left;
        info.measure = info.measure.start + left..info.measure.end + left;
        content.lines.push(info);
        content
    }

    fn push(&mut self, mut elem: Elem) {
        elem.space_before *= self.squeeze;
        if self.new_page {
            elem.break_before = BreakRule::NewPage;
            self.new_page = false;
        } else if self.keep_next {
            elem.break_before = elem.break_before.max(BreakRule::Never);
        }
        self.keep_next = false;
        if elem.bookmark.is_none() {
            elem.bookmark = self.bookmark.take();
        }
        self.elems.push(elem);
    }
}

/// What composition gives pagination: the vertical list, the structure tree its text is tagged
/// with, and the messages with a word broken anywhere.
pub(super) struct Composed {
    pub elems: Vec<Elem>,
    pub structure: Vec<StructElem>,
    pub forced: Vec<String>,
}

/// Baseline of a line from the top of its line box: centred on the x-height.
pub(super) fn baseline_offset(text_style: &TextStyle) -> f32 {
    text_style.leading / 2.0 + text_style.size * 0.3
}

impl StyledText {
    pub(super) fn plain(text: &str, style: FaceStyle) -> Self {
        Self {
            text: text.to_owned(),
            spans: vec![Span {
                range: 0..text.len(),
                style,
                link: None,
            }],
        }
    }

    pub(super) fn from_para(para: &Para, base: &TextStyle) -> Self {
        let mut text = String::new();
        let mut spans = Vec::new();
        for inline in &para.inlines {
            let start = text.len();
            // A line break inside a message (Fluent's multiline text) is a space in running
            // text; the byte lengths stay, so spans are unaffected.
            text.extend(inline.text.chars().map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            }));
            spans.push(Span {
                range: start..text.len(),
                style: FaceStyle::new(base.bold || inline.strong, base.italic || inline.emphasis),
                link: inline
                    .link
                    .clone()
                    .filter(|l| crate::model::is_safe_link(l)),
            });
        }
        if spans.is_empty() {
            spans.push(Span {
                range: 0..0,
                style: FaceStyle::new(base.bold, base.italic),
                link: None,
            });
        }
        Self { text, spans }
    }
}

/// The running footer of one page ("Page 2 of 9" in the pack's words), centred, with its
/// baseline in absolute page coordinates.
pub(super) fn footer(
    fonts: &FontSet<'_>,
    pack: &AppealPack,
    geometry: &Geometry,
    page: usize,
    pages: usize,
) -> Result<Content, RenderError> {
    use crate::model::FooterPiece;
    let text: String = pack
        .footer
        .iter()
        .map(|piece| match piece {
            FooterPiece::Text(text) => text.clone(),
            FooterPiece::Page => page.to_string(),
            FooterPiece::Pages => pages.to_string(),
        })
        .collect();
    let styled = StyledText::plain(&text, FaceStyle::Regular);
    let rtl = pack.direction == Direction::Rtl;
    let origin = Origin {
        locale: &pack.locale,
        message: "footer",
    };
    let shaped = shaping::shape(fonts, &styled, style::FOOTER.size, rtl, origin)?;
    let setting = Setting {
        width: geometry.measure(),
        justify: false,
        center: true,
        hyphenate: None,
        rtl,
        color: style::FOOTER.color,
        link_color: style::LINK,
    };
    let mut content = Content::default();
    for line in paragraph::set(fonts, &shaped, &setting) {
        let mut part = Content {
            text: line.text,
            ..Content::default()
        };
        for mut run in line.runs {
            for glyph in &mut run.glyphs {
                glyph.x += geometry.left;
            }
            part.runs.push(run);
        }
        content.append(part, geometry.footer_baseline);
    }
    Ok(content)
}
