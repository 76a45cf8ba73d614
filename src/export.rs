//! Exports: the chart as SVG and PNG, the curve and the checks as CSV,
//! each downloaded from the widget itself (no server). Where the host
//! page's Content-Security-Policy forbids a step (a `blob:` image for the
//! PNG, say), the reader gets a message instead of a silent failure.

use claimcheck_model::checks::CheckResult;
use claimcheck_model::locale::{fixed, shortest, Lang};
use claimcheck_model::words::Words;
use claimcheck_model::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, Url};

use crate::results::Results;

/// Offers `text` as a file called `name` of type `mime`; false if the
/// browser refused.
pub fn download(root: &Element, name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &opts)
    else {
        return false;
    };
    download_blob(root, name, &blob)
}

/// Offers a blob as a file.
pub fn download_blob(root: &Element, name: &str, blob: &Blob) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else { return false };
    let ok = (|| {
        let a: HtmlAnchorElement = gloo::utils::document()
            .create_element("a")
            .ok()?
            .dyn_into()
            .ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("cc-visually-hidden");
        root.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })()
    .is_some();
    // Give the download a moment before the URL goes away.
    let u = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&u);
    })
    .forget();
    ok
}

/// A CSV field, quoted when needed.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The curve for the reader's settings, one row per minute.
pub fn curve_csv(scenario: &Scenario, r: &Results) -> String {
    let run = &r.run;
    let demand: Vec<(usize, &str)> =
        scenario.model.demand().map(|(k, c)| (k, c.id.as_str())).collect();
    let mut out = String::from("time,failure_fraction");
    for (_, id) in &demand {
        out.push_str(&format!(",demand_{id}"));
    }
    out.push_str(",attempts,capacity,served\n");
    for i in 0..run.len() {
        out.push_str(&scenario.clock.iso8601(i as i32));
        // fixed(x, n) writes what format!("{x:.n}") would, without
        // core's float formatting in the wasm.
        let mut cell = |x: f64, decimals: usize| {
            out.push(',');
            out.push_str(&fixed(x, decimals));
        };
        cell(run.failure_fraction[i], 6);
        for (k, _) in &demand {
            cell(run.demand_of(*k).get(i).copied().unwrap_or(0.0), 3);
        }
        cell(run.attempts[i], 3);
        cell(run.capacity[i], 3);
        cell(run.served[i], 3);
        out.push('\n');
    }
    out
}

/// The checks for the reader's settings, one row per rule, in words.
pub fn checks_csv(
    scenario: &Scenario,
    checks: &[CheckResult],
    params: &[f64],
    lang: Lang,
) -> String {
    let w = Words::new(scenario, lang);
    let mut out = match lang {
        Lang::En => String::from("event,kind,reproduced,check,result\n"),
        Lang::Fr => {
            String::from("événement,nature,reproduite,vérification,résultat\n")
        }
    };
    for c in checks {
        let e = &scenario.events[c.event];
        for (rule, o) in e.checks.iter().zip(&c.outcomes) {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                field(w.event_label(e)),
                field(w.kind(e.kind)),
                field(w.pass_word(o.pass)),
                field(&w.rule(rule, params)),
                field(&w.outcome(rule, o)),
            ));
        }
    }
    out
}

/// The colours and fonts the chart needs outside the widget's stylesheet.
const EXPORT_CSS: &str = include_str!("../www/export.css");

/// The chart and the record's lanes as one self-contained SVG document,
/// with a title; `None` if the chart is not on screen.
pub fn chart_svg(root: &Element, title: &str) -> Option<String> {
    let chart = root.query_selector(".cc-chart").ok()??;
    let lanes = root.query_selector(".cc-timeline-svg").ok()?;
    let num = |el: &Element, a: &str| {
        el.get_attribute(a)
            .and_then(|v| claimcheck_model::locale::parse_number(&v))
            .unwrap_or(0.0)
    };
    let w = num(&chart, "width");
    let h1 = num(&chart, "height");
    let h2 = lanes.as_ref().map_or(0.0, |l| num(l, "height"));
    let top = 36.0;
    let serializer = web_sys::XmlSerializer::new().ok()?;
    let inner =
        |el: &Element| serializer.serialize_to_string(el).unwrap_or_default();
    // shortest(x) writes what format!("{x}") would, without core's float
    // formatting in the wasm.
    let (w, h) = (shortest(w), shortest(top + h1 + h2 + 8.0));
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" class=\"cc-export\"><style>{EXPORT_CSS}</style><rect class=\"cc-export-bg\" width=\"100%\" height=\"100%\"/><text class=\"cc-export-title\" x=\"8\" y=\"24\">{}</text><g transform=\"translate(0 {})\">{}</g>",
        escape(title),
        shortest(top),
        inner(&chart)
    );
    if let Some(l) = lanes {
        svg.push_str(&format!(
            "<g transform=\"translate(0 {})\">{}</g>",
            shortest(top + h1),
            inner(&l)
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Renders the SVG to a PNG and offers it; calls `done(false)` when the
/// page forbids it (a strict Content-Security-Policy blocks the `blob:`
/// image the browser needs).
pub fn chart_png(
    root: &Element,
    svg: &str,
    name: &str,
    done: impl Fn(bool) + 'static,
) {
    let done = std::rc::Rc::new(done);
    let fail = done.clone();
    let attempt = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(svg));
        let opts = BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        let blob =
            Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let img = web_sys::HtmlImageElement::new().ok()?;
        let root = root.clone();
        let name = name.to_string();
        let img2 = img.clone();
        let url2 = url.clone();
        let ok = done.clone();
        let onload = Closure::once(move || {
            let _ = Url::revoke_object_url(&url2);
            let drawn = (|| -> Option<()> {
                let canvas: web_sys::HtmlCanvasElement =
                    gloo::utils::document()
                        .create_element("canvas")
                        .ok()?
                        .dyn_into()
                        .ok()?;
                let scale = 2.0;
                canvas.set_width((img2.natural_width() as f64 * scale) as u32);
                canvas
                    .set_height((img2.natural_height() as f64 * scale) as u32);
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context("2d").ok()??.dyn_into().ok()?;
                ctx.scale(scale, scale).ok()?;
                ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)
                    .ok()?;
                let root = root.clone();
                let name = name.clone();
                let ok = ok.clone();
                let on_blob = Closure::once(move |b: JsValue| {
                    match b.dyn_into::<Blob>() {
                        Ok(b) => ok(download_blob(&root, &name, &b)),
                        Err(_) => ok(false),
                    }
                });
                // A canvas tainted by the page's policy throws here.
                canvas.to_blob(on_blob.as_ref().unchecked_ref()).ok()?;
                on_blob.forget();
                Some(())
            })();
            if drawn.is_none() {
                ok(false);
            }
        });
        let fail2 = fail.clone();
        let url3 = url.clone();
        let onerror = Closure::once(move || {
            let _ = Url::revoke_object_url(&url3);
            fail2(false);
        });
        img.set_onload(Some(onload.as_ref().unchecked_ref()));
        img.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        onload.forget();
        onerror.forget();
        img.set_src(&url);
        Some(())
    };
    if attempt().is_none() {
        fail(false);
    }
}
