//! Timing helpers of the benchmarks: medians, and child processes measured with `wait4`
//! (wall time, CPU time and peak resident memory of that one process).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One finished child process.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub wall: Duration,
    /// User + system CPU time of the process (and its threads).
    pub cpu: Duration,
    /// Peak resident set size, in KiB (`ru_maxrss`).
    pub max_rss_kib: i64,
    pub code: i32,
}

/// Runs `command` to completion with its output discarded, and measures it: wall time here,
/// CPU time from `wait4` on this child alone (so it is not mixed with other children's).
///
/// The peak memory comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Linux
/// gives a process started by `vfork` + `exec`, as `Command` does, the high-water mark of the
/// memory it was started from, so `wait4`'s `ru_maxrss` would report this benchmark's own
/// memory. GNU time starts the command with `fork` from its own small process.
pub fn run(command: &mut Command) -> Run {
    let gnu_time = Path::new(GNU_TIME).exists();
    let rss_file =
        std::env::temp_dir().join(format!("appealpack-bench-rss-{}", std::process::id()));
    let mut wrapped = if gnu_time {
        let mut wrapped = Command::new(GNU_TIME);
        wrapped.args(["-f", "%M", "-o"]).arg(&rss_file).arg("--");
        wrapped.arg(command.get_program()).args(command.get_args());
        if let Some(dir) = command.get_current_dir() {
            wrapped.current_dir(dir);
        }
        for (key, value) in command.get_envs() {
            match value {
                Some(v) => wrapped.env(key, v),
                None => wrapped.env_remove(key),
            };
        }
        wrapped
    } else {
        std::mem::replace(command, Command::new("true"))
    };
    wrapped
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let started = Instant::now();
    let child = wrapped.spawn().expect("the command starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; the pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(
        waited,
        pid,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    // The child is reaped: `child` must not be waited for again, only dropped.
    drop(child);
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    // GNU time's own peak is a few MiB: what it reports is the command's.
    let max_rss_kib = if gnu_time {
        let text = std::fs::read_to_string(&rss_file).unwrap_or_default();
        let _ = std::fs::remove_file(&rss_file);
        text.lines()
            .filter_map(|l| l.trim().parse::<i64>().ok())
            .next_back()
            .unwrap_or(0)
    } else {
        usage.ru_maxrss
    };
    Run {
        wall,
        // wait4 counts the reaped descendants too: GNU time's child is included.
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        max_rss_kib,
        code: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    }
}

const GNU_TIME: &str = "/usr/bin/time";

/// CPU time of this process so far, every thread (user + system).
pub fn process_cpu() -> Duration {
    // SAFETY: an all-zero rusage is valid; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is valid for the call.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Median wall time and median CPU time (every thread of this process) of `runs` calls.
#[derive(Debug, Clone, Copy, Default)]
pub struct Step {
    pub wall: Duration,
    pub cpu: Duration,
}

pub fn step<T>(runs: usize, mut f: impl FnMut() -> T) -> Step {
    let mut walls = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (t, c) = (Instant::now(), process_cpu());
        std::hint::black_box(f());
        walls.push(t.elapsed());
        cpus.push(process_cpu().saturating_sub(c));
    }
    Step {
        wall: median(&walls),
        cpu: median(&cpus),
    }
}

/// Times `f` `runs` times; returns every duration.
pub fn times<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect()
}

pub fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

pub fn fastest(values: &[Duration]) -> Duration {
    values.iter().copied().min().unwrap_or_default()
}

/// Summary of several runs of one process: medians of wall and CPU time, the largest peak.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub wall: Duration,
    pub fastest: Duration,
    pub cpu: Duration,
    pub max_rss_kib: i64,
    pub runs: usize,
}

pub fn summarise(runs: &[Run]) -> Summary {
    let walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    let cpus: Vec<Duration> = runs.iter().map(|r| r.cpu).collect();
    Summary {
        wall: median(&walls),
        fastest: fastest(&walls),
        cpu: median(&cpus),
        max_rss_kib: runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0),
        runs: runs.len(),
    }
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

pub fn mib(kib: i64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// `a / b` as "2.3×".
pub fn ratio(a: Duration, b: Duration) -> String {
    if b.is_zero() {
        return "–".into();
    }
    let r = a.as_secs_f64() / b.as_secs_f64();
    if r >= 10.0 {
        format!("{r:.0}×")
    } else {
        format!("{r:.1}×")
    }
}

/// The 1-minute load average and the number of runnable tasks, from /proc/loadavg.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// "AMD EPYC, 2 CPUs" from /proc/cpuinfo.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or_else(String::new, |kib| {
            format!(", {:.0} GiB", kib / 1024.0 / 1024.0)
        });
    format!("{model}, {cpus} CPUs{memory}")
}

/// Instructions executed by `command` under `valgrind --tool=callgrind` (every thread, all
/// children's code excluded), or None when valgrind is not installed.
pub fn instructions(command: &mut Command) -> Option<u64> {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(|a| a.to_owned()).collect();
    let mut valgrind = Command::new("valgrind");
    valgrind
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(program)
        .args(args);
    if let Some(dir) = command.get_current_dir() {
        valgrind.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(v) => valgrind.env(key, v),
            None => valgrind.env_remove(key),
        };
    }
    let output = valgrind.stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stderr);
    text.lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
}
