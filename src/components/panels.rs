//! Everything behind the compact view: one row of disclosure buttons
//! (the evidence, the sliders, the assumptions, the record, the data
//! table, sharing), one panel open at a time. Each button says whether
//! its panel is open (`aria-expanded`), opens by keyboard, and can be
//! opened from a link (`view=`).

use claimcheck_model::locale::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::next_id;
use crate::i18n::{panel_label, ui};
use crate::settings::Panel;
use crate::state::Action;

/// Props of [`Panels`].
#[derive(Properties, PartialEq)]
pub struct PanelsProps {
    /// The panels this placement offers.
    pub panels: Vec<Panel>,
    /// The open panel.
    pub open: Option<Panel>,
    /// The interface language.
    pub lang: Lang,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
    /// The open panel's content.
    #[prop_or_default]
    pub children: Html,
}

/// The row of buttons and the open panel.
#[function_component(Panels)]
pub fn panels(props: &PanelsProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let base = use_memo((), |_| next_id("cc-panel"));
    let region = format!("{}-region", *base);
    let buttons = props.panels.iter().map(|&p| {
        let open = props.open == Some(p);
        let d = props.dispatch.clone();
        let next = if open { None } else { Some(p) };
        html! {
            <button type="button" class={classes!("cc-tab", open.then_some("cc-tab-open"))}
                data-panel={p.id()}
                aria-expanded={open.to_string()} aria-controls={region.clone()}
                onclick={Callback::from(move |_| d.emit(Action::Open(next)))}>
                { panel_label(p, lang) }
            </button>
        }
    });
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Open(None)))
    };
    // Escape closes the open panel and puts focus back on its button.
    let on_key = {
        let d = props.dispatch.clone();
        let open = props.open;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            let Some(p) = open else { return };
            e.prevent_default();
            let target: Option<web_sys::Element> = e.target_dyn_into();
            let tab = target
                .and_then(|t| t.closest(".cc-tabs-wrap").ok().flatten())
                .and_then(|w| {
                    w.query_selector(&format!(
                        "button.cc-tab[data-panel=\"{}\"]",
                        p.id()
                    ))
                    .ok()
                    .flatten()
                })
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            d.emit(Action::Open(None));
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        })
    };
    html! {
        <nav class="cc-tabs-wrap" aria-label={ui.tabs_label} onkeydown={on_key}>
            <div class="cc-tabs">{ for buttons }</div>
            <div id={region} class="cc-panel-region">
                if let Some(p) = props.open.filter(|p| props.panels.contains(p)) {
                    <section class={classes!("cc-panel", format!("cc-panel-{}", p.id()))}
                        aria-label={panel_label(p, lang)} data-open-panel={p.id()}>
                        <div class="cc-panel-head">
                            <h3 class="cc-panel-heading">{ panel_label(p, lang) }</h3>
                            <button type="button" class="cc-button cc-close" onclick={close}>{ ui.close_panel }</button>
                        </div>
                        { props.children.clone() }
                    </section>
                }
            </div>
        </nav>
    }
}
