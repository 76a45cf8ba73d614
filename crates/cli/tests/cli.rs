//! Runs the `claimcheck` binary as a pipeline, a scenario author and the
//! build would.
//!
//! Expected values come from the scenario files and the model's API
//! (ids, counts, window length, sentences), so the tests follow the data;
//! the eTA verdicts are pinned, each with the reason the record implies
//! it.

use claimcheck_model::checks::check_all;
use claimcheck_model::locale::{Gender, Lang, Noun};
use claimcheck_model::rules::Rule;
use claimcheck_model::scenario::EventKind;
use claimcheck_model::sim::simulate;
use claimcheck_model::verdict::judge_point;
use claimcheck_model::words::Words;
use claimcheck_model::{bundled, HypothesisSet, Params, Scenario};
use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::*;

/// The eTA file as JSON, to derive defective or altered copies from.
fn eta_file() -> Value {
    let (_, text) = bundled::FILES
        .iter()
        .find(|(name, _)| *name == "eta-2016.json")
        .expect("eta-2016.json is bundled");
    serde_json::from_str(text).expect("valid JSON")
}

/// The path of the eTA file in the repository.
fn eta_path() -> String {
    format!("{}/../../scenarios/eta-2016.json", env!("CARGO_MANIFEST_DIR"))
}

/// Writes `v` to a file of its own in the tests' temporary folder.
fn write_temp(name: &str, v: &Value) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-{}-{name}.json", std::process::id()));
    std::fs::write(&path, v.to_string()).expect("write a temp file");
    path.to_string_lossy().into_owned()
}

