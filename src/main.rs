fn main() -> std::process::ExitCode {
    treatyscan::cli::main()
}
