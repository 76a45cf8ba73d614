//! Scenario files (`scenario.rs`): every bundled file parses, its quotes
//! are verbatim, its texts are bilingual; and each class of validation
//! error, on a copy of the eTA file with one field changed, names the
//! file, the field's path and what was expected.

mod common;

use std::path::PathBuf;

use claimcheck_model::bundled;
use claimcheck_model::scenario::{
    ErrorKind, EventKind, Quote, Scenario, ScenarioError, Text, FORMAT,
    MAX_HYPOTHESES,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------------
// The bundled files.

#[test]
fn every_bundled_file_parses() {
    assert!(!bundled::FILES.is_empty());
    for (file, json) in bundled::FILES {
        assert!(file.ends_with(".json"), "{file}");
        let s = Scenario::parse(file, json)
            .unwrap_or_else(|e| panic!("{file} is invalid: {e}"));
        assert_eq!(format!("{}.json", s.id), *file, "id and file name");
    }
    let all = bundled::parse_all().expect("all parse");
    assert_eq!(all.len(), bundled::FILES.len());
}

#[test]
fn bundled_ids_are_unique_and_the_default_comes_first() {
    let all = bundled::all();
    let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "duplicate scenario ids");
    let defaults = all.iter().filter(|s| s.default).count();
    assert!(defaults <= 1, "{defaults} scenarios say they are the default");
    // The eTA story is the default; it comes first and is found by id.
    assert_eq!(all[0].id, "eta-2016");
    assert!(all[0].default);
    assert_eq!(bundled::default_scenario().id, "eta-2016");
    for s in &all {
        assert_eq!(bundled::find(&s.id).as_ref(), Some(s));
    }
    assert_eq!(bundled::find("no-such-story"), None);
}

/// Every quote of a scenario, wherever it sits.
fn quotes(s: &Scenario) -> Vec<&Quote> {
    s.background
        .iter()
        .flat_map(|b| &b.quotes)
        .chain(s.events.iter().flat_map(|e| &e.quotes))
        .chain(s.claims.iter().flat_map(|c| &c.quotes))
        .collect()
}