/// The index of the event with this id in the file.
fn event_index(file: &Value, id: &str) -> usize {
    file["events"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// A copy of the eTA file with one parameter's default changed.
fn eta_with_default(name: &str, value: f64) -> Value {
    let mut file = eta_file();
    let p = file["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == name)
        .unwrap_or_else(|| panic!("no parameter {name}"));
    p["default"] = value.into();
    file
}

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no entry {id} in {list}"))
}

fn passes(v: &Value, id: &str) -> bool {
    by_id(&v["checks"], id)["pass"].as_bool().expect("pass is a boolean")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

// ---------------------------------------------------------------------
// The eTA verdicts, pinned, and why the record implies them.

#[test]
fn eta_verdicts_at_the_defaults_follow_from_the_record() {
    let all = json(&["simulate", "--scenario", ETA]);
    let claims = &all["claims"];
    assert_eq!(claims.as_array().unwrap().len(), eta().claims.len());
    let verdict = |id: &str| by_id(claims, id)["verdict"].as_str().unwrap();
    for c in claims.as_array().unwrap() {
        let support = c["support"].as_f64().unwrap();
        assert!(support > 0.5 && support <= 1.0, "{c}");
        assert!(c["why"].as_str().unwrap().ends_with('.'), "{c}");
        assert_ne!(c["why"], c["why_fr"], "{c}");
    }
    // What the record implies, world by world.
    let without_election =
        json(&["simulate", "--hypotheses", "deadline,underprovisioning"]);
    let without_deadline =
        json(&["simulate", "--hypotheses", "election,underprovisioning"]);
    let six_servers = json(&["simulate", "--hypotheses", "election,deadline"]);

    // claim-election (Americans crashed the site once Trump's win was
    // clear, at 11 p.m.): the election surge is needed for the evening
    // crash, which is lost without it, but the simulated trouble starts
    // around 1 p.m., so the dated 11 p.m. start is not reproduced. Right
    // on the cause, wrong on the time: partly supported.
    assert!(passes(&all, "worsened-evening"));
    assert!(!passes(&without_election, "worsened-evening"));
    assert!(!passes(&all, "official-11pm"));
    let onset = by_id(&all["checks"], "official-11pm")["measured"][0]
        .as_f64()
        .unwrap();
    assert!((12.0 * 60.0..14.0 * 60.0).contains(&onset), "onset {onset}");
    assert_eq!(verdict("claim-election"), "partly-supported");

    // claim-deadline (CBC: more likely the deadline rush, and trouble
    // hours before the result): without the rush there is no 2 p.m.
    // degradation, and the afternoon's heavy traffic and degradation it
    // cites are both reproduced: supported.
    assert!(passes(&all, "degraded-2pm") && passes(&all, "early-volume"));
    assert!(!passes(&without_deadline, "degraded-2pm"));
    assert_eq!(verdict("claim-deadline"), "supported");

    // claim-capacity (too few servers until the repair): with six
    // servers all along the site holds, and the next day's breakdown and
    // the repair it cites are reproduced: supported.
    assert!(passes(&all, "fell-apart") && passes(&all, "fixed"));
    assert!(!passes(&six_servers, "degraded-2pm"));
    assert!(!passes(&six_servers, "fell-apart"));
    assert_eq!(verdict("claim-capacity"), "supported");

    // claim-unknown (the cause is unknown): it names no cause and cites
    // no observation, so the model cannot test it.
    assert!(eta().claim("claim-unknown").is_some_and(|c| c
        .asserts
        .is_empty()
        && c.denies.is_empty()
        && c.events.is_empty()));
    assert_eq!(verdict("claim-unknown"), "not-testable");
}

#[test]
fn checks_differ_between_worlds() {
    let all = json(&[
        "simulate",
        "--hypotheses",
        "election,deadline,underprovisioning",
    ]);
    let two =
        json(&["simulate", "--hypotheses", "election,underprovisioning"]);
    let none = json(&["simulate", "--hypotheses", "none"]);
    let default = json(&["simulate"]);
    assert_eq!(all["checks"], default["checks"], "default: all on");

    assert!(passes(&all, "degraded-2pm"));
    assert!(!passes(&two, "degraded-2pm"));
    let why = |v: &Value| by_id(&v["checks"], "degraded-2pm")["why"].clone();
    assert_ne!(why(&all), why(&two), "the sentences state each run");

    let observations: Vec<&Value> = none["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "observation")
        .collect();
    assert_eq!(observations.len(), eta().observation_count());
    for c in observations {
        assert_eq!(c["pass"], false, "none reproduces {}", c["id"]);
    }
    // Verdicts are the record's: a reader's hypotheses never change them.
    assert_eq!(all["claims"], none["claims"]);
    assert_eq!(all["claims"], two["claims"]);
}

// ---------------------------------------------------------------------
// simulate: the JSON and CSV interfaces.

#[test]
fn simulate_json_has_the_documented_shape() {
    let s = eta();
    let minutes = s.window_end as usize;
    let v = json(&["simulate", "--scenario", ETA]);
    assert_eq!(v["scenario"], ETA);
    let ids: Vec<&str> = s.hypotheses.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(v["hypotheses"], serde_json::json!(ids));
    for p in &s.params {
        assert_eq!(v["params"][&p.id].as_f64(), Some(p.default), "{}", p.id);
    }
    let series = &v["series"];
    assert_eq!(series["step_min"].as_f64(), Some(1.0));
    let time = series["time"].as_array().unwrap();
    assert_eq!(time.len(), minutes);
    assert_eq!(time[0], s.clock.iso8601(0));
    assert_eq!(time[minutes - 1], s.clock.iso8601(minutes as i32 - 1));
    assert!(time[0].as_str().unwrap().ends_with("-05:00"));
    for key in [
        "failure_fraction",
        "capacity",
        "attempts",
        "served",
        "retries",
        "segment_share",
        "failures",
    ] {
        assert_eq!(floats(&series[key]).len(), minutes, "{key}");
    }
    let demand = series["demand"].as_object().unwrap();
    let demand_ids: Vec<&str> = s
        .model
        .components
        .iter()
        .filter(|c| c.is_demand())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(demand.len(), demand_ids.len());
    for id in &demand_ids {
        assert_eq!(floats(&demand[*id]).len(), minutes, "demand {id}");
    }
    for c in v["checks"].as_array().unwrap() {
        let event = s.event(c["id"].as_str().unwrap()).expect("an event id");
        assert!(event.is_checked());
        assert_eq!(c["kind"], event.kind.id());
        assert!(c["pass"].is_boolean());
        let (why, fr) = (c["why"].as_str().unwrap(), c["why_fr"].as_str());
        assert!(why.starts_with(char::is_uppercase) && why.ends_with('.'));
        assert!(fr.is_some_and(|fr| fr.contains("Résultat\u{a0}:")));
    }
    assert_eq!(v["checks"].as_array().unwrap().len(), s.checked().count());
    for c in v["claims"].as_array().unwrap() {
        for key in ["id", "verdict", "support", "why", "why_fr"] {
            assert!(!c[key].is_null(), "claim lacks {key}: {c}");
        }
    }
}

#[test]
fn components_that_are_off_give_zero_demand() {
    let s = eta();
    let v = json(&["simulate", "--hypotheses", "none"]);
    let demand = &v["series"]["demand"];
    for c in s.model.components.iter().filter(|c| c.is_demand()) {
        let series = floats(&demand[&c.id]);
        match c.hypothesis {
            Some(_) => assert!(series.iter().all(|&x| x == 0.0), "{}", c.id),
            None => assert!(series.iter().all(|&x| x > 0.0), "{}", c.id),
        }
    }
    let f = floats(&v["series"]["failure_fraction"]);
    assert!(f.iter().all(|&x| x == 0.0), "ordinary traffic alone is served");
}

#[test]
fn csv_has_a_header_and_one_row_per_minute() {
    let s = eta();
    let text = stdout(&["simulate", "--format", "csv"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + s.window_end as usize);
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header[0], "time");
    for c in s.model.components.iter().filter(|c| c.is_demand()) {
        assert!(header.contains(&format!("demand_{}", c.id).as_str()));
    }
    for key in [
        "failure_fraction",
        "capacity",
        "attempts",
        "served",
        "retries",
        "segment_share",
    ] {
        assert!(header.contains(&key), "{key}");
    }
    let col = header.iter().position(|h| *h == "failure_fraction").unwrap();
    let from_json = floats(&json(&["simulate"])["series"]["failure_fraction"]);
    for (i, line) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), header.len(), "{line}");
        assert_eq!(cells[0], s.clock.iso8601(i as i32));
        for c in &cells[1..] {
            assert!(c.parse::<f64>().is_ok_and(f64::is_finite), "{line}");
        }
        // JSON parsing may round the last digit.
        let x: f64 = cells[col].parse().unwrap();
        assert!((x - from_json[i]).abs() <= 1e-12 * x.abs(), "{line}");
    }
}

#[test]
fn set_changes_a_parameter_and_the_run() {
    let worst = |v: &Value| {
        floats(&v["series"]["failure_fraction"])
            .into_iter()
            .fold(0.0, f64::max)
    };
    let base = json(&["simulate", "--hypotheses", "election"]);
    let v = json(&[
        "simulate",
        "--hypotheses=election",
        "--set",
        "election_x=60",
        "--set=server_capacity_per_min=1000",
    ]);
    assert_eq!(v["params"]["election_x"].as_f64(), Some(60.0));
    assert_eq!(v["params"]["server_capacity_per_min"].as_f64(), Some(1000.0));
    assert!(
        worst(&v) > worst(&base) + 0.3,
        "{} vs {}",
        worst(&v),
        worst(&base)
    );
}

// ---------------------------------------------------------------------
// params, scenarios, --scenario.

#[test]
fn params_lists_every_parameter_in_every_format() {
    let s = eta();
    let text = stdout(&["params"]);
    for p in &s.params {
        let at = text
            .lines()
            .position(|l| l.split_whitespace().next() == Some(p.id.as_str()))
            .unwrap_or_else(|| panic!("{} missing", p.id));
        let lines: Vec<&str> = text.lines().skip(at).take(3).collect();
        assert!(lines[0].contains(p.provenance.id()), "{}", lines[0]);
        assert!(lines[0].contains(p.unit.id()), "{}", lines[0]);
        assert!(lines[0].contains(&format!("{} to {}", p.min, p.max)));
        assert_eq!(lines[1].trim(), p.label.en);
        assert_eq!(lines[2].trim(), p.why.en);
    }

    let v = json(&["params", "--format", "json", "--scenario", ETA]);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), s.params.len());
    for (entry, p) in list.iter().zip(&s.params) {
        assert_eq!(entry["name"], p.id.as_str());
        assert_eq!(entry["unit"], p.unit.id());
        assert_eq!(entry["provenance"], p.provenance.id());
        assert_eq!(entry["default"].as_f64(), Some(p.default));
        assert_eq!(entry["why"], p.why.en.as_str());
        assert_eq!(entry["why_fr"].as_str(), p.why.fr.as_deref());
        assert_eq!(entry["label_fr"].as_str(), p.label.fr.as_deref());
        assert!(entry["group"].as_str().is_some_and(|g| !g.is_empty()));
    }
    // A hypothesis' parameters sit in its group.
    let groups: Vec<&str> =
        list.iter().filter_map(|e| e["hypothesis"].as_str()).collect();
    for h in &s.hypotheses {
        assert!(groups.contains(&h.id.as_str()), "no parameter for {}", h.id);
    }

    let csv = stdout(&["params", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1 + s.params.len());
    assert!(csv.starts_with("name,unit,default,min,max,"));
}

