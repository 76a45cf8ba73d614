//! `claimcheck fallback`: the widget's no-JavaScript fallback, as HTML.
//!
//! A static SVG of the outage curve in the default state (every
//! hypothesis on, every parameter at its default) with the record's
//! events on it, what the run shows, the record (events with their
//! quotes, sources and checks) and each claim with its verdict at the
//! defaults. The build puts it inside the widget's element on
//! `index.html` and `embed.html` (see `scripts/fallback`), where the
//! widget replaces it when it mounts; a reader without JavaScript still
//! gets the record.
//!
//! Every statement about the model is computed from the run and phrased
//! through [`Words`] and [`Lang`]; the only fixed text is the frame
//! (headings, the note that the checker needs JavaScript). English or
//! Canadian French, marked with `lang`.
//!
//! The markup uses no `style` attribute and no script, so it is safe
//! under a strict Content-Security-Policy; SVG colours are presentation
//! attributes.

use claimcheck_model::checks::{check_all, view, CheckResult};
use claimcheck_model::locale::{Gender, Lang, Noun};
use claimcheck_model::model::Value;
use claimcheck_model::rules::{Rule, Stat};
use claimcheck_model::scenario::{EventKind, Quote, Scenario};
use claimcheck_model::sim::{simulate, Run};
use claimcheck_model::time::{LocalTime, Minute};
use claimcheck_model::verdict::judge_point;
use claimcheck_model::words::Words;
use claimcheck_model::{HypothesisSet, Params};

use crate::{load, once, options, Failure};

const W: f64 = 720.0;
const H: f64 = 170.0;
const X0: f64 = 40.0;
const X1: f64 = 710.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 110.0;

/// `fallback [--scenario ID|FILE] [--lang en|fr]`.
pub fn fallback_command(args: &[String]) -> Result<String, Failure> {
    let (mut choice, mut lang) = (None, None);
    for (name, value) in options("fallback", args, &["--scenario", "--lang"])?
    {
        match name {
            "--scenario" => once(&mut choice, name, value)?,
            _ => once(&mut lang, name, value)?,
        }
    }
    let lang = match lang {
        None => Lang::En,
        Some(tag) => Lang::from_tag(tag).ok_or_else(|| {
            Failure::usage(format!(
                "unknown language `{tag}`; expected en or fr"
            ))
        })?,
    };
    let scenario = load::scenario(choice)?;
    Ok(html(&scenario, lang))
}

/// The frame's fixed words: headings and notes, never a statement about
/// the model.
struct Frame {
    note: &'static str,
    all_on: &'static str,
    chart: &'static str,
    record: &'static str,
    background: &'static str,
    claims: &'static str,
    claims_note: &'static str,
    verdict: &'static str,
    source: &'static str,
    sources: &'static str,
    free_translation: &'static str,
}

const EN: Frame = Frame {
    note: "This interactive claim checker needs JavaScript. Below are the \
           simulated outage curve, with every possible cause switched on \
           and every assumption at its default value, and the documented \
           record it is checked against.",
    all_on: "With every possible cause switched on and every assumption at \
             its default value",
    chart: "Chart",
    record: "The record",
    background: "Background",
    claims: "The claims and their verdicts",
    claims_note: "Each verdict comes from simulating every mix of possible \
                  causes, with every assumption at its default value, and \
                  keeping the mixes that best match the record.",
    verdict: "Verdict",
    source: "Source",
    sources: "Sources",
    free_translation: "",
};

const FR: Frame = Frame {
    note: "Ce vérificateur interactif a besoin de JavaScript. Ci-dessous, la \
           courbe de panne simulée, avec toutes les causes possibles \
           activées et chaque hypothèse de travail à sa valeur par défaut, \
           puis le dossier documenté auquel elle est confrontée.",
    all_on: "Avec toutes les causes possibles activées et chaque hypothèse \
             de travail à sa valeur par défaut",
    chart: "Graphique",
    record: "Le dossier",
    background: "Contexte",
    claims: "Les affirmations et leur verdict",
    claims_note: "Chaque verdict vient de la simulation de toutes les \
                  combinaisons de causes possibles, avec chaque hypothèse de \
                  travail à sa valeur par défaut, en retenant les \
                  combinaisons les plus conformes au dossier.",
    verdict: "Verdict",
    source: "Source",
    sources: "Sources",
    free_translation: "(traduction libre)",
};

const OBSERVATION_EN: Noun =
    Noun { one: "observation", many: "observations", gender: Gender::F };
