//! Stale translations: a lock file per locale records the source each message was translated
//! from, so a changed reference message marks its translations as older than their source.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fluent_syntax::ast;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic};
use crate::diff::word_diff;
use crate::load::Locale;

/// The canonical Fluent text of a message or term (`-id`) of a locale, without its comment:
/// what a translation is made from. Formatting differences in the file do not change it.
pub(crate) fn entry_source(locale: &Locale, id: &str) -> Option<String> {
    let (_, entry) = locale.entry(id)?;
    let entry = match entry {
        ast::Entry::Message(message) => ast::Entry::Message(ast::Message {
            comment: None,
            ..message.clone()
        }),
        ast::Entry::Term(term) => ast::Entry::Term(ast::Term {
            comment: None,
            ..term.clone()
        }),
        _ => return None,
    };
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    Some(text.trim_end().to_owned())
}

/// The lock file inside each locale folder.
pub(crate) const LOCK_FILE: &str = "appealpack-lock.toml";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub version: u32,
    pub reference: String,
    /// Per message or term (`-id`): the reference source it was translated from.
    pub messages: BTreeMap<String, Locked>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locked {
    /// SHA-256 of `source`, hex, first 16 digits.
    pub hash: String,
    /// The reference message as it was, so a change can be shown as a word diff.
    pub source: String,
}

pub fn lock_path(locale: &Locale) -> PathBuf {
    locale.dir.join(LOCK_FILE)
}

fn hash(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The lock for `locale` as it stands: every entry it translates, with today's source.
pub fn current(reference: &Locale, locale: &Locale) -> Lock {
    lock_of(reference, locale.entries.keys())
}

/// The lock of a locale that is just starting: every reference entry, as the scaffold shows it.
/// A translation made later from that scaffold is then flagged if the reference changes first.
pub(crate) fn for_new_locale(reference: &Locale) -> Lock {
    lock_of(reference, reference.entries.keys())
}

/// A lock recording today's reference source of each of `ids` that the reference has.
fn lock_of<'a>(reference: &Locale, ids: impl Iterator<Item = &'a String>) -> Lock {
    let messages = ids
        .filter_map(|id| {
            let source = entry_source(reference, id)?;
            Some((
                id.clone(),
                Locked {
                    hash: hash(&source),
                    source,
                },
            ))
        })
        .collect();
    Lock {
        version: 1,
        reference: reference.id.clone(),
        messages,
    }
}

/// The text of a lock file, with a header saying what it is.
pub fn to_text(lock: &Lock) -> String {
    let body = toml::to_string(lock).expect("a lock serialises");
    format!(
        "# appealpack lock: the reference text each translation was made from.\n\
         # Written by `appealpack check --update-lock <locale>` after a review; commit it.\n\n{body}"
    )
}

/// Reads the lock of a locale; `Ok(None)` when it has none.
pub(crate) fn read(locale: &Locale) -> Result<Option<Lock>, Diagnostic> {
    let path = lock_path(locale);
    // A lock is read only from its locale's folder: a link elsewhere, a FIFO or a runaway
    // file is refused.
    let cannot_read = |reason: String| {
        Diagnostic::error(
            Code::Io,
            format!("cannot read {}: {reason}", path.display()),
        )
        .in_locale(locale.id.clone())
    };
    let text = match crate::load::read_inside(&path, &locale.dir, crate::load::Limit::LOCK) {
        Ok(bytes) => {
            String::from_utf8(bytes).map_err(|_| cannot_read("it is not valid UTF-8".to_owned()))?
        }
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => return Err(cannot_read(error.to_string())),
    };
    toml::from_str(&text).map(Some).map_err(|error| {
        Diagnostic::error(
            Code::Io,
            format!(
                "{} is not a valid lock file: {}",
                path.display(),
                error.message()
            ),
        )
        .in_locale(locale.id.clone())
        .with_help(format!(
            "rewrite it with `appealpack check --update-lock {}`",
            locale.id
        ))
    })
}

