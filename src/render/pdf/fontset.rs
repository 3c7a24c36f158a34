//! The faces one pack uses: fallback by cmap coverage, parsed shapers and cached shape plans.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rustybuzz::{
    BufferFlags, Direction, Language, Script as ShapingScript, ShapePlan, UnicodeBuffer,
};
use unicode_script::{Script, UnicodeScript};

use crate::fonts::{FaceStyle, FontFace, FontLibrary, FontStack};
use crate::render::RenderError;

/// Faces are referred to by their index in [`FontSet::faces`] (also the index in the laid-out
/// document's font list).
pub(super) type FaceId = usize;

/// Shape plans by face, direction and script.
type PlanCache = HashMap<(FaceId, Direction, Option<ShapingScript>), Arc<ShapePlan>>;

/// A glyph as the shaper gives it, in font units; `cluster` is a byte offset in the word.
pub(super) use crate::fonts::ShapedGlyph as RawGlyph;

pub(super) struct FontSet<'a> {
    stack: FontStack<'a>,
    pub faces: Vec<Arc<FontFace>>,
    shapers: Vec<rustybuzz::Face<'a>>,
    language: Option<Language>,
    /// Shape plans are costly to build and depend only on face, direction and script.
    plans: RefCell<PlanCache>,
    /// The locale's language as the shaper's cache of words keys it.
    language_tag: Option<String>,
}

impl std::fmt::Debug for FontSet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("faces", &self.faces.len())
            .finish()
    }
}

impl<'a> FontSet<'a> {
    /// Every face of the stack's families, parsed once for shaping.
    pub(super) fn new(
        library: &'a FontLibrary,
        families: &[String],
        locale: &str,
    ) -> Result<Self, RenderError> {
        let stack = library.stack(families)?;
        let mut faces = Vec::new();
        let mut shapers = Vec::new();
        for family in &stack.families {
            for face in family.faces.values() {
                let shaper = rustybuzz::Face::from_slice(&face.data, 0).ok_or_else(|| {
                    RenderError::Failed {
                        format: "pdf",
                        locale: locale.to_owned(),
                        reason: format!("{} cannot be used for shaping", face.path.display()),
                    }
                })?;
                faces.push(face.clone());
                shapers.push(shaper);
            }
        }
        let language = locale.parse::<Language>().ok();
        Ok(Self {
            stack,
            faces,
            shapers,
            language: language.clone(),
            plans: RefCell::new(HashMap::new()),
            language_tag: language.as_ref().map(|l| l.as_str().to_owned()),
        })
    }

    fn id_of(&self, face: &Arc<FontFace>) -> FaceId {
        self.faces
            .iter()
            .position(|f| Arc::ptr_eq(f, face))
            .expect("faces come from the stack")
    }

    /// The face that draws `ch` in `style`: the current face when it covers a character that
    /// belongs to any script (spaces, punctuation, digits, marks), else the first face of the
    /// stack that covers it.
    pub(super) fn face_for(
        &self,
        ch: char,
        style: FaceStyle,
        current: Option<FaceId>,
    ) -> Option<FaceId> {
        if let Some(current) = current
            && is_common(ch)
            && self.faces[current].style == self.stack_face_style(style, current)
            && self.faces[current].covers(ch)
        {
            return Some(current);
        }
        self.stack.face_for(ch, style).map(|face| self.id_of(face))
    }

    /// One face for characters that must not change fonts among themselves (a number, a
    /// word of one script with its marks): `current` for characters of no script when it
    /// draws them all, else the first face of the stack that draws them all; `None` when no
    /// face draws all of them.
    pub(super) fn face_for_run(
        &self,
        run: &[char],
        style: FaceStyle,
        current: Option<FaceId>,
    ) -> Option<FaceId> {
        let covers_all = |face: &FontFace| run.iter().all(|&c| face.covers(c));
        if let Some(current) = current
            && run.iter().all(|&c| is_common(c))
            && self.faces[current].style == self.stack_face_style(style, current)
            && covers_all(&self.faces[current])
        {
            return Some(current);
        }
        self.stack
            .families
            .iter()
            .map(|f| f.face(style))
            .find(|face| covers_all(face))
            .map(|face| self.id_of(face))
    }

