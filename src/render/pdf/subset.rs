//! Font subsetting with `subsetter`, and the per-glyph text for ToUnicode (first mapping wins).

use std::collections::BTreeMap;

use printpdf::{FontMetrics, FontType, ParsedFont, PdfFontMetricsStub};
use rustybuzz::ttf_parser;
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;

use super::document::LaidOutDocument;

/// One face of the document, subset and ready for printpdf.
#[derive(Debug)]
pub(super) struct EmbeddedFont {
    /// Resource name in the PDF (`/F1`): fixed, so output never depends on a global counter.
    pub resource: String,
    /// Original glyph id → glyph id in the subset.
    pub remap: BTreeMap<u16, u16>,
    /// Subset glyph id → the text it stands for (the first mapping met in reading order).
    pub to_unicode: BTreeMap<u16, String>,
    /// Subset glyph id → advance in 1/1000 em, exactly as printpdf writes it into `/W`.
    pub widths: BTreeMap<u16, i64>,
    /// By original glyph id, its code in the content stream and its `/W` width (a table: it
    /// is read for every glyph drawn). The code is the subset glyph id, or for a CID-keyed
    /// CFF font the CID its charset gives it, as printpdf keys `/W` and ToUnicode.
    codes: Vec<(u16, i64)>,
    /// By original glyph id, its subset glyph id; by subset glyph id, its ToUnicode text
    /// (subset ids run from 0 without gaps): tables for the same reason.
    subset_ids: Vec<u16>,
    texts: Vec<String>,
    /// The subset for printpdf (taken when the document is assembled).
    pub font: Option<ParsedFont>,
}

/// Subsets every face the document uses. Faces no glyph refers to are `None`.
pub(super) fn embed_fonts(document: &LaidOutDocument) -> Result<Vec<Option<EmbeddedFont>>, String> {
    // By glyph id, the glyphs drawn with the first text met for each (empty if none yet): a
    // table rather than a map, since every glyph drawn passes here.
    let mut used: Vec<Vec<Option<&str>>> = vec![Vec::new(); document.fonts.len()];
    for page in &document.pages {
        for run in &page.runs {
            let Some(table) = used.get_mut(run.font) else {
                continue;
            };
            for glyph in &run.glyphs {
                let id = usize::from(glyph.id);
                if table.len() <= id {
                    table.resize(id + 1, None);
                }
                let entry = &mut table[id];
                if entry.is_none_or(str::is_empty) {
                    *entry = Some(page.text.get(glyph.text.clone()).unwrap_or_default());
                }
            }
        }
    }
    let mut out = Vec::with_capacity(used.len());
    for (index, table) in used.into_iter().enumerate() {
        let glyphs: BTreeMap<u16, Option<String>> = table
            .into_iter()
            .enumerate()
            .filter_map(|(id, text)| {
                let text = text?;
                let id = u16::try_from(id).ok()?;
                Some((id, (!text.is_empty()).then(|| text.to_owned())))
            })
            .collect();
        if glyphs.is_empty() {
            out.push(None);
            continue;
        }
        let face = &document.fonts[index];
        let ids: Vec<u16> = glyphs.keys().copied().collect();
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&ids);
        let bytes = subsetter::subset(&face.data, 0, &remapper)
            .map_err(|e| format!("cannot subset {}: {e}", face.path.display()))?;
        let parsed = ttf_parser::Face::parse(&face.data, 0)
            .map_err(|e| format!("{}: {e}", face.path.display()))?;
        let upm = parsed.units_per_em();
        let mut remap = BTreeMap::new();
        let mut to_unicode = BTreeMap::new();
        let mut advances = BTreeMap::new();
        let mut widths = BTreeMap::new();
        for (&old, text) in &glyphs {
            let new = remapper.get(old).ok_or("subset lost a glyph")?;
            remap.insert(old, new);
            if let Some(text) = text {
                to_unicode.insert(new, text.clone());
            }
            let advance = parsed
                .glyph_hor_advance(ttf_parser::GlyphId(old))
                .unwrap_or(0);
            advances.insert(new, advance);
            widths.insert(new, pdf_width(advance, upm));
        }
        let charset = printpdf::font::cff_charset_gid_to_cid_map(&bytes, 0);
        let code = |gid: u16| match &charset {
            Some(map) => map.get(&gid).copied().unwrap_or(0),
            None => gid,
        };
        let notdef = (code(0), widths.get(&0).copied().unwrap_or(0));
        let mut codes = vec![notdef; remap.keys().last().map_or(0, |&g| usize::from(g) + 1)];
        let mut subset_ids = vec![0; codes.len()];
        let mut texts = vec![String::new(); remap.len() + 1];
        for (&old, &new) in &remap {
            codes[usize::from(old)] = (code(new), widths.get(&new).copied().unwrap_or(0));
            subset_ids[usize::from(old)] = new;
            if let (Some(slot), Some(text)) =
                (texts.get_mut(usize::from(new)), to_unicode.get(&new))
            {
                slot.clone_from(text);
            }
        }
        // The subset tag names the glyph set, so different subsets of one face differ.
        let tag = subset_tag(&face.postscript_name, &ids);
        let head = parsed.tables().head;
        let hhea = parsed.tables().hhea;
        let weight = parsed
            .tables()
            .os2
            .map_or(0, |os2| os2.weight().to_number());
        let font = ParsedFont {
            original_bytes: bytes,
            font_index: 0,
            font_name: Some(format!("{tag}+{}", face.postscript_name)),
            codepoint_to_glyph: BTreeMap::new(),
            glyph_widths: advances,
            units_per_em: upm,
            font_metrics: FontMetrics {
                ascent: hhea.ascender,
                descent: hhea.descender,
            },
            font_type: FontType::TrueType,
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: upm,
                x_min: head.global_bbox.x_min,
                y_min: head.global_bbox.y_min,
                x_max: head.global_bbox.x_max,
                y_max: head.global_bbox.y_max,
                // printpdf derives /ItalicAngle from the caret slope: encode the post table's angle.
                caret_slope_rise: 1000,
                caret_slope_run: (1000.0 * (-parsed.italic_angle()).to_radians().tan()).round()
                    as i16,
                us_weight_class: weight,
            },
        };
        out.push(Some(EmbeddedFont {
            resource: format!("F{}", index + 1),
            remap,
            to_unicode,
            widths,
            codes,
            subset_ids,
            texts,
            font: Some(font),
        }));
    }
    Ok(out)
}

impl EmbeddedFont {
    /// The code and `/W` width of an original glyph id (those of `.notdef` if the subset
    /// lacks it).
    pub(super) fn glyph(&self, id: u16) -> (u16, i64) {
        self.codes
            .get(usize::from(id))
            .copied()
            .unwrap_or_else(|| (0, self.widths.get(&0).copied().unwrap_or(0)))
    }

    /// The ToUnicode text of an original glyph id (that of `.notdef` if the subset lacks it).
    pub(super) fn text(&self, id: u16) -> &str {
        let gid = self.subset_ids.get(usize::from(id)).copied().unwrap_or(0);
        self.texts.get(usize::from(gid)).map_or("", String::as_str)
    }
}

/// The `/W` entry printpdf writes for an advance: 1/1000 em, truncated.
pub(super) fn pdf_width(advance: u16, units_per_em: u16) -> i64 {
    (f32::from(advance) * 1000.0 / f32::from(units_per_em)) as i64
}

/// Six uppercase letters derived from the face and its glyph set.
fn subset_tag(name: &str, glyphs: &[u16]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    for g in glyphs {
        hasher.update(g.to_be_bytes());
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}
