//! Reading untrusted files under a wall-clock budget: the read and parse of one
//! file run on a worker thread, and the caller stops waiting when the budget is
//! spent, so that a reader caught in a loop cannot block a run of hundreds of
//! files. A panic inside a reader is caught there and becomes one line naming
//! the file, instead of a crash with a backtrace.

use super::SourceError;
use crate::provision::Agreement;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
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

/// Runs `read` (the reading of `path`) on a reader thread of its own under
/// `timeout`, with panics caught and the default panic message kept off the
/// terminal. For the commands that read a file or two (`compare`): a thread
/// per file cost a corpus run a third of its time in fresh stacks and
/// allocator heaps, and many files go through [`ReadEach`] instead.
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

/// Threads that read and process files (see [`ReadEach`]): `threads` of
/// them (one per core when `None` or 0), each with the reader's large stack,
/// so that deeply nested input cannot overflow it. Compile the rules in the
/// same pool (`install`): the memory their compiling frees is then reused for
/// the agreements, on the same threads. Errors: the operating system's, when
/// it refuses the threads.
pub fn worker_pool(
    threads: Option<usize>,
) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(READER_STACK)
        .thread_name(|i| format!("treatyscan-worker-{i}"))
        .build()
}

/// What is done with each file once read (see [`ReadEach::process`]):
/// given the file's path and its reading, it returns the file's result.
pub type Processor<R> = Arc<dyn Fn(&Path, Result<Agreement, SourceError>) -> R + Send + Sync>;

/// Files each read and then processed on the same thread of a
/// [`worker_pool`], the results handed back in the order of the files.
///
/// A file is used on the thread (and core) that built it and dropped there:
/// handing each agreement to another thread for its review cost `check`
/// over the 450 ToTA files 17% of its CPU time and 12% of its wall time
/// (medians of 21 alternated runs), in cache misses and in frees across
/// threads.
///
/// With a budget, the reading and processing of one file together may take
/// that long. The caller's thread watches: it sleeps until the last file is
/// done or the first running one is over budget. A file over budget is
/// given to `process` as [`SourceError::TimedOut`], and a new thread takes
/// the place of the one that holds it, so that a reader stuck in a loop
/// does not hold up the files after it. Without a budget the same threads
/// take the files up, and the caller sleeps until the last is done. Reader
/// threads of their own, each file's result sent
/// back over a channel to a caller woken twice per file, made `check` over
/// the 450 ToTA files take 140.2 ms against 134.3 (wall, median of 21
/// alternated runs), 267 ms of CPU against 259, and 19 MB more memory
/// (90 against 71 MB); one small file, 19.3 against 17.4 ms.
pub struct ReadEach<'a> {
    files: &'a [PathBuf],
    options: super::ReadOptions,
    budget: Option<Duration>,
}

impl<'a> ReadEach<'a> {
    /// The files to read with `options`, each within `budget` (none when
    /// `None`); nothing is read before [`ReadEach::process`].
    pub fn new(
        files: &'a [PathBuf],
        options: super::ReadOptions,
        budget: Option<Duration>,
    ) -> Self {
        ReadEach {
            files,
            options,
            budget,
        }
    }

    /// `process` applied to each file's path and reading (the errors of
    /// [`load_within`]) on the threads of `pool`; the results are in the
    /// order of the files. A file over budget, or whose reading or
    /// processing panicked, is given to `process` as that error. Each
    /// reading is dropped when `process` returns, unless `process` keeps
    /// it. The caller's thread waits: called on one of `pool`'s own threads
    /// (inside `install`), it starts threads of its own to do the work.
    pub fn process<R, F>(self, pool: &rayon::ThreadPool, process: F) -> Vec<R>
    where
        R: Send + 'static,
        F: Fn(&Path, Result<Agreement, SourceError>) -> R + Send + Sync + 'static,
    {
        let watch = Arc::new(Watch {
            files: self.files.to_vec(),
            options: self.options,
            process: Arc::new(process),
            limit: self.budget,
            next: AtomicUsize::new(0),
            slots: self
                .files
                .iter()
                .map(|_| Mutex::new(Slot::default()))
                .collect(),
            finished: AtomicUsize::new(0),
            asleep: Mutex::new(()),
            wake: Condvar::new(),
        });
        for _ in 0..pool.current_num_threads() {
            // called on one of the pool's threads, which is to wait, its
            // work goes to threads of its own (the pool could be that one)
            if pool.current_thread_index().is_some() {
                watch.add_worker();
            } else {
                let watch = Arc::clone(&watch);
                pool.spawn(move || watch.work());
            }
        }
        watch.watch();
        watch
            .slots
            .iter()
            .map(|slot| {
                lock(slot)
                    .outcome
                    .take()
                    .expect("every file is answered for")
            })
            .collect()
    }
}

