//! Running a PDF library on untrusted files: it may panic on malformed
//! objects or recurse deeply while parsing them. Extraction runs on its own
//! thread with a deep stack, its panics are caught (and kept off the user's
//! terminal), and the caller stops waiting after a time limit.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Once};
use std::time::Duration;

/// Panics on threads with this name are expected (caught and reported as a
/// bad page or file), so the panic hook keeps quiet about them.
const WORKER_NAME: &str = "treatyscan-pdf";

/// lopdf's object parser recurses into nested arrays and dictionaries; the
/// memory is only committed when used.
const WORKER_STACK: usize = 64 * 1024 * 1024;

thread_local! {
    /// Set while a library call runs under `catch` on any thread (the page
    /// readers run on the rayon pool): its panics are reported, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Why a job on the worker thread did not give a result.
#[derive(Debug)]
pub enum JobError {
    Panicked(String),
    TimedOut,
}

/// Runs `job` on a worker thread and waits at most `limit` for it. A job that
/// runs past the limit is abandoned (its thread ends with the process, or with
/// the job's own deadline checks).
pub fn run_isolated<T, F>(limit: Duration, job: F) -> Result<T, JobError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    silence_worker_panics();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(WORKER_NAME.into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(job)));
        });
    if let Err(e) = spawned {
        return Err(JobError::Panicked(format!("cannot start a thread: {e}")));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(payload)) => Err(JobError::Panicked(panic_message(payload.as_ref()))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(JobError::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(JobError::Panicked("the PDF reader stopped".into()))
        }
    }
}

/// Runs `f`, turning a panic into an error message (for one page at a time,
/// or one library call), on whatever thread it is called.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    silence_worker_panics();
    let was = QUIET.with(|q| q.replace(true));
    let r = catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(p.as_ref()));
    QUIET.with(|q| q.set(was));
    r
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".into());
    // one line: an assertion's message can span several
    let first = msg.lines().next().unwrap_or("").trim();
    format!("the PDF library failed: {first}")
}

/// Installs, once per process, a panic hook that stays silent for the worker
/// thread and hands every other panic to the hook that was there before.
/// (Swapping the hook around each extraction would race with other threads.)
fn silence_worker_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let quiet = QUIET.with(Cell::get);
            if !quiet && std::thread::current().name() != Some(WORKER_NAME) {
                previous(info);
            }
        }));
    });
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
