//! The benchmark suite: medians of the shipped build, the 120-locale check, 100 pseudo-locales
//! and the growth with the number of locales, against Typst and pandoc timed in the same run.
//!
//! `cargo bench --bench suite` prints Markdown (docs/benchmarks.md explains every row). Rows
//! of processes give the median wall time, the median CPU time (user + system, all threads)
//! and the largest peak resident memory (`wait4`'s `ru_maxrss`) of the runs. Commands that are
//! compared take turns within each round, so a burst of load on a shared machine hits them
//! alike. Environment:
//! - `APPEALPACK_BENCH_RUNS` (default 11): runs of each timed command;
//! - `APPEALPACK_BENCH_SCALING_RUNS` (default 3): runs of each point of the scaling table;
//! - `APPEALPACK_BENCH_CALLGRIND=1`: also count the instructions of the budget commands with
//!   valgrind (deterministic whatever the load; slow);
//! - `APPEALPACK_BENCH_ONLY=compare-locales`: only the side-by-side with Mozilla's
//!   compare-locales (missing and obsolete totals on the same trees; issue 20).

#[path = "support/checktree.rs"]
mod checktree;
#[path = "support/comparelocales.rs"]
mod comparelocales;
#[path = "support/measure.rs"]
mod measure;
#[path = "support/pseudotree.rs"]
mod pseudotree;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use appealpack::check::{CheckOptions, check};
use appealpack::fonts::FontLibrary;
use appealpack::load::{self, Tree};
use appealpack::model::{ModelOptions, build_pack};
use appealpack::pipeline::{BuildRequest, build};
use appealpack::release::{self, ReleaseOptions};
use appealpack::render::{Format, RenderOptions, docx, pdf, preview, text};
use measure::{Run, Step, Summary, median, mib, ms, ratio, run, step, summarise, times};

/// The alert measured: the frozen full-size fixture, so that figures compare across alerts
/// (`i18n/` is whatever alert ships).
const ALERT: &str = "tests/fixtures/alert-observatory";

const BINARY: &str = env!("CARGO_BIN_EXE_appealpack");
/// Locale counts of the scaling table (pseudo-locales besides the reference).
const SCALING: [usize; 8] = [1, 2, 4, 8, 16, 32, 64, 100];
const PSEUDO: usize = 100;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn main() {
    let runs = env_usize("APPEALPACK_BENCH_RUNS", 11);
    let scaling_runs = env_usize("APPEALPACK_BENCH_SCALING_RUNS", 3);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let i18n = root.join(ALERT);
    let fonts_dir = root.join("fonts");
    let temp = tempfile::tempdir().expect("a temporary folder");
    let work = temp.path();
    let load_at_start = measure::load_average();
    let started = Instant::now();
    if std::env::var("APPEALPACK_BENCH_ONLY").as_deref() == Ok("compare-locales") {
        comparelocales::print_compare_locales(root, work);
        return;
    }

    println!("# appealpack benchmark suite\n");
    println!(
        "Machine: {}; rayon threads: {}; {runs} runs per command (medians).\n",
        measure::machine(),
        rayon::current_num_threads()
    );

    // --- The inputs: the shipped tree, the 120-locale check tree, the pseudo-locale trees.
    let check_tree = work.join("check-tree");
    let stats = checktree::generate(&check_tree);
    let scaling_trees: Vec<(usize, PathBuf)> = SCALING
        .iter()
        .map(|&n| {
            let dir = work.join(format!("pseudo-{n}"));
            pseudotree::generate(&i18n, &dir, n);
            (n, dir)
        })
        .collect();
    let pseudo_tree = scaling_trees
        .iter()
        .find(|(n, _)| *n == PSEUDO)
        .map(|(_, d)| d.clone())
        .expect("the 100-locale tree is one of the scaling trees");
    let peers = Peers::prepare(root, &i18n, &fonts_dir, work);
    eprintln!("inputs ready in {:.1} s", started.elapsed().as_secs_f64());

    let in_process = in_process(&i18n, &fonts_dir, runs);
    let shipped = shipped_commands(root, &i18n, work, runs, &peers);
    let check120 = check_tree_commands(&check_tree, runs);
    let pseudo = pseudo_commands(&pseudo_tree, work, scaling_runs);
    let scaling = scaling_commands(&scaling_trees, work, scaling_runs);
    let typst_warm = peers.typst_warm(runs);

    let load_at_end = measure::load_average();
    println!(
        "Load average (1 min) {load_at_start} at the start, {load_at_end} at the end; the suite took {:.0} s.\n",
        started.elapsed().as_secs_f64()
    );

    print_budgets(&in_process, &shipped, &check120);
    print_shipped(&in_process, &shipped);
    print_peers(&in_process, &shipped, typst_warm.as_ref());
    print_check_tree(&check120, &stats);
    comparelocales::print_compare_locales(root, work);
    print_pseudo(&pseudo);
    print_scaling(&scaling);
    if std::env::var_os("APPEALPACK_BENCH_CALLGRIND").is_some() {
        print_instructions(root, &i18n, work, &check_tree);
    }
}

