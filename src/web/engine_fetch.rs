//! The engine worker's fetches (`src/bin/engine.rs`): the body of a job the page asked for
//! ([`Request::Fetch`]) is fetched in the worker and handed to the engine chunk by chunk as it
//! arrives, so no feed's or index's bytes pass through the page's thread (a 121 MB feed and
//! its 52 MB index cost the page's thread over a second of reading before).

use std::cell::{Cell, RefCell};

use crate::domain::engine::Engine;
use crate::domain::engine::protocol::{Reply, Request};
use crate::domain::feed::fetch::{FetchLimits, Progress};
use crate::web::clock::now_ms;
use crate::web::fetch::fetch_stream;

/// Fetches `url` within `limits` as the body of job `job` of `engine`, and ends the job with
/// it. `post` hears the engine's replies and the fetch's [`Reply::Progress`] (at its start, its
/// end and ten times a second between, not at each of thousands of chunks); `changed` is called after
/// each chunk the engine took (its catalog may have grown: the worker flushes when free).
///
/// A fetch that fails ends the job with [`Reply::Unfetched`]; one whose job is no longer
/// wanted ([`Engine::wants`]: cancelled or superseded meanwhile) stops reading and says
/// nothing more.
pub async fn fetch_into(
    engine: &RefCell<Engine>,
    job: u64,
    url: &str,
    limits: FetchLimits,
    post: &dyn Fn(Reply),
    changed: &dyn Fn(),
) {
    let told = Cell::new(None::<(Progress, f64)>);
    let on_progress = |progress: Progress| {
        let now = now_ms();
        if progress.worth_telling(told.get(), now) {
            told.set(Some((progress, now)));
            post(Reply::Progress { job, progress });
        }
    };
    let on_chunk = |chunk: &js_sys::Uint8Array| {
        let replies = engine.borrow_mut().handle(Request::Bytes { job }, &chunk.to_vec());
        replies.into_iter().for_each(post);
        changed();
        engine.borrow().wants(job)
    };
    let fetched = fetch_stream(url, limits, on_progress, on_chunk).await;
    if !engine.borrow().wants(job) {
        return;
    }
    let replies = match fetched {
        Ok(()) => engine.borrow_mut().handle(Request::Finish { job }, &[]),
        Err(error) => {
            engine.borrow_mut().handle(Request::Cancel { job }, &[]);
            vec![Reply::Unfetched { job, error }]
        }
    };
    replies.into_iter().for_each(post);
    changed();
}
