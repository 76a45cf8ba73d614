//! `claimcheck validate FILE` and `claimcheck scenarios`.

use claimcheck_model::locale::Lang;
use claimcheck_model::model::ComponentKind;
use claimcheck_model::scenario::{EventKind, Provenance, FORMAT};
use claimcheck_model::verdict::judge_point;
use claimcheck_model::words::Words;
use claimcheck_model::{Params, Scenario};

use crate::{load, Failure};

/// `validate FILE`: the file's first error, or a summary.
pub fn validate_command(args: &[String]) -> Result<String, Failure> {
    let path = match args {
        [path] if !path.starts_with('-') => path,
        [] => {
            return Err(Failure::usage(
                "`validate` needs the path of a scenario file",
            ))
        }
        [one] => {
            return Err(Failure::usage(format!(
                "unknown option `{one}` for `validate`; expected the path \
                 of a scenario file"
            )))
        }
        [_, extra, ..] => {
            return Err(Failure::usage(format!(
                "unexpected argument `{extra}` for `validate`; it checks \
                 one file at a time"
            )))
        }
    };
    let scenario = load::file(path)?;
    Ok(summary(path, &scenario))
}

/// What a valid file holds, and the verdicts at its defaults.
fn summary(path: &str, s: &Scenario) -> String {
    let mut out = format!("{path}: valid {FORMAT} file\n");
    let mut line = |name: &str, value: String| {
        out.push_str(&format!("{:<13}{value}\n", format!("{name}:")));
    };
    let default = if s.default { " (the default story)" } else { "" };
    line("id", format!("{}{default}", s.id));
    line("title", s.title.en.clone());
    let off = s.clock.utc_offset_min;
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.unsigned_abs();
    line(
        "window",
        format!(
            "{} to {} {} (UTC{sign}{:02}:{:02}), {} one-minute steps",
            s.clock.local(0),
            s.clock.local(s.window_end),
            s.zone.en,
            off / 60,
            off % 60,
            Lang::En.number(f64::from(s.window_end), 0)
        ),
    );
    line("sources", s.sources.len().to_string());
    let record =
        s.params.iter().filter(|p| p.provenance == Provenance::Record).count();
    line(
        "parameters",
        format!(
            "{}: {record} from the record, {} assumptions",
            s.params.len(),
            s.params.len() - record
        ),
    );
    let kinds: Vec<String> = ["demand", "servers", "cost"]
        .iter()
        .map(|&k| {
            let n = s
                .model
                .components
                .iter()
                .filter(|c| kind_id(&c.kind) == k)
                .count();
            format!("{n} {k}")
        })
        .filter(|k| !k.starts_with("0 "))
        .collect();
    line(
        "components",
        format!("{}: {}", s.model.components.len(), kinds.join(", ")),
    );
    let ids: Vec<&str> = s.hypotheses.iter().map(|h| h.id.as_str()).collect();
    line("hypotheses", format!("{}: {}", ids.len(), ids.join(", ")));
    let checked = s.checked().count();
    let dated_claims =
        s.checked().filter(|e| e.kind == EventKind::Claim).count();
    line(
        "events",
        format!(
            "{}, of which {} on the time axis and {checked} checked",
            s.events.len(),
            s.timeline().len()
        ),
    );
    line(
        "checked",
        format!(
            "{}, {}",
            plural(s.observation_count(), "observation", "observations"),
            plural(dated_claims, "dated claim", "dated claims")
        ),
    );
    line("background", s.background.len().to_string());
    line("figures", s.figures.len().to_string());
    line("presets", s.presets.len().to_string());
    line("claims", s.claims.len().to_string());

    let params = Params::defaults(&s.params);
    let j = judge_point(s, &params);
    let best: Vec<String> = j
        .worlds
        .iter()
        .filter(|w| w.weight > 0.0)
        .map(|w| w.world.ids(&ids))
        .collect();
    out.push_str(&format!(
        "\nBest fit at the defaults (misses {} of {}): {}\n",
        j.tolerance,
        plural(s.observation_count(), "observation", "observations"),
        best.join("; ")
    ));
    out.push_str("Verdicts at the defaults:\n");
    let words = Words::new(s, Lang::En);
    for cs in &j.claims {
        out.push_str(&format!(
            "  {}: {}\n",
            s.claims[cs.claim].id,
            words.claim(&j, cs)
        ));
    }
    out
}

/// `1 claim`, `2 claims`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The vocabulary word of a component kind.
pub fn kind_id(kind: &ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Demand { .. } => "demand",
        ComponentKind::Servers { .. } => "servers",
        ComponentKind::Cost { .. } => "cost",
    }
}

/// `scenarios`: the bundled scenarios, the default marked.
pub fn scenarios_command(args: &[String]) -> Result<String, Failure> {
    if let Some(arg) = args.first() {
        return Err(Failure::usage(format!(
            "unexpected argument `{arg}`; `scenarios` takes none"
        )));
    }
    let list = load::bundled();
    if let Some(e) = list.errors.first() {
        return Err(Failure::input(format!(
            "a bundled scenario is invalid: {e}"
        )));
    }
    let default = list.default_id();
    let mut scenarios: Vec<&Scenario> = list.scenarios.iter().collect();
    scenarios.sort_by_key(|s| s.id != default);
    let width = list.scenarios.iter().map(|s| s.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for s in scenarios {
        let mark = if s.id == default { "default" } else { "" };
        out.push_str(&format!(
            "{:<width$}  {mark:<7}  {}\n",
            s.id, s.title.en
        ));
    }
    Ok(out)
}

/// `pack --out-dir DIR`: every bundled scenario but the default one, as
/// DIR/ID.bin, the form the widget fetches (`stories/` in its bundle).
pub fn pack_command(args: &[String]) -> Result<String, Failure> {
    let opts = crate::options("pack", args, &["--out-dir"])?;
    let Some(dir) =
        opts.iter().find(|(k, _)| *k == "--out-dir").map(|(_, v)| *v)
    else {
        return Err(Failure::usage("`pack` needs --out-dir DIR"));
    };
    let list = load::bundled();
    if let Some(e) = list.errors.first() {
        return Err(Failure::input(e.to_string()));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::input(format!("cannot create {dir}: {e}")))?;
    let default = list.default_id();
    let mut out = String::new();
    for s in list.scenarios.iter().filter(|s| s.id != default) {
        let path = std::path::Path::new(dir).join(format!("{}.bin", s.id));
        let bytes = claimcheck_model::pack::pack(s);
        std::fs::write(&path, &bytes).map_err(|e| {
            Failure::input(format!("cannot write {}: {e}", path.display()))
        })?;
        out.push_str(&format!("{} ({} bytes)\n", path.display(), bytes.len()));
    }
    Ok(out)
}
