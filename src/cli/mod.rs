//! Command-line front end: argument types (clap) and the commands that drive the library.

mod args;
mod build;
mod check;
mod init;
mod output;
mod progress;
mod status;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// Exit codes: 0 all good, 1 the inputs have errors, 2 the command could not run.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FOUND_ERRORS: u8 = 1;
    pub const CANNOT_RUN: u8 = 2;
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(&cli.global, &args),
        Some(Command::Build(args)) => build::run(&cli.global, &args),
        Some(Command::InitLocale(args)) => init::run(&cli.global, &args),
        Some(Command::InitAlert(args)) => init::run_alert(&cli.global, &args),
        Some(Command::Status(args)) => status::run(&cli.global, &args),
        None => build::run(&cli.global, &cli.build),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            output::error(&cli.global, &format!("{error:#}"));
            ExitCode::from(exit::CANNOT_RUN)
        }
    }
}
