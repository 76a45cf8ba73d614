//! Runs the `claimcheck` binary as a pipeline would. See: issue 3,
//! item 7.

use std::process::{Command, Output};

use serde_json::Value;

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = claimcheck(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Bad input: exit 2, nothing on stdout, and stderr says what and why.
fn rejects(args: &[&str], mentions: &[&str]) {
    let out = claimcheck(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("claimcheck: error: "), "{err}");
    for m in mentions {
        assert!(err.contains(m), "{args:?}: stderr lacks `{m}`: {err}");
    }
}

#[test]
fn simulate_prints_the_documented_json() {
    let v = json(&[
        "simulate",
        "--hypotheses",
        "deadline,election,underprovisioning",
    ]);
    let hyps: Vec<&str> = v["hypotheses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert_eq!(hyps.len(), 3);
    assert!(hyps.contains(&"deadline") && hyps.contains(&"election"));
    assert_eq!(v["params"]["timeout_s"], 30.0);
    let s = &v["series"];
    let time = s["time"].as_array().unwrap();
    assert_eq!(time.len(), 4320);
    assert_eq!(time[0], "2016-11-08T00:00:00-05:00");
    assert_eq!(time[840], "2016-11-08T14:00:00-05:00");
    assert_eq!(time[4319], "2016-11-10T23:59:00-05:00");
    for key in ["failure_fraction", "capacity", "us_share"] {
        assert_eq!(s[key].as_array().unwrap().len(), 4320, "{key}");
    }
    for key in ["baseline", "deadline", "election"] {
        assert_eq!(s["demand"][key].as_array().unwrap().len(), 4320);
    }
    // Three servers, then six after 22:00 on 9 Nov.
    let cap = s["capacity"].as_array().unwrap();
    assert_eq!(cap[2759].as_f64().unwrap() * 2.0, cap[2760].as_f64().unwrap());
    let checks = v["checks"].as_array().unwrap();
    let ids: Vec<&str> =
        checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "degraded-2pm",
        "ticket-5pm",
        "worsened-evening",
        "users-11pm",
        "fell-apart",
        "fixed",
    ] {
        assert!(ids.contains(&id), "missing check {id}");
    }
    for c in checks {
        assert!(c["pass"].is_boolean());
        assert!(!c["why"].as_str().unwrap().is_empty());
    }
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 4);
    for c in claims {
        let verdict = c["verdict"].as_str().unwrap();
        assert!(
            ["supported", "partly-supported", "contradicted", "not-testable"]
                .contains(&verdict),
            "{verdict}"
        );
        assert!(c["id"].as_str().unwrap().starts_with("claim-"));
        assert!(!c["why"].as_str().unwrap().is_empty());
    }
}

#[test]
fn none_means_all_off_and_the_site_is_healthy() {
    let v = json(&["simulate", "--hypotheses", "none"]);
    assert_eq!(v["hypotheses"].as_array().unwrap().len(), 0);
    let f = v["series"]["failure_fraction"].as_array().unwrap();
    assert!(f.iter().all(|x| x.as_f64() == Some(0.0)));
    let d = v["series"]["demand"]["deadline"].as_array().unwrap();
    assert!(d.iter().all(|x| x.as_f64() == Some(0.0)));
}

#[test]
fn set_changes_a_parameter_and_the_run() {
    let base = json(&["simulate", "--hypotheses", "election"]);
    let v = json(&[
        "simulate",
        "--hypotheses=election",
        "--set",
        "election_x=60",
        "--set=server_capacity_per_min=1000",
    ]);
    assert_eq!(v["params"]["election_x"], 60.0);
    assert_eq!(v["params"]["server_capacity_per_min"], 1000.0);
    let worst = |v: &Value| {
        v["series"]["failure_fraction"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .fold(0.0, f64::max)
    };
    assert_eq!(worst(&base), 0.0);
    assert!(worst(&v) > 0.5, "{}", worst(&v));
}

#[test]
fn csv_has_one_row_per_step() {
    let out = claimcheck(&[
        "simulate",
        "--hypotheses",
        "deadline",
        "--format",
        "csv",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 4320);
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header[0], "time");
    assert!(header.contains(&"failure_fraction"));
    assert!(header.contains(&"us_share"));
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), header.len(), "{line}");
        for c in &cells[1..] {
            assert!(c.parse::<f64>().is_ok_and(f64::is_finite), "{line}");
        }
    }
    assert!(lines[1].starts_with("2016-11-08T00:00:00-05:00,"));
}

#[test]
fn params_lists_every_parameter_with_its_provenance() {
    let out = claimcheck(&["params"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for spec in claimcheck_model::params::SPECS.iter() {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(spec.name))
            .unwrap_or_else(|| panic!("{} missing", spec.name));
        assert!(line.contains(spec.provenance.id()), "{line}");
        assert!(line.contains(&format!("{} to {}", spec.min, spec.max)));
    }
    let v = json(&["params", "--format", "json"]);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), claimcheck_model::params::COUNT);
    let t = list.iter().find(|p| p["name"] == "timeout_s").unwrap();
    assert_eq!(t["provenance"], "assumption");
    assert_eq!(t["unit"], "s");
    let s = list.iter().find(|p| p["name"] == "servers_before").unwrap();
    assert_eq!(s["provenance"], "record");
    assert_eq!(s["default"], 3.0);
}

#[test]
fn bad_input_is_rejected_with_the_valid_choices() {
    rejects(
        &["simulate", "--hypotheses", "aliens"],
        &["aliens", "election, deadline, underprovisioning, or none"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--set", "nope=1"],
        &["nope", "timeout_s", "retry_pct"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--set", "timeout_s=500"],
        &["timeout_s", "500", "10 to 120"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--set", "timeout_s=soon"],
        &["timeout_s", "soon", "not a number"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--set", "timeout_s"],
        &["timeout_s", "NAME=VALUE"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--format", "xml"],
        &["xml", "json or csv"],
    );
    rejects(&["simulate"], &["--hypotheses", "none"]);
    rejects(&["simulate", "--hypotheses"], &["--hypotheses", "needs a value"]);
    rejects(
        &["simulate", "--hypotheses", "none", "--speed", "9"],
        &["--speed", "--hypotheses, --set, --format"],
    );
    rejects(
        &["simulate", "--hypotheses", "none", "--hypotheses", "election"],
        &["twice"],
    );
    rejects(&["frobnicate"], &["frobnicate", "simulate, params, help"]);
    rejects(&[], &["simulate, params, help"]);
    rejects(&["params", "--format", "yaml"], &["yaml", "text, json or csv"]);
}

#[test]
fn help_goes_to_stdout() {
    let out = claimcheck(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("claimcheck simulate --hypotheses LIST"));
    assert!(text.contains("claimcheck params"));
}

#[test]
fn fallback_prints_the_record_and_a_static_chart_without_style_or_script() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("fallback")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).expect("utf-8");
    let scenario = claimcheck_model::Scenario::eta_2016();
    assert!(html.contains("<svg"), "no chart");
    assert_eq!(html.matches("<li>").count(), scenario.timeline().len());
    for e in scenario.timeline() {
        let text = e.text.en.replace('"', "&quot;");
        assert!(html.contains(&text), "missing: {text}");
    }
    assert!(html.contains("subsequently the thing fell apart"));
    assert!(!html.contains("style="), "inline style breaks a strict CSP");
    assert!(!html.contains("<script"), "inline script breaks a strict CSP");
}
