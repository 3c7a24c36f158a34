//! Path patterns of a project configuration: `{variables}`, `*` within a folder name, `**` across folders.

use std::collections::BTreeMap;

/// Expands `{name}` with `env` (whose values may use other variables), leaving `{locale}` for
/// [`with_locale`]. `{l10n_base}` is the base folder itself, `.`.
pub(crate) fn expand(text: &str, env: &BTreeMap<String, String>) -> Result<String, String> {
    expand_depth(text, env, 0)
}

fn expand_depth(
    text: &str,
    env: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String, String> {
    // compare-locales allows variables in variables; a cycle must not loop forever.
    if depth > 16 {
        return Err("its variables refer to each other in a cycle".into());
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            return Err("a `{` is not closed".into());
        };
        let name = &rest[open + 1..open + close];
        match name {
            "locale" => out.push_str("{locale}"),
            "l10n_base" => out.push('.'),
            _ => match env.get(name) {
                Some(value) => out.push_str(&expand_depth(value, env, depth + 1)?),
                None => {
                    return Err(format!(
                        "`{{{name}}}` is not a variable of `[env]` (nor `{{locale}}`, `{{l10n_base}}`)"
                    ));
                }
            },
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The pattern for one locale.
pub(crate) fn with_locale(pattern: &str, locale: &str) -> String {
    pattern.replace("{locale}", locale)
}

/// A pattern split at its first wildcard: the folders to walk, and what files below must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// Folders without wildcards, relative to the base (`["{locale}", "browser"]`).
    pub prefix: Vec<String>,
    /// The rest (`["**", "*.ftl"]`); never empty: a pattern without wildcards names a file,
    /// whose name is its tail.
    pub tail: Vec<String>,
}

/// Splits a pattern relative to the base; `None` when it leads out of the base (absolute, or
/// climbing with `..`).
pub(crate) fn split(pattern: &str) -> Option<Split> {
    if pattern.starts_with('/') || pattern.contains('\\') {
        return None;
    }
    let mut segments: Vec<String> = Vec::new();
    for part in pattern.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            _ => segments.push(part.to_owned()),
        }
    }
    // `**` at the end (`en/**`) means every file below.
    let first_wild = segments
        .iter()
        .position(|s| s.contains(['*', '?']))
        .unwrap_or(segments.len().saturating_sub(1));
    let tail = segments.split_off(first_wild);
    (!tail.is_empty()).then_some(Split {
        prefix: segments,
        tail,
    })
}

/// Whether the path `name` (folders and file, below the prefix) matches the tail of a pattern.
pub(crate) fn matches(tail: &[String], name: &[&str]) -> bool {
    match (tail.first(), name.first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(t), _) if t == "**" => {
            // Zero or more folders; a final `**` takes every file below.
            tail.len() == 1 && !name.is_empty()
                || (0..=name.len()).any(|skip| matches(&tail[1..], &name[skip..]))
        }
        (Some(_), None) => false,
        (Some(t), Some(n)) => {
            segment(t.as_bytes(), n.as_bytes()) && matches(&tail[1..], &name[1..])
        }
    }
}

/// `*` (any run of characters) and `?` (one) within one folder or file name.
fn segment(pattern: &[u8], name: &[u8]) -> bool {
    match (pattern.first(), name.first()) {
        (None, None) => true,
        (Some(b'*'), _) => (0..=name.len()).any(|skip| segment(&pattern[1..], &name[skip..])),
        (Some(b'?'), Some(_)) => segment(&pattern[1..], &name[1..]),
        (Some(p), Some(n)) if p == n => segment(&pattern[1..], &name[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn variables_expand_inside_variables() {
        let env = env(&[("l", "{l10n_base}/{locale}/"), ("x", "{y}"), ("y", "{x}")]);
        assert_eq!(expand("{l}**", &env).unwrap(), "./{locale}/**");
        assert_eq!(with_locale("./{locale}/**", "fr"), "./fr/**");
        assert!(expand("{x}", &env).unwrap_err().contains("cycle"));
        assert!(expand("{nope}/a", &env).unwrap_err().contains("`{nope}`"));
    }

    #[test]
    fn patterns_split_at_the_first_wildcard_and_match_below() {
        let split = split("./{locale}/browser/**/*.ftl").unwrap();
        assert_eq!(split.prefix, ["{locale}", "browser"]);
        assert_eq!(split.tail, ["**", "*.ftl"]);
        assert!(matches(&split.tail, &["a.ftl"]));
        assert!(matches(&split.tail, &["x", "y", "a.ftl"]));
        assert!(!matches(&split.tail, &["a.properties"]));
        let every = super::split("en/**").unwrap();
        assert!(matches(&every.tail, &["sub", "a.ftl"]));
        let one = super::split("en/main.ftl").unwrap();
        assert_eq!(
            (one.prefix, one.tail.clone()),
            (vec!["en".to_owned()], vec!["main.ftl".to_owned()])
        );
        assert!(matches(&one.tail, &["main.ftl"]));
        assert!(!matches(&one.tail, &["sub", "main.ftl"]));
        assert_eq!(super::split("../secrets/**"), None);
        assert_eq!(super::split("/etc/**"), None);
        assert!(matches(&["?x.ftl".to_owned()], &["ax.ftl"]));
    }
}
