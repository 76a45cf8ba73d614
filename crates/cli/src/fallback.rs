//! `claimcheck fallback`: the widget's no-JavaScript fallback, as HTML.
//!
//! A static SVG of the outage curve in the default state (all three
//! hypotheses, default parameters) with the record's events on it, and
//! the list of observations with their quotes and sources. The build
//! puts it inside the widget's element on `index.html` and `embed.html`
//! (see `scripts/fallback`), where the widget replaces it when it
//! mounts; a reader without JavaScript still gets the record.
//!
//! The markup uses no `style` attribute and no script, so it is safe
//! under a strict Content-Security-Policy; SVG colours are presentation
//! attributes.

use claimcheck_model::checks::check_all;
use claimcheck_model::scenario::{EventKind, Scenario};
use claimcheck_model::sim::simulate;
use claimcheck_model::{HypothesisSet, Params};

const W: f64 = 720.0;
const H: f64 = 170.0;
const X0: f64 = 40.0;
const X1: f64 = 710.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 110.0;

/// The fallback for `scenario`, in English.
pub fn html(scenario: &Scenario) -> String {
    let params = Params::default();
    let run = simulate(&params, HypothesisSet::ALL);
    let checks = check_all(scenario, &params, &run);
    let end = f64::from(scenario.window_end);
    let x = |m: f64| X0 + (X1 - X0) * m / end;
    let y = |f: f64| BOTTOM - (BOTTOM - TOP) * f.clamp(0.0, 1.0);

    let mut path = String::new();
    for (i, chunk) in run.failure_fraction.chunks(10).enumerate() {
        let mean = chunk.iter().sum::<f64>() / chunk.len() as f64;
        let m = (i * 10) as f64 + 5.0;
        path.push_str(&format!(
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { "L" },
            x(m),
            y(mean)
        ));
    }
    let mut svg = format!(
        "<svg class=\"cc-fallback-chart\" viewBox=\"0 0 {W} {H}\" \
         width=\"100%\" role=\"img\" aria-label=\"{}\">",
        esc(&summary(scenario, &run.failure_fraction))
    );
    for day in 0..3 {
        let m = f64::from(day * 1440);
        let fill = if day % 2 == 0 { "#f3f4f6" } else { "#e9ebee" };
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{}\" \
             fill=\"{fill}\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"12\" \
             fill=\"#1b1d21\">{} Nov</text>",
            x(m),
            x(m + 1440.0) - x(m),
            BOTTOM - TOP,
            x(m) + 4.0,
            TOP - 6.0,
            8 + day
        ));
    }
    for (label, f) in [("0 %", 0.0), ("100 %", 1.0)] {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{:.1}\" font-size=\"11\" fill=\"#545a63\" \
             text-anchor=\"end\">{label}</text>",
            X0 - 4.0,
            y(f) + 4.0
        ));
    }
    svg.push_str(&format!(
        "<path d=\"{path}\" fill=\"none\" stroke=\"#c24d00\" \
         stroke-width=\"2.5\"/>"
    ));
    for (n, e) in scenario.timeline().iter().enumerate() {
        let Some(t) = e.time else { continue };
        let cx = x(f64::from(t.at));
        let cy = BOTTOM + 22.0 + 18.0 * (n % 2) as f64;
        let stroke = match e.kind {
            EventKind::Claim => "#b34700",
            EventKind::Observation => "#0072b2",
            _ => "#5d6470",
        };
        svg.push_str(&format!(
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"8\" fill=\"#ffffff\" \
             stroke=\"{stroke}\" stroke-width=\"2\"/><text x=\"{cx:.1}\" \
             y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" \
             fill=\"#1b1d21\">{}</text>",
            cy + 3.0,
            n + 1
        ));
    }
    svg.push_str("</svg>");

    let mut out = String::from("<div class=\"cc-fallback\">");
    out.push_str(&format!("<h2>{}</h2>", esc(&scenario.title.en)));
    out.push_str(
        "<p class=\"cc-fallback-note\">This interactive claim checker needs \
         JavaScript. Below: the model's outage curve with every hypothesis \
         switched on (share of requests failing, 8 to 10 November 2016, \
         Eastern time), and the documented record it is checked against.\
         </p>",
    );
    out.push_str(&svg);
    out.push_str("<ol class=\"cc-fallback-events\">");
    for e in scenario.timeline() {
        out.push_str(&format!("<li><strong>{}</strong>", esc(&e.when.en)));
        if e.kind == EventKind::Claim {
            out.push_str(" (a claim under test, not an observation)");
        }
        out.push_str(&format!(": {}", esc(&e.text.en)));
        if let Some(c) = checks.iter().find(|c| c.id == e.id) {
            out.push_str(&format!(
                " <em>Model: {}.</em>",
                if c.pass { "reproduced" } else { "not reproduced" }
            ));
        }
        for q in &e.quotes {
            let who = q.speaker.as_ref().map(|s| s.en.as_str()).unwrap_or("");
            let publisher = scenario
                .source(&q.source)
                .map_or(q.source.as_str(), |s| s.publisher.as_str());
            out.push_str(&format!(
                "<blockquote lang=\"{}\">“{}”</blockquote><p>— {}, \
                 <cite>{}</cite></p>",
                esc(&q.lang),
                esc(&q.text),
                esc(who),
                esc(publisher)
            ));
        }
        let sources: Vec<String> = e
            .sources
            .iter()
            .filter_map(|id| scenario.source(id))
            .map(|s| {
                format!(
                    "{}, <cite>{}</cite>",
                    esc(&s.publisher),
                    esc(&s.title)
                )
            })
            .collect();
        out.push_str(&format!("<p>Source: {}</p></li>", sources.join("; ")));
    }
    out.push_str("</ol></div>");
    out
}

fn summary(scenario: &Scenario, fail: &[f64]) -> String {
    let at = |m: usize| fail.get(m).copied().unwrap_or(0.0) * 100.0;
    let probe = scenario
        .event("degraded-2pm")
        .and_then(|e| e.time)
        .map_or(840, |t| t.at);
    format!(
        "With all three hypotheses on, the model's site fails {:.0} % of \
         requests at 2 p.m. on 8 Nov and {:.0} % at 11 p.m., and is healthy \
         again after the fix on 9 Nov.",
        at(probe as usize),
        at(23 * 60)
    )
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
