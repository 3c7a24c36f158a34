//! Command-line arguments, parsed raw by clap and turned into library requests by each command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns one urgent human-rights appeal into checked, translated PDF and DOCX appeal packs.
#[derive(Debug, Parser)]
#[command(
    name = "appealpack",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no subcommand, appealpack builds.
    #[command(flatten)]
    pub build: BuildArgs,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print what is done, step by step.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every locale, then render each one that passes into PDF and DOCX packs.
    Build(BuildArgs),
    /// Check every locale against the reference and report all problems.
    Check(CheckArgs),
    /// Start a new locale: a folder with every reference message commented out, ready to translate.
    InitLocale(InitLocaleArgs),
    /// Start a new alert: a folder with a commented manifest, English messages of each kind and
    /// a canonical text to replace with the source, which checks clean as it is.
    InitAlert(InitAlertArgs),
    /// A matrix of locales by sections: done, missing, stale and warnings. Exits 0 when the
    /// report ran, whatever it shows: `check` is the command that fails on errors.
    Status(StatusArgs),
}

#[derive(Debug, Clone, Args)]
pub struct InitLocaleArgs {
    /// The new locale, a BCP 47 id such as `pl` or `pt-BR`.
    pub code: String,
    /// Accept a language that CLDR does not list (checked to catch typos such as `eng`).
    #[arg(long)]
    pub unlisted_language: bool,
    /// The i18n folder.
    #[arg(long, value_name = "DIR", default_value = "i18n")]
    pub i18n: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct InitAlertArgs {
    /// The alert's id: letters, digits, `-` and `_`; it names the output files.
    pub id: String,
    /// The folder to create; it must not exist.
    #[arg(long, value_name = "DIR", default_value = "i18n")]
    pub i18n: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print a Markdown table (for a pull-request comment).
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// The i18n folder: manifest.toml, the canonical text and one folder per locale.
    #[arg(long, value_name = "DIR", default_value = "i18n")]
    pub i18n: PathBuf,
    /// The fonts folder, with fonts.toml.
    #[arg(long, value_name = "DIR", default_value = "fonts")]
    pub fonts: PathBuf,
    /// Only these locales (repeatable).
    #[arg(long = "locale", short = 'l', value_name = "LOCALE")]
    pub locales: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Formats to write (repeatable); PDF and DOCX by default, and HTML too with --release.
    #[arg(long = "format", short = 'f', value_enum, value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Paper size of the PDF and DOCX packs.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// The output folder. When the build succeeds it becomes exactly what this build made
    /// (with --locale or --format, only those packs; its README.md stays). It must be new,
    /// empty or an earlier output (marked by a .appealpack-output file); it may not be a
    /// symbolic link, nor hold or sit inside the i18n or fonts folder.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Also publish locales that lack messages, using the reference locale's text for those.
    #[arg(long)]
    pub allow_incomplete: bool,
    /// Also write the release: manifest.json, SHA256SUMS, zips and index.html (the download
    /// page). The output folder is replaced as a whole, even with --locale. Pseudo-locales are
    /// test material, not for partners: --release and --pseudo exclude each other.
    #[arg(long, conflicts_with = "pseudo")]
    pub release: bool,
    /// Also build the pseudo-locales en-XA (accented, longer) and ar-XB (mirrored, right to left).
    #[arg(long)]
    pub pseudo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Docx,
    Text,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Check a bare Fluent tree, DIR/<locale>/**/*.ftl, with no manifest; without
    /// --reference, DIR/l10n.toml is read as with --config.
    #[arg(long, value_name = "DIR", conflicts_with = "i18n")]
    pub root: Option<PathBuf>,
    /// Check the Fluent files a project configuration names (Mozilla's l10n.toml, as
    /// compare-locales and Pontoon read it).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["i18n", "root"])]
    pub config: Option<PathBuf>,
    /// The reference locale of a bare tree (of a configuration: when its paths do not tell).
    #[arg(long, value_name = "LOCALE")]
    pub reference: Option<String>,
    /// How to report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Mark the current translations of LOCALE as reviewed against today's reference
    /// (rewrites its lock file), then check (repeatable).
    #[arg(long, value_name = "LOCALE")]
    pub update_lock: Vec<String>,
    /// Report diagnostics of CODE as errors (repeatable; `number-mismatch`, `stale`…).
    #[arg(long, short = 'D', value_name = "CODE")]
    pub deny: Vec<String>,
    /// Report diagnostics of CODE as warnings (repeatable). An appeal may lower only the
    /// reviewer's judgements, never an error that would break its pack.
    #[arg(long, short = 'W', value_name = "CODE")]
    pub warn: Vec<String>,
    /// Do not report diagnostics of CODE (repeatable), with the limits of --warn.
    #[arg(long, short = 'A', value_name = "CODE")]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// rustc-style snippets, coloured on a terminal.
    Human,
    /// One JSON document (schema: docs/diagnostics.md).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
}
