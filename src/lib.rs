//! The claimcheck widget: a Yew component that lets a reader test the
//! claims about the IRCC website outage of November 2016 against the
//! documented record.
//!
//! All facts come from the scenario data in `claimcheck-model`; all
//! numbers come from its model. This crate turns them into a view. Data
//! flows one way: scenario → parameters → simulation → checks →
//! verdicts → view.
//!
//! # Mounting
//! ```no_run
//! use claimcheck::{mount, Options};
//! let host = gloo::utils::document().create_element("div").unwrap();
//! let options = Options {
//!     state: vec![("hypotheses".into(), "deadline,underprovisioning".into())],
//!     ..Options::default()
//! };
//! let handle = mount(host, options);
//! handle.destroy();
//! ```

pub mod app;
pub mod components;
pub mod data;
pub mod i18n;
pub mod results;
pub mod settings;
pub mod state;
pub mod url;

use web_sys::Element;
use yew::AppHandle;

pub use app::{App, AppProps};
pub use i18n::Lang;
pub use settings::{Settings, Theme};

/// How a widget is set up when it is mounted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The interface language; `None` takes `lang` from the state, then
    /// from the element or the host page.
    pub lang: Option<Lang>,
    /// The state as `key=value` pairs without a prefix, in the format
    /// of [`settings`] (`hypotheses`, parameter names, `lang`, `theme`).
    pub state: Vec<(String, String)>,
    /// Whether the widget owns the page URL: reads its `cc-` keys on top
    /// of `state` and writes its state back as it changes.
    pub sync_url: bool,
}

/// Mounts a widget into `element` and returns the handle that owns it.
///
/// Invalid state entries are ignored, named in a notice in the widget
/// and in the console; the widget starts from the defaults for them.
/// Keep the handle: [`AppHandle::destroy`] removes the widget.
pub fn mount(element: Element, options: Options) -> AppHandle<App> {
    let mut settings = Settings::parse(options.state.iter().cloned(), "");
    if options.sync_url {
        let from_url = url::query_pairs();
        let mut pairs = options.state.clone();
        pairs.extend(from_url.into_iter().filter_map(|(k, v)| {
            k.strip_prefix(settings::URL_PREFIX).map(|k| (k.to_string(), v))
        }));
        settings = Settings::parse(pairs, "");
        // Name URL entries as the reader wrote them.
        for i in &mut settings.ignored {
            if !options.state.iter().any(|(k, _)| *k == i.key) {
                i.key = format!("{}{}", settings::URL_PREFIX, i.key);
            }
        }
    }
    let lang = options
        .lang
        .or(settings.lang)
        .unwrap_or_else(|| Lang::of_element(&element));
    let props = AppProps {
        lang,
        theme: settings.theme.unwrap_or_default(),
        ignored: std::mem::take(&mut settings.ignored),
        initial: settings,
        sync_url: options.sync_url,
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render()
}
