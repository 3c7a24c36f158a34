//! Reproducible ZIP archives: entries sorted, one fixed timestamp, fixed permissions, deflate.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Zips `files` (path inside the archive, bytes) under one top-level folder `root`, so that
/// unpacking never scatters files. Everything that could vary between machines is fixed: the
/// order (sorted by path), the time (`modified`), the permissions (0644, Unix), the level.
pub fn zip(
    root: &str,
    files: &[(&str, &[u8])],
    modified: DateTime,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut sorted: Vec<&(&str, &[u8])> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(modified)
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in sorted {
        writer.start_file(format!("{root}/{path}"), options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn time() -> DateTime {
        DateTime::from_date_and_time(2025, 5, 19, 0, 0, 0).unwrap()
    }

    #[test]
    fn entries_are_sorted_under_one_folder_with_the_fixed_time() {
        let files: [(&str, &[u8]); 2] = [("fr/b.pdf", b"bbbb"), ("en/a.pdf", b"aaaa")];
        let bytes = zip("pack", &files, time()).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(names, ["pack/en/a.pdf", "pack/fr/b.pdf"]);
        let mut entry = archive.by_name("pack/fr/b.pdf").unwrap();
        assert_eq!(entry.compression(), CompressionMethod::Deflated);
        assert_eq!(entry.last_modified(), Some(time()));
        assert_eq!(entry.unix_mode(), Some(0o100644));
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        assert_eq!(text, "bbbb");
    }

    #[test]
    fn the_same_files_give_the_same_bytes_in_any_order() {
        let a: [(&str, &[u8]); 2] = [("x", b"1"), ("y", b"2")];
        let b: [(&str, &[u8]); 2] = [("y", b"2"), ("x", b"1")];
        assert_eq!(zip("r", &a, time()).unwrap(), zip("r", &b, time()).unwrap());
    }
}
