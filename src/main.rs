//! The `appealpack` command: parses arguments, runs the library, sets the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