    /// Whether `face` maps `ch`.
    pub(super) fn covers(&self, face: FaceId, ch: char) -> bool {
        self.faces[face].covers(ch)
    }

    /// The style the stack would actually use for `style` in the family of `face`.
    fn stack_face_style(&self, style: FaceStyle, face: FaceId) -> FaceStyle {
        let family = &self.faces[face].family;
        self.stack
            .families
            .iter()
            .find(|f| &f.name == family)
            .map_or(style, |f| f.face(style).style)
    }

    /// How much larger than the nominal size the face is set, so scripts look the same size.
    pub(super) fn size_adjust(&self, face: FaceId) -> f32 {
        super::style::size_adjust(&self.faces[face].family)
    }

    pub(super) fn units_per_em(&self, face: FaceId) -> f32 {
        f32::from(self.faces[face].units_per_em)
    }

    /// Glyph id and advance (font units) of `ch` without shaping, for hyphens.
    pub(super) fn glyph(&self, face: FaceId, ch: char) -> Option<(u16, i32)> {
        let shaper = &self.shapers[face];
        let id = shaper.glyph_index(ch)?;
        let advance = shaper.glyph_hor_advance(id).unwrap_or(0);
        Some((id.0, i32::from(advance)))
    }

    /// The glyphs of `word` in `face`, in the shaper's (visual) order; shaped once per process
    /// for each face, language and direction ([`FontFace::shaped`]).
    pub(super) fn shape_word(&self, face: FaceId, rtl: bool, word: &str) -> Arc<[RawGlyph]> {
        self.faces[face].shaped(self.language_tag.as_deref(), rtl, word, || {
            let mut buffer = UnicodeBuffer::new();
            buffer.push_str(word);
            // The joiners reach the shaper only when the face maps them (see `shaping`): drawn
            // with the face's own zero-width glyph, not hidden as a space glyph, they keep a
            // glyph of their own, which the text layer maps back to U+200C.
            buffer.set_flags(BufferFlags::PRESERVE_DEFAULT_IGNORABLES);
            buffer.set_direction(if rtl {
                Direction::RightToLeft
            } else {
                Direction::LeftToRight
            });
            let output = self.shape(face, buffer);
            output
                .glyph_infos()
                .iter()
                .zip(output.glyph_positions())
                .map(|(info, pos)| RawGlyph {
                    id: info.glyph_id as u16,
                    cluster: info.cluster,
                    x_advance: pos.x_advance,
                    x_offset: pos.x_offset,
                    y_offset: pos.y_offset,
                })
                .collect()
        })
    }

    /// Shapes `buffer` (direction already set) with the face's cached plan.
    pub(super) fn shape(&self, face: FaceId, mut buffer: UnicodeBuffer) -> rustybuzz::GlyphBuffer {
        buffer.guess_segment_properties();
        if let Some(language) = &self.language {
            buffer.set_language(language.clone());
        }
        let key = (face, buffer.direction(), Some(buffer.script()));
        let plan = self
            .plans
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                Arc::new(ShapePlan::new(
                    &self.shapers[face],
                    buffer.direction(),
                    Some(buffer.script()),
                    self.language.as_ref(),
                    &[],
                ))
            })
            .clone();
        rustybuzz::shape_with_plan(&self.shapers[face], &plan, buffer)
    }
}

/// Characters that take the font of their neighbours: those of no script of their own
/// (digits, spaces, punctuation: Unicode's Common script) and combining marks (Inherited).
pub(super) fn is_common(ch: char) -> bool {
    matches!(ch.script(), Script::Common | Script::Inherited)
}
