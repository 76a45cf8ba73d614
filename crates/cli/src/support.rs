//! `claimcheck support`: the support analysis behind the verdicts, the
//! same figures the widget shows; `claimcheck claimreview`: the claims'
//! schema.org `ClaimReview` markup from it.

use claimcheck_model::claimreview::{claim_reviews, Review};
use claimcheck_model::locale::Lang;
use claimcheck_model::support::{
    analyse, Sensitivity, Support, DEFAULT_DRAWS, DEFAULT_SEED,
};
use claimcheck_model::verdict::{Layout, Verdict};
use claimcheck_model::words::Words;
use claimcheck_model::Scenario;
use serde_json::{json, Map, Value};

use crate::simulate::csv_cell;
use crate::{load, once, options, parse_format, Failure, Format};

/// The most draws `--draws` accepts: a million draws of eight worlds
/// take hours, and a typo should not.
pub const MAX_DRAWS: usize = 100_000;

/// `support --scenario ID|FILE [--draws N] [--seed S] [--format
/// text|json|csv]`.
pub fn support_command(args: &[String]) -> Result<String, Failure> {
    let opts = options(
        "support",
        args,
        &["--scenario", "--draws", "--seed", "--format"],
    )?;
    let (mut choice, mut draws, mut seed, mut format) =
        (None, None, None, None);
    for (name, value) in opts {
        match name {
            "--scenario" => once(&mut choice, name, value)?,
            "--draws" => once(&mut draws, name, value)?,
            "--seed" => once(&mut seed, name, value)?,
            _ => once(&mut format, name, value)?,
        }
    }
    let format = match format {
        Some(f) => parse_format(f, &["text", "json", "csv"])?,
        None => Format::Text,
    };
    let draws = match draws {
        Some(d) => parse_draws(d)?,
        None => DEFAULT_DRAWS,
    };
    let seed = match seed {
        Some(s) => parse_seed(s)?,
        None => DEFAULT_SEED,
    };
    let s = load::scenario(choice)?;
    let support = analyse(&s, draws, seed);
    Ok(match format {
        Format::Json => {
            let mut out = support_json(&s, &support, seed).to_string();
            out.push('\n');
            out
        }
        Format::Csv => support_csv(&s, &support),
        Format::Text => support_text(&s, &support, seed),
    })
}

fn parse_draws(value: &str) -> Result<usize, Failure> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_DRAWS).contains(&n) => Ok(n),
        _ => Err(Failure::usage(format!(
            "--draws `{value}` is not a whole number from 1 to {MAX_DRAWS}; \
             the default is {DEFAULT_DRAWS}"
        ))),
    }
}

fn parse_seed(value: &str) -> Result<u64, Failure> {
    value.parse::<u64>().map_err(|_| {
        Failure::usage(format!(
            "--seed `{value}` is not a whole number from 0 to {}; the \
             default is {DEFAULT_SEED}",
            u64::MAX
        ))
    })
}

/// The checked events' ids, by bit, and whether each is one of the
/// record's observations.
fn checked(s: &Scenario) -> Vec<(&str, bool)> {
    let layout = Layout::new(s);
    layout
        .events
        .iter()
        .enumerate()
        .map(|(bit, &e)| {
            (s.events[e].id.as_str(), layout.observations & (1 << bit) != 0)
        })
        .collect()
}

/// A world's hypotheses, by id.
fn world_ids(s: &Scenario, w: claimcheck_model::HypothesisSet) -> Vec<&str> {
    w.iter().map(|h| s.hypotheses[h].id.as_str()).collect()
}

fn hangs_on_json(s: &Scenario, h: &Sensitivity) -> Value {
    json!({
        "param": s.params[h.param].id,
        "distance": h.distance,
        "mean_in": h.mean_in,
        "mean_out": h.mean_out,
        "by_verdict": h.by_verdict,
        "why": Words::new(s, Lang::En).hangs_on(h),
        "why_fr": Words::new(s, Lang::Fr).hangs_on(h),
    })
}

