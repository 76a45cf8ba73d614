//! `claimcheck support` and `claimcheck claimreview`, run as a pipeline
//! would: the figures are the model's own (`support::analyse`), the
//! defaults are the widget's, the eTA verdicts are pinned with the
//! reasons the record implies, and bad input is an error with exit
//! status 2.

use claimcheck_model::bundled;
use claimcheck_model::locale::Lang;
use claimcheck_model::support::{analyse, DEFAULT_DRAWS, DEFAULT_SEED};
use claimcheck_model::verdict::{Layout, Verdict};
use claimcheck_model::words::Words;
use serde_json::Value;

mod common;
use common::*;

/// Few draws, for the tests that compare shapes and figures rather than
/// verdicts.
const FEW: usize = 12;

fn close(a: &Value, b: f64) -> bool {
    a.as_f64().is_some_and(|a| (a - b).abs() <= 1e-12)
}

#[test]
fn support_json_is_the_models_analysis() {
    let s = eta();
    let seed = 5;
    let v = json(&[
        "support",
        "--scenario",
        ETA,
        "--draws",
        &FEW.to_string(),
        "--seed",
        &seed.to_string(),
        "--format",
        "json",
    ]);
    let sup = analyse(&s, FEW, seed);
    let j = &sup.judgement;
    assert_eq!(v["scenario"], ETA);
    assert_eq!(v["draws"], FEW);
    assert_eq!(v["seed"], seed);
    assert_eq!(v["tolerance"], j.tolerance);
    assert_eq!(v["accepted"], j.accepted);
    assert_eq!(v["pairs"], j.pairs);
    assert_eq!(v["acceptance"], Words::new(&s, Lang::En).acceptance(j));
    assert_eq!(v["acceptance_fr"], Words::new(&s, Lang::Fr).acceptance(j));

    // One claim, figure for figure, sentence for sentence.
    let k = 1;
    let (c, h) = (&j.claims[k], &sup.claims[k]);
    let claim = &v["claims"][k];
    assert_eq!(claim["id"], s.claims[k].id);
    assert_eq!(claim["verdict"], c.verdict.id());
    assert!(close(&claim["support"], c.support));
    for verdict in Verdict::ALL {
        assert!(
            close(&claim["shares"][verdict.id()], c.shares[verdict as usize]),
            "{}",
            verdict.id()
        );
    }
    assert_eq!(claim["why"], Words::new(&s, Lang::En).claim(j, c));
    assert_eq!(claim["why_fr"], Words::new(&s, Lang::Fr).claim(j, c));
    let hangs = h.hangs_on.as_ref().expect("a testable claim hangs on one");
    assert_eq!(claim["hangs_on"]["param"], s.params[hangs.param].id);
    assert!(close(&claim["hangs_on"]["distance"], hangs.distance));
    assert_eq!(
        claim["hangs_on"]["why"],
        Words::new(&s, Lang::En).hangs_on(hangs)
    );

    // Every world and hypothesis, figure for figure.
    let layout = Layout::new(&s);
    for (w, out) in j.worlds.iter().zip(v["worlds"].as_array().unwrap()) {
        assert!(close(&out["all"], w.all));
        assert!(close(&out["weight"], w.weight));
        for (bit, share) in w.reproduces.iter().enumerate() {
            let id = &s.events[layout.events[bit]].id;
            assert!(close(&out["reproduces"][id], *share), "{id}");
        }
    }
    for (hs, out) in
        j.hypotheses.iter().zip(v["hypotheses"].as_array().unwrap())
    {
        assert_eq!(out["id"], s.hypotheses[hs.hypothesis].id);
        assert!(close(&out["needed"], hs.needed));
        assert!(close(&out["included"], hs.included));
    }
}

