//! Reporter mode: an "Embed" button that shows both embed codes, script
//! and iframe, carrying the current hypotheses and changed parameters.

use claimcheck_model::{HypothesisSet, Params};
use yew::prelude::*;

use crate::components::figure::next_id;
use crate::i18n::Lang;
use crate::settings::{encode, URL_PREFIX};
use crate::url::copy_to_clipboard;

/// Props of [`EmbedPanel`].
#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The hypotheses switched on.
    pub hypotheses: HypothesisSet,
    /// The parameter values.
    pub params: Params,
    /// The URL of the folder holding `claimcheck.js` and `embed.html`.
    pub base: AttrValue,
}

/// The script embed: the loader and one placeholder element.
pub fn script_snippet(
    base: &str,
    hypotheses: HypothesisSet,
    params: &Params,
    lang: Lang,
) -> String {
    let attrs: String = encode(hypotheses, params, "data-")
        .into_iter()
        .map(|(k, v)| format!(" {k}=\"{v}\""))
        .collect();
    format!(
        "<script type=\"module\" src=\"{base}claimcheck.js\"></script>\n\
         <div data-claimcheck{attrs} data-lang=\"{}\"></div>",
        lang.key()
    )
}

/// The iframe embed: the page, and the ≤ 1 KB resizer for hosts
/// without pym.js.
pub fn iframe_snippet(
    base: &str,
    hypotheses: HypothesisSet,
    params: &Params,
    lang: Lang,
) -> String {
    let mut query: Vec<String> = encode(hypotheses, params, URL_PREFIX)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    query.push(format!("{URL_PREFIX}lang={}", lang.key()));
    format!(
        "<iframe src=\"{base}embed.html?{}\" title=\"{}\" width=\"100%\" \
         height=\"1400\" frameborder=\"0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{base}claimcheck-parent.js\" async></script>",
        query.join("&amp;"),
        lang.ui().iframe_title
    )
}

/// The panel.
#[function_component(EmbedPanel)]
pub fn embed_panel(props: &EmbedPanelProps) -> Html {
    let lang = props.lang;
    let ui = lang.ui();
    let open = use_state(|| false);
    let status = use_state(String::new);
    let id = use_memo((), |_| next_id("cc-embed"));
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let script =
        script_snippet(&props.base, props.hypotheses, &props.params, lang);
    let iframe =
        iframe_snippet(&props.base, props.hypotheses, &props.params, lang);
    let copier = |text: String| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_to_clipboard(&text).await;
                status.set(
                    if ok { ui.code_copied } else { ui.copy_failed }
                        .to_string(),
                );
            });
        })
    };
    let script_id = format!("{}-script", *id);
    let iframe_id = format!("{}-iframe", *id);
    html! {
        <div class="cc-embed">
            <button type="button" class="cc-button cc-embed-button"
                aria-expanded={open.to_string()} aria-controls={(*id).clone()}
                onclick={toggle}>
                { ui.embed }
            </button>
            if *open {
                <div class="cc-embed-panel" id={(*id).clone()}>
                    <label for={script_id.clone()}>{ ui.embed_script }</label>
                    <textarea id={script_id} class="cc-embed-script" readonly=true rows="3"
                        value={script.clone()} />
                    <button type="button" class="cc-button" onclick={copier(script)}>
                        { ui.copy_code }
                    </button>
                    <label for={iframe_id.clone()}>{ ui.embed_iframe }</label>
                    <textarea id={iframe_id} class="cc-embed-iframe" readonly=true rows="4"
                        value={iframe.clone()} />
                    <button type="button" class="cc-button" onclick={copier(iframe)}>
                        { ui.copy_code }
                    </button>
                    <p class="cc-copy-status" role="status">{ (*status).clone() }</p>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_model::Hypothesis;

    #[test]
    fn snippets_carry_the_state() {
        let on = HypothesisSet::of(&[Hypothesis::Deadline]);
        let params = Params::new(&[("timeout_s", 45.0)]).unwrap();
        let s = script_snippet("https://x.test/cc/", on, &params, Lang::Fr);
        assert!(s.contains("src=\"https://x.test/cc/claimcheck.js\""), "{s}");
        assert!(s.contains("data-hypotheses=\"deadline\""), "{s}");
        assert!(s.contains("data-timeout_s=\"45\""), "{s}");
        assert!(s.contains("data-lang=\"fr\""), "{s}");
        let i = iframe_snippet("https://x.test/cc/", on, &params, Lang::En);
        assert!(
            i.contains(
                "embed.html?cc-hypotheses=deadline&amp;cc-timeout_s=45"
            ),
            "{i}"
        );
        assert!(i.contains("title=\""), "{i}");
        assert!(i.contains("claimcheck-parent.js"), "{i}");
    }
}