fn source_text(id: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios/sources")
        .join(format!("{id}.txt"));
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_quote_is_verbatim_in_its_source() {
    let mut checked = 0;
    for s in common::scenarios() {
        for q in quotes(s) {
            assert!(!q.text.trim().is_empty());
            if let Some(text) = source_text(&q.source) {
                assert!(
                    text.contains(&q.text),
                    "{}: not verbatim in {}: {}",
                    s.id,
                    q.source,
                    q.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn every_eta_quote_from_cbc_is_checked_against_the_article() {
    let s = common::eta();
    let cbc = source_text("CBC-2017").expect("scenarios/sources/CBC-2017.txt");
    let from_cbc: Vec<&Quote> =
        quotes(s).into_iter().filter(|q| q.source == "CBC-2017").collect();
    // The record's CBC quotes: background (1), events (12), claims (7),
    // and any added since.
    assert!(from_cbc.len() >= 20, "{}", from_cbc.len());
    for q in from_cbc {
        assert!(cbc.contains(&q.text), "not verbatim: {}", q.text);
    }
    // The SSC official's words, in full.
    let fell = s.event("fell-apart").unwrap();
    assert_eq!(
        fell.quotes[0].text,
        "I do not understand why an incident started at 2:00 pm \
         yesterday, clearly had public visibility, was not raised to \
         critical, and subsequently the thing fell apart"
    );
}

/// Every text a reader sees that is not a quote, with where it is.
fn texts(s: &Scenario) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = Vec::new();
    fn push<'a>(out: &mut Vec<(String, &'a Text)>, what: String, t: &'a Text) {
        out.push((what, t));
    }
    let mut add = |what: String, t| push(&mut out, what, t);
    add("title".into(), &s.title);
    if let Some(t) = &s.subtitle {
        add("subtitle".into(), t);
    }
    add("zone".into(), &s.zone);
    for x in &s.sources {
        add(format!("{} publisher", x.id), &x.publisher);
        add(format!("{} date", x.id), &x.date);
        if let Some(n) = &x.note {
            add(format!("{} note", x.id), n);
        }
    }
    for p in &s.params {
        add(format!("{} label", p.id), &p.label);
        add(format!("{} why", p.id), &p.why);
    }
    if let Some(t) = &s.model.segment {
        add("segment".into(), t);
    }
    for c in &s.model.components {
        add(format!("{} label", c.id), &c.label);
    }
    for h in &s.hypotheses {
        for (k, t) in [
            ("label", &h.label),
            ("description", &h.description),
            ("name", &h.name),
            ("without", &h.without),
        ] {
            add(format!("{} {k}", h.id), t);
        }
    }
    for p in &s.presets {
        add(format!("{} label", p.id), &p.label);
    }
    for b in &s.background {
        add(format!("{} when", b.id), &b.when);
        add(format!("{} text", b.id), &b.text);
    }
    for e in &s.events {
        add(format!("{} label", e.id), &e.label);
        add(format!("{} when", e.id), &e.when);
        add(format!("{} text", e.id), &e.text);
    }
    for f in &s.figures {
        add(format!("{} text", f.id), &f.text);
    }
    for c in &s.claims {
        add(format!("{} text", c.id), &c.text);
        add(format!("{} who", c.id), &c.who);
        add(format!("{} when", c.id), &c.when);
    }
    let speakers = quotes(s).into_iter().filter_map(|q| q.speaker.as_ref());
    for t in speakers {
        out.push(("a quote's speaker".into(), t));
    }
    out
}

#[test]
fn every_text_that_is_not_a_quote_has_a_french_version() {
    for s in common::scenarios() {
        for (what, t) in texts(s) {
            let fr = t.fr.as_deref().unwrap_or("");
            assert!(!fr.trim().is_empty(), "{}: {what}: no French", s.id);
            assert_eq!(t.get("fr"), fr);
            assert_eq!(t.get("en"), t.en);
        }
    }
}

#[test]
fn a_text_without_french_falls_back_to_english() {
    let t = Text { en: "Hello".into(), fr: None };
    assert_eq!(t.get("fr"), "Hello");
    let t = Text { en: "Hello".into(), fr: Some("Bonjour".into()) };
    assert_eq!(
        (t.get("fr"), t.get("en"), t.get("de")),
        ("Bonjour", "Hello", "Hello")
    );
}

#[test]
fn record_parameters_name_their_sources_and_assumptions_have_a_range() {
    use claimcheck_model::scenario::Provenance;
    for s in common::scenarios() {
        for p in &s.params {
            assert!(p.accepts(p.default), "{}: {}", s.id, p.id);
            assert!(p.step > 0.0);
            if p.provenance == Provenance::Record {
                assert!(!p.sources.is_empty(), "{}: {}", s.id, p.id);
                assert!(!p.is_uncertain(), "record facts stay fixed");
            } else {
                // An assumption has a plausible range, or the analysis
                // would not explore it.
                assert!(p.max > p.min, "{}: {} has no range", s.id, p.id);
                assert!(p.is_uncertain());
            }
            assert_eq!(p.is_fixed(), p.min == p.max);
        }
    }
}

// ---------------------------------------------------------------------
// The eTA file, as read.

#[test]
fn the_eta_timeline_with_its_uncertainty_windows() {
    let s = common::eta();
    assert_eq!(s.id, "eta-2016");
    assert_eq!(s.window_end, 3 * 24 * 60);
    assert_eq!(s.clock.utc_offset_min, -300);
    let w = |id: &str| {
        let t = s.event(id).and_then(|e| e.time).expect(id);
        (t.from, t.at, t.to)
    };
    // "about 2 p.m.": ± 30 minutes.
    assert_eq!(w("degraded-2pm"), (810, 840, 870));
    // "afternoon, before any polls closed": noon to 6 p.m.
    assert_eq!(w("early-volume"), (720, 900, 1080));
    assert_eq!(w("fixed"), (2760, 2760, 2880));
    assert_eq!(w("deadline"), (2880, 2880, 2880));
    // Statements made later have no time and stay off the axis.
    let later = s.event("cause-unknown").unwrap();
    assert_eq!(later.kind, EventKind::Statement);
    assert!(later.time.is_none());
    let timeline: Vec<&str> =
        s.timeline().iter().map(|e| e.id.as_str()).collect();
    assert!(!timeline.contains(&"cause-unknown"));
    assert_eq!(
        timeline.len(),
        s.events.iter().filter(|e| e.time.is_some()).count()
    );
    let at: Vec<i32> =
        s.timeline().iter().map(|e| e.time.unwrap().at).collect();
    assert!(at.windows(2).all(|p| p[0] <= p[1]), "in time order");
    assert_eq!(
        timeline[0], "degraded-2pm",
        "2 p.m., before early-volume's 3 p.m."
    );
}

#[test]
fn the_eta_lookups() {
    let s = common::eta();
    assert_eq!(s.event("official-11pm").unwrap().kind, EventKind::Claim);
    assert_eq!(s.figure("servers-after").unwrap().value, 6.0);
    assert_eq!(s.source("CP-2016").unwrap().id, "CP-2016");
    assert_eq!(s.claim("claim-unknown").unwrap().id, "claim-unknown");
    assert_eq!(s.hypothesis_index("underprovisioning"), Some(2));
    assert_eq!(s.param("timeout_s").map(|(_, p)| p.default), Some(90.0));
    for none in [
        s.event("x").is_none(),
        s.figure("x").is_none(),
        s.source("x").is_none(),
        s.claim("x").is_none(),
        s.hypothesis_index("x").is_none(),
        s.param("x").is_none(),
    ] {
        assert!(none);
    }
    // Eight checked events, seven of them observations.
    assert_eq!(s.checked().count(), 8);
    assert_eq!(s.observation_count(), 7);
    let preset = s.presets.iter().find(|p| p.id == "cbc-documents").unwrap();
    assert_eq!(preset.hypotheses, [1, 2]);
    let cbc = s.claim("claim-deadline").unwrap();
    assert_eq!(cbc.asserts, [1]);
    assert!(cbc.denies.is_empty());
    assert_eq!(cbc.events, ["degraded-2pm", "early-volume"]);
}

#[test]
fn values_are_converted_to_the_models_units_when_read() {
    use claimcheck_model::model::{ComponentKind, Shape, Value};
    use claimcheck_model::rules::{Band, Rule};
    let s = common::eta();
    let p = claimcheck_model::Params::defaults(&s.params);
    let v = p.values();
    let comp = |id: &str| s.model.component(id).unwrap().kind;
    // Users an hour become users a minute.
    let ComponentKind::Demand { level, shape, segment_share, .. } =
        comp("baseline")
    else {
        panic!("baseline is demand")
    };
    assert_eq!(level.get(v), 17000.0 / 60.0);
    // Per cent becomes a fraction; an hour of the day minutes.
    assert_eq!(segment_share.get(v), 10.2 * 0.01);
    let Shape::DailyCycle { anchor, rhythm } = shape else { panic!() };
    assert_eq!(anchor, Some(Value::Const(23.0 * 60.0)));
    assert_eq!(rhythm.peak.get(v), 11.0 * 60.0);
    // A plain number in a share field is in per cent.
    let ComponentKind::Demand { segment_share, .. } = comp("election") else {
        panic!()
    };
    assert_eq!(segment_share, Value::Const(1.0));
    // Hours become minutes, times minutes since the window's start.
    let ComponentKind::Demand { shape, .. } = comp("deadline") else {
        panic!()
    };
    let Shape::DeadlineRush { onset_width, deadline, saturation, .. } = shape
    else {
        panic!()
    };
    assert_eq!(onset_width, Value::Const(60.0));
    assert_eq!(deadline.get(v), 48.0 * 60.0);
    assert_eq!(saturation.get(v), 132.0 * 60.0);
    // Seconds become minutes.
    assert_eq!(s.model.behaviour.timeout.get(v), 90.0 / 60.0);
    // A figure in users, as a per-hour target, becomes users a minute;
    // a figure as a fraction stays a fraction.
    let users = s.event("users-11pm").unwrap();
    let Rule::Traffic { band: Band::Around { target, .. }, .. } =
        users.checks[0]
    else {
        panic!()
    };
    assert_eq!(target, Value::Const(200_000.0 / 60.0));
    let Rule::Share { target, .. } = users.checks[1] else { panic!() };
    assert_eq!(target, Value::Const(0.5));
    // A plain number in an hours field: the 11 p.m. account's 0.5 h.
    let Rule::Onset { early, at, .. } =
        s.event("official-11pm").unwrap().checks[0]
    else {
        panic!()
    };
    assert_eq!((early, at), (Value::Const(30.0), 23 * 60));
}

// ---------------------------------------------------------------------
// Validation errors: the eTA file with one change.

fn eta_json() -> Value {
    let (_, text) = bundled::FILES
        .iter()
        .find(|(f, _)| *f == "eta-2016.json")
        .expect("eta-2016.json");
    serde_json::from_str(text).unwrap()
}

/// The position of the entry with this id in the array at `pointer`.
fn pos(v: &Value, pointer: &str, id: &str) -> usize {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .and_then(|a| a.iter().position(|x| x["id"] == id))
        .unwrap_or_else(|| panic!("no {id} in {pointer}"))
}

fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}"))
}

fn object<'a>(
    v: &'a mut Value,
    pointer: &str,
) -> &'a mut serde_json::Map<String, Value> {
    at(v, pointer).as_object_mut().expect("an object")
}