#[test]
fn scenarios_lists_the_bundle_with_the_default_first() {
    let text = stdout(&["scenarios"]);
    let all = bundled::all();
    assert_eq!(text.lines().count(), all.len());
    for (line, s) in text.lines().zip(&all) {
        assert_eq!(line.split_whitespace().next(), Some(s.id.as_str()));
        assert!(line.ends_with(&s.title.en));
        assert_eq!(line.contains(" default "), s.default, "{line}");
    }
    assert!(text.starts_with(&bundled::default_scenario().id));
}

#[test]
fn scenario_option_takes_an_id_or_a_file() {
    let path = write_temp("deadline-x", &eta_with_default("deadline_x", 25.0));
    let from_file = json(&["simulate", "--scenario", &path]);
    assert_eq!(from_file["scenario"], ETA);
    assert_eq!(from_file["params"]["deadline_x"].as_f64(), Some(25.0));
    let bundled = json(&["simulate", "--scenario", ETA]);
    assert_ne!(
        from_file["series"]["failure_fraction"],
        bundled["series"]["failure_fraction"]
    );
    let same = json(&["simulate", "--scenario", &eta_path()]);
    assert_eq!(same["series"], bundled["series"]);

    let err = rejects(&["simulate", "--scenario", "eta-2061"], &["eta-2061"]);
    for s in bundled::all() {
        assert!(err.contains(&s.id), "{err} does not offer {}", s.id);
    }
    rejects(
        &["params", "--scenario", "missing/nowhere.json"],
        &["missing/nowhere.json", "no such file"],
    );
    let mut broken = eta_file();
    broken["window"]["zone"] = "ET".into();
    let path = write_temp("broken-zone", &broken);
    rejects(&["fallback", "--scenario", &path], &[&path, "`window.zone`"]);
}

