//! The standalone page: mounts one widget into `#claimcheck`, with its
//! state in the page URL.
//!
//! The embed loader (`claimcheck.js`) loads the same module; on a host
//! page there is no `#claimcheck`, and this does nothing.

fn main() {
    // In the analysis worker the same module runs with no window: there
    // is nothing to mount.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("claimcheck") else {
        return;
    };
    let options = claimcheck::Options { sync_url: true, ..Default::default() };
    // A story fetched on demand (cc-scenario=…) is fetched first; the
    // no-JavaScript fallback stays until the widget takes its place.
    claimcheck::when_story_ready(&options.clone(), move || {
        root.set_inner_html("");
        let handle = claimcheck::mount(root, options);
        // The page lives as long as the widget does.
        std::mem::forget(handle);
    });
}
