//! The claimcheck widget: a Yew component that lets a reader test the
//! claims about the IRCC website outage of November 2016 against the
//! documented record.
//!
//! All facts come from the scenario data in `claimcheck-model`; this
//! crate only turns them into a view. Data flows one way: scenario →
//! (later: parameters → simulation → checks) → view.
//!
//! # Mounting
//! ```no_run
//! let host = gloo::utils::document().create_element("div").unwrap();
//! let handle = claimcheck::mount(host, claimcheck::Options::default());
//! handle.destroy();
//! ```

pub mod app;
pub mod components;
pub mod data;
pub mod i18n;

use web_sys::Element;
use yew::AppHandle;

pub use app::{App, AppProps};
pub use i18n::Lang;

/// How a widget is set up when it is mounted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The interface language; `None` takes the host page's `lang`.
    pub lang: Option<Lang>,
}

/// Mounts a widget into `element` and returns the handle that owns it.
///
/// Keep the handle: dropping it leaves the widget in place, calling
/// [`AppHandle::destroy`] removes it.
pub fn mount(element: Element, options: Options) -> AppHandle<App> {
    let lang = options.lang.unwrap_or_else(|| Lang::of_element(&element));
    yew::Renderer::<App>::with_root_and_props(element, AppProps { lang })
        .render()
}
