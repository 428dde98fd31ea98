//! The `jerry` binary: parse, build the composition root, run, map the outcome to an exit
//! code. Everything else lives in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