/// Parses the eTA file after `edit`, which must make it invalid.
fn rejected(edit: impl FnOnce(&mut Value)) -> ScenarioError {
    let mut v = eta_json();
    edit(&mut v);
    let err = Scenario::parse("bad.json", &v.to_string())
        .expect_err("the edit must make the file invalid");
    assert_eq!(err.file, "bad.json");
    err
}

/// Asserts the error's field and its whole message.
fn says(err: &ScenarioError, field: &str, message: &str) {
    assert_eq!(err.field, field, "{err}");
    let expected = if field.is_empty() {
        format!("bad.json: {message}")
    } else {
        format!("bad.json: field `{field}`: {message}")
    };
    assert_eq!(err.to_string(), expected);
}

fn ids(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn the_eta_file_is_valid_before_any_change() {
    let v = eta_json();
    assert!(Scenario::parse("good.json", &v.to_string()).is_ok());
}

#[test]
fn not_json() {
    let err = Scenario::parse("x.json", "{ not json").unwrap_err();
    assert_eq!(err.field, "");
    assert!(matches!(err.kind, ErrorKind::Syntax { .. }));
    let text = err.to_string();
    assert!(text.starts_with("x.json: not valid JSON: "), "{text}");
    assert!(text.contains("line 1 column 3"), "{text}");
}

#[test]
fn unsupported_format() {
    let err = rejected(|v| v["format"] = json!("claimcheck-scenario/1"));
    says(
        &err,
        "format",
        &format!(
            "unsupported format `claimcheck-scenario/1`; expected `{FORMAT}`"
        ),
    );
}

#[test]
fn unknown_fields() {
    // At the top level, the expected fields are the format's, sorted.
    let err = rejected(|v| v["colour"] = json!("red"));
    assert_eq!(err.field, "colour");
    let ErrorKind::UnknownField { expected } = &err.kind else {
        panic!("{err}")
    };
    for f in ["claims", "events", "format", "id", "model", "window"] {
        assert!(expected.contains(&f), "{f} missing from {expected:?}");
    }
    assert!(expected.windows(2).all(|w| w[0] < w[1]), "{expected:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "bad.json: field `colour`: is not a field here; expected one \
             of {}",
            expected.join(", ")
        )
    );
    // Deep inside a rule: the fields of a `failing` rule.
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/events", "ticket-5pm");
        object(v, &format!("/events/{k}/checks/0"))
            .insert("at_leest".into(), json!(5));
    });
    says(
        &err,
        &format!("events[{k}].checks[0].at_leest"),
        "is not a field here; expected one of at_least, below, from, rule, \
         stat, to",
    );
    // In a text.
    let err = rejected(|v| v["title"]["de"] = json!("Titel"));
    says(&err, "title.de", "is not a field here; expected one of en, fr");
}

