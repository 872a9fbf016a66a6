//! Reading untrusted files under a wall-clock budget: the read and parse of one
//! file run on a worker thread, and the caller stops waiting when the budget is
//! spent, so that a reader caught in a loop cannot block a run of hundreds of
//! files. A panic inside a reader is caught there and becomes one line naming
//! the file, instead of a crash with a backtrace.

use super::SourceError;
use crate::provision::Agreement;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
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
    match timeout {
        // no budget (`--timeout 0`): no reader thread to wait for
        None => catch_panic(read).map_err(|message| internal(path, &message))?,
        Some(limit) => Queued::start(path, read).wait(limit),
    }
}

/// How many files are queued ahead of the one whose result the caller waits
/// for (see [`ReadAhead`]).
pub const AHEAD: usize = 64;

/// What is done with each file once read (see [`ReadAhead::process`]):
/// given the file's path and its reading, it returns the file's result.
pub type Processor<R> = Arc<dyn Fn(&Path, Result<Agreement, SourceError>) -> R + Send + Sync>;

/// The processor the queued files wait for: set once by
/// [`ReadAhead::process`], or to `None` when the run ends without it.
type Slot<R> = Arc<OnceLock<Option<Processor<R>>>>;

/// Files read and processed on the reader threads, at most [`AHEAD`] queued
/// at a time, their results handed back in the order of the files.
///
/// With a budget, a reader thread reads a file and processes it at once, and
/// the budget covers both: an agreement is used on the thread (and core) that
/// built it and dropped there. Handing each agreement to another thread for
/// its review cost `check` over the 450 ToTA files 17% of its CPU time and
/// 12% of its wall time (medians of 21 alternated runs), in cache misses and
/// in frees across threads; and a run holds only the agreements being
/// processed, not the [`AHEAD`] read in advance. The first files are queued
/// by [`ReadAhead::start`], before the rules are compiled: they are read
/// meanwhile and wait for the processor. Without a budget (`--timeout 0`),
/// rayon's threads read and process each file they take up.
pub struct ReadAhead<'a, R: Send + 'static> {
    files: &'a [PathBuf],
    options: super::ReadOptions,
    budget: Option<Duration>,
    slot: Slot<R>,
    /// Each file's queued reading, from when it is queued until its result
    /// is waited for (with a budget only).
    queued: Vec<Option<Queued<R>>>,
    /// The first file not yet queued.
    next_queued: usize,
}

impl<'a, R: Send + 'static> ReadAhead<'a, R> {
    /// Queues the first [`AHEAD`] of `files` for the reader threads, each
    /// read (`super::load_opts` with `options`) under `budget` and then
    /// processed by what [`ReadAhead::process`] is given; with no budget
    /// nothing is queued (the caller's threads read each file in `process`).
    pub fn start(
        files: &'a [PathBuf],
        options: super::ReadOptions,
        budget: Option<Duration>,
    ) -> Self {
        let mut reading = ReadAhead {
            files,
            options,
            budget,
            slot: Arc::new(OnceLock::new()),
            queued: files.iter().map(|_| None).collect(),
            next_queued: 0,
        };
        reading.queue_up_to(AHEAD);
        reading
    }

    /// Queues the files up to `end` for the reader threads (with a budget).
    fn queue_up_to(&mut self, end: usize) {
        if self.budget.is_none() {
            return;
        }
        let end = end.min(self.files.len());
        for i in self.next_queued..end {
            let path = self.files[i].clone();
            let options = self.options;
            let slot = Arc::clone(&self.slot);
            let job = move || {
                let read = super::load_opts(&path, options);
                match slot.wait() {
                    Some(process) => Ok(process(&path, read)),
                    None => Err(internal(
                        &path,
                        "the run ended before the file was processed",
                    )),
                }
            };
            self.queued[i] = Some(Queued::start(&self.files[i], job));
        }
        self.next_queued = self.next_queued.max(end);
    }

    /// `process` applied to each file's path and reading (the errors of
    /// [`load_within`]); the results are in the order of the files. With a
    /// budget, `process` runs on the reader thread that read the file, under
    /// the file's budget; a file over budget, or whose reading or processing
    /// panicked, is given to `process` as that error, on the caller's
    /// thread. Each reading is dropped when `process` returns, unless
    /// `process` keeps it.
    pub fn process<F>(mut self, process: F) -> Vec<R>
    where
        F: Fn(&Path, Result<Agreement, SourceError>) -> R + Send + Sync + 'static,
    {
        let process: Processor<R> = Arc::new(process);
        let Some(limit) = self.budget else {
            return process_here(self.files, self.options, &*process);
        };
        let _ = self.slot.set(Some(Arc::clone(&process)));
        let mut results = Vec::with_capacity(self.files.len());
        for i in 0..self.files.len() {
            // the next half are queued at once: readers given one file at a
            // time went to sleep and woke up for each
            if self.next_queued < i + AHEAD / 2 {
                self.queue_up_to(i + AHEAD);
            }
            let path = &self.files[i];
            let outcome = match self.queued[i].take() {
                Some(queued) => queued.wait(limit),
                None => Err(internal(path, "the file was never queued")),
            };
            results.push(outcome.unwrap_or_else(|e| process(path, Err(e))));
        }
        results
    }
}