// ---------------------------------------------------------------------
// validate.

#[test]
fn validate_summarises_a_good_file() {
    let s = eta();
    let text = stdout(&["validate", &eta_path()]);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} line in\n{text}"))
            .to_string()
    };
    assert!(text.starts_with(&eta_path()));
    assert!(line("id").contains(ETA));
    assert!(line("title").ends_with(&s.title.en));
    assert!(line("window").contains(&s.clock.local(0).to_string()));
    let record =
        s.params.iter().filter(|p| p.provenance.id() == "record").count();
    assert!(line("parameters").contains(&format!(
        "{}: {record} from the record, {} assumptions",
        s.params.len(),
        s.params.len() - record
    )));
    assert!(line("sources").ends_with(&s.sources.len().to_string()));
    assert!(line("hypotheses")
        .starts_with(&format!("hypotheses:  {}", s.hypotheses.len())));
    assert!(line("checked")
        .contains(&format!("{} observations", s.observation_count())));
    assert!(line("claims").ends_with(&s.claims.len().to_string()));
    // The point verdicts, in the model's words.
    let j = judge_point(&s, &Params::defaults(&s.params));
    let words = Words::new(&s, Lang::En);
    for cs in &j.claims {
        let expected =
            format!("  {}: {}", s.claims[cs.claim].id, words.claim(&j, cs));
        assert!(text.lines().any(|l| l == expected), "{expected}");
    }
    assert!(text.contains("  claim-election: Partly supported"));
    assert!(text.contains("  claim-unknown: Not testable"));
}