#[test]
fn missing_fields() {
    let err = rejected(|v| {
        object(v, "/events/2").remove("when");
    });
    says(&err, "events[2].when", "is missing");
    let err = rejected(|v| {
        object(v, "/parameters/0").remove("unit");
    });
    says(&err, "parameters[0].unit", "is missing");
    let err = rejected(|v| {
        object(v, "/model").remove("capacity");
    });
    says(&err, "model.capacity", "is missing");
    let err = rejected(|v| {
        object(v, "").remove("events");
    });
    says(&err, "events", "is missing");
    // A null counts as missing.
    let err = rejected(|v| v["id"] = Value::Null);
    says(&err, "id", "is missing");
}

#[test]
fn wrong_types() {
    let err = rejected(|v| v["parameters"][4]["default"] = json!("17"));
    says(&err, "parameters[4].default", "expected a number");
    let err = rejected(|v| v["sources"] = json!({}));
    says(&err, "sources", "expected an array");
    let err = rejected(|v| v["default"] = json!("yes"));
    says(&err, "default", "expected true or false");
    let err = rejected(|v| v["title"] = json!("A title"));
    says(&err, "title", "expected an object");
    let err = rejected(|v| v["id"] = json!(7));
    says(&err, "id", "expected a string");
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/events", "degraded-2pm");
        v["events"][k]["checks"][1]["at_least"] = json!(true);
    });
    says(
        &err,
        &format!("events[{k}].checks[1].at_least"),
        "expected a number, a parameter id or {\"figure\": id}",
    );
    // A time field says what a time can be.
    let err = rejected(|v| v["model"]["components"][1]["onset"] = json!(true));
    says(
        &err,
        "model.components[1].onset",
        "expected a number of hours since the window's start, a time \
         (YYYY-MM-DDTHH:MM), a parameter id or {\"figure\": id}",
    );
}

#[test]
fn empty_texts_and_ids() {
    let err = rejected(|v| v["title"]["en"] = json!("  "));
    says(&err, "title.en", "is empty; expected some text");
    let err = rejected(|v| v["title"]["fr"] = json!(""));
    says(&err, "title.fr", "is empty; expected some text");
    let err = rejected(|v| v["events"][0]["id"] = json!(""));
    says(&err, "events[0].id", "is empty; expected some text");
    let err = rejected(|v| v["id"] = json!(" "));
    says(&err, "id", "is empty; expected some text");
    let err = rejected(|v| v["events"][0]["quotes"][0]["text"] = json!(""));
    says(&err, "events[0].quotes[0].text", "is empty; expected some text");
    let err = rejected(|v| v["events"][0]["sources"] = json!([]));
    says(&err, "events[0].sources", "is empty; expected some text");
}

