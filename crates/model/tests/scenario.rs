//! The scenario parser at its boundary: the real file, and each class of
//! malformed input with its specific error.

use claimcheck_model::scenario::{
    EventKind, Scenario, ScenarioErrorKind, ETA_2016_JSON,
};
use claimcheck_model::Hypothesis;

const RECORD_TIMELINE_IDS: [&str; 12] = [
    "early-volume",
    "degraded-2pm",
    "ticket-5pm",
    "worsened-evening",
    "official-11pm",
    "users-11pm",
    "evening-election",
    "fell-apart",
    "root-cause-unknown",
    "fixed",
    "deadline",
    "cause-unknown",
];

/// The CBC article the record's quotes come from, kept beside this
/// test so the check does not depend on files outside the repo.
const CBC_2017: &str = include_str!("data/cbc-2017-eta-website-crash.txt");

fn eta() -> Scenario {
    Scenario::parse("eta-2016.json", ETA_2016_JSON).expect("parses")
}

/// Parses the real file with one textual replacement, which must apply.
fn mutated(from: &str, to: &str) -> ScenarioErrorKind {
    assert!(ETA_2016_JSON.contains(from), "fixture text not found: {from}");
    let json = ETA_2016_JSON.replacen(from, to, 1);
    let err = Scenario::parse("bad.json", &json).expect_err("must fail");
    assert_eq!(err.file, "bad.json");
    err.kind
}

#[test]
fn the_eta_2016_file_parses_with_every_row_of_the_record() {
    let s = eta();
    assert_eq!(s.id, "eta-2016");
    let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, RECORD_TIMELINE_IDS);
    assert_eq!(s.claims.len(), 4);
    assert_eq!(s.background.len(), 5);
    assert_eq!(s.sources.len(), 3);
    assert_eq!(s.window_end, 3 * 24 * 60);
}

#[test]
fn times_carry_their_uncertainty_windows() {
    let s = eta();
    let degraded = s.event("degraded-2pm").unwrap().time.unwrap();
    assert_eq!((degraded.from, degraded.at, degraded.to), (810, 840, 870));
    let fixed = s.event("fixed").unwrap().time.unwrap();
    assert_eq!((fixed.from, fixed.at, fixed.to), (2760, 2760, 2880));
    assert_eq!(s.event("deadline").unwrap().time.unwrap().at, 2880);
}

#[test]
fn later_statements_are_in_the_record_but_not_on_the_axis() {
    let s = eta();
    let later = s.event("cause-unknown").unwrap();
    assert_eq!(later.kind, EventKind::Statement);
    assert!(later.time.is_none());
    assert!(s.timeline().iter().all(|e| e.id != "cause-unknown"));
    assert_eq!(s.timeline().len(), 11);
}

#[test]
fn the_11pm_account_is_a_claim_not_an_observation() {
    let s = eta();
    assert_eq!(s.event("official-11pm").unwrap().kind, EventKind::Claim);
}

#[test]
fn quotes_stay_verbatim_and_attributed() {
    let s = eta();
    let fell = s.event("fell-apart").unwrap();
    assert_eq!(
        fell.quotes[0].text,
        "I do not understand why an incident started at 2:00 pm \
         yesterday, clearly had public visibility, was not raised to \
         critical, and subsequently the thing fell apart"
    );
    assert_eq!(fell.quotes[0].source, "CBC-2017");
    // Every CBC quote is found word for word in the article.
    let quotes = s
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .chain(s.background.iter().flat_map(|b| &b.quotes))
        .filter(|q| q.source == "CBC-2017");
    let mut n = 0;
    for q in quotes {
        assert!(CBC_2017.contains(&q.text), "not verbatim: {}", q.text);
        n += 1;
    }
    assert_eq!(n, 12);
}

#[test]
fn every_non_quote_sentence_has_a_french_version() {
    let s = eta();
    let texts = s
        .events
        .iter()
        .flat_map(|e| [&e.text, &e.when])
        .chain(s.claims.iter().flat_map(|c| [&c.text, &c.who, &c.when]))
        .chain(s.background.iter().flat_map(|b| [&b.text, &b.when]))
        .chain(s.figures.iter().map(|f| &f.text))
        .chain(s.hypotheses.iter().flat_map(|h| [&h.label, &h.description]))
        .chain(s.presets.iter().map(|p| &p.label));
    for t in texts {
        assert!(t.fr.is_some(), "no French for: {}", t.en);
    }
}

#[test]
fn claims_name_the_hypotheses_they_rest_on() {
    let s = eta();
    let cbc = s.claim("claim-deadline").unwrap();
    assert_eq!(cbc.asserts, [Hypothesis::Deadline]);
    assert_eq!(cbc.denies, [Hypothesis::Election]);
    let preset = s.presets.iter().find(|p| p.id == "election-night").unwrap();
    assert_eq!(
        preset.hypotheses,
        [Hypothesis::Election, Hypothesis::Underprovisioning]
    );
}