#[test]
fn validate_names_the_field_of_each_defect() {
    let file = eta_file();
    let degraded = event_index(&file, "degraded-2pm");

    let mut unknown_param = file.clone();
    unknown_param["model"]["capacity"]["per_server"] = "per_server_x".into();
    let mut unit = file.clone();
    unit["events"][degraded]["checks"][0]["threshold"] = "timeout_s".into();
    let mut unknown_field = file.clone();
    unknown_field["parameters"][2]["colour"] = "red".into();
    let mut bad_time = file.clone();
    bad_time["events"][degraded]["time"]["at"] = "2016-11-08T25:00".into();

    let cases: [(&str, Value, Vec<String>); 4] = [
        (
            "unknown-param",
            unknown_param,
            vec![
                "field `model.capacity.per_server`".into(),
                "unknown parameter `per_server_x`".into(),
                "server_capacity_per_min".into(),
            ],
        ),
        (
            "unit",
            unit,
            vec![
                format!("field `events[{degraded}].checks[0].threshold`"),
                "`timeout_s` has unit seconds".into(),
                "expected a parameter in percent or fraction".into(),
            ],
        ),
        (
            "unknown-field",
            unknown_field,
            vec![
                "field `parameters[2].colour`".into(),
                "is not a field here".into(),
                "provenance".into(),
            ],
        ),
        (
            "bad-time",
            bad_time,
            vec![
                format!("field `events[{degraded}].time.at`"),
                "2016-11-08T25:00".into(),
                "expected 00:00".into(),
            ],
        ),
    ];
    for (name, defective, mentions) in cases {
        let path = write_temp(name, &defective);
        let mut expect: Vec<&str> =
            mentions.iter().map(String::as_str).collect();
        expect.push(&path);
        rejects(&["validate", &path], &expect);
    }

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-{}-syntax.json", std::process::id()));
    std::fs::write(&path, "{\"format\": ").unwrap();
    let path = path.to_string_lossy().into_owned();
    rejects(&["validate", &path], &[&path, "not valid JSON", "line 1"]);
    rejects(&["validate", "nowhere.json"], &["nowhere.json", "no such file"]);
    rejects(&["validate"], &["path of a scenario file"]);
}

// ---------------------------------------------------------------------
// fallback.

/// What the fallback's summary should say about a run, from the model:
/// the first minute failing at the first onset rule's threshold, as a
/// moment in prose, and how many observations the run reproduces.
fn expected_summary_parts(s: &Scenario, lang: Lang) -> (String, String) {
    let p = Params::defaults(&s.params);
    let run = simulate(s, &p, HypothesisSet::all(s.hypotheses.len()));
    let threshold = s
        .checked()
        .filter(|e| e.kind == EventKind::Observation)
        .flat_map(|e| e.checks.iter())
        .find_map(|r| match r {
            Rule::Onset { threshold, .. } => Some(threshold.get(p.values())),
            _ => None,
        })
        .expect("an onset check");
    let first = run
        .failure_fraction
        .iter()
        .position(|&f| f >= threshold)
        .expect("the site fails");
    let moment = Words::new(s, lang).moment(first as f64);
    let checks = check_all(s, &p, &run);
    let obs: Vec<_> = checks.iter().filter(|c| c.is_observation()).collect();
    let got = obs.iter().filter(|c| c.pass).count();
    let noun =
        Noun { one: "observation", many: "observations", gender: Gender::F };
    (moment, lang.k_of_n(got, obs.len(), noun))
}