/// A warning for each translation whose reference changed since the lock was written.
pub(crate) fn stale(reference: &Locale, locale: &Locale, lock: &Lock) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, locked) in &lock.messages {
        let (Some(source), Some(at)) = (entry_source(reference, id), locale.entries.get(id)) else {
            continue;
        };
        if hash(&source) == locked.hash {
            continue;
        }
        let changes = word_diff(&locked.source, &source).excerpt(5);
        out.push(
            Diagnostic::warning(Code::Stale, format!("translation of `{id}` is older than its source"))
                .in_locale(locale.id.clone())
                .for_message(id.clone())
                .with_label(at.file, at.span.clone(), "translated from an earlier version")
                .with_note(format!("the {} source changed: {changes}", reference.id))
                .with_help(format!(
                    "update the translation, then mark it reviewed with `appealpack check --update-lock {}`",
                    locale.id
                )),
        );
    }
    out
}

/// Stale warnings for a locale that has a lock; nothing for one that has none.
pub fn check(reference: &Locale, locale: &Locale) -> Vec<Diagnostic> {
    if reference.id == locale.id {
        return Vec::new();
    }
    match read(locale) {
        Ok(Some(lock)) => stale(reference, locale, &lock),
        Ok(None) => Vec::new(),
        Err(diagnostic) => vec![diagnostic],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(id: &str, ftl: &str) -> Locale {
        let mut sources = crate::source::SourceMap::new();
        let resource =
            std::sync::Arc::new(fluent_bundle::FluentResource::try_new(ftl.to_owned()).unwrap());
        let file = sources.add_fluent(format!("{id}/main.ftl"), resource.clone());
        let mut entries = BTreeMap::new();
        for (index, entry) in resource.entries().enumerate() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let span = crate::source::span_in(resource.source(), m.id.name);
                entries.insert(
                    m.id.name.to_owned(),
                    crate::load::EntryLocation { file, index, span },
                );
            }
        }
        Locale {
            id: id.into(),
            langid: id.parse().unwrap(),
            dir: PathBuf::from(format!("/nonexistent/{id}")),
            files: vec![crate::load::FtlFile {
                file,
                name: "main.ftl".into(),
                resource,
            }],
            entries,
            skipped: Default::default(),
            ignored: Default::default(),
        }
    }

    #[test]
    fn a_changed_source_makes_the_translation_stale() {
        let en = locale(
            "en",
            "p3 = Fines of up to 15,000 roubles.\nsame = Unchanged.\n",
        );
        let fr = locale(
            "fr",
            "p3 = Des amendes jusqu’à 15 000 roubles.\nsame = Inchangé.\n",
        );
        let lock = current(&en, &fr);
        assert!(stale(&en, &fr, &lock).is_empty());
        // Reformatting the file does not count as a change.
        let en_reformatted = locale(
            "en",
            "# a note\np3 =\n    Fines of up to 15,000 roubles.\nsame = Unchanged.\n",
        );
        assert!(stale(&en_reformatted, &fr, &lock).is_empty());
        let en_changed = locale(
            "en",
            "p3 = Fines of up to 50,000 roubles.\nsame = Unchanged.\n",
        );
        let found = stale(&en_changed, &fr, &lock);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "translation of `p3` is older than its source"
        );
        assert_eq!(
            found[0].notes[0],
            "the en source changed: … = Fines of up to [-15,000-] {+50,000+} roubles."
        );
        // Updating the lock clears it.
        assert!(stale(&en_changed, &fr, &current(&en_changed, &fr)).is_empty());
    }

    #[test]
    fn the_lock_round_trips_through_toml() {
        let en = locale("en", "p = A { $x } b.\n");
        let lock = current(&en, &locale("fr", "p = Un { $x } b.\n"));
        let text = to_text(&lock);
        assert!(text.starts_with("# appealpack lock"));
        let parsed: Lock = toml::from_str(&text).unwrap();
        assert_eq!(parsed, lock);
    }
}