#[test]
fn unknown_parameter() {
    let mut list = String::new();
    let err = rejected(|v| {
        list = ids(v, "/parameters");
        v["model"]["capacity"]["per_server"] = json!("server_capacity");
    });
    says(
        &err,
        "model.capacity.per_server",
        &format!(
            "unknown parameter `server_capacity`; expected one of {list}"
        ),
    );
    assert!(matches!(
        err.kind,
        ErrorKind::UnknownId { what: "parameter", .. }
    ));
}

#[test]
fn unit_mismatch() {
    // The example in scenarios/README.md.
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/events", "degraded-2pm");
        v["events"][k]["checks"][1]["at_least"] = json!("early_volume_x");
    });
    says(
        &err,
        &format!("events[{k}].checks[1].at_least"),
        "parameter `early_volume_x` has unit times, but this field is a \
         share; expected a parameter in percent or fraction",
    );
    // A duration where a rate belongs.
    let err = rejected(|v| {
        v["model"]["capacity"]["per_server"] = json!("timeout_s");
    });
    says(
        &err,
        "model.capacity.per_server",
        "parameter `timeout_s` has unit seconds, but this field is a rate; \
         expected a parameter in users_per_h or users_per_min",
    );
}

#[test]
fn unknown_figure() {
    let mut k = 0;
    let mut list = String::new();
    let err = rejected(|v| {
        k = pos(v, "/events", "users-11pm");
        list = ids(v, "/figures");
        v["events"][k]["checks"][0]["target"] =
            json!({"figure": "users-at-11"});
    });
    says(
        &err,
        &format!("events[{k}].checks[0].target.figure"),
        &format!("unknown figure `users-at-11`; expected one of {list}"),
    );
}

#[test]
fn bad_times() {
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/events", "fixed");
        v["events"][k]["time"]["at"] = json!("2016-11-31T22:00");
    });
    says(
        &err,
        &format!("events[{k}].time.at"),
        "`2016-11-31T22:00` has day 31; that month has 30 days",
    );
    assert!(matches!(err.kind, ErrorKind::BadTime { .. }));
    let err =
        rejected(|v| v["events"][2]["time"]["at"] = json!("2016-11-08 5pm"));
    says(
        &err,
        "events[2].time.at",
        "`2016-11-08 5pm` is not a local time; expected YYYY-MM-DDTHH:MM, \
         e.g. 2016-11-08T14:00",
    );
    let err = rejected(|v| v["window"]["start"] = json!("2016-11-08T24:00"));
    says(
        &err,
        "window.start",
        "`2016-11-08T24:00` has time 24:00; expected 00:00–23:59",
    );
}

#[test]
fn a_claims_date_is_a_date() {
    let err = rejected(|v| v["claims"][1]["date"] = json!("March 2017"));
    says(
        &err,
        "claims[1].date",
        "`March 2017` is not a date; expected YYYY-MM-DD or YYYY-MM",
    );
    let err = rejected(|v| v["claims"][1]["date"] = json!("2017-13"));
    assert_eq!(err.field, "claims[1].date");
    for ok in ["2017-03", "2017-03-31"] {
        let mut v = eta_json();
        v["claims"][1]["date"] = json!(ok);
        let s = Scenario::parse("ok.json", &v.to_string()).unwrap();
        assert_eq!(s.claims[1].date.as_deref(), Some(ok));
    }
}

#[test]
fn a_window_must_contain_its_time() {
    let err = rejected(|v| {
        v["events"][0]["time"]["from"] = json!("2016-11-08T16:00");
    });
    says(
        &err,
        "events[0].time",
        "window 2016-11-08T16:00 – 2016-11-08T18:00 does not contain its \
         time 2016-11-08T15:00",
    );
    assert!(matches!(err.kind, ErrorKind::BadWindow { .. }));
    let err = rejected(|v| {
        v["events"][1]["time"]["plus_minus_min"] = json!(-5);
    });
    says(
        &err,
        "events[1].time",
        "plus_minus_min -5; expected whole minutes, 0 or more",
    );
    let err = rejected(|v| {
        v["events"][1]["time"]["from"] = json!("2016-11-08T13:00");
    });
    says(
        &err,
        "events[1].time",
        "expected either `plus_minus_min`, or both `from` and `to`",
    );
}

#[test]
fn times_outside_the_window() {
    let outside = |t: &str| {
        format!(
            "time {t} is outside the scenario window; expected between \
             2016-11-08T00:00 and 2016-11-11T00:00"
        )
    };
    let err = rejected(|v| {
        v["events"][1]["time"]["at"] = json!("2016-11-12T14:00");
    });
    says(&err, "events[1].time.at", &outside("2016-11-12T14:00"));
    // In the window, but its uncertainty spills out of it.
    let err = rejected(|v| {
        v["events"][1]["time"]["at"] = json!("2016-11-08T00:10");
    });
    says(&err, "events[1].time.from", &outside("2016-11-07T23:40"));
    // A rule's window.
    let err = rejected(|v| {
        v["events"][2]["checks"][0]["to"] = json!("2016-11-11T00:01");
    });
    says(&err, "events[2].checks[0].to", &outside("2016-11-11T00:01"));
    // A time value in the model.
    let err = rejected(|v| {
        v["model"]["components"][2]["onset"] = json!("2016-11-07T22:00");
    });
    says(&err, "model.components[2].onset", &outside("2016-11-07T22:00"));
}

