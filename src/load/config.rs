//! Mozilla's project configuration, `l10n.toml` (as compare-locales and Pontoon read it): locales, paths, filters.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::confine::{Confined, FolderProblem};
use super::fs::ReadError;
use super::pattern::{Split, expand, matches, split, with_locale};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Level, Mode};
use crate::manifest::{Ident, LevelsConfig};
use crate::source::FileId;

/// The file `check --root DIR` reads when DIR has one and no `--reference` is given.
pub const CONFIG_FILE: &str = "l10n.toml";

/// The keys compare-locales reads that appealpack supports; any other is refused by name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    basepath: Option<Ident>,
    #[serde(default)]
    locales: Vec<Ident>,
    #[serde(default)]
    env: BTreeMap<String, Ident>,
    #[serde(default)]
    paths: Vec<RawPaths>,
    #[serde(default)]
    filters: Vec<RawFilter>,
    /// appealpack's own section: levels of diagnostics (compare-locales ignores it).
    #[serde(default)]
    appealpack: LevelsConfig,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    reference: Ident,
    l10n: Ident,
    #[serde(default)]
    locales: Option<Vec<Ident>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFilter {
    path: OneOrMany,
    #[serde(default)]
    key: Option<OneOrMany>,
    action: Ident,
}

/// A string or a list of strings (`path`, `key`), each pointing at the whole value: toml's
/// spans cannot pass through serde's untagged enums, so the span is taken around them.
#[derive(Debug)]
struct OneOrMany(Vec<Ident>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Plain {
            One(String),
            Many(Vec<String>),
        }
        let spanned = toml::Spanned::<Plain>::deserialize(deserializer)?;
        let span = spanned.span();
        let names = match spanned.into_inner() {
            Plain::One(one) => vec![one],
            Plain::Many(many) => many,
        };
        Ok(OneOrMany(
            names
                .into_iter()
                .map(|name| Ident {
                    name,
                    span: span.clone(),
                })
                .collect(),
        ))
    }
}

impl OneOrMany {
    fn items(&self) -> &[Ident] {
        &self.0
    }
}

/// A project configuration, read and checked: every pattern relative to `base`.
#[derive(Debug)]
pub(super) struct Project {
    pub base: PathBuf,
    pub reference: String,
    /// The locales to check (the reference left out), in the order the file names them.
    pub locales: Vec<String>,
    pub paths: Vec<Paths>,
    filters: Vec<Filter>,
    pub levels: Vec<(Code, Level)>,
}

#[derive(Debug)]
pub(super) struct Paths {
    reference: Split,
    /// The l10n pattern, `{locale}` unexpanded.
    l10n: Split,
    /// Index in `l10n.prefix` of the folder named `{locale}`.
    locale_at: usize,
    locales: Option<Vec<String>>,
}

#[derive(Debug)]
struct Filter {
    /// Patterns relative to the base, `{locale}` unexpanded.
    paths: Vec<Split>,
    /// The messages it ignores; all of the file's when empty.
    keys: Vec<String>,
}

/// One locale's files: `(name inside the locale, path)`, and its folder.
pub(super) struct Found {
    pub dir: PathBuf,
    pub files: Vec<(String, PathBuf)>,
}

/// What the filters ignore in one locale: whole files, and messages of files (by name).
#[derive(Debug, Default, Clone)]
pub(crate) struct Ignored {
    pub files: BTreeSet<String>,
    pub keys: BTreeSet<(String, String)>,
}

impl Ignored {
    /// Whether the entry `key` of the file `name` (inside the locale) is ignored.
    pub(crate) fn entry(&self, name: &str, key: &str) -> bool {
        self.files.contains(name) || self.keys.iter().any(|(f, k)| f == name && k == key)
    }

    /// Whether some file ignores the message `key`: its diagnostics are not reported.
    pub(crate) fn message(&self, key: &str) -> bool {
        self.keys.iter().any(|(_, k)| k == key)
    }
}

