//! The claimcheck widget: a Yew component that lets a reader test the
//! claims about an outage against the documented record.
//!
//! All facts come from the bundled scenarios (`scenarios/*.json`,
//! validated and packed at build time); all numbers come from the model
//! in `claimcheck-model`. This crate turns them into a view. Data flows
//! one way: scenario → parameters → simulation → checks → verdicts →
//! view.
//!
//! # Mounting
//! ```no_run
//! use claimcheck::{mount, Options};
//! let host = gloo::utils::document().create_element("div").unwrap();
//! let options = Options {
//!     state: vec![("hypotheses".into(), "none".into())],
//!     ..Options::default()
//! };
//! let handle = mount(host, options);
//! handle.destroy();
//! ```

pub mod analysis;
pub mod app;
pub mod bridge;
pub mod components;
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod export;
pub mod i18n;
pub mod results;
pub mod settings;
pub mod state;
pub mod url;

use web_sys::Element;
use yew::AppHandle;

pub use app::{App, AppProps};
pub use claimcheck_model::locale::Lang;
pub use settings::{Settings, Theme};

/// How a widget is set up when it is mounted.
#[derive(Clone, Default)]
pub struct Options {
    /// The interface language; `None` takes `lang` from the state, then
    /// from the element or the host page.
    pub lang: Option<Lang>,
    /// The state as `key=value` pairs in the format of [`settings`]
    /// (`scenario`, `hypotheses`, parameter ids, `controls`, `view`,
    /// `lang`, `theme`, `static`, `plain`, `reporter`), each key starting
    /// with `prefix`.
    pub state: Vec<(String, String)>,
    /// The prefix of the keys in `state` (`""`, or `"data-"` for a
    /// placeholder's attributes); ignored entries are named with it.
    pub prefix: String,
    /// Whether the widget owns the page URL: reads its `cc-` keys on top
    /// of `state` and writes its state back as it changes.
    pub sync_url: bool,
    /// A channel for the host page (the JS API).
    pub bridge: Option<app::Shared<bridge::Bridge>>,
    /// Where `claimcheck.js` and `embed.html` live, for reporter mode's
    /// embed codes; `None` takes the page's own folder.
    pub embed_base: Option<String>,
}

/// The state entries a widget mounted with `options` reads, with their
/// prefix: the URL's on top when it owns the URL.
fn state_pairs(options: &Options) -> (Vec<(String, String)>, String) {
    let mut pairs = options.state.clone();
    let mut prefix = options.prefix.clone();
    if options.sync_url {
        // URL entries are read with their own prefix and named as the
        // reader wrote them.
        let given: Vec<(String, String)> = std::mem::take(&mut pairs)
            .into_iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(&prefix)
                    .map(|k| (format!("{}{k}", settings::URL_PREFIX), v))
            })
            .collect();
        pairs = given;
        pairs.extend(url::query_pairs());
        prefix = settings::URL_PREFIX.to_string();
    }
    (pairs, prefix)
}

/// The story a widget mounted with `options` would show that must be
/// fetched first (see [`data`]), if any.
pub fn story_to_fetch(options: &Options) -> Option<String> {
    let (pairs, prefix) = state_pairs(options);
    let key = format!("{prefix}scenario");
    pairs
        .iter()
        .rev()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|id| data::needs_fetch(id))
}

/// Calls `then` once the story `options` asks for is there: at once, or
/// after fetching it from the bundle's `stories/` folder (see
/// [`after_story`]).
pub fn when_story_ready(options: &Options, then: impl FnOnce() + 'static) {
    let base = options.embed_base.clone().unwrap_or_else(url::page_folder);
    after_story(story_to_fetch(options), base, then);
}

/// Calls `then` at once when `id` is `None`, else after fetching story
/// `id` from `<base>stories/`. A failed fetch is said in the console,
/// and `then` still runs: a widget then names the story in its notice
/// and shows the default one.
pub fn after_story(
    id: Option<String>,
    base: String,
    then: impl FnOnce() + 'static,
) {
    let Some(id) = id else {
        then();
        return;
    };
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = data::fetch(&id, &base).await {
            web_sys::console::error_1(
                &format!(
                    "claimcheck: the story `{id}` could not be loaded ({e})"
                )
                .into(),
            );
        }
        then();
    });
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (id, base);
        then();
    }
}

/// Mounts a widget into `element` and returns the handle that owns it.
///
/// Invalid state entries are ignored, named in a notice in the widget
/// and in the console; the widget starts from the defaults for them.
/// Keep the handle: [`AppHandle::destroy`] removes the widget.
pub fn mount(element: Element, options: Options) -> AppHandle<App> {
    let (pairs, prefix) = state_pairs(&options);
    let mut settings = Settings::parse(pairs, &prefix);
    let lang = options
        .lang
        .or(settings.lang)
        .unwrap_or_else(|| i18n::lang_of(&element));
    let embed_base =
        options.embed_base.clone().unwrap_or_else(url::page_folder);
    analysis::set_base(&embed_base);
    if options.sync_url {
        // The widget owns this page (standalone or iframe): the page
        // speaks the reader's language and names the story.
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document.set_title(&format!(
            "{} — {}",
            settings.scenario.title.get(lang.key()),
            i18n::ui(lang).iframe_title
        ));
    }
    let props = AppProps {
        lang,
        theme: settings.theme.unwrap_or_default(),
        ignored: std::mem::take(&mut settings.ignored),
        flags: settings.flags,
        initial: settings,
        sync_url: options.sync_url,
        bridge: options.bridge.clone(),
        embed_base: Some(embed_base.into()),
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render()
}
