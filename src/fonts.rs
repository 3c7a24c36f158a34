//! The font library: families from `fonts/fonts.toml`, read and parsed once per run.

use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, TryLockError};

use rustybuzz::ttf_parser;
use serde::Deserialize;
use toml::Spanned;

use crate::load::{Limit, ReadError};

/// The name of the font catalogue inside a fonts folder.
pub(crate) const CATALOGUE_FILE: &str = "fonts.toml";

#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("cannot read {}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{}: {reason}", path.display())]
    Catalogue { path: PathBuf, reason: String },
    #[error("{} is not a usable font: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    /// A path of the catalogue that is absolute, climbs out with `..` or links out of the folder.
    #[error(
        "{}:{line}:{column}: the path `{value}` is not a file inside {}: {reason}",
        catalogue.display(),
        folder.display()
    )]
    Outside {
        catalogue: PathBuf,
        line: usize,
        column: usize,
        value: String,
        folder: PathBuf,
        reason: String,
    },
    #[error("unknown font family `{family}`")]
    UnknownFamily { family: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    family: Vec<FamilyEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FamilyEntry {
    name: String,
    regular: Spanned<PathBuf>,
    bold: Option<Spanned<PathBuf>>,
    italic: Option<Spanned<PathBuf>>,
    bold_italic: Option<Spanned<PathBuf>>,
    licence: Spanned<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum FaceStyle {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FaceStyle {
    pub(crate) fn new(bold: bool, italic: bool) -> Self {
        match (bold, italic) {
            (false, false) => FaceStyle::Regular,
            (true, false) => FaceStyle::Bold,
            (false, true) => FaceStyle::Italic,
            (true, true) => FaceStyle::BoldItalic,
        }
    }
}

/// Damage inside the glyph tables, which ttf-parser tolerates (it drops a table it cannot
/// read) and which would otherwise surface only when a glyph is subset, mid-build: a metrics
/// or glyph table the file declares but that does not parse, or glyph offsets that go
/// backwards or point past the end of the glyph data.
fn damaged_glyph_tables(face: &ttf_parser::Face) -> Option<String> {
    use ttf_parser::Tag;
    let raw = face.raw_face();
    let tables = face.tables();
    // (`glyf` parses only with a readable `loca`, so it stands for both.)
    for (tag, parsed) in [
        (b"hmtx", tables.hmtx.is_some()),
        (b"glyf", tables.glyf.is_some()),
    ] {
        if raw.table(Tag::from_bytes(tag)).is_some() && !parsed {
            let name = String::from_utf8_lossy(tag);
            return Some(format!("its `{name}` table is damaged"));
        }
    }
    let (Some(loca), Some(glyf)) = (
        raw.table(Tag::from_bytes(b"loca")),
        raw.table(Tag::from_bytes(b"glyf")),
    ) else {
        return None;
    };
    let long = matches!(
        tables.head.index_to_location_format,
        ttf_parser::head::IndexToLocationFormat::Long
    );
    let offsets = (0..=usize::from(face.number_of_glyphs())).map(|i| {
        if long {
            loca.get(i * 4..i * 4 + 4)
                .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        } else {
            loca.get(i * 2..i * 2 + 2)
                .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])) * 2)
        }
    });
    let mut previous = 0;
    for (glyph, offset) in offsets.enumerate() {
        let offset = offset?;
        if offset < previous {
            return Some(format!(
                "its `loca` table is damaged: the data of glyph {glyph} starts before that of the glyph before it"
            ));
        }
        if offset > glyf.len() {
            return Some(format!(
                "its `loca` table is damaged: glyph {} ends at byte {offset}, past the end of the {}-byte `glyf` table",
                glyph.saturating_sub(1),
                glyf.len()
            ));
        }
        previous = offset;
    }
    None
}

/// One font file, parsed enough to know its names and metrics; which characters it maps is
/// listed on first use.
#[derive(Debug)]
pub(crate) struct FontFace {
    pub family: String,
    pub style: FaceStyle,
    pub path: PathBuf,
    pub data: Vec<u8>,
    pub postscript_name: String,
    pub units_per_em: u16,
    /// Every code point the cmap maps, sorted. Listed when a character is first looked up:
    /// listing every face's cmap took a fresh process 12 M instructions before anything else
    /// could start, most of them for faces no locale of the run draws with (the CJK face
    /// for a Latin-only tree). Packs render on several threads, hence a `OnceLock`.
    coverage: OnceLock<Vec<u32>>,
    /// Words this face has shaped, for every pack of the process: see [`FontFace::shaped`].
    words: Mutex<HashMap<WordKey, Arc<[ShapedGlyph]>>>,
    /// What renderers made of this face, for every pack of the process: see
    /// [`FontFace::derived`].
    derived: Mutex<HashMap<Box<str>, Derived>>,
}

