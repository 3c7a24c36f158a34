//! The levels a configuration gives diagnostics: the manifest's `[check]`, the `[appealpack]` of an `l10n.toml`.

use serde::Deserialize;

use super::Ident;
use crate::diagnostic::{Code, Diagnostic, Level, Mode, parse_setting};
use crate::source::FileId;

/// `deny`, `warn` and `allow`: lists of diagnostic codes, as `--deny CODE` and its kin.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct LevelsConfig {
    /// Codes reported as errors.
    #[serde(default)]
    pub deny: Vec<Ident>,
    /// Codes reported as warnings.
    #[serde(default)]
    pub warn: Vec<Ident>,
    /// Codes not reported.
    #[serde(default)]
    pub allow: Vec<Ident>,
}

impl LevelsConfig {
    /// Each code with its level, or every problem, pointing at the code's name in `file`
    /// (an unknown code, one the mode may not lower, one given two levels).
    pub(crate) fn settings(
        &self,
        file: FileId,
        mode: Mode,
    ) -> Result<Vec<(Code, Level)>, Vec<Diagnostic>> {
        let mut settings: Vec<(Code, Level, &Ident)> = Vec::new();
        let mut problems = Vec::new();
        let lists = [
            (Level::Deny, &self.deny),
            (Level::Warn, &self.warn),
            (Level::Allow, &self.allow),
        ];
        for (level, names) in lists {
            for name in names {
                match parse_setting(name, level, mode) {
                    Ok(code) => {
                        if let Some((_, first, at)) =
                            settings.iter().find(|(c, l, _)| *c == code && *l != level)
                        {
                            problems.push(
                                Diagnostic::error(
                                    Code::ManifestInvalid,
                                    format!(
                                        "`{name}` is given two levels, `{}` and `{}`",
                                        first.as_str(),
                                        level.as_str()
                                    ),
                                )
                                .with_label(file, name.span.clone(), "given again here")
                                .with_label(
                                    file,
                                    at.span.clone(),
                                    "first given here",
                                ),
                            );
                        }
                        settings.push((code, level, name));
                    }
                    Err(message) => problems.push(
                        Diagnostic::error(Code::ManifestInvalid, message).with_label(
                            file,
                            name.span.clone(),
                            "here",
                        ),
                    ),
                }
            }
        }
        match problems.is_empty() {
            true => Ok(settings.into_iter().map(|(c, l, _)| (c, l)).collect()),
            false => Err(problems),
        }
    }
}
