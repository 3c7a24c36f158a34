//! Source files kept for diagnostics: paths, text and byte-offset → line:column lookup.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct FileId(pub u32);

/// The text of a file; Fluent files keep their text inside the parsed resource, so it is not
/// stored twice.
#[derive(Debug, Clone)]
enum SourceText {
    Plain(Arc<str>),
    Fluent(Arc<FluentResource>),
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user (relative to the working directory when possible).
    pub path: PathBuf,
    text: SourceText,
    /// Offsets where lines start, found the first time a position is asked for: most files of
    /// a large tree never are.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn text(&self) -> &str {
        match &self.text {
            SourceText::Plain(text) => text,
            SourceText::Fluent(resource) => resource.source(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset, clamped to the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&start| start <= offset) - 1;
        let column = text[starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let text = self.text();
        let starts = self.line_starts();
        let start = starts[(line - 1).min(starts.len() - 1)];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SourceFile {
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(self.text()))
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Every file read during a run, so diagnostics can quote them.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn add_plain(
        &mut self,
        path: impl Into<PathBuf>,
        text: impl Into<Arc<str>>,
    ) -> FileId {
        let text: Arc<str> = text.into();
        self.push(SourceFile {
            path: path.into(),
            text: SourceText::Plain(text),
            line_starts: std::sync::OnceLock::new(),
        })
    }

    pub(crate) fn add_fluent(
        &mut self,
        path: impl Into<PathBuf>,
        resource: Arc<FluentResource>,
    ) -> FileId {
        self.push(SourceFile {
            path: path.into(),
            text: SourceText::Fluent(resource),
            line_starts: std::sync::OnceLock::new(),
        })
    }

    fn push(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 4 billion files"));
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }
}

/// Byte offset of `slice` inside `source`, when `slice` points into it. The Fluent AST has
/// no spans, but its string slices borrow from the source, so their address gives the offset.
pub(crate) fn offset_in(source: &str, slice: &str) -> Option<usize> {
    let start = source.as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at + slice.len() <= start + source.len()).then(|| at - start)
}

/// Span of `slice` inside `source`, or an empty span at the start when it does not point into it.
pub(crate) fn span_in(source: &str, slice: &str) -> Range<usize> {
    offset_in(source, slice).map_or(0..0, |start| start..start + slice.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let mut map = SourceMap::new();
        let id = map.add_plain("a.ftl", "ab\nçé = x\r\nz");
        let file = map.get(id);
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
        // "çé" is four bytes, two characters.
        assert_eq!(file.line_col(7), (2, 3));
        assert_eq!(file.line_col(13), (3, 1));
        assert_eq!(&file.text()[file.line_range(2)], "çé = x");
    }

    #[test]
    fn offsets_of_borrowed_slices() {
        let source = String::from("key = value");
        assert_eq!(offset_in(&source, &source[6..]), Some(6));
        assert_eq!(offset_in(&source, "elsewhere"), None);
        assert_eq!(span_in(&source, &source[0..3]), 0..3);
    }
}
