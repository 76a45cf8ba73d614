//! `claimcheck simulate`: one run of a scenario's model, as JSON or CSV.

use claimcheck_model::checks::check_all;
use claimcheck_model::locale::Lang;
use claimcheck_model::model::ComponentKind;
use claimcheck_model::rules::Topic;
use claimcheck_model::sim::{simulate, Run, STEP_MIN};
use claimcheck_model::verdict::judge_point;
use claimcheck_model::words::Words;
use claimcheck_model::{HypothesisSet, Params, Scenario};
use serde_json::{json, Map, Value};

use crate::{load, once, options, parse_format, Failure, Format};

/// `simulate [--scenario ID|FILE] [--hypotheses LIST] [--set NAME=VALUE
/// ...] [--format json|csv]`.
pub fn simulate_command(args: &[String]) -> Result<String, Failure> {
    let opts = options(
        "simulate",
        args,
        &["--scenario", "--hypotheses", "--set", "--format"],
    )?;
    let (mut choice, mut list, mut format) = (None, None, None);
    let mut sets = Vec::new();
    for (name, value) in opts {
        match name {
            "--scenario" => once(&mut choice, name, value)?,
            "--hypotheses" => once(&mut list, name, value)?,
            "--format" => once(&mut format, name, value)?,
            _ => sets.push(value),
        }
    }
    let format = match format {
        Some(f) => parse_format(f, &["json", "csv"])?,
        None => Format::Json,
    };
    let scenario = load::scenario(choice)?;
    let ids: Vec<&str> =
        scenario.hypotheses.iter().map(|h| h.id.as_str()).collect();
    let on = match list {
        Some(list) => HypothesisSet::parse(list, &ids).map_err(|e| {
            Failure::input(format!("--hypotheses `{list}`: {e}"))
        })?,
        None => HypothesisSet::all(ids.len()),
    };
    let params = set_params(&scenario, &sets)?;
    let run = simulate(&scenario, &params, on);
    Ok(match format {
        Format::Csv => csv(&scenario, &run),
        _ => simulate_json(&scenario, &params, &run),
    })
}

/// The defaults with every `--set NAME=VALUE` applied.
pub fn set_params(
    scenario: &Scenario,
    sets: &[&str],
) -> Result<Params, Failure> {
    let mut params = Params::defaults(&scenario.params);
    for value in sets {
        let (n, v) = value.split_once('=').ok_or_else(|| {
            let example =
                scenario.params.first().map_or_else(String::new, |p| {
                    format!("; e.g. --set {}={}", p.id, p.default)
                });
            Failure::usage(format!(
                "--set `{value}` is not NAME=VALUE{example}"
            ))
        })?;
        params = params
            .with_text(&scenario.params, n.trim(), v)
            .map_err(|e| Failure::input(format!("--set `{value}`: {e}")))?;
    }
    Ok(params)
}

/// The demand components' ids and series (zeros for components that are
/// off).
fn demand_series<'a>(
    scenario: &'a Scenario,
    run: &'a Run,
    zeros: &'a [f64],
) -> Vec<(&'a str, &'a [f64])> {
    scenario
        .model
        .components
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, ComponentKind::Demand { .. }))
        .map(|(k, c)| {
            let series = run.demand_of(k);
            let series =
                if series.len() == run.len() { series } else { zeros };
            (c.id.as_str(), series)
        })
        .collect()
}

fn simulate_json(scenario: &Scenario, params: &Params, run: &Run) -> String {
    let n = run.len();
    let time: Vec<String> =
        (0..n).map(|i| scenario.clock.iso8601(i as i32)).collect();
    let mut p = Map::new();
    for (spec, value) in scenario.params.iter().zip(params.values()) {
        p.insert(spec.id.clone(), json!(value));
    }
    let zeros = vec![0.0; n];
    let mut demand = Map::new();
    for (id, series) in demand_series(scenario, run, &zeros) {
        demand.insert(id.to_string(), json!(series));
    }
    let en = Words::new(scenario, Lang::En);
    let fr = Words::new(scenario, Lang::Fr);
    let checks: Vec<Value> = check_all(scenario, params, run)
        .iter()
        .map(|c| {
            let event = &scenario.events[c.event];
            let measured: Vec<f64> =
                c.outcomes.iter().map(|o| o.value).collect();
            json!({
                "id": event.id,
                "kind": c.kind.id(),
                "topic": match c.topic {
                    Topic::Outage => "outage",
                    Topic::Traffic => "traffic",
                },
                "pass": c.pass,
                "why": en.check(c, params.values()),
                "why_fr": fr.check(c, params.values()),
                "measured": measured,
            })
        })
        .collect();
    let j = judge_point(scenario, params);
    let claims: Vec<Value> = j
        .claims
        .iter()
        .map(|cs| {
            json!({
                "id": scenario.claims[cs.claim].id,
                "verdict": cs.verdict.id(),
                "support": cs.support,
                "why": en.claim(&j, cs),
                "why_fr": fr.claim(&j, cs),
            })
        })
        .collect();
    let ids: Vec<&str> =
        scenario.hypotheses.iter().map(|h| h.id.as_str()).collect();
    let on: Vec<&str> = run.hypotheses.iter().map(|i| ids[i]).collect();
    let doc = json!({
        "scenario": scenario.id,
        "hypotheses": on,
        "params": p,
        "series": {
            "step_min": STEP_MIN,
            "time": time,
            "failure_fraction": run.failure_fraction,
            "capacity": run.capacity,
            "nominal_capacity": run.nominal_capacity,
            "demand": demand,
            "fresh": run.fresh,
            "retries": run.retries,
            "attempts": run.attempts,
            "served": run.served,
            "failures": run.failures,
            "segment_share": run.segment_share,
        },
        "checks": checks,
        "claims": claims,
    });
    let mut out = doc.to_string();
    out.push('\n');
    out
}

fn csv(scenario: &Scenario, run: &Run) -> String {
    let n = run.len();
    let zeros = vec![0.0; n];
    let demand = demand_series(scenario, run, &zeros);
    let others: [(&str, &[f64]); 9] = [
        ("fresh", &run.fresh),
        ("retries", &run.retries),
        ("attempts", &run.attempts),
        ("capacity", &run.capacity),
        ("nominal_capacity", &run.nominal_capacity),
        ("served", &run.served),
        ("failures", &run.failures),
        ("failure_fraction", &run.failure_fraction),
        ("segment_share", &run.segment_share),
    ];
    let mut out = String::from("time");
    for (id, _) in &demand {
        out.push_str(&format!(",demand_{}", csv_cell(id)));
    }
    for (name, _) in &others {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    for i in 0..n {
        out.push_str(&scenario.clock.iso8601(i as i32));
        for (_, series) in demand.iter().chain(others.iter()) {
            out.push(',');
            out.push_str(&series[i].to_string());
        }
        out.push('\n');
    }
    out
}

/// A CSV cell: quoted if it holds a comma, a quote or a line break.
pub fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
