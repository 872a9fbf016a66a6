//! Reading untrusted files under a wall-clock budget: the read and parse of one
//! file run on a worker thread, and the caller stops waiting when the budget is
//! spent, so that a reader caught in a loop cannot block a run of hundreds of
//! files. A panic inside a reader is caught there and becomes one line naming
//! the file, instead of a crash with a backtrace.

use super::SourceError;
use crate::provision::Agreement;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The default wall-clock budget for reading one file (`--timeout`): the
/// largest ToTA agreement and the longest real PDF read in well under a second.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Stack of the reading thread: deeply nested input must not overflow the
/// 2 MB a thread gets by default (an overflow aborts, it cannot be caught).
const READER_STACK: usize = 64 * 1024 * 1024;

/// `super::load_with` on a worker thread, waited for at most `timeout` (no
/// limit when `None`). Errors: the reader's own, `SourceError::TimedOut` when
/// the budget runs out (the worker is left to finish on its own; its result is
/// dropped), `SourceError::Internal` when the reader panicked.
pub fn load_within(
    path: &Path,
    options: super::ReadOptions,
    timeout: Option<Duration>,
) -> Result<Agreement, SourceError> {
    let owned = path.to_path_buf();
    run_within(path, timeout, move || super::load_opts(&owned, options))
}

/// Runs `read` (the reading of `path`) on a reader thread under `timeout`,
/// with panics caught and the default panic message kept off the terminal.
/// Reader threads are long-lived (see [`Readers`]): a thread per file would
/// cost each file a fresh stack and allocator heap, a third of a corpus run.
pub fn run_within<T: Send + 'static>(
    path: &Path,
    timeout: Option<Duration>,
    read: impl FnOnce() -> Result<T, SourceError> + Send + 'static,
) -> Result<T, SourceError> {
    // no budget (`--timeout 0`): no reader thread to wait for
    if timeout.is_none() {
        return catch_panic(read).map_err(|message| internal(path, &message))?;
    }
    let (send, receive) = mpsc::channel();
    let job: Job = Box::new(move || {
        // the budget counts from when a reader takes the file up
        let started = Instant::now();
        let outcome = catch_panic(read);
        let _ = send.send((outcome, started.elapsed()));
    });
    if let Err(e) = readers().run(job) {
        return Err(internal(
            path,
            &format!("cannot start a reader thread: {e}"),
        ));
    }
    let timed_out = |limit: Duration| SourceError::TimedOut {
        path: path.into(),
        seconds: limit.as_secs_f64(),
    };
    let limit = timeout.unwrap_or(Duration::MAX);
    let (outcome, took) = match receive.recv_timeout(limit) {
        Ok(done) => done,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // the reader that holds this file may never come back: another
            // takes its place, so the files after it keep their budgets
            let _ = readers().add();
            return Err(timed_out(limit));
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            return Err(internal(path, "the reader stopped"))
        }
    };
    // the reader's own clock decides: a result that came in over budget while
    // this thread was not scheduled is over budget all the same
    if took > limit {
        return Err(timed_out(limit));
    }
    outcome.map_err(|message| internal(path, &message))?
}

/// One file's reading, as a reader thread runs it.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Long-lived reader threads with a large stack, taking files from one queue:
/// as many as the machine has cores (the callers are rayon's threads), and
/// one more each time a file runs out of time, so that a reader stuck in a
/// loop does not hold up the queue.
struct Readers {
    queue: std::sync::Mutex<mpsc::Sender<Job>>,
    jobs: std::sync::Arc<std::sync::Mutex<mpsc::Receiver<Job>>>,
}

fn readers() -> &'static Readers {
    static READERS: std::sync::OnceLock<Readers> = std::sync::OnceLock::new();
    READERS.get_or_init(|| {
        let (queue, jobs) = mpsc::channel();
        let readers = Readers {
            queue: std::sync::Mutex::new(queue),
            jobs: std::sync::Arc::new(std::sync::Mutex::new(jobs)),
        };
        let n = std::thread::available_parallelism().map_or(2, |n| n.get());
        for _ in 0..n {
            let _ = readers.add();
        }
        readers
    })
}

impl Readers {
    /// Starts one more reader thread.
    fn add(&self) -> std::io::Result<()> {
        let jobs = std::sync::Arc::clone(&self.jobs);
        std::thread::Builder::new()
            .name("treatyscan-reader".into())
            .stack_size(READER_STACK)
            .spawn(move || loop {
                let job = jobs
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .recv();
                match job {
                    Ok(job) => job(),
                    Err(_) => break,
                }
            })
            .map(|_| ())
    }

    /// Queues a file's reading.
    fn run(&self, job: Job) -> std::io::Result<()> {
        self.queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .send(job)
            .map_err(|_| std::io::Error::other("no reader thread"))
    }
}

fn internal(path: &Path, message: &str) -> SourceError {
    SourceError::Internal {
        path: path.into(),
        detail: short(message),
    }
}

/// What follows a file's name when checking it panicked (after reading):
/// "internal error while checking (MESSAGE); please report", on one line.
pub fn checking_failed(panic_message: &str) -> String {
    format!(
        "internal error while checking ({}); please report",
        short(panic_message)
    )
}

/// A panic message on one line and at most 200 chars.
fn short(message: &str) -> String {
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

thread_local! {
    /// Set on threads whose panics are caught and reported as one line.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into its message. The panic hook is wrapped once
/// so that it prints nothing on threads that catch their panics this way, and
/// what it printed before everywhere else.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                default(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_over_budget_is_named_with_its_limit() {
        let started = std::time::Instant::now();
        let r: Result<(), _> = run_within(
            Path::new("slow.txt"),
            Some(Duration::from_millis(100)),
            || {
                std::thread::sleep(Duration::from_secs(5));
                Ok(())
            },
        );
        let message = r.unwrap_err().to_string();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(message.starts_with("slow.txt: "), "{message}");
        assert!(message.contains("0.1 s"), "{message}");
    }

    #[test]
    fn a_panicking_reader_gives_one_line() {
        let r: Result<(), _> = run_within(Path::new("bad.xml"), None, || {
            let s = "é";
            let _ = &s[..1];
            Ok(())
        });
        let message = r.unwrap_err().to_string();
        assert!(
            message.starts_with("bad.xml: internal error while reading ("),
            "{message}"
        );
        assert!(message.ends_with("please report"), "{message}");
        assert!(!message.contains('\n'));
    }

    #[test]
    fn a_reader_within_budget_gives_its_result() {
        let r = run_within(Path::new("ok.txt"), Some(Duration::from_secs(10)), || Ok(7));
        assert_eq!(r.unwrap(), 7);
    }
}
