//! `claimcheck`: the outage model on the command line, for newsroom
//! pipelines and tests.
//!
//! Run `claimcheck help` for usage. Bad input prints one error line on
//! stderr (naming the input and the valid choices), prints nothing on
//! stdout, and exits with status 2.

use std::io::Write;
use std::process::ExitCode;

use claimcheck_model::checks::check_all;
use claimcheck_model::params::{ParamSpec, Params, SPECS};
use claimcheck_model::sim::{simulate, Run};
use claimcheck_model::verdict::judge_all;
use claimcheck_model::{HypothesisSet, Scenario};
use serde_json::{json, Map, Value};

mod fallback;

const USAGE: &str = "\
claimcheck: check claims about the November 2016 IRCC website outage
against a simulated outage curve

Usage:
  claimcheck simulate --hypotheses LIST [--set NAME=VALUE ...]
                      [--format json|csv]
  claimcheck params [--format text|json|csv]
  claimcheck fallback
  claimcheck help

LIST is a comma-separated list of election, deadline and
underprovisioning, or `none` for all off. NAME is a parameter from
`claimcheck params`; VALUE must lie in its range. --set may be repeated.

`simulate` runs the model from 8 Nov 00:00 to 11 Nov 00:00 ET in
one-minute steps. JSON (the default) holds the hypotheses, parameters,
per-minute series, the checks against the record and the verdict on
every claim; CSV holds one row per minute. `params` lists every
parameter with its unit, default, range and whether it comes from the
record or is an assumption. `fallback` prints the widget's
no-JavaScript fallback (a static chart and the record) as HTML.

Bad input prints an error on stderr and exits with status 2.
";

/// Input the user must fix: printed on stderr, exit status 2.
struct UsageError(String);

