//! libFuzzer entry for the `docx` target of `examples/fuzz_loop/targets.rs`.
#![no_main]

#[path = "../../examples/fuzz_loop/targets.rs"]
#[allow(dead_code)]
mod targets;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| targets::docx(bytes));
