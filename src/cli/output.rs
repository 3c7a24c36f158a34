//! Terminal output: colour only on a terminal, quiet and verbose levels; a command's report to
//! stdout, the tool's own progress and failures to stderr.

use std::io::IsTerminal;

use appealpack::diagnostic::Diagnostics;
use appealpack::report;
use appealpack::source::SourceMap;

use super::args::{ColorChoice, GlobalArgs};

pub fn use_color(global: &GlobalArgs) -> bool {
    color_for(global, std::io::stderr().is_terminal())
}

fn color_for(global: &GlobalArgs, is_terminal: bool) -> bool {
    match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// A fatal error at the edge of the program. Like every line here, it is printed with control
/// and bidi characters made visible: messages carry paths and ids the user chose.
pub fn error(global: &GlobalArgs, message: &str) {
    let message = appealpack::report::visible(message);
    if use_color(global) {
        anstream::eprintln!("\x1b[1;91merror\x1b[0m\x1b[1m: {message}\x1b[0m");
    } else {
        eprintln!("error: {message}");
    }
}

/// A status line (suppressed by --quiet).
pub fn status(global: &GlobalArgs, message: &str) {
    if !global.quiet {
        eprintln!("{}", appealpack::report::visible(message));
    }
}

/// A detail line (only with --verbose).
pub fn detail(global: &GlobalArgs, message: &str) {
    if global.verbose {
        eprintln!("{}", appealpack::report::visible(message));
    }
}

/// Every diagnostic, rustc-style, on stderr beside the tool's progress.
pub fn diagnostics(global: &GlobalArgs, diagnostics: &Diagnostics, sources: &SourceMap) {
    if let Some(text) = human(global, diagnostics, sources, use_color(global)) {
        eprint!("{text}");
    }
}

/// Every diagnostic as the command's own report, on stdout (`check`: the report is what the
/// command is for, so `check | less` shows it).
pub fn report_diagnostics(global: &GlobalArgs, diagnostics: &Diagnostics, sources: &SourceMap) {
    let color = color_for(global, std::io::stdout().is_terminal());
    if let Some(text) = human(global, diagnostics, sources, color) {
        print!("{text}");
    }
}

/// The rustc-style text of the diagnostics shown (warnings are left out with --quiet), if any.
fn human(
    global: &GlobalArgs,
    diagnostics: &Diagnostics,
    sources: &SourceMap,
    color: bool,
) -> Option<String> {
    let shown: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.is_error() || !global.quiet)
        .cloned()
        .collect();
    (!shown.is_empty()).then(|| report::human(&shown, sources, color))
}
