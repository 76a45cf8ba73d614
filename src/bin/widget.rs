//! The standalone page: mounts one widget into `#claimcheck`, with its
//! state in the page URL.

fn main() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("claimcheck") else {
        gloo::console::error!(
            "claimcheck: no element with id `claimcheck` to mount into"
        );
        return;
    };
    let options = claimcheck::Options { sync_url: true, ..Default::default() };
    let handle = claimcheck::mount(root, options);
    // The page lives as long as the widget does.
    std::mem::forget(handle);
}