/// One value of [`FontFace::derived`]: empty until made, and locked while a thread makes it.
type Derived = Arc<Mutex<Option<Arc<dyn Any + Send + Sync>>>>;

/// The value in `slot`, or the one `make` gives, kept there (an error is not kept).
fn fill<T: Any + Send + Sync, E>(
    slot: &mut Option<Arc<dyn Any + Send + Sync>>,
    make: impl FnOnce() -> Result<T, E>,
) -> Result<Arc<T>, E> {
    if let Some(found) = slot.clone().and_then(|v| v.downcast::<T>().ok()) {
        return Ok(found);
    }
    let made = Arc::new(make()?);
    *slot = Some(made.clone());
    Ok(made)
}

/// What a shaped word depends on besides the face: the language (`locl` forms), whether it
/// runs right to left, and its text (whose script the shaper guesses from it).
type WordKey = (Option<String>, bool, Box<str>);

/// A glyph as the shaper gives it, in font units; `cluster` is a byte offset in the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShapedGlyph {
    pub id: u16,
    pub cluster: u32,
    pub x_advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
}

/// Derived values kept per face at most (a guard on memory in a long-running process that
/// renders many different documents; a release needs one or two per face).
const MAX_DERIVED_PER_FACE: usize = 64;

/// Words kept per face at most: past it, words are shaped again each time (a guard on memory
/// for a process that renders many packs; one pack shapes a few thousand distinct words).
const MAX_WORDS_PER_FACE: usize = 100_000;

