//! Reproducible zip archives, for the release's zips and the DOCX package alike.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::timestamp::Timestamp;

/// Zips `entries` (name inside the archive, bytes). Everything that could vary between
/// machines or runs is fixed: the order (sorted by name, which also puts a DOCX's
/// `[Content_Types].xml` first), the time of every entry (`modified`, see
/// [`Timestamp::zip`]), the permissions (0644, Unix) and the compression of each kind of
/// file ([`compression`]).
pub(crate) fn zip<'a>(
    entries: impl IntoIterator<Item = (String, &'a [u8])>,
    modified: Timestamp,
) -> zip::result::ZipResult<Vec<u8>> {
    zip_entries(
        entries
            .into_iter()
            .map(|(name, bytes)| (name, Entry::Bytes(bytes))),
        modified,
    )
}

/// What an entry of [`zip_entries`] holds.
pub(crate) enum Entry<'a> {
    /// Bytes, compressed as [`compression`] says for the entry's name.
    Bytes(&'a [u8]),
    /// A zip made by [`zip`] with one entry, of the same kind of file and the same time: that
    /// entry, copied as it is compressed, under the new name. Something compressed once and put
    /// in many archives (a face's embedded subset in every DOCX of a release).
    Zipped(&'a [u8]),
}

/// [`zip`], with entries that may come compressed already.
pub(crate) fn zip_entries<'a>(
    entries: impl IntoIterator<Item = (String, Entry<'a>)>,
    modified: Timestamp,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut sorted: Vec<(String, Entry<'a>)> = entries.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let options = SimpleFileOptions::default()
        .last_modified_time(modified.zip())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, entry) in sorted {
        match entry {
            Entry::Bytes(bytes) => {
                let (method, level) = compression(&name);
                writer.start_file(
                    name,
                    options.compression_method(method).compression_level(level),
                )?;
                writer.write_all(bytes)?;
            }
            Entry::Zipped(archive) => {
                let mut reader = ZipArchive::new(Cursor::new(archive))?;
                writer.raw_copy_file_rename(reader.by_index_raw(0)?, name)?;
            }
        }
    }
    Ok(writer.finish()?.into_inner())
}

/// How an entry is stored, by the kind of file its name says it is:
/// - PDF, DOCX, PNG and zip files are compressed already: deflating them again saved 1–3 %
///   of their size (measured on the shipped packs) and took most of a release's zipping time,
///   so they are stored as they are;
/// - a DOCX's embedded fonts are deflated at level 4: against level 6, 0.7 % larger DOCX files
///   for 5 % fewer instructions in the whole DOCX (level 2: 2.6 % larger, level 1: 20 %);
/// - everything else (XML, HTML, text) at level 6, zlib's default: level 9 saved 0.1 % of a
///   DOCX and 4 % of a web page's compressed bytes, for two to three times the time.
fn compression(name: &str) -> (CompressionMethod, Option<i64>) {
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "pdf" | "docx" | "png" | "zip" => (CompressionMethod::Stored, None),
        "odttf" => (CompressionMethod::Deflated, Some(4)),
        _ => (CompressionMethod::Deflated, Some(6)),
    }
}