/// The files of a [`ReadEach::process`], shared by the threads that take
/// them up and the caller that watches them.
struct Watch<R> {
    files: Vec<PathBuf>,
    options: super::ReadOptions,
    process: Processor<R>,
    /// The budget of one file, if any.
    limit: Option<Duration>,
    /// The first file no thread has taken up.
    next: AtomicUsize,
    slots: Vec<Mutex<Slot<R>>>,
    /// How many files are answered for (processed, or given up).
    finished: AtomicUsize,
    /// What the caller sleeps on, woken when the last file is answered for.
    asleep: Mutex<()>,
    wake: Condvar,
}

/// One file of a [`Watch`].
struct Slot<R> {
    /// When a thread took the file up.
    started: Option<Instant>,
    outcome: Option<R>,
    /// Whether the caller gave the file up (over budget): whatever its
    /// thread makes of it later is dropped.
    given_up: bool,
}

impl<R> Default for Slot<R> {
    fn default() -> Self {
        Slot {
            started: None,
            outcome: None,
            given_up: false,
        }
    }
}

impl<R: Send + 'static> Watch<R> {
    /// Takes up files until none is left: reads each, processes it, and
    /// keeps the result unless the caller gave the file up meanwhile.
    fn work(&self) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = self.files.get(i) else {
                return;
            };
            let started = Instant::now();
            lock(&self.slots[i]).started = Some(started);
            let read = || (self.process)(path, super::load_opts(path, self.options));
            let outcome = catch_panic(read);
            // the reader's own clock decides: a result that came in over
            // budget while the caller was not scheduled is over budget all
            // the same
            let outcome = match outcome {
                Ok(done) if self.limit.is_none_or(|l| started.elapsed() <= l) => done,
                Ok(_) => (self.process)(path, Err(self.timed_out(path))),
                Err(message) => (self.process)(path, Err(internal(path, &message))),
            };
            let mut slot = lock(&self.slots[i]);
            if slot.given_up {
                continue;
            }
            slot.outcome = Some(outcome);
            drop(slot);
            self.answered();
        }
    }

    fn timed_out(&self, path: &Path) -> SourceError {
        SourceError::TimedOut {
            path: path.into(),
            seconds: self.limit.unwrap_or_default().as_secs_f64(),
        }
    }

    /// One more file answered for; the caller is woken after the last.
    fn answered(&self) {
        if self.finished.fetch_add(1, Ordering::AcqRel) + 1 == self.files.len() {
            let _asleep = lock(&self.asleep);
            self.wake.notify_all();
        }
    }

    /// The caller's part: sleeps until every file is answered for, waking
    /// (with a budget) when the first running file's budget runs out to
    /// give it up.
    fn watch(self: &Arc<Self>) {
        loop {
            let asleep = lock(&self.asleep);
            if self.finished.load(Ordering::Acquire) == self.files.len() {
                return;
            }
            let Some(limit) = self.limit else {
                drop(
                    self.wake
                        .wait(asleep)
                        .unwrap_or_else(|poisoned| poisoned.into_inner()),
                );
                continue;
            };
            // a file taken up later has a later deadline than this wait's end
            let now = Instant::now();
            let wait = self
                .slots
                .iter()
                .filter_map(|slot| {
                    let slot = lock(slot);
                    let running = slot.outcome.is_none() && !slot.given_up;
                    slot.started.filter(|_| running)
                })
                .map(|started| (started + limit).saturating_duration_since(now))
                .min()
                .unwrap_or(limit);
            let _ = self
                .wake
                .wait_timeout(asleep, wait.max(Duration::from_millis(1)))
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            self.give_up_overdue(limit);
        }
    }

    /// Gives up each running file over `limit`, and starts a thread in the
    /// place of the one that holds it.
    fn give_up_overdue(self: &Arc<Self>, limit: Duration) {
        for (i, slot) in self.slots.iter().enumerate() {
            let mut slot = lock(slot);
            let overdue = slot
                .started
                .is_some_and(|started| started.elapsed() > limit);
            if slot.outcome.is_some() || slot.given_up || !overdue {
                continue;
            }
            slot.given_up = true;
            let path = &self.files[i];
            slot.outcome = Some((self.process)(path, Err(self.timed_out(path))));
            drop(slot);
            self.add_worker();
            self.answered();
        }
    }

    /// Starts a thread of its own that takes up files, with the pool's
    /// stack; should the system refuse it, the other threads go on.
    fn add_worker(self: &Arc<Self>) {
        let watch = Arc::clone(self);
        let _ = std::thread::Builder::new()
            .name("treatyscan-worker".into())
            .stack_size(READER_STACK)
            .spawn(move || watch.work());
    }
}