#[test]
fn a_rules_window_must_end_after_it_starts() {
    let err = rejected(|v| {
        v["events"][2]["checks"][0]["to"] = json!("2016-11-08T16:30");
    });
    says(
        &err,
        "events[2].checks[0].to",
        "window ends at 2016-11-08T16:30, not after its start \
         2016-11-08T16:30",
    );
}

#[test]
fn the_scenario_window() {
    let err = rejected(|v| v["window"]["end"] = json!("2016-11-07T00:00"));
    says(
        &err,
        "window.end",
        "window ends at 2016-11-07T00:00, not after its start \
         2016-11-08T00:00; expected an end after the start, at most 14 \
         days later",
    );
    let err = rejected(|v| v["window"]["end"] = json!("2016-11-23T00:00"));
    says(
        &err,
        "window.end",
        "window ends at 2016-11-23T00:00, too long after its start \
         2016-11-08T00:00; expected an end after the start, at most 14 \
         days later",
    );
    // Exactly 14 days is allowed.
    let mut v = eta_json();
    v["window"]["end"] = json!("2016-11-22T00:00");
    assert!(Scenario::parse("ok.json", &v.to_string()).is_ok());
    let err = rejected(|v| v["window"]["utc_offset_min"] = json!(1000));
    says(
        &err,
        "window.utc_offset_min",
        "1000 is not a UTC offset; expected whole minutes between -840 and \
         840",
    );
    let err = rejected(|v| v["window"]["utc_offset_min"] = json!(-300.5));
    assert_eq!(err.field, "window.utc_offset_min");
}

#[test]
fn unknown_sources() {
    let err = rejected(|v| v["events"][1]["sources"] = json!(["CBC-2071"]));
    says(
        &err,
        "events[1].sources[0]",
        "unknown source `CBC-2071`; expected one of CBC-2017, CP-2016, \
         CTV-2016",
    );
    let err = rejected(|v| {
        v["events"][1]["quotes"][0]["source"] = json!("CBC");
    });
    says(
        &err,
        "events[1].quotes[0].source",
        "unknown source `CBC`; expected one of CBC-2017, CP-2016, CTV-2016",
    );
    // A record parameter must name its sources.
    let err = rejected(|v| {
        object(v, "/parameters/0").remove("sources");
    });
    says(&err, "parameters[0].sources", "is empty; expected some text");
}

#[test]
fn unknown_events_and_citing_unchecked_events() {
    let mut k = 0;
    let mut list = String::new();
    let err = rejected(|v| {
        k = pos(v, "/claims", "claim-capacity");
        list = ids(v, "/events");
        v["claims"][k]["events"][1] = json!("fixedd");
    });
    says(
        &err,
        &format!("claims[{k}].events[1]"),
        &format!("unknown event `fixedd`; expected one of {list}"),
    );
    let err = rejected(|v| {
        k = pos(v, "/claims", "claim-unknown");
        v["claims"][k]["events"] = json!(["cause-unknown"]);
    });
    says(
        &err,
        &format!("claims[{k}].events[0]"),
        "event `cause-unknown` has no checks; expected a claim to cite \
         events the model can check",
    );
}

#[test]
fn unknown_hypotheses() {
    let expected = "unknown hypothesis `aliens`; expected one of election, \
                    deadline, underprovisioning";
    let err = rejected(|v| v["claims"][0]["asserts"] = json!(["aliens"]));
    says(&err, "claims[0].asserts[0]", expected);
    let err = rejected(|v| v["claims"][0]["denies"] = json!(["aliens"]));
    says(&err, "claims[0].denies[0]", expected);
    let err = rejected(|v| v["presets"][0]["hypotheses"][1] = json!("aliens"));
    says(&err, "presets[0].hypotheses[1]", expected);
    // A parameter's group is a panel or a hypothesis.
    let err = rejected(|v| v["parameters"][4]["group"] = json!("weather"));
    says(
        &err,
        "parameters[4].group",
        "`weather` is not allowed here; expected one of traffic, capacity, \
         behaviour, checks, a hypothesis id",
    );
}

