//! `claimcheck`: the outage model on the command line, for newsroom
//! pipelines, scenario authors and tests.
//!
//! Run `claimcheck help` for usage. Bad input prints one error on stderr
//! (naming the input and the valid choices), prints nothing on stdout,
//! and exits with status 2.

use std::io::Write;
use std::process::ExitCode;

mod fallback;
mod load;
mod params;
mod simulate;
mod support;
mod validate;

const USAGE: &str = "\
claimcheck: check claims about a website outage against a simulated
outage curve

Usage:
  claimcheck validate FILE
  claimcheck scenarios
  claimcheck simulate [--scenario ID|FILE] [--hypotheses LIST]
                      [--set NAME=VALUE ...] [--format json|csv]
  claimcheck params [--scenario ID|FILE] [--format text|json|csv]
  claimcheck fallback [--scenario ID|FILE] [--lang en|fr]
  claimcheck support [--scenario ID|FILE] [--draws N] [--seed S]
                     [--format text|json|csv]
  claimcheck claimreview [--scenario ID|FILE] [--url URL]
                         [--publisher NAME] [--date YYYY-MM-DD]
                         [--lang en|fr]
  claimcheck pack --out-dir DIR
  claimcheck help

`validate` reads a scenario file (format claimcheck-scenario/2, see
scenarios/README.md) and prints its errors, or a summary with the
verdict on every claim at the default values. `scenarios` lists the
scenarios bundled with this build.

--scenario takes the id of a bundled scenario or the path of a scenario
file; without it, the default bundled scenario is used.

`simulate` runs the scenario's model across its window in one-minute
steps. LIST is a comma-separated list of the scenario's hypothesis ids,
or `none` for all off; without --hypotheses, all are on. NAME is a
parameter from `claimcheck params`; VALUE must lie in its range. --set
may be repeated. JSON (the default) holds the hypotheses, parameters,
per-minute series, the checks against the record and the verdict on
every claim; CSV holds one row per minute.

`params` lists every parameter with its unit, default, range, whether it
comes from the record or is an assumption, and why. `fallback` prints
the widget's no-JavaScript fallback (a static chart and the record) as
HTML, in English or French.

`support` runs the analysis behind the verdicts, the same figures the
widget shows: N draws (default DEFAULT_DRAWS) of the uncertain
assumptions, a Latin hypercube with seed S (default DEFAULT_SEED), every
world at each. It prints, per world, the share of draws that reproduce
each check and all observations, and the world's weight; per hypothesis,
the share of draws in which it is needed and its inclusion probability;
per claim, the share of plausible scenarios giving each verdict, the
verdict, its sentences in English and French, and the assumption it
hangs on; and the tolerance. JSON holds the same, CSV one row per
figure (section,id,measure,value).

`claimreview` prints the claims' schema.org ClaimReview markup
(JSON-LD, one object per claim) with the default analysis: --url is the
page that publishes the review (default https://example.org/claimcheck/
followed by the scenario id), --publisher its organization (default
claimcheck), --date its publication date (default today, UTC).

`pack` writes each bundled scenario but the default one to
DIR/ID.bin in the packed form the widget reads: the widget carries the
default story in its wasm and fetches the others from its bundle's
stories/ folder when it shows them (Trunk's build hook runs it).

Bad input prints an error on stderr and exits with status 2.
";

/// Input the user must fix: printed on stderr, exit status 2.
pub struct Failure {
    /// What is wrong, and what was expected.
    pub message: String,
    /// Whether to point at `claimcheck help` (a mistake on the command
    /// line, rather than in a file or a value).
    pub usage: bool,
}

impl Failure {
    /// A mistake in how the command was written.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: true }
    }

    /// A bad file or value.
    pub fn input(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: false }
    }
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table for people.
    Text,
    /// JSON.
    Json,
    /// Comma-separated values.
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
        Err(failure) => {
            eprintln!("claimcheck: error: {}", failure.message);
            if failure.usage {
                eprintln!("run `claimcheck help` for usage");
            }
            ExitCode::from(2)
        }
    }
}

const COMMANDS: &str = "validate, scenarios, simulate, params, fallback, \
                        support, claimreview, pack, help";

fn run(args: &[String]) -> Result<String, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::usage(format!(
            "no command; expected one of {COMMANDS}"
        )));
    };
    match command.as_str() {
        "validate" => validate::validate_command(rest),
        "scenarios" => validate::scenarios_command(rest),
        "simulate" => simulate::simulate_command(rest),
        "params" => params::params_command(rest),
        "fallback" => fallback::fallback_command(rest),
        "support" => support::support_command(rest),
        "claimreview" => support::claimreview_command(rest),
        "pack" => validate::pack_command(rest),
        "help" | "--help" | "-h" => Ok(usage()),
        other => Err(Failure::usage(format!(
            "unknown command `{other}`; expected one of {COMMANDS}"
        ))),
    }
}

/// The usage text, with the bundled scenarios of this build.
fn usage() -> String {
    let mut out = USAGE
        .replace(
            "DEFAULT_DRAWS",
            &claimcheck_model::support::DEFAULT_DRAWS.to_string(),
        )
        .replace(
            "DEFAULT_SEED",
            &claimcheck_model::support::DEFAULT_SEED.to_string(),
        );
    let list = load::bundled();
    if !list.scenarios.is_empty() {
        let ids: Vec<String> = list
            .scenarios
            .iter()
            .map(|s| {
                if s.id == list.default_id() {
                    format!("{} (default)", s.id)
                } else {
                    s.id.clone()
                }
            })
            .collect();
        out.push_str(&format!("\nBundled scenarios: {}.\n", ids.join(", ")));
    }
    out
}

/// Splits `--name value` and `--name=value` into (name, value).
pub fn options<'a>(
    command: &str,
    args: &'a [String],
    known: &[&str],
) -> Result<Vec<(&'a str, &'a str)>, Failure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (arg, None),
        };
        if !known.contains(&name) {
            let what =
                if name.starts_with('-') { "option" } else { "argument" };
            return Err(Failure::usage(format!(
                "unknown {what} `{arg}` for `{command}`; expected {}",
                or_list(known)
            )));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                args.get(i).map(String::as_str).ok_or_else(|| {
                    Failure::usage(format!("option `{name}` needs a value"))
                })?
            }
        };
        out.push((name, value));
        i += 1;
    }
    Ok(out)
}

/// Rejects an option given twice, where only one value makes sense.
pub fn once<'a>(
    slot: &mut Option<&'a str>,
    name: &str,
    value: &'a str,
) -> Result<(), Failure> {
    if slot.is_some() {
        return Err(Failure::usage(format!(
            "option `{name}` given twice; give it once"
        )));
    }
    *slot = Some(value);
    Ok(())
}

/// `a`, `a or b`, `a, b or c`.
pub fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, first)) => format!("{} or {last}", first.join(", ")),
    }
}

/// Reads `--format`; `allowed` lists the formats the command writes.
pub fn parse_format(value: &str, allowed: &[&str]) -> Result<Format, Failure> {
    let format = match value {
        "text" => Format::Text,
        "json" => Format::Json,
        "csv" => Format::Csv,
        _ => Format::Text,
    };
    if allowed.contains(&value) {
        Ok(format)
    } else {
        Err(Failure::usage(format!(
            "unknown format `{value}`; expected {}",
            or_list(allowed)
        )))
    }
}