#[test]
fn support_json_has_one_entry_per_world_hypothesis_and_claim() {
    let s = eta();
    let v =
        json(&["support", "--draws", &FEW.to_string(), "--format", "json"]);
    // Without --scenario: the default scenario, with the default seed.
    assert_eq!(v["scenario"], bundled::default_scenario().id);
    assert_eq!(v["seed"], DEFAULT_SEED);
    let n = s.hypotheses.len();
    let worlds = v["worlds"].as_array().expect("worlds");
    assert_eq!(worlds.len(), 1 << n);
    assert_eq!(worlds[0]["hypotheses"], serde_json::json!([]));
    let all: Vec<&str> = s.hypotheses.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(worlds[(1 << n) - 1]["hypotheses"], serde_json::json!(all));
    let checked: Vec<&str> = s.checked().map(|e| e.id.as_str()).collect();
    let events: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(events, checked);
    for w in worlds {
        let r = w["reproduces"].as_object().expect("reproduces");
        assert_eq!(r.len(), checked.len());
        for x in r.values().chain([&w["all"], &w["weight"]]) {
            assert!((0.0..=1.0).contains(&x.as_f64().unwrap()));
        }
    }
    let weights: f64 =
        worlds.iter().map(|w| w["weight"].as_f64().unwrap()).sum();
    assert!((weights - 1.0).abs() < 1e-9, "weights sum to {weights}");
    assert_eq!(v["hypotheses"].as_array().unwrap().len(), n);
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), s.claims.len());
    for c in claims {
        let shares = c["shares"].as_object().unwrap();
        assert_eq!(shares.len(), 4);
        let total: f64 = shares.values().map(|x| x.as_f64().unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-9, "{}: {total}", c["id"]);
        assert!(c["why"].as_str().is_some_and(|w| !w.is_empty()));
        assert!(c["why_fr"].as_str().is_some_and(|w| !w.is_empty()));
    }
    let uncertain = v["uncertain"].as_array().unwrap();
    assert_eq!(
        uncertain.len(),
        s.params.iter().filter(|p| p.is_uncertain()).count()
    );
}

/// The eTA verdicts at the widget's defaults, each for the reason the
/// record gives.
#[test]
fn the_eta_verdicts_at_the_defaults() {
    let s = eta();
    let v = json(&["support", "--scenario", ETA, "--format", "json"]);
    assert_eq!(v["draws"], DEFAULT_DRAWS);
    assert_eq!(v["seed"], DEFAULT_SEED);
    let verdict = |id: &str| {
        let c = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("claim {id}"));
        (c["verdict"].as_str().unwrap().to_string(), c.clone())
    };
    // Americans rushing in on election night: the record has the site
    // degraded at 2 p.m., hours before any polls closed, so the surge
    // may be part of the evening but the outage happens without it.
    let (election, c) = verdict("claim-election");
    assert_eq!(election, "partly-supported", "{c}");
    // Foreign travellers racing the Nov. 10 deadline: the rush alone
    // takes the site down, before the election, as the record has it.
    let (deadline, c) = verdict("claim-deadline");
    assert_eq!(deadline, "supported", "{c}");
    // Too little capacity, three servers doubled to six after 32 hours:
    // the repair ends the outage in the model as in the record, but
    // whether the outage needs the three servers is split about evenly
    // across the plausible scenarios (with six all along, the Nov. 9
    // outage goes away in some, not in others). The headline is the
    // larger share; both are pinned near half, and hardly any plausible
    // scenario contradicts the claim.
    let (capacity, c) = verdict("claim-capacity");
    assert_eq!(capacity, "partly-supported", "{c}");
    let share = |v: &str| c["shares"][v].as_f64().unwrap();
    assert!(share("partly-supported") > 0.4, "{c}");
    assert!(share("supported") > 0.4, "{c}");
    assert!(share("contradicted") < 0.05, "{c}");
    // "We don't know yet" names no cause and cites no observation.
    let (unknown, c) = verdict("claim-unknown");
    assert_eq!(unknown, "not-testable", "{c}");
    assert!(c["hangs_on"].is_null());
    assert_eq!(v["claims"].as_array().unwrap().len(), s.claims.len());

    // The text report carries the same verdicts and the sentences.
    let text = stdout(&["support", "--scenario", ETA]);
    let sup = analyse(&s, DEFAULT_DRAWS, DEFAULT_SEED);
    for (c, h) in sup.judgement.claims.iter().zip(&sup.claims) {
        let id = &s.claims[c.claim].id;
        assert!(text.contains(&format!("{id}: {}", c.verdict.id())), "{id}");
        for lang in [Lang::En, Lang::Fr] {
            let w = Words::new(&s, lang);
            assert!(text.contains(&w.claim(&sup.judgement, c)), "{id}");
            if let Some(x) = &h.hangs_on {
                assert!(text.contains(&w.hangs_on(x)), "{id}");
            }
        }
    }
    assert!(
        text.contains(&Words::new(&s, Lang::En).acceptance(&sup.judgement))
    );
}

/// The cells of a CSV line: commas inside double quotes do not split,
/// and a doubled quote is a quote.
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out
}