#[test]
fn unknown_components() {
    let err = rejected(|v| {
        v["hypotheses"][0]["components"] = json!(["elections"]);
    });
    says(
        &err,
        "hypotheses[0].components[0]",
        "unknown component `elections`; expected one of baseline, deadline, \
         election, few-servers",
    );
    let err = rejected(|v| {
        v["model"]["components"][1]["relative_to"] = json!("base");
    });
    says(
        &err,
        "model.components[1].relative_to",
        "unknown component `base`; expected one of baseline, deadline, \
         election, few-servers",
    );
    let err = rejected(|v| v["hypotheses"][0]["components"] = json!([]));
    says(&err, "hypotheses[0].components", "is empty; expected some text");
}

#[test]
fn relative_levels_refer_to_an_absolute_demand_component() {
    let err = rejected(|v| {
        v["model"]["components"][1]["relative_to"] = json!("few-servers");
    });
    says(
        &err,
        "model.components[1].relative_to",
        "`few-servers` is not a demand component",
    );
    let err = rejected(|v| {
        v["model"]["components"][2]["relative_to"] = json!("deadline");
    });
    says(
        &err,
        "model.components[2].relative_to",
        "`deadline` is not a demand component with an absolute level; \
         expected the id of one",
    );
}

#[test]
fn duplicate_ids() {
    let err = rejected(|v| v["events"][2]["id"] = json!("degraded-2pm"));
    says(
        &err,
        "events[2].id",
        "duplicate id `degraded-2pm`; ids must be unique",
    );
    // Events, figures, parameters, sources and claims share one
    // namespace.
    let err = rejected(|v| v["claims"][0]["id"] = json!("servers-before"));
    says(
        &err,
        "claims[0].id",
        "duplicate id `servers-before`; ids must be unique",
    );
    let err = rejected(|v| v["parameters"][1]["id"] = json!("CP-2016"));
    assert_eq!(err.field, "parameters[1].id");
    // Components and hypotheses have their own.
    // (The deadline's parameters move to the traffic panel, or their
    // group, `deadline`, would be the first error.)
    let err = rejected(|v| {
        v["hypotheses"][1]["id"] = json!("election");
        for p in v["parameters"].as_array_mut().unwrap() {
            if p["group"] == "deadline" {
                p["group"] = json!("traffic");
            }
        }
    });
    says(
        &err,
        "hypotheses[1].id",
        "duplicate id `election`; ids must be unique",
    );
    let err =
        rejected(|v| v["model"]["components"][2]["id"] = json!("deadline"));
    says(
        &err,
        "model.components[2].id",
        "duplicate id `deadline`; ids must be unique",
    );
    // A hypothesis may share its id with its component, and the eTA
    // file has an event, a component and a hypothesis all called
    // `deadline`.
    let s = common::eta();
    assert!(s.event("deadline").is_some());
    assert!(s.model.component("deadline").is_some());
    assert!(s.hypothesis_index("deadline").is_some());
}

#[test]
fn a_component_in_two_hypotheses() {
    let err = rejected(|v| {
        v["hypotheses"][1]["components"] = json!(["deadline", "election"]);
    });
    says(
        &err,
        "hypotheses[1].components[1]",
        "component `election` is already switched by hypothesis `election`; \
         expected each component in at most one hypothesis",
    );
}

#[test]
fn too_many_hypotheses() {
    let err = rejected(|v| {
        for k in 0..2 {
            let comps = v["model"]["components"].as_array_mut().unwrap();
            let mut c = comps[2].clone();
            c["id"] = json!(format!("extra-{k}"));
            comps.push(c);
            let hyps = v["hypotheses"].as_array_mut().unwrap();
            let mut h = hyps[0].clone();
            h["id"] = json!(format!("extra-{k}"));
            h["components"] = json!([format!("extra-{k}")]);
            hyps.push(h);
        }
    });
    assert_eq!(MAX_HYPOTHESES, 4);
    says(&err, "hypotheses", "5 hypotheses; expected 1 to 4");
}

#[test]
fn checks_only_on_labelled_observations_and_dated_claims() {
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/events", "degraded-2pm");
        object(v, &format!("/events/{k}")).remove("label");
    });
    says(
        &err,
        &format!("events[{k}].label"),
        "a checked event needs a `label`, a short name for sentences",
    );
    let checks = json!([{ "rule": "healthy", "from": "2016-11-08T00:00",
                          "to": "2016-11-08T01:00", "below": 5 }]);
    for (id, kind) in
        [("evening-election", "statement"), ("deadline", "milestone")]
    {
        let err = rejected(|v| {
            k = pos(v, "/events", id);
            v["events"][k]["checks"] = checks.clone();
        });
        says(
            &err,
            &format!("events[{k}].checks"),
            &format!(
                "a {kind} cannot be checked; expected checks only on \
                 observations and dated claims"
            ),
        );
    }
}