impl FontFace {
    fn load(family: &str, style: FaceStyle, path: PathBuf) -> Result<Self, FontError> {
        let data =
            crate::load::read_file(&path, Limit::FONT).map_err(|e| FontError::Unreadable {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        let corrupt = |reason: String| FontError::Corrupt {
            path: path.clone(),
            reason,
        };
        let face =
            ttf_parser::Face::parse(&data, 0).map_err(|e| corrupt(parse_problem(&data, e)))?;
        // A truncated file still parses when its table directory is whole; it fails later,
        // when a glyph is subset. Every table must lie inside the file.
        if let Some(table) = face
            .raw_face()
            .table_records
            .into_iter()
            .find(|t| (t.offset as u64 + t.length as u64) > data.len() as u64)
        {
            return Err(corrupt(format!(
                "it is truncated: its `{}` table ends at byte {}, but the file has {} bytes",
                String::from_utf8_lossy(&table.tag.to_bytes()).trim_end(),
                table.offset as u64 + table.length as u64,
                data.len()
            )));
        }
        if let Some(damage) = damaged_glyph_tables(&face) {
            return Err(corrupt(damage));
        }
        if !face.tables().cmap.is_some_and(maps_a_character) {
            return Err(corrupt("it maps no Unicode characters".into()));
        }
        let postscript_name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| format!("{}-{:?}", family.replace(' ', ""), style));
        let units_per_em = face.units_per_em();
        Ok(Self {
            family: family.to_owned(),
            style,
            path,
            data,
            postscript_name,
            units_per_em,
            coverage: OnceLock::new(),
            words: Mutex::new(HashMap::new()),
            derived: Mutex::new(HashMap::new()),
        })
    }

    /// The glyphs of `word` shaped in this face, from the cache the packs of this process
    /// share (the names, addresses, e-mails and numbers of an alert recur in every locale, and a
    /// process that renders a pack again shapes nothing twice); `shape` makes them on a miss.
    /// Shaping is a function of the face, the language, the direction and the text, so a cached
    /// word is the same glyphs `shape` would give.
    pub(crate) fn shaped(
        &self,
        language: Option<&str>,
        rtl: bool,
        word: &str,
        shape: impl FnOnce() -> Arc<[ShapedGlyph]>,
    ) -> Arc<[ShapedGlyph]> {
        let key: WordKey = (language.map(str::to_owned), rtl, word.into());
        if let Some(glyphs) = self.words.lock().ok().and_then(|w| w.get(&key).cloned()) {
            return glyphs;
        }
        // Shaped outside the lock, so the other threads' packs do not wait on it.
        let glyphs = shape();
        if let Ok(mut words) = self.words.lock()
            && words.len() < MAX_WORDS_PER_FACE
        {
            words.insert(key, glyphs.clone());
        }
        glyphs
    }

    /// The value `make` gives for this face and `key`, made once per process (the DOCX renderer
    /// keeps here each subset it embeds, compressed, since every pack of a release embeds the
    /// same one: `render::docx::embed::REPERTOIRE`). `key` must name everything besides the face
    /// that the value depends on, and one kind of value per key; an error is not kept. A thread
    /// that asks while another makes the value waits for it rather than making it too.
    pub(crate) fn derived<T: Any + Send + Sync, E>(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        match self.derived_slot(key) {
            Some(slot) => fill(
                &mut slot.lock().unwrap_or_else(PoisonError::into_inner),
                make,
            ),
            None => make().map(Arc::new),
        }
    }

    /// [`FontFace::derived`], or `None` at once if another thread is making that value now: the
    /// caller can make another value meanwhile and ask again later. Two packs that start at the
    /// same moment on two threads so share their faces' work instead of both doing all of it.
    pub(crate) fn try_derived<T: Any + Send + Sync, E>(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<T, E>,
    ) -> Option<Result<Arc<T>, E>> {
        let Some(slot) = self.derived_slot(key) else {
            return Some(make().map(Arc::new));
        };
        let mut value = match slot.try_lock() {
            Ok(value) => value,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        Some(fill(&mut value, make))
    }

    /// The place of `key`'s value, made empty on first use; `None` past the limit, where a value
    /// is made each time and kept by no one.
    fn derived_slot(&self, key: &str) -> Option<Derived> {
        let mut derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot) = derived.get(key) {
            return Some(slot.clone());
        }
        if derived.len() >= MAX_DERIVED_PER_FACE {
            return None;
        }
        let slot = Derived::default();
        derived.insert(key.into(), slot.clone());
        Some(slot)
    }

    pub(crate) fn covers(&self, ch: char) -> bool {
        self.coverage
            .get_or_init(|| coverage(&self.data))
            .binary_search(&(ch as u32))
            .is_ok()
    }
}

/// Whether a code point counts as mapped: fonts map U+0000 and CR to blank glyphs, and no
/// control character is ever printed, so none counts (a NUL in a message is an error); nor
/// does a code point mapped to glyph 0, `.notdef`.
fn mapped(subtable: &ttf_parser::cmap::Subtable, cp: u32) -> bool {
    let control = char::from_u32(cp).is_some_and(char::is_control);
    !control && subtable.glyph_index(cp).is_some_and(|g| g.0 != 0)
}

/// Whether the cmap maps some character, without listing them all: the first mapped code
/// point of a Unicode subtable settles it.
fn maps_a_character(cmap: ttf_parser::cmap::Table) -> bool {
    cmap.subtables
        .into_iter()
        .filter(|s| s.is_unicode())
        .any(|subtable| {
            let mut found = false;
            subtable.codepoints(|cp| found = found || mapped(&subtable, cp));
            found
        })
}

/// Every code point the Unicode subtables of the font's cmap map, sorted (empty for data
/// that does not parse, which [`FontFace::load`] has refused already).
fn coverage(data: &[u8]) -> Vec<u32> {
    let Some(cmap) = ttf_parser::RawFace::parse(data, 0)
        .ok()
        .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"cmap")))
        .and_then(ttf_parser::cmap::Table::parse)
    else {
        return Vec::new();
    };
    let mut coverage: Vec<u32> = Vec::new();
    let mut found = Vec::new();
    for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
        // Fonts carry the same map twice (a BMP subtable and a full one): what an earlier
        // subtable maps needs no second lookup, which costs more than the search.
        found.clear();
        subtable.codepoints(|cp| {
            if coverage.binary_search(&cp).is_err() && mapped(&subtable, cp) {
                found.push(cp);
            }
        });
        // Subtables list their code points in order: sorting sorted data is one pass, and
        // merging two sorted lists is another.
        found.sort_unstable();
        found.dedup();
        coverage = merge(&coverage, &found);
    }
    coverage
}

/// The union of two sorted lists without duplicates, sorted.
fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                merged.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                merged.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                merged.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    merged
}