/// The value behind `mutex`, whether or not a thread panicked holding it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A reading on a thread of its own, with the reader's large stack: its
/// outcome and how long it took come back over a channel.
struct Queued<T> {
    path: PathBuf,
    /// `Err` when no thread could be started for the reading.
    reports: Result<mpsc::Receiver<Report<T>>, SourceError>,
}

/// A reading's outcome (`Err` when it panicked) and how long it took.
type Report<T> = (Result<Result<T, SourceError>, String>, Duration);

impl<T: Send + 'static> Queued<T> {
    fn start(path: &Path, read: impl FnOnce() -> Result<T, SourceError> + Send + 'static) -> Self {
        let (send, receive) = mpsc::channel();
        let reader = std::thread::Builder::new()
            .name("treatyscan-reader".into())
            .stack_size(READER_STACK)
            .spawn(move || {
                let started = Instant::now();
                let outcome = catch_panic(read);
                let _ = send.send((outcome, started.elapsed()));
            });
        let reports = match reader {
            Ok(_) => Ok(receive),
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

    /// The outcome, waited for at most `limit`. A reader over budget is left
    /// to finish (or not) on its own thread.
    fn wait(self, limit: Duration) -> Result<T, SourceError> {
        let path = self.path.as_path();
        let reports = self.reports?;
        let timed_out = || SourceError::TimedOut {
            path: path.into(),
            seconds: limit.as_secs_f64(),
        };
        let (outcome, took) = match reports.recv_timeout(limit) {
            Ok(report) => report,
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(timed_out()),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(internal(path, "the reader stopped"))
            }
        };
        // the reader's own clock decides: a result that came in over budget while
        // this thread was not scheduled is over budget all the same
        if took > limit {
            return Err(timed_out());
        }
        outcome.map_err(|message| internal(path, &message))?
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
    fn each_file_is_processed_once_in_order_past_stuck_readers() {
        // more files than threads, three of them pipes no one writes to
        // (opening one blocks its reader for good, more of them than the
        // pool has threads): every other file is still read and processed,
        // and the results come back in file order
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 40);
        for path in files.iter().skip(5).step_by(12) {
            std::fs::remove_file(path).unwrap();
            let made = std::process::Command::new("mkfifo").arg(path).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        let started = Instant::now();
        let seen = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&seen);
        let results = each_on_two_threads(
            &files,
            Some(Duration::from_millis(300)),
            move |path, read| {
                counted.fetch_add(1, Ordering::Relaxed);
                (
                    path.to_path_buf(),
                    read.map(|a| a.text.text).map_err(|e| e.to_string()),
                )
            },
        );
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(seen.load(Ordering::Relaxed), files.len());
        assert_eq!(results.len(), files.len());
        for (i, (path, read)) in results.iter().enumerate() {
            assert_eq!(path, &files[i]);
            match read {
                Ok(text) => assert!(text.contains(&format!("item {i}.")), "{text}"),
                Err(e) => {
                    assert_eq!(i % 12, 5, "{e}");
                    assert!(e.contains("longer than the limit"), "{e}");
                }
            }
        }
        assert_eq!(results.iter().filter(|(_, r)| r.is_err()).count(), 3);
    }

    #[test]
    fn a_file_over_budget_once_read_is_over_budget() {
        // the processing counts too: a file whose reading and processing
        // together take longer than the budget is given up, the others not
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 4);
        let slow = files[2].clone();
        let results = each_on_two_threads(
            &files,
            Some(Duration::from_millis(200)),
            move |path, read| {
                if path == slow && read.is_ok() {
                    std::thread::sleep(Duration::from_millis(400));
                }
                read.map(|_| ()).map_err(|e| e.to_string())
            },
        );
        only_failed(&results, 2, "longer than the limit");
    }

    #[test]
    fn a_panic_while_processing_names_the_file_and_the_others_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 5);
        let bad = files[1].clone();
        let results = each_on_two_threads(
            &files,
            Some(Duration::from_secs(10)),
            move |path, read| match read {
                Ok(_) if path == bad => panic!("a bug"),
                Ok(_) => Ok(()),
                Err(e) => Err(e.to_string()),
            },
        );
        assert_eq!(results.len(), 5);
        only_failed(&results, 1, "a bug");
    }

    /// `files` read (deferred options) and each processed by `process`, on
    /// a pool of two threads, each file within `budget`.
    fn each_on_two_threads<R, F>(files: &[PathBuf], budget: Option<Duration>, process: F) -> Vec<R>
    where
        R: Send + 'static,
        F: Fn(&Path, Result<Agreement, SourceError>) -> R + Send + Sync + 'static,
    {
        let pool = worker_pool(Some(2)).unwrap();
        ReadEach::new(files, super::super::ReadOptions::deferred(), budget).process(&pool, process)
    }

    /// Every result is `Ok` but file `bad`'s, an error that says `says`.
    fn only_failed(results: &[Result<(), String>], bad: usize, says: &str) {
        for (i, r) in results.iter().enumerate() {
            if i == bad {
                assert!(r.as_ref().is_err_and(|e| e.contains(says)), "{r:?}");
            } else {
                assert!(r.is_ok(), "{i}: {r:?}");
            }
        }
    }

    #[test]
    fn a_budgeted_run_inside_its_own_pool_of_one_thread_ends() {
        // the one thread waits: the files go to threads of their own
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 3);
        let pool = worker_pool(Some(1)).unwrap();
        let options = super::super::ReadOptions::deferred();
        let read = pool.install(|| {
            ReadEach::new(&files, options, Some(Duration::from_secs(10)))
                .process(&pool, |_, read| read.is_ok())
        });
        assert_eq!(read, [true, true, true]);
    }

    #[test]
    fn files_are_read_and_processed_on_the_pool_threads() {
        let dir = tempfile::tempdir().unwrap();
        let files = agreements(dir.path(), 5);
        for budget in [Some(Duration::from_secs(10)), None] {
            let threads = each_on_two_threads(&files, budget, |_, read| {
                assert!(read.is_ok());
                std::thread::current().name().map(str::to_string)
            });
            assert!(
                threads.iter().all(|t| t
                    .as_deref()
                    .is_some_and(|t| t.starts_with("treatyscan-worker-"))),
                "{budget:?}: {threads:?}"
            );
        }
    }

    #[test]
    fn readings_of_missing_files_name_each_file() {
        let files: Vec<PathBuf> = ["no-such-1.xml", "no-such-2.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        for timeout in [None, Some(Duration::from_secs(10))] {
            let errors: Vec<String> = each_on_two_threads(&files, timeout, |_, read| {
                read.map(|_| ()).unwrap_err().to_string()
            });
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