#[test]
fn a_claim_cannot_assert_and_deny_one_hypothesis() {
    let mut k = 0;
    let err = rejected(|v| {
        k = pos(v, "/claims", "claim-deadline");
        v["claims"][k]["denies"] = json!(["election", "deadline"]);
    });
    says(
        &err,
        &format!("claims[{k}].denies"),
        "hypothesis `deadline` is both asserted and denied",
    );
}

#[test]
fn at_least_one_checked_observation() {
    let err = rejected(|v| {
        v["claims"] = json!([]);
        for e in v["events"].as_array_mut().unwrap() {
            if e["kind"] == "observation" {
                e.as_object_mut().unwrap().remove("checks");
            }
        }
    });
    says(
        &err,
        "events",
        "no observation has checks; expected at least one checked \
         observation",
    );
}

#[test]
fn at_least_one_demand_component() {
    let err = rejected(|v| {
        let comps = v["model"]["components"].as_array_mut().unwrap();
        comps.retain(|c| c["kind"] != "demand");
    });
    says(
        &err,
        "model.components",
        "no demand component; expected at least one with \"kind\": \
         \"demand\"",
    );
}

#[test]
fn words_outside_a_vocabulary() {
    let err =
        rejected(|v| v["events"][1]["checks"][0]["rule"] = json!("crashed"));
    says(
        &err,
        "events[1].checks[0].rule",
        "`crashed` is not allowed here; expected one of failing, healthy, \
         onset, rising, recovered, traffic, share",
    );
    let err = rejected(|v| v["events"][1]["kind"] = json!("rumour"));
    says(
        &err,
        "events[1].kind",
        "`rumour` is not allowed here; expected one of observation, claim, \
         statement, milestone",
    );
    let err = rejected(|v| v["parameters"][0]["unit"] = json!("knots"));
    says(
        &err,
        "parameters[0].unit",
        "`knots` is not allowed here; expected one of users_per_h, \
         users_per_min, times, percent, fraction, points, seconds, \
         minutes, hours, time, hour_of_day, servers, users",
    );
    let err =
        rejected(|v| v["model"]["components"][0]["shape"] = json!("sine"));
    says(
        &err,
        "model.components[0].shape",
        "`sine` is not allowed here; expected one of daily_cycle, \
         deadline_rush, pulse, step",
    );
}

#[test]
fn rule_specific_errors() {
    let mut k = 0;
    // `failing` needs a bound.
    let err = rejected(|v| {
        k = pos(v, "/events", "ticket-5pm");
        object(v, &format!("/events/{k}/checks/0")).remove("at_least");
    });
    says(&err, &format!("events[{k}].checks[0].at_least"), "is missing");
    // `traffic`: a band or a target, not both.
    let err = rejected(|v| {
        k = pos(v, "/events", "users-11pm");
        v["events"][k]["checks"][0]["at_least"] = json!(1000);
    });
    says(
        &err,
        &format!("events[{k}].checks[0]"),
        "expected either `at_least` and/or `at_most`, or both `target` and \
         `tolerance_x`",
    );
    // A multiple of capacity counts everyone.
    let err = rejected(|v| {
        k = pos(v, "/events", "early-volume");
        v["events"][k]["checks"][0]["per"] = json!("capacity");
        // A share of capacity, in per cent.
        v["events"][k]["checks"][0]["at_least"] = json!(50);
    });
    says(
        &err,
        &format!("events[{k}].checks[0].part"),
        "a multiple of capacity counts all users; expected `part`: `all`",
    );
}

#[test]
fn parameter_ranges() {
    let err = rejected(|v| v["parameters"][4]["max"] = json!(1));
    says(&err, "parameters[4].max", "max 1 is below min 2");
    let err = rejected(|v| v["parameters"][4]["default"] = json!(100));
    says(
        &err,
        "parameters[4].default",
        "default 100 is outside the range 2 to 60",
    );
    let err = rejected(|v| v["parameters"][4]["step"] = json!(0));
    says(&err, "parameters[4].step", "step 0; expected a positive number");
}

// ---------------------------------------------------------------------
// Every error a mutated file can give is a `ScenarioError`, never a
// panic; and the message always names the file.

#[test]
fn errors_name_the_file_and_never_panic_on_odd_values() {
    let odd = [
        json!(null),
        json!(-1),
        json!(1e300),
        json!(""),
        json!([]),
        json!({}),
    ];
    let pointers = [
        "/window/start",
        "/parameters/0/default",
        "/parameters/0/min",
        "/model/capacity/per_server",
        "/model/components/1/level",
        "/events/1/time",
        "/events/1/checks/0/early_h",
        "/claims/0/asserts",
        "/hypotheses/0/components",
    ];
    for p in pointers {
        for x in &odd {
            let mut v = eta_json();
            *at(&mut v, p) = x.clone();
            if let Err(e) = Scenario::parse("odd.json", &v.to_string()) {
                assert!(e.to_string().starts_with("odd.json"), "{e}");
            }
        }
    }
}