// ---------------------------------------------------------------------------------------------
// In process: the library, step by step.

struct InProcess {
    fonts: Step,
    load: Step,
    check: Step,
    build: Step,
    release: Step,
    all: Step,
    en_pdf: Step,
    en_docx: Step,
    /// How many locales the shipped tree has (the build and check steps cover them all).
    locales: usize,
    seven_pdfs: Step,
    seven_pdfs_parallel: Step,
}

fn in_process(i18n: &Path, fonts_dir: &Path, runs: usize) -> InProcess {
    let tree = load::load(i18n).expect("the alert fixture loads");
    let fonts = FontLibrary::load(fonts_dir).expect("the fonts load");
    // What `build --release` asks for: PDF, DOCX and the web page, and page 1 of each PDF as
    // the download page's preview.
    let request = BuildRequest {
        formats: vec![Format::Pdf, Format::Docx, Format::Html],
        release: true,
        preview_width: Some(preview::PREVIEW_WIDTH),
        ..BuildRequest::default()
    };
    let outcome = build(&tree, &fonts, &request);
    assert!(outcome.succeeded(), "the shipped tree builds");
    let release_options = ReleaseOptions {
        previews: outcome.previews.clone(),
        ..ReleaseOptions::default()
    };
    let locales: Vec<String> = tree.locales.iter().map(|l| l.id.clone()).collect();
    InProcess {
        fonts: step(runs, || FontLibrary::load(fonts_dir).unwrap()),
        load: step(runs, || load::load(i18n).unwrap()),
        check: step(runs, || {
            check(&tree, Some(&fonts), &CheckOptions::default())
        }),
        build: step(runs, || build(&tree, &fonts, &request)),
        release: step(runs, || {
            release::assemble(&tree, &fonts, &outcome, &release_options).unwrap()
        }),
        all: step(runs, || {
            let tree = load::load(i18n).unwrap();
            let fonts = FontLibrary::load(fonts_dir).unwrap();
            let mut outcome = build(&tree, &fonts, &request);
            let options = ReleaseOptions {
                previews: std::mem::take(&mut outcome.previews),
                ..ReleaseOptions::default()
            };
            release::assemble(&tree, &fonts, &outcome, &options).unwrap()
        }),
        locales: locales.len(),
        en_pdf: step(runs, || render_one(&tree, &fonts, "en", pdf::render)),
        en_docx: step(runs, || render_one(&tree, &fonts, "en", docx::render)),
        // Seven documents, as Typst compiles seven: the first seven locales of the manifest.
        seven_pdfs: step(runs, || {
            for locale in locales.iter().take(7) {
                render_one(&tree, &fonts, locale, pdf::render);
            }
        }),
        seven_pdfs_parallel: step(runs, || {
            use rayon::prelude::*;
            locales.par_iter().take(7).for_each(|locale| {
                render_one(&tree, &fonts, locale, pdf::render);
            });
        }),
    }
}

