//! The architecture's rules as a test: which top-level module of the library may use which.
//!
//! Every `crate::x` path in `src/` (outside the binary's `main.rs` and `cli/`) is an edge from
//! the file's top-level module to `x`. An edge that is not in [`ALLOWED`] fails, so a checker
//! that starts calling the renderer, or a model that reaches into a workflow, is caught when
//! it is written; an allowed edge that no longer exists fails too, so the list stays the
//! truth about the layering (docs/decisions/0001-architecture.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Per module, the modules it may use. The pipeline runs load → check → model → render →
/// (release) → artifacts; dependencies point the other way where data flows back (the checker
/// builds the model to check what is printed), never from a lower layer to a higher one:
/// nothing below `render` uses it, and only `artifacts` writes files.
const ALLOWED: &[(&str, &[&str])] = &[
    // Foundations: plain values and text helpers that every layer may use.
    ("source", &[]),
    ("guard", &[]),
    ("chars", &[]),
    ("diff", &[]),
    ("timestamp", &[]),
    ("archive", &["timestamp"]),
    ("diagnostic", &["source"]),
    ("report", &["chars", "diagnostic", "source"]),
    // Inputs: the manifest, then the whole tree; fonts borrow load's wording of I/O errors.
    ("manifest", &["chars", "diagnostic", "source"]),
    (
        "load",
        &["chars", "diagnostic", "guard", "manifest", "source"],
    ),
    ("fonts", &["chars", "load"]),
    // The model is built from the loaded tree (pseudo-locales are a transform of it).
    (
        "model",
        &["chars", "diagnostic", "load", "manifest", "source"],
    ),
    // The checker reads the tree and the model it builds, never a renderer.
    (
        "check",
        &[
            "canonical",
            "chars",
            "diagnostic",
            // Stale translations are shown as word diffs of their source.
            "diff",
            "fonts",
            "load",
            "manifest",
            "model",
            "source",
        ],
    ),
    // Canonical fidelity is a check (called by `check`, walks patterns with its walker).
    (
        "canonical",
        &[
            "check",
            "diagnostic",
            "diff",
            "load",
            // The corrections it accepts, and the addressees behind address lines.
            "manifest",
            "model",
            "source",
        ],
    ),
    // Renderers: pure functions of the model.
    (
        "render",
        &["archive", "chars", "fonts", "model", "timestamp"],
    ),
    // The translator's tools: a new locale's scaffold (with its lock), the status matrix.
    ("scaffold", &["check", "load", "manifest", "model"]),
    (
        "status",
        &["chars", "check", "diagnostic", "load", "manifest"],
    ),
    // The driver: load, check, build, render.
    (
        "pipeline",
        &["check", "diagnostic", "fonts", "load", "model", "render"],
    ),
    // A release adds manifest, checksums, zips and the page, in memory, as the writer's files.
    (
        "release",
        &[
            "archive",
            "artifacts",
            "chars",
            "fonts",
            "load",
            "model",
            "pipeline",
            "render",
            "timestamp",
        ],
    ),
    // The only writer.
    ("artifacts", &["load", "pipeline", "render"]),
    // What the benchmarks see that is not API (the `bench-support` feature).
    ("bench_support", &["check"]),
];

/// Edges that are allowed while they last and may disappear without failing the test.
const TEMPORARY: &[(&str, &str, &str)] = &[];

fn library_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            library_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/render/pdf/mod.rs` → `render`), or `None` for
/// the crate roots and the binary's own modules.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main" | "cli")).then(|| name.to_owned())
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first identifier of each item of a `{…}` group that starts at `text[0]`.
fn group_heads(text: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expecting = true;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' => {
                depth += 1;
                expecting = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expecting = true,
            c if depth == 1 && expecting && is_ident_char(c) => {
                let end = text[at..]
                    .find(|c: char| !is_ident_char(c))
                    .map_or(text.len(), |n| at + n);
                heads.push(text[at..end].to_owned());
                expecting = false;
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    heads
}

/// Every module named right after `crate::` in `source`, comments left out.
fn crate_edges(source: &str) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut edges = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| is_ident_char(c) || c == '$') {
            continue;
        }
        let rest = code[at + "crate::".len()..].trim_start();
        if rest.starts_with('{') {
            edges.extend(group_heads(rest));
        } else {
            let end = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
            edges.insert(rest[..end].to_owned());
        }
    }
    edges.retain(|e| e != "self" && !e.is_empty());
    edges
}

/// module → (used module → the first file that uses it).
fn edges() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    library_sources(&src, &mut files);
    files.sort();
    let mut out: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let source = std::fs::read_to_string(&file).unwrap();
        for used in crate_edges(&source) {
            if used != module {
                let relative = file.strip_prefix(src.parent().unwrap()).unwrap();
                out.entry(module.clone())
                    .or_default()
                    .entry(used)
                    .or_insert_with(|| relative.to_path_buf());
            }
        }
    }
    out
}

#[test]
fn modules_use_only_the_modules_the_architecture_allows() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut problems = Vec::new();
    let found = edges();
    for (module, used) in &found {
        let Some(may_use) = allowed.get(module.as_str()) else {
            problems.push(format!(
                "module `{module}` is not in ALLOWED: add it with the modules it may use"
            ));
            continue;
        };
        for (target, file) in used {
            if !may_use.contains(&target.as_str()) {
                problems.push(format!(
                    "{} uses `crate::{target}`, an edge {module} → {target} the architecture \
                     does not allow",
                    file.display()
                ));
            }
        }
    }
    for (module, may_use) in ALLOWED {
        for target in *may_use {
            let used = found.get(*module).is_some_and(|u| u.contains_key(*target));
            let temporary = TEMPORARY.iter().any(|(m, t, _)| m == module && t == target);
            if !used && !temporary {
                problems.push(format!(
                    "{module} no longer uses {target}: remove the edge from ALLOWED"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn edges_are_read_from_paths_and_groups_but_not_comments() {
    let source = "use crate::a::B;\nuse crate::{b, c::{D, E}};\n// crate::z\nlet x = \
                  crate::d::f();\n$crate::y; my_crate::w;";
    let edges: Vec<String> = crate_edges(source).into_iter().collect();
    assert_eq!(edges, ["a", "b", "c", "d"]);
}