/// Without a budget: each of rayon's threads reads and processes the
/// next file, until none is left.
fn process_here<R: Send>(
    files: &[PathBuf],
    options: super::ReadOptions,
    process: &(dyn Fn(&Path, Result<Agreement, SourceError>) -> R + Sync),
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let done: Vec<Mutex<Option<R>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(path) = files.get(i) else { break };
        let result = process(path, load_within(path, options, None));
        *lock(&done[i]) = Some(result);
    };
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| work());
        }
    });
    done.into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .expect("every file is processed")
        })
        .collect()
}

impl<R: Send + 'static> Drop for ReadAhead<'_, R> {
    /// Files queued but never to be processed (the run stopped before
    /// `process`, on an error) end on their reader instead of waiting.
    fn drop(&mut self) {
        let _ = self.slot.set(None);
    }
}

/// The value behind `mutex`, whether or not a thread panicked holding it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A reading queued for the reader threads: it says when a reader takes it
/// up, then its outcome and how long it took.
struct Queued<T> {
    path: PathBuf,
    /// `Err` when the reading could not be queued.
    reports: Result<mpsc::Receiver<Report<T>>, SourceError>,
}

enum Report<T> {
    Started(Instant),
    Done(Result<Result<T, SourceError>, String>, Duration),
}

impl<T: Send + 'static> Queued<T> {
    fn start(path: &Path, read: impl FnOnce() -> Result<T, SourceError> + Send + 'static) -> Self {
        let (send, receive) = mpsc::channel();
        let job: Job = Box::new(move || {
            // the budget counts from when a reader takes the file up
            let started = Instant::now();
            let _ = send.send(Report::Started(started));
            let outcome = catch_panic(read);
            let _ = send.send(Report::Done(outcome, started.elapsed()));
        });
        let reports = match readers().run(job) {
            Ok(()) => Ok(receive),
            Err(e) => Err(internal(
                path,
                &format!("cannot start a reader thread: {e}"),
            )),
        };
        Queued {
            path: path.to_path_buf(),
            reports,
        }
    }

    /// The outcome, waited for at most `limit` from when a reader took the
    /// file up.
    fn wait(self, limit: Duration) -> Result<T, SourceError> {
        let path = self.path.as_path();
        let reports = self.reports?;
        let timed_out = || SourceError::TimedOut {
            path: path.into(),
            seconds: limit.as_secs_f64(),
        };
        let stopped = || internal(path, "the reader stopped");
        // a file waits in the queue only behind files that are read or were
        // given up (each with a reader added in its place)
        let started = match reports.recv() {
            Ok(Report::Started(at)) => at,
            Ok(Report::Done(..)) | Err(_) => return Err(stopped()),
        };
        let left = limit.saturating_sub(started.elapsed());
        let (outcome, took) = match reports.recv_timeout(left) {
            Ok(Report::Done(outcome, took)) => (outcome, took),
            Ok(Report::Started(_)) => return Err(stopped()),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // the reader that holds this file may never come back: another
                // takes its place, so the files after it keep their budgets
                let _ = readers().add();
                return Err(timed_out());
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(stopped()),
        };
        // the reader's own clock decides: a result that came in over budget while
        // this thread was not scheduled is over budget all the same
        if took > limit {
            return Err(timed_out());
        }
        outcome.map_err(|message| internal(path, &message))?
    }
}

