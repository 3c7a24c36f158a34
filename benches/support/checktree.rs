//! The generated Fluent tree of the check benchmark: 120 real locale ids × 80 files, about
//! 233,000 lines, with planted faults (shared by `benches/check.rs` and `benches/suite.rs`).
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use appealpack::bench_support::plural_categories;
use intl_pluralrules::{PluralRuleType, PluralRules};

pub const LOCALES: usize = 120;
pub const FILES: usize = 80;

pub struct Stats {
    pub locales: usize,
    pub lines: usize,
    pub bytes: usize,
}

/// Real locale ids with CLDR plural rules: `en` first, then others in the data's order.
pub fn locale_ids() -> Vec<String> {
    let mut ids = vec!["en".to_owned()];
    for langid in PluralRules::get_locales(PluralRuleType::CARDINAL) {
        let id = langid.to_string();
        if ids.len() == LOCALES {
            break;
        }
        if id != "en" && !id.contains('-') && id != "root" {
            ids.push(id);
        }
    }
    ids
}

pub fn generate(root: &Path) -> Stats {
    let mut stats = Stats {
        locales: 0,
        lines: 0,
        bytes: 0,
    };
    for (l, id) in locale_ids().iter().enumerate() {
        let plurals = plural_categories(&id.parse().expect("a valid id"));
        for f in 0..FILES {
            // Every 23rd locale lacks its last file.
            if l > 0 && l.is_multiple_of(23) && f == FILES - 1 {
                continue;
            }
            let text = file_text(l, id, f, &plurals);
            let path = root
                .join(id)
                .join(format!("section{}", f / 20))
                .join(format!("file{f:02}.ftl"));
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            stats.lines += text.lines().count();
            stats.bytes += text.len();
            std::fs::write(path, text).expect("written");
        }
        stats.locales += 1;
    }
    stats
}

/// One file: comments, a term, attributes, a plural select, facts. `l == 0` is the reference;
/// other locales get a pseudo-translation with their own number formatting and plural
/// categories, and a few planted faults.
fn file_text(l: usize, id: &str, f: usize, plurals: &[&str]) -> String {
    let tr = |text: &str| {
        if l == 0 {
            text.to_owned()
        } else {
            format!("‹{id}› {text}")
        }
    };
    let fault =
        |every_locale: usize, file: usize| l > 0 && l.is_multiple_of(every_locale) && f == file;
    let fine = match l % 4 {
        _ if fault(17, 5) => "16,000".to_owned(),
        0 => "15,000".to_owned(),
        1 => "15\u{202F}000".to_owned(),
        2 => "15.000".to_owned(),
        _ => "١٥٬٠٠٠".to_owned(),
    };
    let name = if fault(11, 3) { "$nmae" } else { "$name" };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### Section {f}: messages of the generated benchmark tree.\n"
    );
    if f == 0 {
        let _ = writeln!(
            out,
            "# The product name, never translated.\n-brand = Appeal Pack\n"
        );
    }
    let _ = writeln!(out, "## Greetings\n");
    let _ = writeln!(
        out,
        "# Shown on top of section {f}; $name is the reader's name."
    );
    let _ = writeln!(
        out,
        "s{f}-greeting = {} {{ {name} }}, {}",
        tr("Hello"),
        tr(&format!("welcome to section {f} of the appeal."))
    );
    let _ = writeln!(out, "    .title = {}", tr(&format!("Section {f}")));
    let _ = writeln!(out, "    .tooltip = {}", tr("Open this section"));
    let _ = writeln!(
        out,
        "# Legal weight: the fine, the article and the date are facts."
    );
    let _ = writeln!(
        out,
        "s{f}-fine = {} {fine} {} 20.33 {} 19 May 2025.",
        tr("Fines of up to"),
        tr("roubles under Article"),
        tr("apply since")
    );
    let _ = writeln!(
        out,
        "s{f}-brand = {{ -brand }} {} {{ $topic }}.",
        tr("keeps you informed about")
    );
    let _ = writeln!(
        out,
        "s{f}-contact = {} mission.russian@vtxnet.ch {} @KremlinRussia_E.",
        tr("Write to"),
        tr("or to")
    );
    let _ = writeln!(out, "\n## Counts\n");
    let _ = writeln!(out, "# $count is the number of letters.");
    let _ = writeln!(out, "s{f}-items = {{ $count ->");
    let categories: Vec<&str> = if l == 0 {
        vec!["one", "other"]
    } else {
        let mut all: Vec<&str> = plurals.to_vec();
        // Every 9th locale forgets one category in one file.
        if fault(9, 2) && all.len() > 1 {
            all.remove(0);
        }
        all
    };
    for category in &categories {
        let star = if *category == "other" { "*" } else { " " };
        let _ = writeln!(
            out,
            "   {star}[{category}] {{ $count }} {}",
            tr("letters are ready.")
        );
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(
        out,
        "s{f}-plain =\n    {}\n    {}",
        tr("Please check every message before"),
        tr("you send it to the authorities.")
    );
    if !fault(10, 7) {
        let _ = writeln!(out, "s{f}-closing = {}", tr("Thank you for your help."));
    }
    if fault(13, 4) {
        let _ = writeln!(
            out,
            "s{f}-old = {}",
            tr("A message the reference no longer has.")
        );
    }
    if fault(19, 6) {
        let _ = writeln!(
            out,
            "s{f}-broken = {} {{ $name",
            tr("An unclosed placeable")
        );
    }
    out
}