/// The line and column (both from 1, the column in characters) of a byte offset of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Why a font file does not parse, in the words of someone who did not write the parser.
fn parse_problem(data: &[u8], error: ttf_parser::FaceParsingError) -> String {
    use ttf_parser::FaceParsingError as E;
    match error {
        _ if data.is_empty() => "the file is empty".into(),
        E::UnknownMagic => {
            "it is not a TrueType or OpenType font (it does not start with a font signature)".into()
        }
        E::MalformedFont => "it is damaged or truncated".into(),
        E::FaceIndexOutOfBounds => "the collection holds no font".into(),
        E::NoHeadTable => "its `head` table is missing or damaged".into(),
        E::NoHheaTable => "its `hhea` table is missing or damaged".into(),
        E::NoMaxpTable => "its `maxp` table is missing or damaged".into(),
    }
}

#[derive(Debug)]
pub(crate) struct Family {
    pub name: String,
    pub faces: BTreeMap<FaceStyle, Arc<FontFace>>,
}

impl Family {
    /// The face for a style, falling back to bold, then regular, when the family lacks it.
    pub(crate) fn face(&self, style: FaceStyle) -> &Arc<FontFace> {
        let fallbacks: &[FaceStyle] = match style {
            FaceStyle::BoldItalic => &[FaceStyle::BoldItalic, FaceStyle::Bold, FaceStyle::Regular],
            FaceStyle::Italic => &[FaceStyle::Italic, FaceStyle::Regular],
            FaceStyle::Bold => &[FaceStyle::Bold, FaceStyle::Regular],
            FaceStyle::Regular => &[FaceStyle::Regular],
        };
        fallbacks
            .iter()
            .find_map(|s| self.faces.get(s))
            .expect("every family has a regular face")
    }
}

/// Every family of a fonts folder.
#[derive(Debug)]
pub struct FontLibrary {
    pub dir: PathBuf,
    pub(crate) families: Vec<Family>,
}

impl FontLibrary {
    /// Reads `dir/fonts.toml` and parses every face it lists.
    pub fn load(dir: &Path) -> Result<Self, FontError> {
        let catalogue_path = dir.join(CATALOGUE_FILE);
        let unreadable = |reason: String| FontError::Unreadable {
            path: catalogue_path.clone(),
            reason,
        };
        let bytes = crate::load::read_inside(&catalogue_path, dir, Limit::FONT_CATALOGUE)
            .map_err(|e| unreadable(e.to_string()))?;
        let text =
            String::from_utf8(bytes).map_err(|_| unreadable("it is not valid UTF-8".into()))?;
        // Every path of the catalogue is relative to the folder and must stay inside it once
        // its links are resolved; otherwise the error points at the key.
        let inside = |file: &Spanned<PathBuf>| -> Result<PathBuf, FontError> {
            let outside = |reason: String| {
                let (line, column) = line_column(&text, file.span().start);
                FontError::Outside {
                    catalogue: catalogue_path.clone(),
                    line,
                    column,
                    value: file.get_ref().display().to_string(),
                    folder: dir.to_owned(),
                    reason,
                }
            };
            if let Some(why) = crate::load::escapes_folder(file.get_ref()) {
                return Err(outside(why.to_owned()));
            }
            let path = dir.join(file.get_ref());
            match crate::load::resolve_inside(&path, dir) {
                Err(ReadError::Outside { target, .. }) => {
                    Err(outside(format!("it leads to {}", target.display())))
                }
                // Only where it leads matters here; reading it says what else is wrong.
                _ => Ok(path),
            }
        };
        let catalogue: Catalogue = toml::from_str(&text).map_err(|e| FontError::Catalogue {
            path: catalogue_path.clone(),
            reason: e.message().trim_end_matches('.').to_owned(),
        })?;
        let mut families = Vec::new();
        for entry in catalogue.family {
            let files = [
                (FaceStyle::Regular, Some(&entry.regular)),
                (FaceStyle::Bold, entry.bold.as_ref()),
                (FaceStyle::Italic, entry.italic.as_ref()),
                (FaceStyle::BoldItalic, entry.bold_italic.as_ref()),
            ];
            let mut faces = BTreeMap::new();
            for (style, file) in files {
                if let Some(file) = file {
                    faces.insert(
                        style,
                        Arc::new(FontFace::load(&entry.name, style, inside(file)?)?),
                    );
                }
            }
            let licence = inside(&entry.licence)?;
            if !licence.is_file() {
                return Err(FontError::Unreadable {
                    path: licence,
                    reason: "the licence file is missing".into(),
                });
            }
            families.push(Family {
                name: entry.name,
                faces,
            });
        }
        Ok(Self {
            dir: dir.to_owned(),
            families,
        })
    }