type Renderer = fn(
    &appealpack::model::AppealPack,
    &FontLibrary,
    &RenderOptions,
) -> Result<appealpack::render::Rendered, appealpack::render::RenderError>;

/// Model and render one locale, as a warm process would (tree and fonts already loaded).
fn render_one(tree: &Tree, fonts: &FontLibrary, locale: &str, render: Renderer) -> usize {
    let pack = build_pack(tree, locale, &ModelOptions::default()).expect("the pack builds");
    render(&pack, fonts, &RenderOptions::default())
        .expect("the pack renders")
        .bytes
        .len()
}

// ---------------------------------------------------------------------------------------------
// Processes: the release binary and the peers, taking turns.

/// A named command to run again and again.
struct Job {
    name: &'static str,
    command: Box<dyn Fn() -> Command>,
    /// The exit code it must end with.
    expect: i32,
}

/// Runs every job once per round, `rounds` times, starting each round with a different job.
fn rounds(jobs: &[Job], rounds: usize) -> Vec<Summary> {
    let mut results: Vec<Vec<Run>> = vec![Vec::new(); jobs.len()];
    for round in 0..rounds {
        for k in 0..jobs.len() {
            let index = (round + k) % jobs.len();
            let job = &jobs[index];
            let result = run(&mut (job.command)());
            assert_eq!(
                result.code, job.expect,
                "`{}` ended with {} (expected {})",
                job.name, result.code, job.expect
            );
            results[index].push(result);
        }
    }
    results.iter().map(|r| summarise(r)).collect()
}

fn appealpack(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command.current_dir(dir).args(args);
    command.env_remove("SOURCE_DATE_EPOCH");
    command
}

/// The peers' inputs: the English pack as text (for pandoc, as Markdown) and as a Typst
/// document set like the PDF; and the seven Typst documents.
struct Peers {
    fonts: PathBuf,
    en_text: PathBuf,
    en_typst: PathBuf,
    typst_sources: Vec<PathBuf>,
    out: PathBuf,
    typst: bool,
    pandoc: bool,
}

impl Peers {
    fn prepare(root: &Path, i18n: &Path, fonts: &Path, work: &Path) -> Self {
        let tree = load::load(i18n).expect("the alert fixture loads");
        let dir = work.join("peers");
        std::fs::create_dir_all(&dir).expect("a folder");
        let mut typst_sources = Vec::new();
        let script = root.join("bench/peers.py");
        let mut typst = true;
        for locale in tree.locales.iter().map(|l| l.id.as_str()) {
            let pack = build_pack(&tree, locale, &ModelOptions::default()).expect("builds");
            let text_path = dir.join(format!("{locale}.txt"));
            std::fs::write(&text_path, text::render(&pack)).expect("written");
            let typst_path = dir.join(format!("{locale}.typ"));
            let made = Command::new("python3")
                .arg(&script)
                .args(["typst-source"])
                .arg(&text_path)
                .arg(locale)
                .arg(fonts)
                .arg(&typst_path)
                .status()
                .is_ok_and(|s| s.success());
            typst &= made;
            typst_sources.push(typst_path);
        }
        // Is the `typst` package there?
        typst &= Command::new("python3")
            .args(["-c", "import typst"])
            .status()
            .is_ok_and(|s| s.success());
        let pandoc = Command::new("pandoc")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !typst {
            eprintln!("notice: Typst not measured: python3 with the `typst` package is missing");
        }
        if !pandoc {
            eprintln!("notice: pandoc not measured: it is not installed");
        }
        Self {
            fonts: fonts.to_owned(),
            en_text: dir.join("en.txt"),
            en_typst: dir.join("en.typ"),
            typst_sources,
            out: dir.join("out"),
            typst,
            pandoc,
        }
    }