impl Project {
    /// Parses the configuration at `path` (read into `file`), or every problem, each at its
    /// key or value.
    pub(super) fn parse(
        text: &str,
        file: FileId,
        path: &Path,
        reference: Option<&str>,
        diagnostics: &mut Diagnostics,
    ) -> Result<Project, Vec<Diagnostic>> {
        let at = |message: String, ident: &Ident| {
            Diagnostic::error(Code::ManifestInvalid, message).with_label(
                file,
                ident.span.clone(),
                "here",
            )
        };
        let raw: Raw = toml::from_str(text).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim_end_matches('.').to_owned();
            vec![
                Diagnostic::error(
                    Code::ManifestInvalid,
                    crate::chars::lowercase_first(&message),
                )
                .with_label(file, span, "here")
                .with_note(
                    "appealpack reads `basepath`, `locales`, `[env]`, `[[paths]]` (`reference`, \
                         `l10n`, `locales`), `[[filters]]` with `action = \"ignore\"` and its own \
                         `[appealpack]` (`deny`, `warn`, `allow`)",
                ),
            ]
        })?;
        let mut problems = Vec::new();
        let folder = path.parent().unwrap_or(Path::new(""));
        let base = match &raw.basepath {
            Some(basepath) if basepath.starts_with('/') => {
                problems.push(at(
                    format!("`basepath = \"{basepath}\"` is absolute; write it relative to the configuration"),
                    basepath,
                ));
                folder.to_owned()
            }
            // `t/.` would print as the folder of every file; `t` is what the user named.
            Some(basepath) => under(
                folder,
                basepath.split('/').filter(|s| !s.is_empty() && *s != "."),
            ),
            None => folder.to_owned(),
        };
        let env: BTreeMap<String, String> = raw
            .env
            .iter()
            .map(|(k, v)| (k.clone(), v.name.clone()))
            .collect();
        let pattern = |ident: &Ident, problems: &mut Vec<Diagnostic>| -> Option<Split> {
            let expanded = match expand(ident, &env) {
                Ok(expanded) => expanded,
                Err(why) => {
                    problems.push(at(format!("cannot read the path `{ident}`: {why}"), ident));
                    return None;
                }
            };
            let split = split(&expanded);
            if split.is_none() {
                problems.push(at(
                    format!(
                        "the path `{ident}` leads out of the base folder {}",
                        shown(&base)
                    ),
                    ident,
                ));
            }
            split
        };
        let mut paths = Vec::new();
        let mut deduced = None;
        for entry in &raw.paths {
            let (Some(reference), Some(l10n)) = (
                pattern(&entry.reference, &mut problems),
                pattern(&entry.l10n, &mut problems),
            ) else {
                continue;
            };
            let Some(locale_at) = l10n.prefix.iter().position(|s| s == "{locale}") else {
                problems.push(at(
                    format!(
                        "`l10n = \"{}\"` must name each locale's folder as `{{locale}}`, before any wildcard",
                        entry.l10n
                    ),
                    &entry.l10n,
                ));
                continue;
            };
            if reference.tail != l10n.tail {
                problems.push(at(
                    format!(
                        "the wildcards of `l10n` (`{}`) differ from those of `reference` (`{}`), so its files cannot be paired",
                        l10n.tail.join("/"),
                        reference.tail.join("/")
                    ),
                    &entry.l10n,
                ));
                continue;
            }
            // `en/**` beside `{locale}/**`: the reference's folder names the reference.
            if deduced.is_none() {
                deduced = reference_locale(&reference.prefix, &l10n.prefix, locale_at);
            }
            let locales = entry
                .locales
                .as_ref()
                .map(|l| l.iter().map(|i| i.name.clone()).collect());
            paths.push(Paths {
                reference,
                l10n,
                locale_at,
                locales,
            });
        }
        let mut filters = Vec::new();
        for filter in &raw.filters {
            if filter.action.name != "ignore" {
                problems.push(at(
                    format!(
                        "`action = \"{}\"` is not supported: a filter can only ignore; set levels in `[appealpack]` (`deny`, `warn`, `allow`)",
                        filter.action
                    ),
                    &filter.action,
                ));
                continue;
            }
            let keys = filter.key.as_ref().map_or(&[][..], OneOrMany::items);
            if let Some(regex) = keys.iter().find(|k| k.starts_with("re:")) {
                problems.push(at(
                    format!("`key = \"{regex}\"`: regular expressions are not supported; list the message ids"),
                    regex,
                ));
                continue;
            }
            let paths = filter
                .path
                .items()
                .iter()
                .filter_map(|p| pattern(p, &mut problems))
                .collect();
            filters.push(Filter {
                paths,
                keys: keys.iter().map(|k| k.name.clone()).collect(),
            });
        }
        if raw.paths.is_empty() {
            problems.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    "the configuration has no `[[paths]]`",
                )
                .with_label(file, 0..0, "here")
                .with_help(
                    "add `[[paths]]` with `reference = \"en/**\"` and `l10n = \"{locale}/**\"`",
                ),
            );
        }
        let reference = match (reference, deduced) {
            (Some(given), _) => given.to_owned(),
            (None, Some(deduced)) => deduced,
            // A path refused above says what is wrong with it.
            (None, None) if !problems.is_empty() => String::new(),
            (None, None) => {
                problems.push(
                    Diagnostic::error(
                        Code::ManifestInvalid,
                        "cannot tell the reference locale from the `reference` paths",
                    )
                    .with_label(file, 0..0, "here")
                    .with_help("pass it with --reference"),
                );
                String::new()
            }
        };
        let levels = raw
            .appealpack
            .settings(file, Mode::Tree)
            .unwrap_or_else(|found| {
                problems.extend(found);
                Vec::new()
            });
        if !problems.is_empty() {
            return Err(problems);
        }
        // Every locale named, at the top or in a `[[paths]]`, once, in order; a name that is
        // no locale id is skipped with a warning, as a folder of a bare tree would be.
        let mut locales: Vec<String> = Vec::new();
        let named = raw
            .locales
            .iter()
            .chain(raw.paths.iter().flat_map(|p| p.locales.iter().flatten()));
        for locale in named {
            if locale.name == reference || locales.contains(&locale.name) {
                continue;
            }
            match crate::manifest::locale_id_problem(locale) {
                None => locales.push(locale.name.clone()),
                Some(problem) => diagnostics.push(
                    Diagnostic::warning(Code::InvalidLocale, format!("skipping {problem}"))
                        .with_label(file, locale.span.clone(), "listed here"),
                ),
            }
        }
        Ok(Project {
            base,
            reference,
            locales,
            paths,
            filters,
            levels,
        })
    }

    /// The reference's files (`None` for the locale) or one locale's, named as the locale's
    /// files are, so that the two pair up.
    pub(super) fn files(
        &self,
        confined: &Confined,
        locale: Option<&str>,
        diagnostics: &mut Diagnostics,
    ) -> Found {
        let mut files = Vec::new();
        let mut dir = None;
        for paths in &self.paths {
            if let (Some(locale), Some(only)) = (locale, &paths.locales)
                && !only.iter().any(|l| l == locale)
            {
                continue;
            }
            let (prefix, tail) = match locale {
                None => (paths.reference.prefix.clone(), &paths.reference.tail),
                Some(locale) => (
                    paths
                        .l10n
                        .prefix
                        .iter()
                        .map(|s| with_locale(s, locale))
                        .collect(),
                    &paths.l10n.tail,
                ),
            };
            let folder = under(&self.base, &prefix);
            // The name inside the locale: the folders after `{locale}`, then what the
            // wildcards matched; the reference's files take the names of their l10n twins.
            let inner = paths.l10n.prefix[paths.locale_at + 1..].join("/");
            let locale_dir = match locale {
                Some(_) => under(&self.base, &prefix[..=paths.locale_at]),
                None => match prefix.iter().rposition(|s| *s == self.reference) {
                    Some(at) => under(&self.base, &prefix[..=at]),
                    None => folder.clone(),
                },
            };
            dir.get_or_insert(locale_dir);
            // A locale that has not started yet has no folder: all its files are missing. A
            // folder whose path leads out of the base (through a link anywhere along it) is
            // not read, out loud, as in a bare tree.
            let id = locale.unwrap_or(&self.reference);
            match confined.follow(&folder) {
                Ok(target) if target.is_dir() => {}
                Ok(_) => continue,
                Err(ReadError::Outside { target, .. }) => {
                    let problem = FolderProblem::Outside(target);
                    diagnostics.push(confined.folder_error(id, &folder, &problem));
                    continue;
                }
                Err(_) => continue,
            }
            let mut below = Vec::new();
            confined.collect_ftl(&folder, &mut below, diagnostics, id);
            for (name, path) in below {
                let parts: Vec<&str> = name.split('/').collect();
                if !matches(tail, &parts) {
                    continue;
                }
                let name = match inner.is_empty() {
                    true => name,
                    false => format!("{inner}/{name}"),
                };
                if !files.iter().any(|(n, _)| *n == name) {
                    files.push((name, path));
                }
            }
        }
        files.sort();
        Found {
            dir: dir.unwrap_or_else(|| self.base.clone()),
            files,
        }
    }

    /// What the filters ignore in `locale`, among the files named `names` (inside the locale).
    pub(super) fn ignored(&self, locale: &str, names: &BTreeSet<String>) -> Ignored {
        let mut ignored = Ignored::default();
        for paths in &self.paths {
            let inner: Vec<String> = paths.l10n.prefix[..]
                .iter()
                .map(|s| with_locale(s, locale))
                .collect();
            let skip = paths.l10n.prefix.len() - paths.locale_at - 1;
            for name in names {
                // The file's path relative to the base, as the filters' patterns are written.
                let mut full: Vec<&str> = inner.iter().map(String::as_str).collect();
                let parts: Vec<&str> = name.split('/').collect();
                if parts.len() < skip || parts[..skip] != paths.l10n.prefix[paths.locale_at + 1..] {
                    continue;
                }
                full.extend(&parts[skip..]);
                for filter in &self.filters {
                    let hit = filter.paths.iter().any(|p| {
                        let prefix: Vec<String> =
                            p.prefix.iter().map(|s| with_locale(s, locale)).collect();
                        full.len() >= prefix.len()
                            && full[..prefix.len()]
                                .iter()
                                .zip(&prefix)
                                .all(|(a, b)| a == b)
                            && matches(&p.tail, &full[prefix.len()..])
                    });
                    if !hit {
                        continue;
                    }
                    match filter.keys.is_empty() {
                        true => {
                            ignored.files.insert(name.clone());
                        }
                        false => ignored
                            .keys
                            .extend(filter.keys.iter().map(|k| (name.clone(), k.clone()))),
                    }
                }
            }
        }
        ignored
    }
}

