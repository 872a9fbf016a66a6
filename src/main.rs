// mimalloc keeps freed memory for reuse: reading a corpus allocates and frees a
// few MB per agreement, which the system allocator handed back to the kernel
// and faulted in again every time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    treatyscan::cli::main()
}
