//! Parameter values (`params.rs`) and units (`units.rs`): ranges, and
//! errors that name the parameter, the value and what was expected.

mod common;

use claimcheck_model::units::{Dim, Unit};
use claimcheck_model::{ParamError, Params};

#[test]
fn defaults_are_inside_every_range() {
    for s in common::scenarios() {
        let p = Params::defaults(&s.params);
        assert_eq!(p.values().len(), s.params.len());
        for (i, spec) in s.params.iter().enumerate() {
            assert_eq!(p.get(i), spec.default);
            assert_eq!(p.value(&s.params, &spec.id), Some(spec.default));
            assert_eq!(Params::index(&s.params, &spec.id), Ok(i));
            // Both ends of the range are accepted.
            for v in [spec.min, spec.max] {
                let q = p.clone().with(&s.params, &spec.id, v).unwrap();
                assert_eq!(q.get(i), v);
            }
        }
    }
}

#[test]
fn out_of_range_values_name_the_parameter_value_and_range() {
    let s = common::eta();
    let p = Params::defaults(&s.params);
    let e = p.clone().with(&s.params, "timeout_s", 500.0).unwrap_err();
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
    // Just outside either end.
    for v in [10.0f64.next_down(), 120.0f64.next_up(), f64::NAN, f64::INFINITY]
    {
        assert!(p.clone().with(&s.params, "timeout_s", v).is_err(), "{v}");
    }
    // A record fact says the record fixes it.
    let e = p.clone().with(&s.params, "servers_before", 4.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "parameter `servers_before` = 4 is out of range; the record fixes \
         it at 3"
    );
}

#[test]
fn unknown_and_malformed_values_are_rejected() {
    let s = common::eta();
    let p = Params::defaults(&s.params);
    let e = p.clone().with(&s.params, "timeout", 30.0).unwrap_err();
    let ids: Vec<String> = s.params.iter().map(|p| p.id.clone()).collect();
    assert_eq!(
        e,
        ParamError::Unknown { name: "timeout".into(), known: ids.clone() }
    );
    assert_eq!(
        e.to_string(),
        format!(
            "unknown parameter `timeout`; expected one of {}",
            ids.join(", ")
        )
    );
    let e = p.clone().with_text(&s.params, "timeout_s", "30s").unwrap_err();
    assert_eq!(
        e,
        ParamError::Malformed { name: "timeout_s".into(), text: "30s".into() }
    );
    assert_eq!(
        e.to_string(),
        "parameter `timeout_s` has value `30s`, which is not a number; \
         expected a decimal number such as 1.5"
    );
    let q = p.clone().with_text(&s.params, "timeout_s", " 45 ").unwrap();
    assert_eq!(q.value(&s.params, "timeout_s"), Some(45.0));
    assert!(p.clone().with_text(&s.params, "nope", "1").is_err());
    assert!(p.clone().with_text(&s.params, "timeout_s", "500").is_err());
    assert_eq!(p.value(&s.params, "nope"), None);
}

#[test]
fn a_failed_change_changes_nothing() {
    let s = common::eta();
    let defaults = Params::defaults(&s.params);
    let mut p = defaults.clone();
    let i = common::param(s, "retry_pct");
    assert!(p.set(&s.params, i, 99.0).is_err());
    assert_eq!(p, defaults);
    p.set(&s.params, i, 20.0).unwrap();
    assert_eq!(p.value(&s.params, "retry_pct"), Some(20.0));
}

#[test]
fn from_values_checks_every_value() {
    let s = common::eta();
    let mut values: Vec<f64> = s.params.iter().map(|p| p.min).collect();
    let p = Params::from_values(&s.params, values.clone()).unwrap();
    assert_eq!(p.values(), &values[..]);
    let i = common::param(s, "deadline_x");
    values[i] = 1000.0;
    let e = Params::from_values(&s.params, values).unwrap_err();
    let ParamError::OutOfRange { name, .. } = &e else { panic!("{e}") };
    assert_eq!(name, "deadline_x");
    // Missing values stay at their defaults.
    let p = Params::from_values(&s.params, vec![17500.0]).unwrap();
    assert_eq!(p.get(0), 17500.0);
    assert_eq!(p.get(1), s.params[1].default);
}

#[test]
fn units_read_back_and_convert_to_the_models_units() {
    for u in Unit::ALL {
        assert_eq!(Unit::from_id(u.id()), Some(u));
        assert_eq!(u.to_string(), u.id());
        assert!(u.dim().units().contains(&u.id()));
    }
    assert_eq!(Unit::from_id("knots"), None);
    // Canonical units: users a minute, minutes, fractions.
    assert_eq!(Unit::UsersPerH.scale() * 60.0, 1.0);
    assert_eq!(Unit::Seconds.scale() * 60.0, 1.0);
    assert_eq!(Unit::Hours.scale(), 60.0);
    assert_eq!(Unit::Percent.scale(), 0.01);
    assert_eq!(Unit::Points.scale(), 0.01);
    assert_eq!(Unit::Fraction.scale(), 1.0);
    assert_eq!(Dim::Share.units(), ["percent", "fraction"]);
    assert_eq!(Dim::Rate.describe(), "a rate");
}

#[test]
fn every_eta_assumption_is_labelled_as_one() {
    use claimcheck_model::scenario::Provenance;
    let s = common::eta();
    let record: Vec<&str> = s
        .params
        .iter()
        .filter(|p| p.provenance == Provenance::Record)
        .map(|p| p.id.as_str())
        .collect();
    // The record gives the ordinary traffic a week earlier, the normal
    // U.S. share, the deadline, the servers before and after, and when
    // they were doubled; everything else is an assumption.
    assert_eq!(
        record,
        [
            "baseline_users_per_h",
            "us_share_pct",
            "deadline_h",
            "servers_before",
            "servers_after",
            "fix_h"
        ]
    );
}