/// The reference locale a `reference` path names: the folder where `{locale}` stands in
/// `l10n` when the two are laid out alike (`en/**` beside `{locale}/**`); otherwise the last
/// folder named like a language (`browser/locales/en-US/**`: a 2- or 3-letter language subtag,
/// since `locales` and `browser` are well-formed tags too).
fn reference_locale(reference: &[String], l10n: &[String], locale_at: usize) -> Option<String> {
    let alike = reference.len() == l10n.len()
        && (reference.iter().zip(l10n))
            .enumerate()
            .all(|(i, (r, l))| i == locale_at || r == l);
    if alike {
        return reference.get(locale_at).cloned();
    }
    reference
        .iter()
        .rev()
        .find(|s| {
            s.parse::<unic_langid::LanguageIdentifier>()
                .is_ok_and(|id| (2..=3).contains(&id.language.as_str().len()))
        })
        .cloned()
}

/// A folder for messages: `.` rather than nothing.
fn shown(folder: &Path) -> String {
    match folder.as_os_str().is_empty() {
        true => ".".to_owned(),
        false => folder.display().to_string(),
    }
}

/// `base/a/b` from `["a", "b"]`.
fn under<S: AsRef<Path>>(base: &Path, segments: impl IntoIterator<Item = S>) -> PathBuf {
    let mut path = base.to_owned();
    for segment in segments {
        path.push(segment);
    }
    path
}

