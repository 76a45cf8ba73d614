//! `claimcheck params`: every parameter of a scenario, with its unit,
//! default, range, provenance, group, label and why.

use claimcheck_model::scenario::{Group, ParamSpec};
use claimcheck_model::Scenario;
use serde_json::{json, Value};

use crate::simulate::csv_cell;
use crate::{load, once, options, parse_format, Failure, Format};

/// `params [--scenario ID|FILE] [--format text|json|csv]`.
pub fn params_command(args: &[String]) -> Result<String, Failure> {
    let (mut choice, mut format) = (None, None);
    for (name, value) in options("params", args, &["--scenario", "--format"])?
    {
        match name {
            "--scenario" => once(&mut choice, name, value)?,
            _ => once(&mut format, name, value)?,
        }
    }
    let format = match format {
        Some(f) => parse_format(f, &["text", "json", "csv"])?,
        None => Format::Text,
    };
    let s = load::scenario(choice)?;
    Ok(match format {
        Format::Json => json_list(&s),
        Format::Csv => csv_list(&s),
        Format::Text => text_list(&s),
    })
}

/// The group a parameter's slider sits in: a hypothesis id, `traffic`,
/// `capacity`, `behaviour` or `checks`.
fn group_id(s: &Scenario, g: Group) -> &str {
    match g {
        Group::Hypothesis(h) => {
            s.hypotheses.get(h).map_or("", |h| h.id.as_str())
        }
        Group::Traffic => "traffic",
        Group::Capacity => "capacity",
        Group::Behaviour => "behaviour",
        Group::Checks => "checks",
    }
}

fn range(p: &ParamSpec) -> String {
    format!("{} to {}", p.min, p.max)
}

fn json_list(s: &Scenario) -> String {
    let list: Vec<Value> = s
        .params
        .iter()
        .map(|p| {
            json!({
                "name": p.id,
                "unit": p.unit.id(),
                "default": p.default,
                "min": p.min,
                "max": p.max,
                "step": p.step,
                "provenance": p.provenance.id(),
                "group": group_id(s, p.group),
                "hypothesis": match p.group {
                    Group::Hypothesis(_) => Some(group_id(s, p.group)),
                    _ => None,
                },
                "sources": p.sources,
                "label": p.label.en,
                "label_fr": p.label.fr,
                "why": p.why.en,
                "why_fr": p.why.fr,
            })
        })
        .collect();
    let mut out = Value::Array(list).to_string();
    out.push('\n');
    out
}

fn csv_list(s: &Scenario) -> String {
    let mut out = String::from(
        "name,unit,default,min,max,step,provenance,group,label,why\n",
    );
    for p in &s.params {
        let cells = [
            csv_cell(&p.id),
            p.unit.id().to_string(),
            p.default.to_string(),
            p.min.to_string(),
            p.max.to_string(),
            p.step.to_string(),
            p.provenance.id().to_string(),
            csv_cell(group_id(s, p.group)),
            csv_cell(&p.label.en),
            csv_cell(&p.why.en),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A table row per parameter, then its label and why, indented.
fn text_list(s: &Scenario) -> String {
    let w = |f: &dyn Fn(&ParamSpec) -> usize, min: usize| {
        s.params.iter().map(f).max().unwrap_or(0).max(min)
    };
    let name_w = w(&|p| p.id.len(), 4);
    let unit_w = w(&|p| p.unit.id().len(), 4);
    let default_w = w(&|p| p.default.to_string().len(), 7);
    let range_w = w(&|p| range(p).len(), 5);
    let row = |name: &str,
               unit: &str,
               default: &str,
               range: &str,
               provenance: &str,
               group: &str| {
        format!(
            "{name:<name_w$}  {unit:<unit_w$}  {default:>default_w$}  \
             {range:>range_w$}  {provenance:<10}  {group}\n"
        )
    };
    let mut out =
        row("name", "unit", "default", "range", "provenance", "group");
    for p in &s.params {
        out.push_str(&row(
            &p.id,
            p.unit.id(),
            &p.default.to_string(),
            &range(p),
            p.provenance.id(),
            group_id(s, p.group),
        ));
        out.push_str(&format!("    {}\n    {}\n", p.label.en, p.why.en));
    }
    out
}
