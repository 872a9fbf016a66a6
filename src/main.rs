// mimalloc keeps freed memory for reuse: reading a corpus allocates and frees a
// few MB per agreement, which the system allocator handed back to the kernel
// and faulted in again every time. Its version 2 (the `v2` feature) reuses
// pages of other sizes better than version 3: half the peak memory on the ToTA
// corpus, and a little faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    treatyscan::cli::main()
}