/// The analysis as JSON: the plan, the tolerance, then per world, per
/// hypothesis and per claim the figures the widget shows.
pub fn support_json(s: &Scenario, support: &Support, seed: u64) -> Value {
    let j = &support.judgement;
    let (en, fr) = (Words::new(s, Lang::En), Words::new(s, Lang::Fr));
    let events = checked(s);
    let worlds: Vec<Value> = j
        .worlds
        .iter()
        .map(|w| {
            let mut reproduces = Map::new();
            for ((id, _), share) in events.iter().zip(&w.reproduces) {
                reproduces.insert(id.to_string(), json!(share));
            }
            json!({
                "hypotheses": world_ids(s, w.world),
                "reproduces": reproduces,
                "all": w.all,
                "weight": w.weight,
            })
        })
        .collect();
    let hypotheses: Vec<Value> = j
        .hypotheses
        .iter()
        .map(|h| {
            json!({
                "id": s.hypotheses[h.hypothesis].id,
                "needed": h.needed,
                "included": h.included,
            })
        })
        .collect();
    let claims: Vec<Value> = j
        .claims
        .iter()
        .zip(&support.claims)
        .map(|(c, h)| {
            let mut shares = Map::new();
            for v in Verdict::ALL {
                shares.insert(v.id().into(), json!(c.shares[v as usize]));
            }
            json!({
                "id": s.claims[c.claim].id,
                "verdict": c.verdict.id(),
                "support": c.support,
                "shares": shares,
                "why": en.claim(j, c),
                "why_fr": fr.claim(j, c),
                "hangs_on": h.hangs_on.as_ref().map(|x| hangs_on_json(s, x)),
            })
        })
        .collect();
    json!({
        "scenario": s.id,
        "draws": j.draws,
        "seed": seed,
        "uncertain": support
            .uncertain
            .iter()
            .map(|&i| s.params[i].id.as_str())
            .collect::<Vec<_>>(),
        "events": events
            .iter()
            .map(|(id, obs)| json!({
                "id": id,
                "observation": obs,
            }))
            .collect::<Vec<_>>(),
        "tolerance": j.tolerance,
        "accepted": j.accepted,
        "pairs": j.pairs,
        "acceptance": en.acceptance(j),
        "acceptance_fr": fr.acceptance(j),
        "worlds": worlds,
        "hypotheses": hypotheses,
        "claims": claims,
    })
}

/// One row per figure: `section,id,measure,value`, shares as fractions.
fn support_csv(s: &Scenario, support: &Support) -> String {
    let j = &support.judgement;
    let mut out = String::from("section,id,measure,value\n");
    let mut row = |section: &str, id: &str, measure: &str, value: String| {
        out.push_str(&format!(
            "{section},{},{},{value}\n",
            csv_cell(id),
            csv_cell(measure)
        ));
    };
    row("analysis", &s.id, "draws", j.draws.to_string());
    row("analysis", &s.id, "tolerance", j.tolerance.to_string());
    row("analysis", &s.id, "accepted", j.accepted.to_string());
    row("analysis", &s.id, "pairs", j.pairs.to_string());
    let events = checked(s);
    for w in &j.worlds {
        let id = w.world.ids(&world_ids_all(s));
        for ((e, _), share) in events.iter().zip(&w.reproduces) {
            row("world", &id, &format!("reproduces:{e}"), share.to_string());
        }
        row("world", &id, "all", w.all.to_string());
        row("world", &id, "weight", w.weight.to_string());
    }
    for h in &j.hypotheses {
        let id = &s.hypotheses[h.hypothesis].id;
        row("hypothesis", id, "needed", h.needed.to_string());
        row("hypothesis", id, "included", h.included.to_string());
    }
    for (c, h) in j.claims.iter().zip(&support.claims) {
        let id = &s.claims[c.claim].id;
        row("claim", id, "verdict", c.verdict.id().to_string());
        row("claim", id, "support", c.support.to_string());
        for v in Verdict::ALL {
            row("claim", id, v.id(), c.shares[v as usize].to_string());
        }
        if let Some(x) = &h.hangs_on {
            row("claim", id, "hangs_on", s.params[x.param].id.clone());
            row("claim", id, "hangs_on_distance", x.distance.to_string());
        }
    }
    out
}