/// Joins zips made by [`zip`] into one, each entry renamed by `rename` (which gets the name
/// inside its own zip and its zip's index). The entries are copied as they are compressed,
/// with their time and permissions, so a release's zip of everything costs no compression of
/// its own; the result is sorted by the new names, as [`zip`] sorts.
pub(crate) fn merge(
    archives: &[&[u8]],
    rename: impl Fn(usize, &str) -> String,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut readers = archives
        .iter()
        .map(|bytes| ZipArchive::new(Cursor::new(*bytes)))
        .collect::<Result<Vec<_>, _>>()?;
    // (new name, archive, index inside it)
    let mut order: Vec<(String, usize, usize)> = Vec::new();
    for (archive, reader) in readers.iter().enumerate() {
        for index in 0..reader.len() {
            let name = reader.name_for_index(index).unwrap_or_default();
            order.push((rename(archive, name), archive, index));
        }
    }
    order.sort();
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, archive, index) in order {
        let entry = readers[archive].by_index_raw(index)?;
        writer.raw_copy_file_rename(entry, name)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn time() -> Timestamp {
        Timestamp::from_unix(1_747_612_800)
    }

    fn entries<'a>(files: &[(&str, &'a [u8])]) -> Vec<(String, &'a [u8])> {
        files.iter().map(|(n, b)| (n.to_string(), *b)).collect()
    }

    #[test]
    fn entries_are_sorted_with_the_fixed_time_and_permissions() {
        let files: [(&str, &[u8]); 2] = [("pack/fr/b.pdf", b"bbbb"), ("pack/en/a.pdf", b"aaaa")];
        let bytes = zip(entries(&files), time()).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(names, ["pack/en/a.pdf", "pack/fr/b.pdf"]);
        let mut entry = archive.by_name("pack/fr/b.pdf").unwrap();
        assert_eq!(entry.compression(), CompressionMethod::Stored);
        let modified = entry.last_modified().unwrap();
        assert_eq!(
            (modified.year(), modified.month(), modified.day()),
            (2025, 5, 19)
        );
        assert_eq!(entry.unix_mode(), Some(0o100644));
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        assert_eq!(text, "bbbb");
    }

    #[test]
    fn the_same_files_give_the_same_bytes_in_any_order() {
        let a: [(&str, &[u8]); 2] = [("x", b"1"), ("y", b"2")];
        let b: [(&str, &[u8]); 2] = [("y", b"2"), ("x", b"1")];
        assert_eq!(
            zip(entries(&a), time()).unwrap(),
            zip(entries(&b), time()).unwrap()
        );
    }

    fn read_all(bytes: &[u8]) -> Vec<(String, CompressionMethod, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut entry = archive.by_index(i).unwrap();
                let mut data = Vec::new();
                entry.read_to_end(&mut data).unwrap();
                (entry.name().to_owned(), entry.compression(), data)
            })
            .collect()
    }

    #[test]
    fn compressed_formats_are_stored_and_text_is_deflated() {
        let text = "appeal ".repeat(200);
        let files: [(&str, &[u8]); 5] = [
            ("a.pdf", text.as_bytes()),
            ("a.docx", text.as_bytes()),
            ("a.png", text.as_bytes()),
            ("a.html", text.as_bytes()),
            ("word/fonts/font1.odttf", text.as_bytes()),
        ];
        let methods: Vec<(String, CompressionMethod)> =
            read_all(&zip(entries(&files), time()).unwrap())
                .into_iter()
                .map(|(name, method, data)| {
                    assert_eq!(data, text.as_bytes(), "{name}");
                    (name, method)
                })
                .collect();
        let method = |name: &str| methods.iter().find(|(n, _)| n == name).unwrap().1;
        for stored in ["a.pdf", "a.docx", "a.png"] {
            assert_eq!(method(stored), CompressionMethod::Stored, "{stored}");
        }
        for deflated in ["a.html", "word/fonts/font1.odttf"] {
            assert_eq!(method(deflated), CompressionMethod::Deflated, "{deflated}");
        }
    }

    #[test]
    fn merging_renames_sorts_and_keeps_every_entry_as_it_was() {
        let text = "appeal ".repeat(100);
        let fr: [(&str, &[u8]); 2] = [("x-fr/b.pdf", b"%PDF fr"), ("x-fr/a.html", text.as_bytes())];
        let en: [(&str, &[u8]); 1] = [("x-en/a.pdf", b"%PDF en")];
        let fr = zip(entries(&fr), time()).unwrap();
        let en = zip(entries(&en), time()).unwrap();
        let locales = ["fr", "en"];
        let merged = merge(&[&fr, &en], |archive, name| {
            let file = name.split_once('/').unwrap().1;
            format!("x-all/{}/{file}", locales[archive])
        })
        .unwrap();
        let read = read_all(&merged);
        let names: Vec<&str> = read.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["x-all/en/a.pdf", "x-all/fr/a.html", "x-all/fr/b.pdf"]
        );
        assert_eq!(read[0].2, b"%PDF en");
        assert_eq!(read[1].1, CompressionMethod::Deflated);
        assert_eq!(read[1].2, text.as_bytes());
        assert_eq!(read[2].2, b"%PDF fr");
        // The same as zipping the renamed files directly: times, permissions, compression.
        let direct: [(&str, &[u8]); 3] = [
            ("x-all/fr/b.pdf", b"%PDF fr"),
            ("x-all/fr/a.html", text.as_bytes()),
            ("x-all/en/a.pdf", b"%PDF en"),
        ];
        assert_eq!(merged, zip(entries(&direct), time()).unwrap());
    }

    #[test]
    fn an_entry_zipped_once_is_the_same_bytes_in_every_archive() {
        let font = "glyf loca hmtx GPOS ".repeat(300);
        let xml = b"<w:document/>".as_slice();
        let once = zip(entries(&[("font.odttf", font.as_bytes())]), time()).unwrap();
        let reused = zip_entries(
            [
                ("word/fonts/font2.odttf".to_owned(), Entry::Zipped(&once)),
                ("word/document.xml".to_owned(), Entry::Bytes(xml)),
            ],
            time(),
        )
        .unwrap();
        let direct: [(&str, &[u8]); 2] = [
            ("word/document.xml", xml),
            ("word/fonts/font2.odttf", font.as_bytes()),
        ];
        assert_eq!(reused, zip(entries(&direct), time()).unwrap());
        let read = read_all(&reused);
        assert_eq!(read[1].0, "word/fonts/font2.odttf");
        assert_eq!(read[1].1, CompressionMethod::Deflated);
        assert_eq!(read[1].2, font.as_bytes());
    }
}
