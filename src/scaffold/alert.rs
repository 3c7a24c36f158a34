//! `appealpack init-alert`: a new alert folder that checks clean, with one message of each kind.

use std::path::{Path, PathBuf};

/// The template, with `{ALERT_ID}` where the id goes. Its canonical text is made of
/// instructions that its messages reproduce, so the new folder passes `check` as it is.
const TEMPLATE: &[(&str, &str)] = &[
    ("manifest.toml", include_str!("template/manifest.toml")),
    ("canonical.txt", include_str!("template/canonical.txt")),
    ("en/alert.ftl", include_str!("template/en/alert.ftl")),
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InitAlertError {
    #[error(
        "`{0}` is not an alert id: use 1 to 64 letters, digits, `-` and `_` (it names the output files)"
    )]
    InvalidId(String),
    #[error("{} already exists; init-alert never overwrites a folder", .0.display())]
    Exists(PathBuf),
}

/// The files of a new alert, relative to its folder.
#[derive(Debug, Clone)]
pub struct AlertScaffold {
    pub dir: PathBuf,
    pub files: Vec<(PathBuf, String)>,
}

/// Plans the alert `id` in the folder `dir`; nothing is written here.
pub fn scaffold_alert(id: &str, dir: &Path) -> Result<AlertScaffold, InitAlertError> {
    let safe = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !safe {
        return Err(InitAlertError::InvalidId(id.to_owned()));
    }
    // A symbolic link, even a dangling one, is "there" too.
    if dir.symlink_metadata().is_ok() {
        return Err(InitAlertError::Exists(dir.to_owned()));
    }
    let files = TEMPLATE
        .iter()
        .map(|(path, text)| (PathBuf::from(path), text.replace("{ALERT_ID}", id)))
        .collect();
    Ok(AlertScaffold {
        dir: dir.to_owned(),
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_goes_into_the_manifest_and_must_be_safe() {
        let plan = scaffold_alert("ua-2026-01", Path::new("/nonexistent/new-alert")).unwrap();
        let manifest = &plan.files[0].1;
        assert!(manifest.contains("id = \"ua-2026-01\""), "{manifest}");
        assert!(
            !plan
                .files
                .iter()
                .any(|(_, text)| text.contains("{ALERT_ID}"))
        );
        for bad in ["", "../x", "a b", "é"] {
            assert_eq!(
                scaffold_alert(bad, Path::new("x")).unwrap_err(),
                InitAlertError::InvalidId(bad.into())
            );
        }
    }
}
