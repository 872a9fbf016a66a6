//! Running a PDF library on untrusted files: it may panic on malformed
//! objects or recurse deeply while parsing them. Extraction runs on its own
//! thread with a deep stack, its panics are caught (and kept off the user's
//! terminal), and the caller stops waiting after a time limit.

use crate::source::budget::catch_panic;
use std::sync::mpsc;
use std::time::Duration;

/// The name of the extraction thread.
const WORKER_NAME: &str = "treatyscan-pdf";

/// lopdf's object parser recurses into nested arrays and dictionaries; the
/// memory is only committed when used.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// Why a job on the worker thread did not give a result.
#[derive(Debug)]
pub enum JobError {
    Panicked(String),
    TimedOut,
}

/// Runs `job` on a worker thread and waits at most `limit` for it. A job that
/// runs past the limit is abandoned (its thread ends with the process, or with
/// the job's own deadline checks). Panics are caught and kept quiet as
/// everywhere else a file is read (`source::budget::catch_panic`).
pub fn run_isolated<T, F>(limit: Duration, job: F) -> Result<T, JobError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(WORKER_NAME.into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let _ = tx.send(catch_panic(job));
        });
    if let Err(e) = spawned {
        return Err(JobError::Panicked(format!("cannot start a thread: {e}")));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(message)) => Err(JobError::Panicked(library_failed(&message))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(JobError::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(JobError::Panicked("the PDF reader stopped".into()))
        }
    }
}

/// Runs `f`, turning a panic into an error message (for one page at a time,
/// or one library call), on whatever thread it is called.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_panic(f).map_err(|message| library_failed(&message))
}

/// "the PDF library failed: …", on one line: an assertion's message can span
/// several.
fn library_failed(message: &str) -> String {
    let first = message.lines().next().unwrap_or("").trim();
    format!("the PDF library failed: {first}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_panics_become_errors() {
        let r: Result<(), _> = run_isolated(Duration::from_secs(5), || panic!("bad font"));
        match r {
            Err(JobError::Panicked(m)) => assert!(m.contains("bad font"), "{m}"),
            other => panic!("expected a caught panic, got {other:?}"),
        }
    }

    #[test]
    fn slow_jobs_time_out() {
        let r = run_isolated(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
        });
        assert!(matches!(r, Err(JobError::TimedOut)));
    }
}
