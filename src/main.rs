//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The build's copy of the first rows is painted before the app's start-up work and
    // downloads begin, not after them.
    wasm_bindgen_futures::spawn_local(async {
        papersift::web::preview::painted().await;
        // The engine worker starts now, and the embedded feed, which nearly every reader loads
        // first, downloads while the app mounts and reads the reader's sources: only now, so
        // the page's wasm had the bandwidth first, and the worker's start-up does not take a
        // core from the mount (web::engine_client).
        papersift::web::engine_client::fetch_early(papersift::domain::sources::DEFAULT_FEED_URL);
        leptos::mount::mount_to_body(papersift::App);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("PaperSift runs in the browser: serve it with `scripts/serve.sh` (see README.md).");
    std::process::exit(2);
}