    /// Typst compiling in one warm process: the English document and the seven.
    fn typst_warm(&self, runs: usize) -> Option<TypstWarm> {
        if !self.typst {
            return None;
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/peers.py");
        let output = Command::new("python3")
            .arg(script)
            .arg("typst-warm")
            .arg(&self.fonts)
            .arg(runs.to_string())
            .args(&self.typst_sources)
            .output()
            .ok()?;
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
        let seconds = |v: &serde_json::Value| Duration::from_secs_f64(v.as_f64().unwrap_or(0.0));
        let list = |v: &serde_json::Value| -> Vec<Duration> {
            v.as_array()
                .map(|a| a.iter().map(seconds).collect())
                .unwrap_or_default()
        };
        let en = self.en_typst.to_string_lossy().into_owned();
        let en_times = list(&value["per_doc"][&en]);
        let rounds = list(&value["rounds"]);
        Some(TypstWarm {
            first_en: en_times.first().copied().unwrap_or_default(),
            // The first round includes the first compile of the process (cold caches).
            en: median(&en_times[1.min(en_times.len() - 1)..]),
            seven: median(&rounds[1.min(rounds.len() - 1)..]),
            recompile_en: seconds(&value["recompile"][&en]),
        })
    }
}

struct TypstWarm {
    first_en: Duration,
    en: Duration,
    seven: Duration,
    recompile_en: Duration,
}

struct Shipped {
    release: Summary,
    /// `build --release` of the shipped `i18n/` (the other rows build the alert fixture).
    shipped_release: Summary,
    build: Summary,
    en_pdf: Summary,
    en_docx: Summary,
    check: Summary,
    typst_cold: Option<Summary>,
    pandoc: Option<Summary>,
}

fn shipped_commands(root: &Path, i18n: &Path, work: &Path, runs: usize, peers: &Peers) -> Shipped {
    let out = |name: &str| work.join("out").join(name);
    let (release_out, build_out, pdf_out, docx_out) =
        (out("release"), out("build"), out("en-pdf"), out("en-docx"));
    let dir = root.to_owned();
    // A job of the release binary in the repository, on the alert fixture (the text the peers
    // set too), writing into `out` when it is given.
    let ours = |name: &'static str, args: &'static [&'static str], out: Option<PathBuf>| {
        let dir = dir.clone();
        let i18n = i18n.to_owned();
        Job {
            name,
            command: Box::new(move || {
                let mut c = appealpack(&dir, args);
                c.arg("--i18n").arg(&i18n);
                if let Some(out) = &out {
                    c.arg("--out").arg(out);
                }
                c
            }),
            expect: 0,
        }
    };
    let mut jobs = vec![
        ours(
            "build --release",
            &["build", "--release", "-q"],
            Some(release_out),
        ),
        ours("build", &["build", "-q"], Some(build_out)),
        ours(
            "build --locale en -f pdf",
            &["build", "-q", "--locale", "en", "-f", "pdf"],
            Some(pdf_out),
        ),
        ours(
            "build --locale en -f docx",
            &["build", "-q", "--locale", "en", "-f", "docx"],
            Some(docx_out),
        ),
        ours("check", &["check", "--color", "never"], None),
    ];
    // The release of the alert shipped in `i18n/`, whatever its number of locales.
    let shipped_out = out("shipped");
    let shipped_dir = root.to_owned();
    jobs.push(Job {
        name: "shipped i18n/: build --release",
        command: Box::new(move || {
            let mut c = appealpack(&shipped_dir, &["build", "--release", "-q", "--out"]);
            c.arg(&shipped_out);
            c
        }),
        expect: 0,
    });
    let root_owned = root.to_owned();
    if peers.typst {
        let en_typst = peers.en_typst.clone();
        let fonts = peers.fonts.clone();
        jobs.push(Job {
            name: "typst (python), one document, fresh process",
            command: Box::new(move || {
                let mut c = Command::new("python3");
                c.arg(root_owned.join("bench/peers.py"))
                    .arg("typst-cold")
                    .arg(&en_typst)
                    .arg(&fonts);
                c
            }),
            expect: 0,
        });
    }
    if peers.pandoc {
        let out = peers.out.with_extension("docx");
        let text = peers.en_text.clone();
        jobs.push(Job {
            name: "pandoc",
            command: Box::new(move || {
                let mut c = Command::new("pandoc");
                c.args(["-f", "markdown", "-t", "docx", "-o"])
                    .arg(&out)
                    .arg(&text);
                c
            }),
            expect: 0,
        });
    }
    let summaries = rounds(&jobs, runs);
    let find = |name: &str| {
        jobs.iter()
            .position(|j| j.name.starts_with(name))
            .map(|i| summaries[i])
    };
    Shipped {
        release: find("build --release").expect("measured"),
        build: summaries[1],
        en_pdf: find("build --locale en -f pdf").expect("measured"),
        en_docx: find("build --locale en -f docx").expect("measured"),
        check: find("check").expect("measured"),
        shipped_release: find("shipped i18n/").expect("measured"),
        typst_cold: find("typst"),
        pandoc: find("pandoc"),
    }
}

struct CheckTree {
    binary: Summary,
    load: Duration,
    check: Duration,
}

fn check_tree_commands(tree: &Path, runs: usize) -> CheckTree {
    let jobs = [Job {
        name: "check --root",
        command: Box::new({
            let tree = tree.to_owned();
            move || {
                let mut c = Command::new(BINARY);
                c.args(["check", "--root"]).arg(&tree).args([
                    "--reference",
                    "en",
                    "--format",
                    "json",
                ]);
                c
            }
        }),
        // The generated tree has planted faults.
        expect: 1,
    }];
    let binary = rounds(&jobs, runs)[0];
    let load = median(&times(runs, || load::load_bare(tree, "en").unwrap()));
    let loaded = load::load_bare(tree, "en").unwrap();
    let check = median(&times(runs, || {
        check(&loaded, None, &CheckOptions::default())
    }));
    CheckTree {
        binary,
        load,
        check,
    }
}

struct Pseudo {
    build_serial: Summary,
    build_parallel: Summary,
    release: Summary,
    check: Summary,
}

fn build_in(tree: &Path, out: &Path, extra: &[&str], threads: Option<usize>) -> Command {
    let mut c = Command::new(BINARY);
    c.args(["build", "-q", "--i18n"])
        .arg(tree)
        .args(extra)
        .arg("--out")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH");
    match threads {
        Some(n) => c.env("RAYON_NUM_THREADS", n.to_string()),
        None => c.env_remove("RAYON_NUM_THREADS"),
    };
    c
}

fn pseudo_commands(tree: &Path, work: &Path, runs: usize) -> Pseudo {
    let out = work.join("out/pseudo");
    let jobs = [
        Job {
            name: "serial",
            command: Box::new({
                let (tree, out) = (tree.to_owned(), out.clone());
                move || build_in(&tree, &out, &[], Some(1))
            }),
            expect: 0,
        },
        Job {
            name: "parallel",
            command: Box::new({
                let (tree, out) = (tree.to_owned(), out.clone());
                move || build_in(&tree, &out, &[], None)
            }),
            expect: 0,
        },
        Job {
            name: "release",
            command: Box::new({
                let (tree, out) = (tree.to_owned(), out.clone());
                move || build_in(&tree, &out, &["--release"], None)
            }),
            expect: 0,
        },
        Job {
            name: "check",
            command: Box::new({
                let tree = tree.to_owned();
                move || {
                    let mut c = Command::new(BINARY);
                    c.args(["check", "--i18n"]).arg(&tree);
                    c
                }
            }),
            expect: 0,
        },
    ];
    let s = rounds(&jobs, runs);
    Pseudo {
        build_serial: s[0],
        build_parallel: s[1],
        release: s[2],
        check: s[3],
    }
}

struct Point {
    locales: usize,
    serial: Summary,
    parallel: Summary,
}

fn scaling_commands(trees: &[(usize, PathBuf)], work: &Path, runs: usize) -> Vec<Point> {
    let mut jobs = Vec::new();
    for (n, tree) in trees {
        for threads in [Some(1), None] {
            let out = work.join(format!("out/scaling-{n}-{}", threads.unwrap_or(0)));
            let tree = tree.clone();
            jobs.push(Job {
                name: "scaling",
                command: Box::new(move || build_in(&tree, &out, &[], threads)),
                expect: 0,
            });
        }
    }
    let s = rounds(&jobs, runs);
    trees
        .iter()
        .enumerate()
        .map(|(i, (n, _))| Point {
            locales: n + 1,
            serial: s[2 * i],
            parallel: s[2 * i + 1],
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Reports.

fn row(what: &str, s: &Summary) -> String {
    format!(
        "| {what} | {} | {} | {} | {} |",
        ms(s.wall),
        ms(s.fastest),
        ms(s.cpu),
        mib(s.max_rss_kib)
    )
}

const PROCESS_HEADER: &str = "| command (release binary, end to end) | median wall | fastest | median CPU | peak memory |\n|---|---:|---:|---:|---:|";

fn print_budgets(p: &InProcess, shipped: &Shipped, check: &CheckTree) {
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    println!("## Budgets\n");
    println!("| budget | median wall | fastest | median CPU | peak memory | verdict |");
    println!("|---|---:|---:|---:|---:|---|");
    let r = &shipped.release;
    println!(
        "| `appealpack build --release`, {} locales: < 150 ms, < 100 MB | {} | {} | {} | {} | {} |",
        p.locales,
        ms(r.wall),
        ms(r.fastest),
        ms(r.cpu),
        mib(r.max_rss_kib),
        verdict(r.wall < Duration::from_millis(150) && r.max_rss_kib < 100 * 1024)
    );
    let c = &check.binary;
    println!(
        "| `appealpack check` of 120 locales × 80 files: < 1 s | {} | {} | {} | {} | {} |",
        ms(c.wall),
        ms(c.fastest),
        ms(c.cpu),
        mib(c.max_rss_kib),
        verdict(c.wall < Duration::from_secs(1))
    );
    println!();
}

fn print_shipped(p: &InProcess, shipped: &Shipped) {
    let n = p.locales;
    println!("## The alert fixture ({n} locales, `{ALERT}`)\n");
    println!("In process (the library):\n");
    println!("| step | median wall | median CPU |\n|---|---:|---:|");
    let line = |what: &str, s: &Step| println!("| {what} | {} | {} |", ms(s.wall), ms(s.cpu));
    line("load the fonts (6 faces)", &p.fonts);
    line("load the i18n tree (read, parse)", &p.load);
    line(&format!("check the {n} locales"), &p.check);
    line(
        &format!(
            "build: check, model, PDF, DOCX, web page and preview of {n} locales (`pipeline::build`)"
        ),
        &p.build,
    );
    line(
        "release files: zips, manifest.json, index.html, SHA256SUMS",
        &p.release,
    );
    line(
        "all of `build --release` but writing files (load, fonts, build, release)",
        &p.all,
    );
    line("model + PDF of `en` (fonts loaded)", &p.en_pdf);
    line("model + DOCX of `en` (fonts loaded)", &p.en_docx);
    println!();
    println!("{PROCESS_HEADER}");
    println!(
        "{}",
        row(
            "`build --release` (PDF, DOCX, zips, manifest, index)",
            &shipped.release
        )
    );
    println!("{}", row("`build` (PDF and DOCX)", &shipped.build));
    println!(
        "{}",
        row("`build --locale en -f pdf` (one PDF)", &shipped.en_pdf)
    );
    println!(
        "{}",
        row("`build --locale en -f docx` (one DOCX)", &shipped.en_docx)
    );
    println!("{}", row(&format!("`check` ({n} locales)"), &shipped.check));
    let shipped_locales = load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n"))
        .map_or(0, |tree| tree.locales.len());
    println!(
        "{}",
        row(
            &format!("`build --release` of the shipped `i18n/` ({shipped_locales} locales)"),
            &shipped.shipped_release
        )
    );
    println!();
}

fn print_peers(p: &InProcess, shipped: &Shipped, typst: Option<&TypstWarm>) {
    println!("## Against Typst and pandoc (same run, same English text)\n");
    println!("| what | appealpack | peer | peer ÷ appealpack |\n|---|---:|---:|---:|");
    if let Some(t) = &shipped.typst_cold {
        println!(
            "| English PDF, fresh process: `appealpack build --locale en -f pdf` vs Python + `typst.compile` | {} | {} | {} |",
            ms(shipped.en_pdf.wall),
            ms(t.wall),
            ratio(t.wall, shipped.en_pdf.wall)
        );
        println!(
            "| the same, CPU time | {} | {} | {} |",
            ms(shipped.en_pdf.cpu),
            ms(t.cpu),
            ratio(t.cpu, shipped.en_pdf.cpu)
        );
        println!(
            "| the same, peak memory | {} | {} | {:.1}× |",
            mib(shipped.en_pdf.max_rss_kib),
            mib(t.max_rss_kib),
            t.max_rss_kib as f64 / shipped.en_pdf.max_rss_kib.max(1) as f64
        );
    }
    if let Some(t) = typst {
        println!(
            "| Typst's first compile in its process (no Python start-up or import) | | {} | |",
            ms(t.first_en)
        );
        println!(
            "| English PDF, warm process (model + PDF vs `typst.compile`) | {} | {} | {} |",
            ms(p.en_pdf.wall),
            ms(t.en),
            ratio(t.en, p.en_pdf.wall)
        );
        println!(
            "| seven PDFs (the first seven locales), warm process, one after another | {} | {} | {} |",
            ms(p.seven_pdfs.wall),
            ms(t.seven),
            ratio(t.seven, p.seven_pdfs.wall)
        );
        println!(
            "| seven PDFs, warm process, appealpack on {} threads | {} | {} | {} |",
            rayon::current_num_threads(),
            ms(p.seven_pdfs_parallel.wall),
            ms(t.seven),
            ratio(t.seven, p.seven_pdfs_parallel.wall)
        );
        println!(
            "| Typst recompiling the unchanged English document (incremental cache) | | {} | |",
            ms(t.recompile_en)
        );
    }
    if let Some(d) = &shipped.pandoc {
        println!(
            "| English DOCX, fresh process: `appealpack build --locale en -f docx` vs `pandoc -f markdown -t docx` | {} | {} | {} |",
            ms(shipped.en_docx.wall),
            ms(d.wall),
            ratio(d.wall, shipped.en_docx.wall)
        );
        println!(
            "| the same, CPU time | {} | {} | {} |",
            ms(shipped.en_docx.cpu),
            ms(d.cpu),
            ratio(d.cpu, shipped.en_docx.cpu)
        );
        println!(
            "| the same, peak memory | {} | {} | {:.1}× |",
            mib(shipped.en_docx.max_rss_kib),
            mib(d.max_rss_kib),
            d.max_rss_kib as f64 / shipped.en_docx.max_rss_kib.max(1) as f64
        );
        println!(
            "| English DOCX in a warm process (model + DOCX) | {} | | |",
            ms(p.en_docx.wall)
        );
    }
    println!();
}

fn print_check_tree(c: &CheckTree, stats: &checktree::Stats) {
    println!(
        "## `check` of {} locales × {} files ({} lines, {:.1} MB)\n",
        stats.locales,
        checktree::FILES,
        stats.lines,
        stats.bytes as f64 / 1e6
    );
    println!("| step | median |\n|---|---:|");
    println!(
        "| load (read and parse every file), in process | {} |",
        ms(c.load)
    );
    println!("| check (every check), in process | {} |", ms(c.check));
    println!();
    println!("{PROCESS_HEADER}");
    println!(
        "{}",
        row(
            "`check --root TREE --reference en --format json`",
            &c.binary
        )
    );
    println!();
}

fn print_pseudo(p: &Pseudo) {
    println!(
        "## {} locales: `en` and {PSEUDO} pseudo-locales (accented copies)\n",
        PSEUDO + 1
    );
    println!("{PROCESS_HEADER}");
    println!(
        "{}",
        row("`build` (PDF and DOCX), one thread", &p.build_serial)
    );
    println!(
        "{}",
        row(
            &format!(
                "`build` (PDF and DOCX), {} threads",
                rayon::current_num_threads()
            ),
            &p.build_parallel
        )
    );
    println!("{}", row("`build --release`", &p.release));
    println!("{}", row("`check`", &p.check));
    println!(
        "\nPer locale: {} with one thread, {} with {} threads (speed-up {}).\n",
        ms(p.build_serial.wall / (PSEUDO as u32 + 1)),
        ms(p.build_parallel.wall / (PSEUDO as u32 + 1)),
        rayon::current_num_threads(),
        ratio(p.build_serial.wall, p.build_parallel.wall)
    );
}

fn print_scaling(points: &[Point]) {
    println!("## Growth with the number of locales (`build`, PDF and DOCX)\n");
    println!(
        "| locales | one thread | per locale | {} threads | per locale | speed-up | CPU ({} threads) | peak memory |",
        rayon::current_num_threads(),
        rayon::current_num_threads()
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for p in points {
        let n = p.locales as u32;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            p.locales,
            ms(p.serial.wall),
            ms(p.serial.wall / n),
            ms(p.parallel.wall),
            ms(p.parallel.wall / n),
            ratio(p.serial.wall, p.parallel.wall),
            ms(p.parallel.cpu),
            mib(p.parallel.max_rss_kib.max(p.serial.max_rss_kib))
        );
    }
    let fit = |pick: fn(&Point) -> Duration| {
        let xs: Vec<f64> = points.iter().map(|p| p.locales as f64).collect();
        let ys: Vec<f64> = points
            .iter()
            .map(|p| pick(p).as_secs_f64() * 1000.0)
            .collect();
        linear_fit(&xs, &ys)
    };
    let (a1, b1, r1) = fit(|p| p.serial.wall);
    let (a2, b2, r2) = fit(|p| p.parallel.wall);
    println!(
        "\nLeast-squares line: one thread {b1:.1} ms + {a1:.1} ms per locale (R² = {r1:.4}); \
         {} threads {b2:.1} ms + {a2:.1} ms per locale (R² = {r2:.4}).\n",
        rayon::current_num_threads()
    );
}

/// Slope, intercept and R² of the least-squares line through the points.
fn linear_fit(xs: &[f64], ys: &[f64]) -> (f64, f64, f64) {
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let syy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let r2 = if syy == 0.0 {
        1.0
    } else {
        sxy * sxy / (sxx * syy)
    };
    (slope, intercept, r2)
}

fn print_instructions(root: &Path, i18n: &Path, work: &Path, check_tree: &Path) {
    println!("## Instructions (valgrind callgrind; the same whatever the load)\n");
    println!("| command | instructions |\n|---|---:|");
    let mut release = appealpack(root, &["build", "--release", "-q", "--i18n"]);
    release
        .arg(i18n)
        .arg("--out")
        .arg(work.join("out/callgrind"));
    let mut check = Command::new(BINARY);
    check
        .args(["check", "--root"])
        .arg(check_tree)
        .args(["--reference", "en", "--format", "json"]);
    for (what, mut command) in [
        ("`appealpack build --release` (7 locales)", release),
        ("`appealpack check` of the 120-locale tree", check),
    ] {
        match measure::instructions(&mut command) {
            Some(n) => println!("| {what} | {:.0} million |", n as f64 / 1e6),
            None => println!("| {what} | valgrind not installed |"),
        }
    }
    println!();
}