    pub(crate) fn family(&self, name: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.name == name)
    }

    /// The families a locale uses, in fallback order; none named means every family, in
    /// catalogue order.
    pub(crate) fn stack<'a>(&'a self, names: &[String]) -> Result<FontStack<'a>, FontError> {
        if names.is_empty() {
            return Ok(FontStack {
                families: self.families.iter().collect(),
            });
        }
        let families = names
            .iter()
            .map(|name| {
                self.family(name).ok_or_else(|| FontError::UnknownFamily {
                    family: name.clone(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FontStack { families })
    }
}

/// The families of one locale, in fallback order.
#[derive(Debug, Clone)]
pub(crate) struct FontStack<'a> {
    pub families: Vec<&'a Family>,
}

impl FontStack<'_> {
    /// The first family whose face for `style` can draw `ch`.
    pub(crate) fn face_for(&self, ch: char, style: FaceStyle) -> Option<&Arc<FontFace>> {
        self.families
            .iter()
            .map(|f| f.face(style))
            .find(|face| face.covers(ch))
    }

    /// Whether some face of the stack draws `ch` in `style` (the face the renderers pick for
    /// it: a bold heading is set in the bold face, which may lack what the regular one has).
    pub(crate) fn can_draw_in(&self, ch: char, style: FaceStyle) -> bool {
        crate::chars::is_invisible(ch) || self.face_for(ch, style).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> FontLibrary {
        FontLibrary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")).unwrap()
    }

    #[test]
    fn a_derived_value_is_made_once_and_a_thread_that_may_not_wait_is_told_it_is_being_made() {
        let library = library();
        let face = library.families[0].faces.values().next().unwrap();
        let (started, finish) = (std::sync::Barrier::new(2), std::sync::Barrier::new(2));
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let make = || {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok::<_, ()>(7_u32)
        };
        std::thread::scope(|scope| {
            // One thread makes the value and holds it until the other has asked.
            let maker = scope.spawn(|| {
                face.derived("k", || {
                    started.wait();
                    finish.wait();
                    make()
                })
            });
            started.wait();
            assert!(face.try_derived("k", make).is_none(), "being made");
            assert_eq!(*face.try_derived("other", make).unwrap().unwrap(), 7);
            finish.wait();
            assert_eq!(*maker.join().unwrap().unwrap(), 7);
        });
        // Made now: both ways give it without making it again.
        assert_eq!(*face.derived("k", make).unwrap(), 7);
        assert_eq!(*face.try_derived("k", make).unwrap().unwrap(), 7);
        assert_eq!(
            calls.load(std::sync::atomic::Ordering::SeqCst),
            2,
            "k and other"
        );
        // An error is not kept.
        assert!(face.derived("bad", || Err::<u32, _>(())).is_err());
        assert_eq!(*face.derived("bad", make).unwrap(), 7);
    }

    #[test]
    fn a_word_is_shaped_once_per_face_language_and_direction() {
        let library = library();
        let face = library.families[0].faces.values().next().unwrap();
        let calls = std::cell::Cell::new(0);
        let shape = |id: u16| {
            calls.set(calls.get() + 1);
            Arc::from(vec![ShapedGlyph {
                id,
                cluster: 0,
                x_advance: 500,
                x_offset: 0,
                y_offset: 0,
            }])
        };
        let first = face.shaped(Some("fr"), false, "appel", || shape(1));
        let again = face.shaped(Some("fr"), false, "appel", || shape(2));
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(calls.get(), 1);
        // Another language, direction or text is another word.
        assert_eq!(
            face.shaped(Some("de"), false, "appel", || shape(3))[0].id,
            3
        );
        assert_eq!(face.shaped(None, false, "appel", || shape(4))[0].id, 4);
        assert_eq!(face.shaped(Some("fr"), true, "appel", || shape(5))[0].id, 5);
        assert_eq!(
            face.shaped(Some("fr"), false, "appels", || shape(6))[0].id,
            6
        );
        assert_eq!(calls.get(), 5);
    }

    #[test]
    fn shipped_fonts_cover_their_scripts() {
        let library = library();
        let stack = library
            .stack(&["Noto Naskh Arabic".into(), "Noto Sans".into()])
            .unwrap();
        assert_eq!(
            stack.face_for('ب', FaceStyle::Regular).unwrap().family,
            "Noto Naskh Arabic"
        );
        assert_eq!(
            stack.face_for('Ж', FaceStyle::Bold).unwrap().family,
            "Noto Sans"
        );
        assert!(
            stack.can_draw_in('\u{2068}', FaceStyle::Regular),
            "isolates are never drawn"
        );
        assert!(
            !stack.can_draw_in('\u{4E00}', FaceStyle::Regular),
            "Han is drawn only by a stack that names the CJK family"
        );
        let chinese = library
            .stack(&["Noto Sans CJK SC".into(), "Noto Sans".into()])
            .unwrap();
        for ch in ['中', '，', '。', '“', '《', 'A', '7'] {
            assert_eq!(
                chinese.face_for(ch, FaceStyle::Regular).unwrap().family,
                "Noto Sans CJK SC",
                "{ch}"
            );
        }
        // One weight only: bold Han falls back to the regular face.
        let bold = chinese.face_for('中', FaceStyle::Bold).unwrap();
        assert_eq!(
            (bold.family.as_str(), bold.style),
            ("Noto Sans CJK SC", FaceStyle::Regular)
        );
        // The face is cut down to GB 2312: a character outside it is not drawable, and the
        // glyph check says so instead of printing a blank.
        assert!(!chinese.can_draw_in('\u{3400}', FaceStyle::Regular));
    }

    #[test]
    fn damaged_font_files_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let regular =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf"))
                .unwrap();
        let reason = |bytes: &[u8]| {
            let path = dir.path().join("f.ttf");
            std::fs::write(&path, bytes).unwrap();
            match FontFace::load("F", FaceStyle::Regular, path) {
                Err(FontError::Corrupt { reason, .. }) => reason,
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(reason(b""), "the file is empty");
        assert!(reason(b"<html>").starts_with("it is not a TrueType or OpenType font"));
        let half = reason(&regular[..regular.len() / 2]);
        assert!(
            half.starts_with("it is truncated: its `")
                && half.ends_with(&format!("but the file has {} bytes", regular.len() / 2)),
            "{half}"
        );
    }

    #[test]
    fn coverage_is_listed_on_first_use_and_agrees_with_the_cmap() {
        let library = library();
        for family in &library.families {
            for face in family.faces.values() {
                assert!(face.coverage.get().is_none(), "{}", face.path.display());
                let parsed = ttf_parser::Face::parse(&face.data, 0).unwrap();
                for cp in 0..=0xFFFF {
                    let Some(ch) = char::from_u32(cp) else {
                        continue;
                    };
                    let drawn =
                        !ch.is_control() && parsed.glyph_index(ch).is_some_and(|g| g.0 != 0);
                    assert_eq!(face.covers(ch), drawn, "{} U+{cp:04X}", face.path.display());
                }
                assert!(face.coverage.get().is_some());
            }
        }
        // Threads that look up at once all see one list.
        let face = library
            .family("Noto Sans CJK SC")
            .unwrap()
            .face(FaceStyle::Regular);
        std::thread::scope(|scope| {
            let lookups: Vec<_> = (0..4).map(|_| scope.spawn(|| face.covers('中'))).collect();
            assert!(lookups.into_iter().all(|l| l.join().unwrap()));
        });
    }

    #[test]
    fn merged_coverage_is_sorted_without_duplicates() {
        assert_eq!(merge(&[], &[3, 5]), [3, 5]);
        assert_eq!(merge(&[1, 4, 9], &[]), [1, 4, 9]);
        assert_eq!(
            merge(&[1, 4, 9, 12], &[0, 4, 5, 12, 13]),
            [0, 1, 4, 5, 9, 12, 13]
        );
    }

    #[test]
    fn a_font_that_maps_no_character_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf"))
                .unwrap();
        // The cmap with no encoding records: `numTables` (after `version`) set to 0.
        let cmap = ttf_parser::RawFace::parse(&bytes, 0)
            .unwrap()
            .table_records
            .into_iter()
            .find(|t| &t.tag.to_bytes() == b"cmap")
            .unwrap()
            .offset as usize;
        bytes[cmap + 2..cmap + 4].copy_from_slice(&[0, 0]);
        let path = dir.path().join("f.ttf");
        std::fs::write(&path, &bytes).unwrap();
        match FontFace::load("F", FaceStyle::Regular, path) {
            Err(FontError::Corrupt { reason, .. }) => {
                assert_eq!(reason, "it maps no Unicode characters")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_family_is_named() {
        let library = library();
        let error = library.stack(&["Comic Sans".into()]).unwrap_err();
        assert_eq!(error.to_string(), "unknown font family `Comic Sans`");
    }
}