/// One file's reading, as a reader thread runs it.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Long-lived reader threads with a large stack, taking files from one queue:
/// as many as the rayon pool of their first use has threads (all cores, or
/// `corpus --threads`), and one more each time a file runs out of time, so
/// that a reader stuck in a loop does not hold up the queue.
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
        for _ in 0..rayon::current_num_threads() {
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

    /// `n` one-article agreements in `dir` ("f000.txt" on), each naming
    /// its item's number.
    fn agreements(dir: &Path, n: usize) -> Vec<PathBuf> {
        (0..n)
            .map(|i| {
                let path = dir.join(format!("f{i:03}.txt"));
                let text = format!("Article 1\nThe Parties agree on item {i}.\n");
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect()
    }

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
    fn queued_readings_come_back_in_order_and_a_slow_one_alone_times_out() {
        // more files than readers, one of them stuck: the files behind it
        // are still read, each within its own budget
        let limit = Duration::from_millis(300);
        let queued: Vec<Queued<usize>> = (0..6)
            .map(|i| {
                Queued::start(Path::new(&format!("f{i}.txt")), move || {
                    if i == 1 {
                        std::thread::sleep(Duration::from_secs(5));
                    }
                    Ok(i)
                })
            })
            .collect();
        let started = Instant::now();
        let results: Vec<_> = queued.into_iter().map(|q| q.wait(limit)).collect();
        assert!(started.elapsed() < Duration::from_secs(2));
        for (i, r) in results.iter().enumerate() {
            match r {
                Ok(n) => assert_eq!(*n, i),
                Err(e) => {
                    assert_eq!(i, 1, "{e}");
                    assert!(e.to_string().starts_with("f1.txt: "), "{e}");
                }
            }
        }
        assert!(results[1].is_err());
    }

    #[cfg(unix)]
    #[test]
    fn read_ahead_processes_every_file_once_in_order_past_stuck_readers() {
        // more files than are read ahead, three of them pipes no one writes
        // to (opening one blocks its reader for good): every other file is
        // still read and processed, and the results come back in file order
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 2 * AHEAD + 10);
        for path in files.iter().skip(5).step_by(AHEAD) {
            std::fs::remove_file(path).unwrap();
            let made = std::process::Command::new("mkfifo").arg(path).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        let started = Instant::now();
        let seen = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&seen);
        let results = ReadAhead::start(
            &files,
            super::super::ReadOptions::deferred(),
            Some(Duration::from_millis(300)),
        )
        .process(move |path, read| {
            counted.fetch_add(1, Ordering::Relaxed);
            (
                path.to_path_buf(),
                read.map(|a| a.text.text).map_err(|e| e.to_string()),
            )
        });
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(seen.load(Ordering::Relaxed), files.len());
        assert_eq!(results.len(), files.len());
        for (i, (path, read)) in results.iter().enumerate() {
            assert_eq!(path, &files[i]);
            match read {
                Ok(text) => assert!(text.contains(&format!("item {i}.")), "{text}"),
                Err(e) => {
                    assert_eq!(i % AHEAD, 5, "{e}");
                    assert!(e.contains("longer than the limit"), "{e}");
                }
            }
        }
        assert_eq!(results.iter().filter(|(_, r)| r.is_err()).count(), 3);
    }

    #[test]
    fn with_a_budget_each_file_is_processed_on_the_thread_that_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 5);
        let options = super::super::ReadOptions::deferred();
        let threads =
            ReadAhead::start(&files, options, Some(Duration::from_secs(10))).process(|_, read| {
                assert!(read.is_ok());
                std::thread::current().name().map(str::to_string)
            });
        assert!(
            threads
                .iter()
                .all(|t| t.as_deref() == Some("treatyscan-reader")),
            "{threads:?}"
        );
        // without a budget, the caller's threads read and process
        let threads = ReadAhead::start(&files, options, None)
            .process(|_, _| std::thread::current().name().map(str::to_string));
        assert!(
            threads
                .iter()
                .all(|t| t.as_deref() != Some("treatyscan-reader")),
            "{threads:?}"
        );
    }

    #[test]
    fn files_queued_but_never_processed_free_their_readers() {
        // the run stops before `process` (a bad --category, say): the queued
        // files must not keep the reader threads waiting for a processor
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 2 * AHEAD);
        let options = super::super::ReadOptions::deferred();
        drop(ReadAhead::<()>::start(
            &files,
            options,
            Some(Duration::from_secs(10)),
        ));
        let (send, receive) = mpsc::channel();
        let first = files[0].clone();
        std::thread::spawn(move || {
            let _ = send.send(load_within(&first, options, Some(Duration::from_secs(5))));
        });
        let read = receive.recv_timeout(Duration::from_secs(10));
        assert!(read.is_ok_and(|r| r.is_ok()), "a reader was left waiting");
    }

    #[test]
    fn readings_of_missing_files_name_each_file() {
        let files: Vec<PathBuf> = ["no-such-1.xml", "no-such-2.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        for timeout in [None, Some(Duration::from_secs(10))] {
            let errors: Vec<String> =
                ReadAhead::start(&files, super::super::ReadOptions::deferred(), timeout)
                    .process(|_, read| read.map(|_| ()).unwrap_err().to_string());
            assert_eq!(errors.len(), 2);
            assert!(errors[0].starts_with("no-such-1.xml"), "{errors:?}");
            assert!(errors[1].starts_with("no-such-2.txt"), "{errors:?}");
        }
    }

    #[test]
    fn a_reader_within_budget_gives_its_result() {
        let r = run_within(Path::new("ok.txt"), Some(Duration::from_secs(10)), || Ok(7));
        assert_eq!(r.unwrap(), 7);
    }
}