fn summary_of(html: &str) -> String {
    let start = html.find("cc-fallback-summary\">").expect("a summary");
    let rest = &html[start..];
    rest[rest.find('>').unwrap() + 1..rest.find("</figcaption>").unwrap()]
        .to_string()
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn fallback_holds_the_record_a_static_chart_and_no_style_or_script() {
    let s = eta();
    let html = stdout(&["fallback"]);
    assert!(html.contains("<svg"), "no chart");
    assert!(html.contains("lang=\"en-CA\""));
    assert!(!html.contains("style="), "inline style breaks a strict CSP");
    assert!(!html.contains("<script"), "inline script breaks a strict CSP");
    assert!(html.contains("class=\"cc-fallback-events\""), "scripts/smoke");
    for e in &s.events {
        assert!(html.contains(&escaped(&e.text.en)), "missing: {}", e.id);
        for q in &e.quotes {
            assert!(html.contains(&escaped(&q.text)), "missing: {}", q.text);
        }
    }
    // One marker on the chart per dated event, numbered as in the list.
    let dated = s.timeline().len();
    assert_eq!(html.matches("<circle").count(), dated);
    assert!(html.contains(&format!(">{dated}</text>")));
    // Each claim with its verdict at the defaults, in the model's words.
    let j = judge_point(&s, &Params::defaults(&s.params));
    let words = Words::new(&s, Lang::En);
    for cs in &j.claims {
        let claim = &s.claims[cs.claim];
        assert!(html.contains(&escaped(&claim.text.en)), "{}", claim.id);
        assert!(html.contains(&escaped(&words.claim(&j, cs))), "{}", claim.id);
    }
    // Each check's result, in the model's words.
    let p = Params::defaults(&s.params);
    let run = simulate(&s, &p, HypothesisSet::all(s.hypotheses.len()));
    for c in check_all(&s, &p, &run) {
        assert!(html.contains(&escaped(&words.check(&c, p.values()))));
    }
    let (moment, k_of_n) = expected_summary_parts(&s, Lang::En);
    let summary = summary_of(&html);
    assert!(
        summary.contains(&format!("starts to fail at {moment}")),
        "{summary}"
    );
    assert!(summary.contains(&k_of_n), "{summary}");
    assert!(!html.contains("p.m.."), "double period");
}

#[test]
fn fallback_statements_are_computed_from_the_run() {
    let base = stdout(&["fallback", "--scenario", ETA]);
    // The deadline rush sets in later: the simulated site fails later,
    // and the 2 p.m. degradation is lost.
    let later = eta_with_default("deadline_onset_h", 14.0);
    let path = write_temp("onset-later", &later);
    let moved = stdout(&["fallback", "--scenario", &path]);
    let later = Scenario::parse("later", &later.to_string()).unwrap();
    let (s0, s1) = (summary_of(&base), summary_of(&moved));
    assert_ne!(s0, s1);
    let (m0, k0) = expected_summary_parts(&eta(), Lang::En);
    let (m1, k1) = expected_summary_parts(&later, Lang::En);
    assert_ne!(m0, m1, "the onset moves");
    assert!(s0.contains(&m0) && !s0.contains(&m1), "{s0}");
    assert!(s1.contains(&m1) && !s1.contains(&m0), "{s1}");
    assert!(s0.contains(&k0) && s1.contains(&k1));
    assert_ne!(k0, k1, "fewer observations reproduced");
    let label = &later.event("degraded-2pm").unwrap().label.en;
    assert!(s1.contains(&format!("It misses {label}")), "{s1}");
    assert!(!s0.contains("It misses"), "{s0}");
}

#[test]
fn french_fallback_follows_the_copy_desk() {
    let s = eta();
    let html = stdout(&["fallback", "--lang", "fr"]);
    assert!(html.contains("lang=\"fr-CA\""));
    assert!(!html.contains("lang=\"en-CA\""));
    assert!(!html.contains("style=") && !html.contains("<script"));
    assert!(!html.contains(" :"), "a plain space before a colon");
    assert!(!html.contains(".0 ") && !html.contains(",0 "), "trailing zero");
    assert!(!html.contains(",0\u{a0}"), "trailing zero");
    // Dates on the chart as labels: "8 nov.".
    let first = s.clock.local(0);
    assert!(html.contains(&format!(">{}</text>", Lang::Fr.date_label(first))));
    assert!(html.contains("8\u{a0}nov."));
    assert!(html.contains(&escaped(s.title.fr.as_deref().unwrap())));
    for e in &s.events {
        let text = e.text.fr.as_deref().expect("a French text");
        assert!(html.contains(&escaped(text)), "missing: {}", e.id);
    }
    assert!(html.contains("Verdict\u{a0}:"));
    for english in ["Supported", "Reproduced", "Result:", "per cent"] {
        assert!(!html.contains(english), "English in French: {english}");
    }
    let (moment, k_of_n) = expected_summary_parts(&s, Lang::Fr);
    let summary = summary_of(&html);
    assert!(summary.contains(&moment), "{summary}");
    assert!(summary.contains(&k_of_n), "{summary}");
    // English quotes stay verbatim, tagged, with a free translation.
    assert!(html.contains("<span lang=\"en\">degraded</span>"));
    assert!(html.contains("(traduction libre)"));
}

// ---------------------------------------------------------------------
// Errors, help, and no scenario ids in the CLI's code.

#[test]
fn bad_input_is_rejected_with_the_valid_choices() {
    rejects(
        &["simulate", "--hypotheses", "aliens"],
        &["aliens", "election, deadline, underprovisioning, or `none`"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--set", "nope=1"],
        &["nope", "timeout_s", "retry_pct"],
    );
    rejects(
        &["simulate", "--set", "timeout_s=500"],
        &["timeout_s", "500", "10 to 120"],
    );
    rejects(
        &["simulate", "--set", "servers_before=4"],
        &["servers_before", "the record fixes it at 3"],
    );
    rejects(
        &["simulate", "--set", "timeout_s=soon"],
        &["timeout_s", "soon", "not a number"],
    );
    rejects(&["simulate", "--set", "timeout_s"], &["timeout_s", "NAME=VALUE"]);
    rejects(&["simulate", "--format", "xml"], &["xml", "json or csv"]);
    rejects(&["simulate", "--hypotheses"], &["--hypotheses", "needs a value"]);
    rejects(
        &["simulate", "--speed", "9"],
        &["--speed", "--scenario, --hypotheses, --set or --format"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--hypotheses", "election"],
        &["--hypotheses", "twice"],
    );
    rejects(&["frobnicate"], &["frobnicate", "validate, scenarios, simulate"]);
    rejects(&[], &["no command", "validate, scenarios, simulate"]);
    rejects(&["params", "--format", "yaml"], &["yaml", "text, json or csv"]);
    rejects(&["fallback", "--lang", "de"], &["`de`", "en or fr"]);
    rejects(&["fallback", "extra"], &["extra", "--scenario or --lang"]);
    rejects(&["scenarios", "extra"], &["extra"]);
    rejects(&["validate", "a.json", "b.json"], &["b.json", "one file"]);
}

#[test]
fn help_goes_to_stdout_and_names_no_incident() {
    let text = stdout(&["--help"]);
    for command in
        ["validate FILE", "scenarios", "simulate", "params", "fallback"]
    {
        assert!(text.contains(&format!("claimcheck {command}")), "{command}");
    }
    for s in bundled::all() {
        assert!(text.contains(&s.id), "help does not list {}", s.id);
    }
    let fixed = text.replace(ETA, "");
    for word in ["IRCC", "eTA", "election", "underprovisioning", "November"] {
        assert!(!fixed.contains(word), "help mentions {word}");
    }
}

#[test]
fn the_cli_names_no_scenario_id() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut ids: Vec<String> = Vec::new();
    for s in bundled::all() {
        ids.push(s.id.clone());
        ids.extend(s.params.iter().map(|p| p.id.clone()));
        ids.extend(s.hypotheses.iter().map(|h| h.id.clone()));
        ids.extend(s.events.iter().map(|e| e.id.clone()));
        ids.extend(s.claims.iter().map(|c| c.id.clone()));
        ids.extend(s.model.components.iter().map(|c| c.id.clone()));
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        for id in &ids {
            assert!(
                !src.contains(&format!("\"{id}\"")),
                "{} names `{id}`",
                path.display()
            );
        }
    }
}

/// `pack` writes every story but the default one, in the packed form the
/// widget fetches, and each file decodes to its scenario.
#[test]
fn pack_writes_the_stories_fetched_on_demand() {
    let dir = std::env::temp_dir()
        .join(format!("claimcheck-pack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = stdout(&["pack", "--out-dir", dir.to_str().unwrap()]);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut want: Vec<String> = claimcheck_model::bundled::all()
        .into_iter()
        .filter(|s| !s.default)
        .map(|s| format!("{}.bin", s.id))
        .collect();
    want.sort();
    assert_eq!(files, want);
    assert!(
        !files.contains(&format!("{ETA}.bin")),
        "the default story stays in the wasm"
    );
    for f in &files {
        assert!(out.contains(f.as_str()), "{out}");
        let bytes = std::fs::read(dir.join(f)).unwrap();
        let s = claimcheck_model::pack::unpack(&bytes).unwrap();
        assert_eq!(format!("{}.bin", s.id), *f);
        assert_eq!(
            Some(s),
            claimcheck_model::bundled::find(f.trim_end_matches(".bin"))
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    rejects(&["pack"], &["--out-dir"]);
}
