//! Parameter specs and validation. See: issue 3, item 1.

use claimcheck_model::params::{
    ParamError, ParamId, ParamSpec, Params, Provenance, COUNT, SPECS,
};
use claimcheck_model::Hypothesis;

#[test]
fn specs_are_in_id_order_with_unique_names() {
    assert_eq!(SPECS.len(), COUNT);
    for (i, s) in SPECS.iter().enumerate() {
        assert_eq!(s.id as usize, i, "{} out of order", s.name);
        assert_eq!(ParamSpec::find(s.name).map(|f| f.id), Some(s.id));
    }
}

#[test]
fn every_spec_is_complete_and_its_default_in_range() {
    for s in SPECS.iter() {
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.name);
        assert!(s.step > 0.0, "{}", s.name);
        for text in [s.unit, s.label, s.label_fr, s.why, s.why_fr] {
            assert!(!text.trim().is_empty(), "{} has an empty text", s.name);
        }
        // The why is one sentence: no full stop starting a new one.
        for why in [s.why, s.why_fr] {
            let starts = why
                .split(". ")
                .skip(1)
                .filter(|rest| rest.starts_with(char::is_uppercase))
                .count();
            assert_eq!(starts, 0, "{why}");
            assert!(why.ends_with('.'), "{why}");
        }
        // Names carry their unit, lower snake case.
        assert!(
            s.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{}",
            s.name
        );
    }
}

#[test]
fn record_parameters_are_labelled_as_such() {
    let record: Vec<&str> = SPECS
        .iter()
        .filter(|s| s.provenance == Provenance::Record)
        .map(|s| s.name)
        .collect();
    assert_eq!(
        record,
        [
            "baseline_users_per_h",
            "us_share_pct",
            "deadline_h",
            "servers_before",
            "servers_after",
            "fix_h",
        ]
    );
    // Everything else, including capacity, timeouts and retries, is an
    // assumption with a real range to explore.
    for s in SPECS.iter().filter(|s| s.provenance == Provenance::Assumption) {
        assert!(s.max > s.min, "{} has no range", s.name);
    }
}

#[test]
fn under_provisioning_says_what_off_means() {
    let s = ParamSpec::of(ParamId::ServersBefore);
    assert_eq!(s.hypothesis, Some(Hypothesis::Underprovisioning));
    assert!(s.why.contains("six all along"), "{}", s.why);
}

#[test]
fn out_of_range_values_are_rejected_with_name_value_and_range() {
    let e = Params::default().with("timeout_s", 500.0).unwrap_err();
    assert_eq!(
        e,
        ParamError::OutOfRange {
            name: "timeout_s".into(),
            value: 500.0,
            min: 10.0,
            max: 120.0
        }
    );
    assert_eq!(
        e.to_string(),
        "parameter `timeout_s` = 500 is out of range; expected 10 to 120"
    );
    let e = Params::default().with("servers_before", 4.0).unwrap_err();
    assert!(e.to_string().contains("the record fixes it at 3"), "{e}");
    assert!(Params::default().with("timeout_s", f64::NAN).is_err());
    assert!(Params::default().with("timeout_s", f64::INFINITY).is_err());
}

#[test]
fn unknown_and_malformed_values_are_rejected() {
    let e = Params::default().with("timeout", 30.0).unwrap_err();
    assert!(matches!(e, ParamError::Unknown { .. }));
    let msg = e.to_string();
    assert!(msg.starts_with("unknown parameter `timeout`; expected one of"));
    assert!(msg.contains("timeout_s") && msg.contains("retry_pct"), "{msg}");
    let e = Params::default().with_text("timeout_s", "30s").unwrap_err();
    assert_eq!(
        e,
        ParamError::Malformed { name: "timeout_s".into(), text: "30s".into() }
    );
    assert!(e.to_string().contains("not a number"));
}

#[test]
fn a_failed_set_changes_nothing() {
    let mut p = Params::default();
    assert!(p.set(ParamId::RetryPct, 99.0).is_err());
    assert_eq!(p, Params::default());
    p.set(ParamId::RetryPct, 20.0).unwrap();
    assert_eq!(p.value("retry_pct"), Some(20.0));
    assert_eq!(p.iter().count(), COUNT);
}
