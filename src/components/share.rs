//! The share panel: the link to this view, downloads (chart as SVG and
//! PNG, curve and checks as CSV), and in reporter mode the embed codes
//! and the fact-check markup (ClaimReview) to paste in an article.

use claimcheck_model::claimreview::{claim_reviews, Review};
use claimcheck_model::locale::Lang;
use claimcheck_model::{HypothesisSet, Params, Scenario};
use web_sys::Element;
use yew::prelude::*;

use crate::analysis::Progress;
use crate::app::{ResultsRef, ScenarioRef};
use crate::export;
use crate::i18n::ui;
use crate::settings::{encode, URL_PREFIX};
use crate::url::copy_to_clipboard;

/// Props of [`Share`].
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The reader's results.
    pub results: ResultsRef,
    /// The analysis (for the fact-check markup).
    pub progress: Progress,
    /// The interface language.
    pub lang: Lang,
    /// Reporter mode: embed codes and markup.
    pub reporter: bool,
    /// Where `claimcheck.js` and `embed.html` live.
    pub base: AttrValue,
    /// Copies the link to this view.
    pub on_copy: Callback<()>,
    /// What the last copy did.
    pub copy_status: Option<AttrValue>,
}

/// The script embed: the loader and one placeholder element.
pub fn script_snippet(
    base: &str,
    scenario: &Scenario,
    hypotheses: HypothesisSet,
    params: &Params,
    lang: Lang,
) -> String {
    let attrs: String = encode(scenario, hypotheses, params, "data-")
        .into_iter()
        .map(|(k, v)| format!(" {k}=\"{v}\""))
        .collect();
    format!(
        "<script type=\"module\" src=\"{base}claimcheck.js\"></script>\n<div data-claimcheck{attrs} data-lang=\"{}\"></div>",
        lang.key()
    )
}

/// The iframe embed: the page, and the ≤ 1 KB resizer for hosts without
/// pym.js.
pub fn iframe_snippet(
    base: &str,
    scenario: &Scenario,
    hypotheses: HypothesisSet,
    params: &Params,
    lang: Lang,
) -> String {
    let mut query: Vec<String> =
        encode(scenario, hypotheses, params, URL_PREFIX)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
    query.push(format!("{URL_PREFIX}lang={}", lang.key()));
    format!(
        "<iframe src=\"{base}{}?{}\" title=\"{} {}\" width=\"100%\" height=\"900\" frameborder=\"0\" loading=\"lazy\"></iframe>\n<script src=\"{base}claimcheck-parent.js\" async></script>",
        if lang == Lang::Fr { "embed-fr.html" } else { "embed.html" },
        query.join("&amp;"),
        lang.colon(ui(lang).iframe_title),
        scenario.title.get(lang.key()).replace('"', "&quot;")
    )
}

/// Who publishes this page, where, and today's date, for the markup.
fn review() -> Review {
    let doc = gloo::utils::document();
    let meta = |sel: &str| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    };
    let url = doc
        .query_selector("link[rel=canonical]")
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"))
        .or_else(|| gloo::utils::window().location().href().ok())
        .unwrap_or_default();
    let publisher = meta("meta[property='og:site_name']")
        .or_else(|| gloo::utils::window().location().hostname().ok())
        .unwrap_or_default();
    let d = js_sys::Date::new_0();
    let date = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    Review { url, publisher, date }
}

