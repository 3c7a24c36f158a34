//! A generated i18n tree with many locales for the build benchmarks: the alert fixture's reference
//! (`en`) and N pseudo-locales `en-XA-ps001`… (valid BCP 47: language, region, variant), each an
//! accented copy of the English files that passes the checker (placeables, numbers, e-mail
//! addresses, handles and hashtags are left as they are; letters are swapped one for one, so
//! length limits still hold).
#![allow(dead_code)]

use std::path::Path;

/// Locale id of the `index`th pseudo-locale (1-based).
pub fn locale_id(index: usize) -> String {
    format!("en-XA-ps{index:03}")
}

/// Writes `dest/manifest.toml`, `dest/canonical.txt`, `dest/en/` and `count` pseudo-locale
/// folders made from `i18n` (the full-size alert fixture). Returns the locale ids, reference first.
pub fn generate(i18n: &Path, dest: &Path, count: usize) -> Vec<String> {
    let mut ids = vec!["en".to_owned()];
    ids.extend((1..=count).map(locale_id));
    let manifest = std::fs::read_to_string(i18n.join("manifest.toml")).expect("the manifest");
    let list: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    let manifest: String = manifest
        .lines()
        .map(|line| {
            if line.starts_with("locales = [") {
                format!("locales = [{}]", list.join(", "))
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    std::fs::create_dir_all(dest).expect("a folder");
    std::fs::write(dest.join("manifest.toml"), manifest).expect("written");
    std::fs::copy(i18n.join("canonical.txt"), dest.join("canonical.txt")).expect("copied");
    let reference: Vec<(String, String)> = std::fs::read_dir(i18n.join("en"))
        .expect("the reference folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).expect("a reference file"),
            )
        })
        .collect();
    let accented: Vec<(&str, String)> = reference
        .iter()
        .map(|(name, text)| (name.as_str(), accent_ftl(text)))
        .collect();
    for id in &ids {
        let dir = dest.join(id);
        std::fs::create_dir_all(&dir).expect("a folder");
        if id == "en" {
            for (name, text) in &reference {
                std::fs::write(dir.join(name), text).expect("written");
            }
        } else {
            for (name, text) in &accented {
                std::fs::write(dir.join(name), text).expect("written");
            }
        }
    }
    ids
}

/// The file with the text of every value accented; ids, comments, placeables and select
/// keys unchanged.
pub fn accent_ftl(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(&accent_line(body));
        out.push_str(end);
    }
    out
}

fn accent_line(line: &str) -> String {
    let trimmed = line.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return line.to_owned();
    }
    let indented = trimmed.len() != line.len();
    // Where the text of the line starts: after `id =`, `.attribute =`, `[key]` or `*[key]`.
    let start = if !indented && !trimmed.starts_with('}') {
        line.find('=').map(|i| i + 1)
    } else if trimmed.starts_with('.') {
        line.find('=').map(|i| i + 1)
    } else if trimmed.starts_with('[') || trimmed.starts_with("*[") {
        line.find(']').map(|i| i + 1)
    } else {
        Some(0)
    };
    let Some(start) = start else {
        return line.to_owned();
    };
    let (head, value) = line.split_at(start);
    format!("{head}{}", accent_value(value))
}

/// Accents the words outside placeables; a placeable left open (a select) ends the text.
fn accent_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 2);
    let mut word = String::new();
    let mut depth = 0usize;
    for c in value.chars() {
        if depth > 0 {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            out.push(c);
        } else if c == '{' {
            flush(&mut word, &mut out);
            depth = 1;
            out.push(c);
        } else if c.is_whitespace() || c == '}' {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A word is accented unless it is a fact the checker compares with the source: anything with
/// a digit, `@`, `#`, `/`, `:`, `_`, or a dot inside it (e-mail, handle, URL, number, domain).
fn flush(word: &mut String, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    let inner_dot = chars
        .windows(2)
        .any(|w| w[0] == '.' && w[1].is_alphanumeric());
    let fact = inner_dot
        || chars
            .iter()
            .any(|c| c.is_ascii_digit() || "@#/:_".contains(*c));
    if fact {
        out.push_str(word);
    } else {
        out.extend(chars.iter().map(|&c| accent(c)));
    }
    word.clear();
}

/// The letter with a diacritic Noto Sans draws (Latin-1 and Latin Extended-A).
fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'b', 'ç', 'ď', 'é', 'f', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ĺ', 'm', 'ñ', 'ö', 'p', 'q', 'ŕ',
        'š', 'ţ', 'ü', 'v', 'ŵ', 'x', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'B', 'Ç', 'Ď', 'É', 'F', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ĺ', 'M', 'Ñ', 'Ö', 'P', 'Q', 'Ŕ',
        'Š', 'Ţ', 'Û', 'V', 'Ŵ', 'X', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER[c as usize - 'a' as usize],
        'A'..='Z' => UPPER[c as usize - 'A' as usize],
        _ => c,
    }
}
