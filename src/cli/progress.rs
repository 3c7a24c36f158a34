//! The progress bar: on a terminal only, never in CI, never with --quiet.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use appealpack::pipeline::BuildEvent;

use super::args::GlobalArgs;

/// A bar on stderr, or nothing at all when output is not for a person watching.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(global: &GlobalArgs) -> Self {
        let wanted = !global.quiet && std::io::stderr().is_terminal() && !in_ci();
        let bar = wanted.then(|| {
            // A spinner while the check runs, a bar once the renders are known.
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(style("{spinner} {msg}"));
            bar.set_message("checking");
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self { bar }
    }

    /// Follows the build's events; called from the rendering threads.
    pub fn on_event(&self, event: BuildEvent<'_>) {
        let Some(bar) = &self.bar else { return };
        match event {
            BuildEvent::Planned { renders } => {
                bar.set_length(renders as u64);
                bar.set_style(style("{spinner} {msg:<28} [{bar:30}] {pos}/{len}"));
                bar.set_message("rendering");
            }
            BuildEvent::Rendered { locale, format } => {
                bar.inc(1);
                bar.set_message(format!("rendered {locale} {}", format.name()));
            }
        }
    }

    /// Removes the bar before anything else is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// `CI=true` (and any other value but `false`/`0`/empty): GitHub Actions, GitLab and most others.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE" | "False"))
}