/// Reads the Fluent files a project configuration names (`check --config l10n.toml`): the
/// reference, then each of its locales, sorted, as [`super::load_bare`] orders them.
pub fn load_config(
    path: &Path,
    reference: Option<&str>,
) -> Result<super::Tree, super::LoadFailure> {
    use super::fs::{Disk, Limit, read_file};
    use super::tree::{PendingLocale, load_locales};
    let mut sources = crate::source::SourceMap::new();
    let fail = |sources, diagnostics: Vec<Diagnostic>| super::LoadFailure {
        root: path.to_owned(),
        sources,
        diagnostics: Diagnostics(diagnostics),
    };
    let text = match read_file(path, Limit::CONFIG).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            let message = format!("{} is not valid UTF-8", path.display());
            return Err(fail(
                sources,
                vec![Diagnostic::error(Code::InvalidUtf8, message)],
            ));
        }
        Err(error) => {
            let message = format!("cannot read {}: {error}", path.display());
            return Err(fail(sources, vec![Diagnostic::error(Code::Io, message)]));
        }
    };
    let file = sources.add_plain(path, text.as_str());
    let mut diagnostics = Diagnostics::default();
    let project = match Project::parse(&text, file, path, reference, &mut diagnostics) {
        Ok(project) => project,
        Err(problems) => return Err(fail(sources, problems)),
    };
    let confined = Confined::new(&Disk, &project.base);
    let mut pending = Vec::new();
    let mut ids: Vec<&str> = project.locales.iter().map(String::as_str).collect();
    ids.push(&project.reference);
    ids.sort();
    for id in ids {
        let is_reference = id == project.reference;
        let refused = |d: &Diagnostics| d.iter().filter(|d| d.code == Code::LocaleFolder).count();
        let before = refused(&diagnostics);
        let found = project.files(&confined, (!is_reference).then_some(id), &mut diagnostics);
        // A locale whose folder was refused is not checked, as in a bare tree: its files are
        // not missing, they were not read.
        if !is_reference && refused(&diagnostics) > before {
            continue;
        }
        if is_reference && found.files.is_empty() {
            let message = format!(
                "the reference locale `{id}` has no Fluent file that the `reference` paths of {} match",
                path.display()
            );
            return Err(fail(
                sources,
                vec![Diagnostic::error(Code::LocaleFolder, message)],
            ));
        }
        pending.push(PendingLocale {
            id: id.to_owned(),
            langid: id.parse().unwrap_or_default(),
            dir: found.dir,
            paths: found.files,
        });
    }
    let mut locales = load_locales(&Disk, &mut sources, &mut diagnostics, pending);
    let reference_names: BTreeSet<String> = locales
        .iter()
        .filter(|l| l.id == project.reference)
        .flat_map(|l| l.files.iter().map(|f| f.name.clone()))
        .collect();
    for locale in locales.iter_mut().filter(|l| l.id != project.reference) {
        let mut names = reference_names.clone();
        names.extend(locale.files.iter().map(|f| f.name.clone()));
        locale.ignored = project.ignored(&locale.id, &names);
    }
    Ok(super::Tree {
        root: project.base,
        sources,
        manifest: None,
        canonical_file: None,
        reference: project.reference,
        locales,
        diagnostics,
        levels: project.levels,
        not_locales: Vec::new(),
    })
}