/// The panel.
#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let status = use_state(String::new);
    let s = &props.scenario;
    let r = &props.results;
    let stem = s.id.clone();

    let copier = |text: String, ok_msg: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_to_clipboard(&text).await;
                status
                    .set(if ok { ok_msg } else { ui.copy_failed }.to_string());
            });
        })
    };
    let root_of = |e: &MouseEvent| -> Option<Element> {
        let t: Element = e.target_dyn_into()?;
        t.closest(".cc-root").ok()?
    };
    let title = s.title.get(lang.key()).to_string();
    let on_svg = {
        let status = status.clone();
        let (title, stem) = (title.clone(), stem.clone());
        Callback::from(move |e: MouseEvent| {
            let ok = root_of(&e).and_then(|root| {
                let svg = export::chart_svg(&root, &title)?;
                export::download(
                    &root,
                    &format!("{stem}-chart.svg"),
                    "image/svg+xml",
                    &svg,
                )
                .then_some(())
            });
            if ok.is_none() {
                status.set(ui.export_blocked.into());
            }
        })
    };
    let on_png = {
        let status = status.clone();
        let (title, stem) = (title.clone(), stem.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(root) = root_of(&e) else { return };
            let Some(svg) = export::chart_svg(&root, &title) else {
                status.set(ui.export_blocked.into());
                return;
            };
            let st = status.clone();
            export::chart_png(
                &root,
                &svg,
                &format!("{stem}-chart.png"),
                move |ok| {
                    if !ok {
                        st.set(ui.export_blocked.into());
                    }
                },
            );
        })
    };
    let on_curve = {
        let status = status.clone();
        let csv = export::curve_csv(s, r);
        let name = format!("{stem}-curve.csv");
        Callback::from(move |e: MouseEvent| {
            let ok = root_of(&e).is_some_and(|root| {
                export::download(&root, &name, "text/csv", &csv)
            });
            if !ok {
                status.set(ui.export_blocked.into());
            }
        })
    };
    let on_checks = {
        let status = status.clone();
        let csv = export::checks_csv(s, &r.checks, r.params.values(), lang);
        let name = format!("{stem}-checks.csv");
        Callback::from(move |e: MouseEvent| {
            let ok = root_of(&e).is_some_and(|root| {
                export::download(&root, &name, "text/csv", &csv)
            });
            if !ok {
                status.set(ui.export_blocked.into());
            }
        })
    };
    let copy = {
        let cb = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };

    let reporter = props.reporter.then(|| {
        let script = script_snippet(&props.base, s, r.hypotheses, &r.params, lang);
        let iframe = iframe_snippet(&props.base, s, r.hypotheses, &r.params, lang);
        let markup = props.progress.support.as_ref().filter(|_| props.progress.finished()).map(|sup| {
            claim_reviews(s, sup, &review(), lang)
        });
        html! {
            <>
                <h4>{ ui.embed_heading }</h4>
                <label class="cc-code-label">
                    { ui.embed_script }
                    <textarea class="cc-embed-script" readonly=true rows="3" value={script.clone()} />
                </label>
                <button type="button" class="cc-button" onclick={copier(script, ui.code_copied)}>{ ui.copy_code }</button>
                <label class="cc-code-label">
                    { ui.embed_iframe }
                    <textarea class="cc-embed-iframe" readonly=true rows="4" value={iframe.clone()} />
                </label>
                <button type="button" class="cc-button" onclick={copier(iframe, ui.code_copied)}>{ ui.copy_code }</button>
                <h4>{ ui.claimreview_heading }</h4>
                <p class="cc-intro">{ ui.claimreview_intro }</p>
                if let Some(m) = markup {
                    <label class="cc-code-label">
                        { "JSON-LD" }
                        <textarea class="cc-claimreview" readonly=true rows="6" value={m.clone()} />
                    </label>
                    <button type="button" class="cc-button" onclick={copier(format!("<script type=\"application/ld+json\">\n{m}</script>"), ui.code_copied)}>{ ui.copy_code }</button>
                } else {
                    <p class="cc-muted">{ ui.checking }</p>
                }
            </>
        }
    });

    html! {
        <div class="cc-share">
            <div class="cc-actions">
                <button type="button" class="cc-button cc-copy" onclick={copy}>{ ui.copy_link }</button>
                <span class="cc-copy-status" role="status">{ props.copy_status.clone().unwrap_or_default() }</span>
            </div>
            <h4>{ ui.exports_heading }</h4>
            <div class="cc-actions cc-exports">
                <button type="button" class="cc-button cc-export-svg" onclick={on_svg}>{ ui.export_svg }</button>
                <button type="button" class="cc-button cc-export-png" onclick={on_png}>{ ui.export_png }</button>
                <button type="button" class="cc-button cc-export-curve" onclick={on_curve}>{ ui.export_curve }</button>
                <button type="button" class="cc-button cc-export-checks" onclick={on_checks}>{ ui.export_checks }</button>
            </div>
            { for reporter }
            <p class="cc-copy-status" role="status">{ (*status).clone() }</p>
        </div>
    }
}