fn world_ids_all(s: &Scenario) -> Vec<&str> {
    s.hypotheses.iter().map(|h| h.id.as_str()).collect()
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// A report for people: the plan and the tolerance, the worlds, the
/// hypotheses, then each claim with its sentences in English and French.
fn support_text(s: &Scenario, support: &Support, seed: u64) -> String {
    let j = &support.judgement;
    let (en, fr) = (Words::new(s, Lang::En), Words::new(s, Lang::Fr));
    let mut out = format!(
        "Support analysis of {}: {} draws (Latin hypercube, seed {seed}) \
         of {} uncertain assumptions, {} worlds.\n",
        s.id,
        j.draws,
        support.uncertain.len(),
        j.worlds.len()
    );
    out.push_str(&format!(
        "Tolerance: a plausible scenario misses at most {} observation{}; \
         {} of {} scenarios are plausible ({}).\n{}\n{}\n",
        j.tolerance,
        if j.tolerance == 1 { "" } else { "s" },
        j.accepted,
        j.pairs,
        pct(j.accepted as f64 / j.pairs.max(1) as f64),
        en.acceptance(j),
        fr.acceptance(j)
    ));
    let events = checked(s);
    let names = world_ids_all(s);
    out.push_str("\nWorlds: share of draws reproducing each check\n");
    let world_w = j
        .worlds
        .iter()
        .map(|w| w.world.ids(&names).len())
        .max()
        .unwrap_or(0)
        .max(5);
    out.push_str(&format!(
        "  {:<world_w$}  {:>6}  {:>6}",
        "world", "all", "weight"
    ));
    for (k, _) in events.iter().enumerate() {
        out.push_str(&format!("  {:>6}", format!("#{}", k + 1)));
    }
    out.push('\n');
    for w in &j.worlds {
        out.push_str(&format!(
            "  {:<world_w$}  {:>6}  {:>6}",
            w.world.ids(&names),
            pct(w.all),
            pct(w.weight)
        ));
        for share in &w.reproduces {
            out.push_str(&format!("  {:>6}", pct(*share)));
        }
        out.push('\n');
    }
    for (k, (id, obs)) in events.iter().enumerate() {
        let kind = if *obs { "observation" } else { "dated claim" };
        out.push_str(&format!("  #{}: {id} ({kind})\n", k + 1));
    }
    out.push_str("\nHypotheses: needed (share of draws), included\n");
    let hyp_w = names.iter().map(|n| n.len()).max().unwrap_or(0).max(10);
    for h in &j.hypotheses {
        out.push_str(&format!(
            "  {:<hyp_w$}  needed {:>6}  included {:>6}\n",
            names[h.hypothesis],
            pct(h.needed),
            pct(h.included)
        ));
    }
    out.push_str("\nClaims\n");
    for (c, h) in j.claims.iter().zip(&support.claims) {
        let shares: Vec<String> = Verdict::ALL
            .iter()
            .map(|v| format!("{} {}", v.id(), pct(c.shares[*v as usize])))
            .collect();
        out.push_str(&format!(
            "  {}: {} ({})\n    shares: {}\n    en: {}\n    fr: {}\n",
            s.claims[c.claim].id,
            c.verdict.id(),
            pct(c.support),
            shares.join(", "),
            en.claim(j, c),
            fr.claim(j, c)
        ));
        match &h.hangs_on {
            Some(x) => out.push_str(&format!(
                "    hangs on: {} (KS distance {:.2})\n    en: {}\n    \
                 fr: {}\n",
                s.params[x.param].id,
                x.distance,
                en.hangs_on(x),
                fr.hangs_on(x)
            )),
            None => out.push_str("    hangs on: nothing (not testable)\n"),
        }
    }
    out
}

/// `claimreview --scenario ID|FILE [--url URL] [--publisher NAME]
/// [--date YYYY-MM-DD] [--lang en|fr]`.
pub fn claimreview_command(args: &[String]) -> Result<String, Failure> {
    let opts = options(
        "claimreview",
        args,
        &["--scenario", "--url", "--publisher", "--date", "--lang"],
    )?;
    let (mut choice, mut url, mut publisher, mut date, mut lang) =
        (None, None, None, None, None);
    for (name, value) in opts {
        match name {
            "--scenario" => once(&mut choice, name, value)?,
            "--url" => once(&mut url, name, value)?,
            "--publisher" => once(&mut publisher, name, value)?,
            "--date" => once(&mut date, name, value)?,
            _ => once(&mut lang, name, value)?,
        }
    }
    let lang = match lang {
        None | Some("en") => Lang::En,
        Some("fr") => Lang::Fr,
        Some(other) => {
            return Err(Failure::usage(format!(
                "unknown language `{other}`; expected en or fr"
            )))
        }
    };
    if let Some(u) = url {
        check_url(u)?;
    }
    if publisher.is_some_and(|p| p.trim().is_empty()) {
        return Err(Failure::usage(
            "--publisher is empty; expected the publishing organization's \
             name",
        ));
    }
    let date = match date {
        Some(d) => check_date(d)?.to_string(),
        None => today(),
    };
    let s = load::scenario(choice)?;
    let review = Review {
        url: url.map_or_else(
            || format!("https://example.org/claimcheck/{}", s.id),
            str::to_string,
        ),
        publisher: publisher.unwrap_or("claimcheck").to_string(),
        date,
    };
    let support = analyse(&s, DEFAULT_DRAWS, DEFAULT_SEED);
    Ok(claim_reviews(&s, &support, &review, lang))
}

fn check_url(url: &str) -> Result<(), Failure> {
    let rest =
        url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !url.contains(char::is_whitespace) => {
            Ok(())
        }
        _ => Err(Failure::usage(format!(
            "--url `{url}` is not an http:// or https:// address; expected \
             the address of the page that publishes the review"
        ))),
    }
}

/// `YYYY-MM-DD`, a real calendar date.
fn check_date(date: &str) -> Result<&str, Failure> {
    let bad = || {
        Failure::usage(format!(
            "--date `{date}` is not a date written YYYY-MM-DD, such as \
             2016-11-09"
        ))
    };
    let b = date.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !date
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10))
    else {
        return Err(bad());
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok(date)
}

/// Today's date (UTC), `YYYY-MM-DD` (Hinnant's civil-from-days).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
