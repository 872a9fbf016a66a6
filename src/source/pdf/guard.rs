//! Running PDF libraries on untrusted files: they panic on malformed fonts,
//! recurse without limit on cyclic object graphs and can loop on corrupt
//! streams. Extraction runs on its own thread with a deep stack, its panics are
//! caught (and kept off the user's terminal), and the caller stops waiting
//! after a time limit.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Once};
use std::time::Duration;

/// Panics on threads with this name are expected (caught and reported as a
/// bad page or file), so the panic hook keeps quiet about them.
const WORKER_NAME: &str = "treatyscan-pdf";

/// Deeply nested but valid content (forms inside forms) needs more stack than
/// the default 2 MB; the memory is only committed when used.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// How deep Form XObjects and the page tree may nest before a page is refused:
/// far beyond real documents, well before the stack runs out.
const MAX_NESTING: usize = 32;

/// A page's drawing instructions inflate to a few MB at most; a stream that
/// inflates past this is a decompression bomb and would exhaust memory.
const MAX_CONTENT_BYTES: u64 = 256 * 1024 * 1024;

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

/// Runs `f`, turning a panic into an error message (for one page at a time).
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(p.as_ref()))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".into());
    format!("the PDF library failed: {msg}")
}

/// Installs, once per process, a panic hook that stays silent for the worker
/// thread and hands every other panic to the hook that was there before.
/// (Swapping the hook around each extraction would race with other threads.)
fn silence_worker_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(WORKER_NAME) {
                previous(info);
            }
        }));
    });
}

/// Shapes that would crash pdf-extract beyond what `catch_unwind` can catch: a
/// page whose /Parent chain loops, or Form XObjects that draw themselves
/// (unbounded recursion: a stack overflow aborts the process), and content
/// streams that inflate to gigabytes (memory runs out).
pub fn page_structure_problem(doc: &Document, page: ObjectId) -> Option<&'static str> {
    let dict = doc.get_dictionary(page).ok()?;
    if parent_chain_loops(doc, dict) {
        return Some("its page tree loops");
    }
    let contents = doc.get_page_contents(page);
    if contents.iter().any(|&id| {
        doc.get_object(id)
            .and_then(Object::as_stream)
            .is_ok_and(inflates_too_far)
    }) {
        return Some("its content inflates beyond any real page");
    }
    let resources = inherited_resources(doc, dict)?;
    let mut path = HashSet::new();
    let mut done = HashSet::new();
    forms_loop(doc, resources, &mut path, &mut done, 0)
        .then_some("its drawings nest without end or inflate beyond any real page")
}

fn parent_chain_loops<'a>(doc: &'a Document, mut dict: &'a Dictionary) -> bool {
    let mut seen = HashSet::new();
    while let Ok(id) = dict.get(b"Parent").and_then(Object::as_reference) {
        if !seen.insert(id) || seen.len() > MAX_NESTING {
            return true;
        }
        match doc.get_dictionary(id) {
            Ok(d) => dict = d,
            Err(_) => return false,
        }
    }
    false
}

fn inherited_resources<'a>(doc: &'a Document, mut dict: &'a Dictionary) -> Option<&'a Dictionary> {
    for _ in 0..MAX_NESTING {
        if let Ok(r) = dict.get(b"Resources") {
            return deref_dict(doc, r);
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// Depth-first walk over the forms reachable from `resources`; `path` holds
/// the forms being drawn, `done` the ones known to be finite.
fn forms_loop(
    doc: &Document,
    resources: &Dictionary,
    path: &mut HashSet<ObjectId>,
    done: &mut HashSet<ObjectId>,
    depth: usize,
) -> bool {
    if depth > MAX_NESTING {
        return true;
    }
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(|o| deref_dict(doc, o))
    else {
        return false;
    };
    for (_, o) in xobjects.iter() {
        let Ok(id) = o.as_reference() else { continue };
        if done.contains(&id) {
            continue;
        }
        if !path.insert(id) {
            return true;
        }
        let Ok(Object::Stream(form)) = doc.get_object(id) else {
            path.remove(&id);
            continue;
        };
        if inflates_too_far(form) {
            return true;
        }
        // only a form that draws other forms can recurse
        if !draws_forms(form) {
            path.remove(&id);
            done.insert(id);
            continue;
        }
        // a form without resources draws with its caller's
        let inner = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| deref_dict(doc, r))
            .unwrap_or(resources);
        if forms_loop(doc, inner, path, done, depth + 1) {
            return true;
        }
        path.remove(&id);
        done.insert(id);
    }
    false
}

/// Inflates a Flate stream into nothing, counting, and stops past the limit.
fn inflates_too_far(stream: &lopdf::Stream) -> bool {
    use std::io::Read;
    let flate = stream
        .filters()
        .is_ok_and(|f| f.first() == Some(&&b"FlateDecode"[..]));
    if !flate {
        return false;
    }
    let mut inflated =
        flate2::read::ZlibDecoder::new(&stream.content[..]).take(MAX_CONTENT_BYTES + 1);
    std::io::copy(&mut inflated, &mut std::io::sink()).is_ok_and(|n| n > MAX_CONTENT_BYTES)
}

/// Whether a content stream may use the `Do` operator. Undecodable content
/// counts as yes: pdf-extract will fail on it anyway, and caution costs a page.
fn draws_forms(form: &lopdf::Stream) -> bool {
    let content = form
        .get_plain_content()
        .unwrap_or_else(|_| form.content.clone());
    content.windows(2).enumerate().any(|(i, w)| {
        w == b"Do"
            && content
                .get(i + 2)
                .is_none_or(|c| !c.is_ascii_alphanumeric())
            && i.checked_sub(1)
                .is_none_or(|j| content[j].is_ascii_whitespace())
    })
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
    fn decompression_bombs_are_refused() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_CONTENT_BYTES >> 20) {
            z.write_all(&chunk).unwrap();
        }
        let bomb = lopdf::Stream::new(
            lopdf::dictionary! { "Filter" => "FlateDecode" },
            z.finish().unwrap(),
        );
        assert!(inflates_too_far(&bomb));
        let small = lopdf::Stream::new(
            lopdf::dictionary! { "Filter" => "FlateDecode" },
            bomb.content[..64].to_vec(),
        );
        assert!(!inflates_too_far(&small));
    }

    #[test]
    fn slow_jobs_time_out() {
        let r = run_isolated(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
        });
        assert!(matches!(r, Err(JobError::TimedOut)));
    }
}