#[test]
fn malformed_json_names_the_file_and_position() {
    let err = Scenario::parse("x.json", "{ not json").unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("x.json: "), "{text}");
    assert!(text.contains("line 1"), "{text}");
}

#[test]
fn a_missing_field_is_named_with_its_path() {
    let json = ETA_2016_JSON.replacen(
        r#""when": { "en": "9 Nov", "fr": "9 nov." },"#,
        "",
        1,
    );
    let err = Scenario::parse("bad.json", &json).unwrap_err();
    assert_eq!(err.field, "events[7]");
    assert!(err.to_string().contains("missing field `when`"), "{err}");
}

#[test]
fn an_unknown_source_id_is_rejected() {
    let kind =
        mutated(r#""sources": ["CP-2016"]"#, r#""sources": ["CP-2061"]"#);
    match kind {
        ScenarioErrorKind::UnknownSource { id, known } => {
            assert_eq!(id, "CP-2061");
            assert!(known.contains(&"CP-2016".to_string()));
        }
        other => panic!("wrong error: {other:?}"),
    }
}

#[test]
fn a_quote_without_a_source_is_rejected() {
    let json = ETA_2016_JSON.replacen(
        r#""text": "degraded", "lang": "en", "source": "CBC-2017","#,
        r#""text": "degraded", "lang": "en","#,
        1,
    );
    let err = Scenario::parse("bad.json", &json).unwrap_err();
    assert_eq!(err.field, "events[1].quotes[0].source");
    assert_eq!(err.kind, ScenarioErrorKind::QuoteWithoutSource);
}

#[test]
fn a_bad_time_is_rejected_with_the_expected_form() {
    let json = ETA_2016_JSON.replacen("2016-11-08T17:00", "2016-11-08 5pm", 1);
    let err = Scenario::parse("bad.json", &json).unwrap_err();
    assert_eq!(err.field, "events[2].time.at");
    assert!(matches!(err.kind, ScenarioErrorKind::BadTime { .. }));
    assert!(err.to_string().contains("expected YYYY-MM-DDTHH:MM"));
}

#[test]
fn an_impossible_date_is_a_bad_time() {
    let kind = mutated("2016-11-09T22:00", "2016-11-31T22:00");
    assert!(matches!(kind, ScenarioErrorKind::BadTime { .. }), "{kind:?}");
}

#[test]
fn a_timeline_event_outside_the_window_is_rejected() {
    let json = ETA_2016_JSON.replacen(
        r#""time": { "at": "2016-11-08T14:00", "plus_minus_min": 30 }"#,
        r#""time": { "at": "2016-11-12T14:00", "plus_minus_min": 30 }"#,
        1,
    );
    let err = Scenario::parse("bad.json", &json).unwrap_err();
    assert_eq!(err.field, "events[1].time.at");
    match err.kind {
        ScenarioErrorKind::OutsideWindow { time, start, end } => {
            assert_eq!(time, "2016-11-12T14:00");
            assert_eq!(start, "2016-11-08T00:00");
            assert_eq!(end, "2016-11-11T00:00");
        }
        other => panic!("wrong error: {other:?}"),
    }
}

#[test]
fn a_window_that_misses_its_own_time_is_rejected() {
    let kind = mutated(
        r#""from": "2016-11-08T12:00""#,
        r#""from": "2016-11-08T16:00""#,
    );
    assert!(matches!(kind, ScenarioErrorKind::BadWindow { .. }), "{kind:?}");
}

#[test]
fn an_unknown_hypothesis_in_a_claim_is_rejected() {
    let kind =
        mutated(r#""asserts": ["deadline"]"#, r#""asserts": ["aliens"]"#);
    assert_eq!(
        kind,
        ScenarioErrorKind::UnknownHypothesis { id: "aliens".into() }
    );
}

#[test]
fn a_claim_about_an_unknown_event_is_rejected() {
    let kind = mutated(r#""events": ["fixed"]"#, r#""events": ["fixedd"]"#);
    assert_eq!(kind, ScenarioErrorKind::UnknownEvent { id: "fixedd".into() });
}

#[test]
fn duplicate_ids_are_rejected() {
    let kind = mutated(r#""id": "ticket-5pm""#, r#""id": "degraded-2pm""#);
    assert_eq!(
        kind,
        ScenarioErrorKind::DuplicateId { id: "degraded-2pm".into() }
    );
}

#[test]
fn an_unknown_format_is_rejected() {
    let kind = mutated("claimcheck-scenario/1", "claimcheck-scenario/9");
    assert!(matches!(kind, ScenarioErrorKind::UnsupportedFormat { .. }));
}