enum Format {
    Text,
    Json,
    Csv,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A closed pipe (e.g. `| head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(UsageError(msg)) => {
            eprintln!("claimcheck: error: {msg}");
            eprintln!("run `claimcheck help` for usage");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(UsageError(
            "no command; expected one of simulate, params, help".into(),
        ));
    };
    match command.as_str() {
        "simulate" => simulate_command(rest),
        "params" => params_command(rest),
        "fallback" if rest.is_empty() => {
            Ok(fallback::html(&Scenario::eta_2016()))
        }
        "fallback" => Err(UsageError("`fallback` takes no arguments".into())),
        "help" | "--help" | "-h" => Ok(USAGE.to_string()),
        other => Err(UsageError(format!(
            "unknown command `{other}`; expected one of simulate, params, \
             help"
        ))),
    }
}

/// Splits `--name value` and `--name=value` into (name, value).
fn options<'a>(
    command: &str,
    args: &'a [String],
    known: &[&str],
) -> Result<Vec<(&'a str, &'a str)>, UsageError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (arg, None),
        };
        if !known.contains(&name) {
            return Err(UsageError(format!(
                "unknown option `{arg}` for `{command}`; expected {}",
                known.join(", ")
            )));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                args.get(i).map(String::as_str).ok_or_else(|| {
                    UsageError(format!("option `{name}` needs a value"))
                })?
            }
        };
        out.push((name, value));
        i += 1;
    }
    Ok(out)
}

fn parse_format(value: &str, allowed: &[&str]) -> Result<Format, UsageError> {
    let format = match value {
        "text" => Format::Text,
        "json" => Format::Json,
        "csv" => Format::Csv,
        _ => Format::Text,
    };
    if allowed.contains(&value) {
        Ok(format)
    } else {
        let (last, first) = allowed.split_last().unwrap_or((&"json", &[]));
        let choices = if first.is_empty() {
            last.to_string()
        } else {
            format!("{} or {last}", first.join(", "))
        };
        Err(UsageError(format!(
            "unknown format `{value}`; expected {choices}"
        )))
    }
}

fn simulate_command(args: &[String]) -> Result<String, UsageError> {
    let opts =
        options("simulate", args, &["--hypotheses", "--set", "--format"])?;
    let mut hypotheses = None;
    let mut params = Params::default();
    let mut format = Format::Json;
    for (name, value) in opts {
        match name {
            "--hypotheses" => {
                if hypotheses.is_some() {
                    return Err(UsageError(
                        "option `--hypotheses` given twice; give one \
                         comma-separated list"
                            .into(),
                    ));
                }
                let set = HypothesisSet::parse(value).map_err(|e| {
                    UsageError(format!("--hypotheses `{value}`: {e}"))
                })?;
                hypotheses = Some(set);
            }
            "--set" => {
                let (n, v) = value.split_once('=').ok_or_else(|| {
                    UsageError(format!(
                        "--set `{value}` is not NAME=VALUE; e.g. --set \
                         timeout_s=45"
                    ))
                })?;
                params = params.with_text(n.trim(), v).map_err(|e| {
                    UsageError(format!("--set `{value}`: {e}"))
                })?;
            }
            _ => format = parse_format(value, &["json", "csv"])?,
        }
    }
    let Some(on) = hypotheses else {
        return Err(UsageError(
            "`simulate` needs --hypotheses; expected a comma-separated list \
             of election, deadline, underprovisioning, or none"
                .into(),
        ));
    };
    let scenario = Scenario::eta_2016();
    let run = simulate(&params, on);
    Ok(match format {
        Format::Csv => csv(&scenario, &run),
        _ => simulate_json(&scenario, &params, &run),
    })
}

fn simulate_json(scenario: &Scenario, params: &Params, run: &Run) -> String {
    let time: Vec<String> =
        (0..run.len()).map(|i| scenario.clock.iso8601(i as i32)).collect();
    let mut p = Map::new();
    for (spec, value) in params.iter() {
        p.insert(spec.name.into(), json!(value));
    }
    let checks: Vec<Value> = check_all(scenario, params, run)
        .into_iter()
        .map(|c| {
            json!({
                "id": c.id,
                "pass": c.pass,
                "why": c.why,
                "why_fr": c.why_fr,
                "kind": c.kind.id(),
                "measured": c.measured,
            })
        })
        .collect();
    let claims: Vec<Value> = judge_all(scenario, params)
        .into_iter()
        .map(|v| {
            json!({
                "id": v.id,
                "verdict": v.verdict.id(),
                "why": v.why,
                "why_fr": v.why_fr,
                "checks": v.checks,
                "best_fit": v.best.iter().map(|h| h.id()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "hypotheses": run.hypotheses.iter().map(|h| h.id()).collect::<Vec<_>>(),
        "params": p,
        "series": {
            "time": time,
            "failure_fraction": run.failure_fraction,
            "capacity": run.capacity,
            "demand": {
                "baseline": run.demand_baseline,
                "deadline": run.demand_deadline,
                "election": run.demand_election,
            },
            "us_share": run.us_share,
            "retries": run.retries,
            "attempts": run.attempts,
            "served": run.served,
            "failures": run.failures,
        },
        "checks": checks,
        "claims": claims,
    });
    let mut out = doc.to_string();
    out.push('\n');
    out
}

fn csv(scenario: &Scenario, run: &Run) -> String {
    let mut out = String::from(
        "time,demand_baseline,demand_deadline,demand_election,retries,\
         attempts,capacity,served,failures,failure_fraction,us_share\n",
    );
    for i in 0..run.len() {
        let row = [
            run.demand_baseline[i],
            run.demand_deadline[i],
            run.demand_election[i],
            run.retries[i],
            run.attempts[i],
            run.capacity[i],
            run.served[i],
            run.failures[i],
            run.failure_fraction[i],
            run.us_share[i],
        ];
        out.push_str(&scenario.clock.iso8601(i as i32));
        for x in row {
            out.push(',');
            out.push_str(&x.to_string());
        }
        out.push('\n');
    }
    out
}

fn params_command(args: &[String]) -> Result<String, UsageError> {
    let mut format = Format::Text;
    for (_, value) in options("params", args, &["--format"])? {
        format = parse_format(value, &["text", "json", "csv"])?;
    }
    let hypothesis = |s: &ParamSpec| s.hypothesis.map_or("-", |h| h.id());
    Ok(match format {
        Format::Json => {
            let list: Vec<Value> = SPECS
                .iter()
                .map(|s| {
                    json!({
                        "name": s.name,
                        "unit": s.unit,
                        "default": s.default,
                        "min": s.min,
                        "max": s.max,
                        "step": s.step,
                        "provenance": s.provenance.id(),
                        "hypothesis": s.hypothesis.map(|h| h.id()),
                        "group": s.group.id(),
                        "label": s.label,
                        "label_fr": s.label_fr,
                        "why": s.why,
                        "why_fr": s.why_fr,
                    })
                })
                .collect();
            let mut out = Value::Array(list).to_string();
            out.push('\n');
            out
        }
        Format::Csv => {
            let mut out = String::from(
                "name,unit,default,min,max,provenance,hypothesis,why\n",
            );
            for s in SPECS.iter() {
                out.push_str(&format!(
                    "{},\"{}\",{},{},{},{},{},\"{}\"\n",
                    s.name,
                    s.unit,
                    s.default,
                    s.min,
                    s.max,
                    s.provenance.id(),
                    hypothesis(s),
                    s.why.replace('"', "\"\"")
                ));
            }
            out
        }
        Format::Text => {
            let mut out = format!(
                "{:<24} {:<20} {:>9} {:>19}  {:<10}  {}\n",
                "name", "unit", "default", "range", "source", "hypothesis"
            );
            for s in SPECS.iter() {
                let range = format!("{} to {}", s.min, s.max);
                out.push_str(&format!(
                    "{:<24} {:<20} {:>9} {:>19}  {:<10}  {}\n",
                    s.name,
                    s.unit,
                    s.default,
                    range,
                    s.provenance.id(),
                    hypothesis(s)
                ));
            }
            out
        }
    })
}
