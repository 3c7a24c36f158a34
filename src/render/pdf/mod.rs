//! The PDF renderer: layout (shaping, bidi, line breaking, pagination) then serialisation.
//!
//! [`layout`] is pure typesetting and returns a [`LaidOutDocument`]; [`render`] writes it as
//! PDF with printpdf and finishes the file with lopdf.

mod archival;
mod compose;
mod content;
pub(crate) mod document;
mod fontset;
mod hyphenate;
mod kinsoku;
pub(crate) mod linebreak;
mod paginate;
mod paragraph;
mod postpass;
mod save;
mod shaping;
pub(crate) mod style;
mod subset;
mod tagging;
mod writer;

pub use document::{
    Bookmark, Glyph, GlyphRun, LaidOutDocument, LineBox, Link, Page, Rect, Rgb, Role, Shape,
    StructElem,
};
pub use style::Geometry;

use super::{RenderError, RenderOptions, Rendered};
use crate::fonts::FontLibrary;
use crate::model::AppealPack;
use paginate::Content;

/// Lays out `pack`: every page with its glyphs, shapes, links and lines; the outline.
pub fn layout(
    pack: &AppealPack,
    fonts: &FontLibrary,
    options: &RenderOptions,
) -> Result<LaidOutDocument, RenderError> {
    let fontset = fontset::FontSet::new(fonts, &pack.fonts, &pack.locale)?;
    let geometry = style::Geometry::new(options.paper);
    let composed = compose::Composer::new(&fontset, pack, geometry).compose()?;
    let (mut pages, bookmarks) = paginate::paginate(composed.elems, &geometry);
    let count = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        let footer = compose::footer(&fontset, pack, &geometry, index + 1, count)?;
        let mut content = Content {
            runs: std::mem::take(&mut page.runs),
            shapes: std::mem::take(&mut page.shapes),
            links: std::mem::take(&mut page.links),
            lines: std::mem::take(&mut page.lines),
            text: std::mem::take(&mut page.text),
        };
        content.append(footer, 0.0);
        *page = Page {
            runs: content.runs,
            shapes: content.shapes,
            links: content.links,
            lines: content.lines,
            text: content.text,
        };
    }
    Ok(LaidOutDocument {
        locale: pack.locale.clone(),
        direction: pack.direction,
        paper: options.paper,
        page_size: (geometry.width, geometry.height),
        fonts: fontset.faces.clone(),
        pages,
        bookmarks,
        structure: composed.structure,
        title: pack.meta.title.clone(),
        subject: pack.meta.subject.clone(),
        author: pack.meta.author.clone(),
        forced_breaks: composed.forced,
    })
}

/// Renders `pack` as a PDF file.
pub fn render(
    pack: &AppealPack,
    fonts: &FontLibrary,
    options: &RenderOptions,
) -> Result<Rendered, RenderError> {
    write(&layout(pack, fonts, options)?, options)
}

/// Writes a laid-out document as a PDF file: [`render`] without the layout, for callers that
/// also use the layout (the download page's preview of page 1).
pub fn write(document: &LaidOutDocument, options: &RenderOptions) -> Result<Rendered, RenderError> {
    let bytes = writer::write(document, options).map_err(|reason| RenderError::Failed {
        format: "pdf",
        locale: document.locale.clone(),
        reason,
    })?;
    Ok(Rendered {
        bytes,
        pages: Some(document.pages.len() as u32),
        forced_breaks: document.forced_breaks.clone(),
    })
}