#[test]
fn support_csv_has_one_row_per_figure() {
    let s = eta();
    let csv = stdout(&["support", "--draws", "6", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("section,id,measure,value"));
    let rows: Vec<Vec<String>> = lines.map(cells).collect();
    assert!(rows.iter().all(|r| r.len() == 4), "{csv}");
    let count =
        |section: &str| rows.iter().filter(|r| r[0] == section).count();
    let worlds = 1 << s.hypotheses.len();
    assert_eq!(count("world"), worlds * (s.checked().count() + 2));
    assert_eq!(count("hypothesis"), 2 * s.hypotheses.len());
    assert!(rows.iter().any(|r| r[0] == "claim"
        && r[1] == "claim-unknown"
        && r[3] == "not-testable"));
}

#[test]
fn support_rejects_bad_options() {
    rejects(&["support", "--draws", "0"], &["--draws `0`", "1 to"]);
    rejects(&["support", "--draws", "many"], &["--draws `many`"]);
    rejects(&["support", "--seed", "-1"], &["--seed `-1`"]);
    rejects(&["support", "--format", "xml"], &["xml", "text, json or csv"]);
    rejects(&["support", "--scenario", "nope"], &["unknown scenario `nope`"]);
    rejects(&["support", "--draws", "5", "--draws", "6"], &["given twice"]);
    rejects(&["support", "--hypotheses", "x"], &["unknown option"]);
}

fn review(v: &Value, k: usize) -> &Value {
    &v.as_array().expect("an array")[k]
}

#[test]
fn claimreview_is_one_claim_review_per_claim() {
    let s = eta();
    let url = "https://news.example/eta-fact-check";
    let v = json(&[
        "claimreview",
        "--scenario",
        ETA,
        "--url",
        url,
        "--publisher",
        "Example News",
        "--date",
        "2016-11-10",
    ]);
    let list = v.as_array().expect("a JSON-LD array");
    assert_eq!(list.len(), s.claims.len());
    let sup = analyse(&s, DEFAULT_DRAWS, DEFAULT_SEED);
    for (k, claim) in s.claims.iter().enumerate() {
        let r = review(&v, k);
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["url"], url);
        assert_eq!(r["datePublished"], "2016-11-10");
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "Example News");
        assert_eq!(r["claimReviewed"], claim.text.en);
        assert_eq!(r["inLanguage"], "en-CA");
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let alt = rating["alternateName"].as_str().expect("alternateName");
        let c = &sup.judgement.claims[k];
        assert!(alt.starts_with(Words::new(&s, Lang::En).verdict(c.verdict)));
        if c.verdict == Verdict::NotTestable {
            assert!(rating.get("ratingValue").is_none());
        } else {
            let value = rating["ratingValue"].as_u64().expect("ratingValue");
            assert!((1..=5).contains(&value));
            assert_eq!(rating["bestRating"], 5);
            assert_eq!(rating["worstRating"], 1);
        }
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["name"], claim.who.en);
    }
}

#[test]
fn claimreview_in_french_with_the_defaults() {
    let s = eta();
    let v = json(&["claimreview", "--lang", "fr"]);
    assert_eq!(v.as_array().unwrap().len(), s.claims.len());
    let r = review(&v, 0);
    assert_eq!(r["claimReviewed"], s.claims[0].text.get("fr"));
    assert_eq!(r["inLanguage"], "fr-CA");
    assert_eq!(r["url"], format!("https://example.org/claimcheck/{ETA}"));
    assert_eq!(r["author"]["name"], "claimcheck");
    let date = r["datePublished"].as_str().unwrap();
    assert!(
        date.len() == 10
            && date.as_bytes()[4] == b'-'
            && date.starts_with("20"),
        "today's date: {date}"
    );
}

#[test]
fn claimreview_rejects_bad_options() {
    rejects(&["claimreview", "--date", "2016-02-30"], &["2016-02-30"]);
    rejects(&["claimreview", "--date", "10/11/2016"], &["YYYY-MM-DD"]);
    rejects(&["claimreview", "--lang", "de"], &["`de`", "en or fr"]);
    rejects(&["claimreview", "--url", "news.example"], &["http"]);
    rejects(&["claimreview", "--publisher", " "], &["--publisher"]);
    rejects(&["claimreview", "--scenario", "nope"], &["nope"]);
}

#[test]
fn support_text_states_the_tolerance_in_words_that_agree() {
    let census = stdout(&[
        "support",
        "--scenario",
        "census-2016",
        "--draws",
        "6",
        "--format",
        "text",
    ]);
    assert!(
        census.contains("misses at most 1 observation;"),
        "census: {census}"
    );
    let eta = stdout(&["support", "--draws", "6", "--format", "text"]);
    assert!(eta.contains("misses at most 4 observations;"), "eta: {eta}");
}