const OBSERVATION_FR: Noun =
    Noun { one: "observation", many: "observations", gender: Gender::F };

/// The fallback for `scenario` in `lang`.
pub fn html(scenario: &Scenario, lang: Lang) -> String {
    let frame = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    let words = Words::new(scenario, lang);
    let params = Params::defaults(&scenario.params);
    let run = simulate(
        scenario,
        &params,
        HypothesisSet::all(scenario.hypotheses.len()),
    );
    let checks = check_all(scenario, &params, &run);
    let judgement = judge_point(scenario, &params);

    let mut out = format!(
        "<div class=\"cc-fallback\" lang=\"{}\"><h2>{}</h2>",
        lang.tag(),
        esc(words.text(&scenario.title))
    );
    if let Some(sub) = &scenario.subtitle {
        out.push_str(&format!(
            "<p class=\"cc-fallback-subtitle\">{}</p>",
            esc(words.text(sub))
        ));
    }
    out.push_str(&format!(
        "<p class=\"cc-fallback-note\">{}</p>",
        esc(frame.note)
    ));
    out.push_str(&format!(
        "<figure class=\"cc-fallback-figure\">{}<figcaption \
         class=\"cc-fallback-summary\">{} {}</figcaption></figure>",
        chart(scenario, &words, frame, &run),
        esc(&summary(scenario, &words, frame, &params, &run)),
        esc(&observations(&words, &checks))
    ));

    out.push_str(&format!("<h3>{}</h3>", esc(frame.record)));
    out.push_str("<ol class=\"cc-fallback-events\">");
    let timeline = scenario.timeline();
    let untimed = scenario.events.iter().filter(|e| e.time.is_none());
    for e in timeline.iter().copied().chain(untimed) {
        out.push_str(&format!(
            "<li><p><strong>{}</strong>",
            esc(words.text(&e.when))
        ));
        if e.kind == EventKind::Claim {
            out.push_str(&format!(
                " ({})",
                esc(&lower_first(words.kind(e.kind)))
            ));
        }
        out.push_str(&format!(
            "{} {}</p>",
            lang.colon(""),
            esc(words.text(&e.text))
        ));
        let index = scenario.events.iter().position(|x| x.id == e.id);
        if let Some(c) = checks.iter().find(|c| Some(c.event) == index) {
            out.push_str(&format!(
                "<p class=\"cc-fallback-check\"><strong>{}.</strong> {}</p>",
                esc(words.pass_word(c.pass)),
                esc(&words.check(c, params.values()))
            ));
        }
        out.push_str(&quotes(scenario, lang, frame, &e.quotes));
        out.push_str(&sources(scenario, lang, frame, &e.sources));
        out.push_str("</li>");
    }
    out.push_str("</ol>");

    if !scenario.background.is_empty() {
        out.push_str(&format!("<h3>{}</h3>", esc(frame.background)));
        out.push_str("<ul class=\"cc-fallback-background\">");
        for b in &scenario.background {
            out.push_str(&format!(
                "<li><p><strong>{}</strong>{} {}</p>",
                esc(words.text(&b.when)),
                lang.colon(""),
                esc(words.text(&b.text))
            ));
            out.push_str(&quotes(scenario, lang, frame, &b.quotes));
            out.push_str(&sources(scenario, lang, frame, &b.sources));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }

    if !scenario.claims.is_empty() {
        out.push_str(&format!("<h3>{}</h3>", esc(frame.claims)));
        out.push_str(&format!(
            "<p class=\"cc-fallback-note\">{}</p>",
            esc(frame.claims_note)
        ));
        out.push_str("<ul class=\"cc-fallback-claims\">");
        for cs in &judgement.claims {
            let claim = &scenario.claims[cs.claim];
            out.push_str(&format!(
                "<li><p><strong>{}, {}</strong>{} {}</p>",
                esc(words.text(&claim.who)),
                esc(words.text(&claim.when)),
                lang.colon(""),
                esc(words.text(&claim.text))
            ));
            out.push_str(&quotes(scenario, lang, frame, &claim.quotes));
            out.push_str(&format!(
                "<p class=\"cc-fallback-verdict\"><strong>{}</strong> {}</p>",
                esc(&lang.colon(frame.verdict)),
                esc(&words.claim(&judgement, cs))
            ));
            out.push_str(&sources(scenario, lang, frame, &claim.sources));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>\n");
    out
}

/// The rule that says when the simulated site starts to fail: the first
/// onset rule of the record's observations (else of any checked event),
/// so "failing" means what the scenario's checks mean by it; without
/// one, any failure at all.
fn onset_rule(scenario: &Scenario) -> Rule {
    let onset = |kinds: &[EventKind]| {
        scenario
            .checked()
            .filter(|e| kinds.contains(&e.kind))
            .flat_map(|e| e.checks.iter())
            .find(|r| matches!(r, Rule::Onset { .. }))
            .copied()
    };
    onset(&[EventKind::Observation])
        .or_else(|| onset(&[EventKind::Claim]))
        .unwrap_or(Rule::Onset {
            at: 0,
            early: Value::Const(0.0),
            late: Value::Const(0.0),
            threshold: Value::Const(f64::MIN_POSITIVE),
        })
}

/// What the run shows, in one sentence: when the simulated site starts
/// to fail, how bad it gets and when, and when it stops.
fn summary(
    scenario: &Scenario,
    words: &Words,
    frame: &Frame,
    params: &Params,
    run: &Run,
) -> String {
    let lang = words.lang;
    let rule = onset_rule(scenario);
    let v = view(scenario, params, run);
    let onset = rule.evaluate(&v);
    let head =
        format!("{}, {}", frame.all_on, words.outcome_clause(&rule, &onset));
    if onset.value.is_nan() {
        return period(&head);
    }
    let end = scenario.window_end;
    let peak_rule = Rule::Failing {
        from: 0,
        to: end,
        stat: Stat::Max,
        at_least: None,
        below: Some(Value::Const(1.0)),
    };
    let peak = peak_rule.evaluate(&v);
    let peak_at = run
        .failure_fraction
        .iter()
        .position(|&f| f >= peak.value)
        .unwrap_or(0);
    let peak_text = format!(
        "{} {}",
        words.outcome_clause(&peak_rule, &peak),
        words.around(peak_at as f64)
    );
    let Rule::Onset { threshold, .. } = rule else {
        return period(&format!("{head}, {peak_text}"));
    };
    let th = threshold.get(params.values());
    let last = run.failure_fraction.iter().rposition(|&f| f >= th);
    let any_failure = th <= f64::MIN_POSITIVE;
    let tail = match last.map(|m| m as Minute + 1) {
        Some(back) if back < end => {
            let when = words.moment(f64::from(back));
            match (lang, any_failure) {
                (Lang::En, false) => format!(
                    "and falls back below {} for good at {when}",
                    lang.percent_prose(th)
                ),
                (Lang::En, true) => {
                    format!("and no visits fail from {when} on")
                }
                (Lang::Fr, false) => format!(
                    "puis repasse durablement sous {} {when}",
                    lang.percent_prose(th)
                ),
                (Lang::Fr, true) => format!(
                    "puis plus aucune visite n'échoue à partir du {}",
                    when.trim_start_matches("le ")
                ),
            }
        }
        _ => {
            let when = words.moment(f64::from(end));
            match lang {
                Lang::En => format!(
                    "and at least {} of visits still fail when the \
                     simulation ends at {when}",
                    lang.percent_prose(th.max(0.0))
                ),
                Lang::Fr => format!(
                    "et au moins {} des visites échouent encore à la fin \
                     de la simulation, {when}",
                    lang.percent_prose(th.max(0.0))
                ),
            }
        }
    };
    period(&format!("{head}, {peak_text}, {tail}"))
}

/// How many of the record's observations the run reproduces, and which
/// it misses.
fn observations(words: &Words, checks: &[CheckResult]) -> String {
    let lang = words.lang;
    let obs: Vec<&CheckResult> =
        checks.iter().filter(|c| c.is_observation()).collect();
    if obs.is_empty() {
        return String::new();
    }
    let got = obs.iter().filter(|c| c.pass).count();
    let noun = match lang {
        Lang::En => OBSERVATION_EN,
        Lang::Fr => OBSERVATION_FR,
    };
    let k_of_n = lang.k_of_n(got, obs.len(), noun);
    let head = match (lang, got) {
        (Lang::En, _) => {
            format!("The model reproduces {k_of_n} in the record.")
        }
        (Lang::Fr, 0) => {
            format!("Le modèle ne reproduit {k_of_n} du dossier.")
        }
        (Lang::Fr, _) => format!("Le modèle reproduit {k_of_n} du dossier."),
    };
    let missed: Vec<&str> = obs
        .iter()
        .filter(|c| !c.pass)
        .map(|c| words.event_label(&words.scenario.events[c.event]))
        .collect();
    if got == 0 || missed.is_empty() {
        return head;
    }
    let list = lang.list(&missed);
    match lang {
        Lang::En => format!("{head} It misses {}", period(&list)),
        Lang::Fr => format!("{head} Il ne reproduit pas {}", period(&list)),
    }
}

/// Ends a sentence, unless its last word already ends in a period ("at
/// 5 p.m.").
fn period(s: &str) -> String {
    if s.ends_with('.') {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// The chart: the outage curve over the window, days shaded, the
/// record's dated events numbered below it.
fn chart(
    scenario: &Scenario,
    words: &Words,
    frame: &Frame,
    run: &Run,
) -> String {
    let lang = words.lang;
    let end = f64::from(scenario.window_end.max(1));
    let x = |m: f64| X0 + (X1 - X0) * m / end;
    let y = |f: f64| BOTTOM - (BOTTOM - TOP) * f.clamp(0.0, 1.0);
    let zone = words.text(&scenario.zone);
    let label = format!(
        "{} {}, {} ({zone})",
        lang.colon(frame.chart),
        match lang {
            Lang::En => "share of visits to the simulated site that fail",
            Lang::Fr => "part des visites du site simulé qui échouent",
        },
        date_span(
            lang,
            scenario.clock.local(0),
            scenario.clock.local(scenario.window_end - 1)
        ),
    );
    let mut svg = format!(
        "<svg class=\"cc-fallback-chart\" viewBox=\"0 0 {W} {H}\" \
         width=\"100%\" role=\"img\" aria-label=\"{}\">",
        esc(&label)
    );
    // Days, shaded in turn, each labelled with its date.
    let start = scenario.clock.start;
    let into_day = i32::from(start.hour) * 60 + i32::from(start.minute);
    let mut bounds = vec![0];
    let mut m = (1440 - into_day) % 1440;
    if m == 0 {
        m = 1440;
    }
    while m < scenario.window_end {
        bounds.push(m);
        m += 1440;
    }
    bounds.push(scenario.window_end);
    for (day, pair) in bounds.windows(2).enumerate() {
        let (a, b) = (f64::from(pair[0]), f64::from(pair[1]));
        let fill = if day % 2 == 0 { "#f3f4f6" } else { "#e9ebee" };
        svg.push_str(&format!(
            "<rect x=\"{}\" y=\"{TOP}\" width=\"{}\" height=\"{}\" \
             fill=\"{fill}\"/>",
            n(x(a)),
            n(x(b) - x(a)),
            BOTTOM - TOP
        ));
        if x(b) - x(a) >= 40.0 {
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" \
                 fill=\"#1b1d21\">{}</text>",
                n(x(a) + 4.0),
                TOP - 6.0,
                esc(&lang.date_label(scenario.clock.local(pair[0])))
            ));
        }
    }
    for f in [0.0, 1.0] {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#545a63\" \
             text-anchor=\"end\">{}</text>",
            X0 - 4.0,
            n(y(f) + 4.0),
            esc(&lang.percent(f))
        ));
    }
    let mut path = String::new();
    for (i, chunk) in run.failure_fraction.chunks(10).enumerate() {
        let mean = chunk.iter().sum::<f64>() / chunk.len() as f64;
        let m = (i * 10) as f64 + chunk.len() as f64 / 2.0;
        path.push_str(&format!(
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            n(x(m)),
            n(y(mean))
        ));
    }
    svg.push_str(&format!(
        "<path d=\"{path}\" fill=\"none\" stroke=\"#c24d00\" \
         stroke-width=\"2.5\"/>"
    ));
    for (k, e) in scenario.timeline().iter().enumerate() {
        let Some(t) = e.time else { continue };
        let cx = x(f64::from(t.at.clamp(0, scenario.window_end)));
        let cy = BOTTOM + 22.0 + 18.0 * (k % 2) as f64;
        let stroke = match e.kind {
            EventKind::Claim => "#b34700",
            EventKind::Observation => "#0072b2",
            _ => "#5d6470",
        };
        svg.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"#ffffff\" \
             stroke=\"{stroke}\" stroke-width=\"2\"/><text x=\"{}\" \
             y=\"{}\" font-size=\"9\" text-anchor=\"middle\" \
             fill=\"#1b1d21\">{}</text>",
            n(cx),
            n(cy),
            n(cx),
            n(cy + 3.0),
            k + 1
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The days of a window in prose: `Nov. 8-10, 2016` / `du 8 au 10
/// novembre 2016`, `les 2 et 3 mai 2016`.
fn date_span(lang: Lang, a: LocalTime, b: LocalTime) -> String {
    let same_year = a.year == b.year;
    let same_month = same_year && a.month == b.month;
    let same_day = same_month && a.day == b.day;
    let strip = |s: String| s.trim_start_matches("le ").to_string();
    match lang {
        Lang::En if same_day => lang.date_prose(a),
        Lang::En if same_month => {
            format!("{}-{}, {}", lang.date_label(a), b.day, b.year)
        }
        Lang::En if same_year => {
            format!("{} to {}", lang.date_label(a), lang.date_prose(b))
        }
        Lang::En => {
            format!("{}, to {}", lang.date_prose(a), lang.date_prose(b))
        }
        Lang::Fr if same_day => lang.date_prose(a),
        Lang::Fr if same_month && b.day == a.day + 1 => {
            format!("les {} et {}", fr_day(a), strip(lang.date_prose(b)))
        }
        Lang::Fr if same_month => {
            format!("du {} au {}", fr_day(a), strip(lang.date_prose(b)))
        }
        Lang::Fr if same_year => format!(
            "du {} au {}",
            strip(lang.day_prose(a)),
            strip(lang.date_prose(b))
        ),
        Lang::Fr => format!(
            "du {} au {}",
            strip(lang.date_prose(a)),
            strip(lang.date_prose(b))
        ),
    }
}

/// The day of the month in French prose: `8`, `1er`.
fn fr_day(t: LocalTime) -> String {
    let prose = Lang::Fr.day_prose(t);
    let prose = prose.trim_start_matches("le ");
    prose.split(' ').next().unwrap_or_default().to_string()
}

/// Quotes, verbatim, in the reader's quotation marks and tagged with
/// their own language; for French readers, an English quote's free
/// translation; then who said it, and where.
fn quotes(
    scenario: &Scenario,
    lang: Lang,
    frame: &Frame,
    quotes: &[Quote],
) -> String {
    let mut out = String::new();
    for q in quotes {
        let words =
            format!("<span lang=\"{}\">{}</span>", esc(&q.lang), esc(&q.text));
        out.push_str(&format!(
            "<blockquote><p>{}</p></blockquote>",
            lang.quote(&words)
        ));
        if let (Lang::Fr, Some(tr)) = (lang, &q.translation_fr) {
            if q.lang != "fr" {
                out.push_str(&format!(
                    "<p class=\"cc-fallback-translation\">{} {}</p>",
                    lang.quote(&esc(tr)),
                    frame.free_translation
                ));
            }
        }
        let publisher = scenario
            .source(&q.source)
            .map_or(q.source.as_str(), |s| s.publisher.get(lang.key()));
        let who = q.speaker.as_ref().map(|s| s.get(lang.key()));
        out.push_str(&match who {
            Some(who) => format!(
                "<p class=\"cc-fallback-cite\">— {}, <cite>{}</cite></p>",
                esc(who),
                esc(publisher)
            ),
            None => format!(
                "<p class=\"cc-fallback-cite\">— <cite>{}</cite></p>",
                esc(publisher)
            ),
        });
    }
    out
}

/// `Source: CBC News, <cite>headline</cite>`.
fn sources(
    scenario: &Scenario,
    lang: Lang,
    frame: &Frame,
    ids: &[String],
) -> String {
    let list: Vec<String> = ids
        .iter()
        .filter_map(|id| scenario.source(id))
        .map(|s| {
            let title = format!(
                "<cite lang=\"{}\">{}</cite>",
                esc(&s.title_lang),
                esc(&s.title)
            );
            let title = match &s.url {
                Some(url) => format!("<a href=\"{}\">{title}</a>", esc(url)),
                None => title,
            };
            format!(
                "{}, {title}, {}",
                esc(s.publisher.get(lang.key())),
                esc(s.date.get(lang.key()))
            )
        })
        .collect();
    if list.is_empty() {
        return String::new();
    }
    let label = if list.len() == 1 { frame.source } else { frame.sources };
    format!(
        "<p class=\"cc-fallback-sources\">{} {}</p>",
        esc(&lang.colon(label)),
        list.join("; ")
    )
}

/// A number for SVG coordinates: one decimal at most, no trailing zero.
fn n(x: f64) -> String {
    let s = format!("{x:.1}");
    match s.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
