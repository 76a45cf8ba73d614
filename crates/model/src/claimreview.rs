//! Schema.org `ClaimReview` markup for each claim, as Google's
//! fact-check markup asks for it: `claimReviewed`, `reviewRating` with
//! `alternateName`, `itemReviewed` as a `Claim` with its author, date
//! and appearance, and the review's `author`, `datePublished` and `url`.
//!
//! The rating's text carries the verdict and its support figure, e.g.
//! "Partly supported in 9 of 10 plausible scenarios (86%)". The JSON is
//! written by hand (the widget carries no JSON library).
//!
//! # Examples
//! ```
//! use claimcheck_model::claimreview::{claim_reviews, Review};
//! use claimcheck_model::locale::Lang;
//! use claimcheck_model::support::analyse;
//! use claimcheck_model::bundled;
//! let s = bundled::default_scenario();
//! let support = analyse(&s, 8, 1);
//! let review = Review { url: "https://example.com/a".into(), publisher: "Example News".into(), date: "2026-12-01".into() };
//! let json = claim_reviews(&s, &support, &review, Lang::En);
//! assert!(json.starts_with('['));
//! assert!(json.contains("\"@type\": \"ClaimReview\""));
//! ```

use crate::locale::Lang;
use crate::scenario::Scenario;
use crate::support::Support;
use crate::verdict::Verdict;
use crate::words::Words;

/// Who publishes the review, where and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The page the review appears on.
    pub url: String,
    /// The organization publishing it.
    pub publisher: String,
    /// The publication date, `YYYY-MM-DD`.
    pub date: String,
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A 1–5 rating for a verdict (Google asks for a number with best and
/// worst; the words are in `alternateName`).
pub fn rating_value(v: Verdict) -> Option<u8> {
    match v {
        Verdict::Supported => Some(5),
        Verdict::PartlySupported => Some(3),
        Verdict::Contradicted => Some(1),
        Verdict::NotTestable => None,
    }
}

/// The `ClaimReview` objects of every claim, as a JSON array, in
/// `lang`.
pub fn claim_reviews(
    scenario: &Scenario,
    support: &Support,
    review: &Review,
    lang: Lang,
) -> String {
    let w = Words::new(scenario, lang);
    let j = &support.judgement;
    let items: Vec<String> = scenario
        .claims
        .iter()
        .zip(&j.claims)
        .map(|(claim, cs)| {
            let alternate = match cs.verdict {
                Verdict::NotTestable => w.verdict(cs.verdict).to_string(),
                v => format!(
                    "{} ({})",
                    w.claim_head(cs).trim_end_matches('.'),
                    lang.percent(cs.support)
                )
                .replace(w.verdict(v), w.verdict(v)),
            };
            let rating = match rating_value(cs.verdict) {
                Some(r) => format!(
                    "\"ratingValue\": {r}, \"bestRating\": 5, \"worstRating\": 1, "
                ),
                None => String::new(),
            };
            let source = claim.sources.first().and_then(|id| scenario.source(id));
            let appearance = source.map(|src| {
                let mut a = format!(
                    "{{\"@type\": \"CreativeWork\", \"headline\": {}, \"publisher\": {{\"@type\": \"Organization\", \"name\": {}}}",
                    json_string(&src.title),
                    json_string(src.publisher.get(lang.key()))
                );
                if let Some(url) = &src.url {
                    a.push_str(&format!(", \"url\": {}", json_string(url)));
                }
                a.push('}');
                a
            });
            let mut item = format!(
                "{{\"@type\": \"Claim\", \"author\": {{\"@type\": \"Organization\", \"name\": {}}}",
                json_string(claim.who.get(lang.key()))
            );
            if let Some(d) = &claim.date {
                item.push_str(&format!(", \"datePublished\": {}", json_string(d)));
            }
            if let Some(a) = appearance {
                item.push_str(&format!(", \"appearance\": {a}"));
            }
            item.push('}');
            format!(
                "  {{\n    \"@context\": \"https://schema.org\",\n    \"@type\": \"ClaimReview\",\n    \"url\": {},\n    \"claimReviewed\": {},\n    \"datePublished\": {},\n    \"inLanguage\": {},\n    \"author\": {{\"@type\": \"Organization\", \"name\": {}}},\n    \"reviewRating\": {{\"@type\": \"Rating\", {rating}\"alternateName\": {}}},\n    \"itemReviewed\": {item}\n  }}",
                json_string(&review.url),
                json_string(claim.text.get(lang.key())),
                json_string(&review.date),
                json_string(lang.tag()),
                json_string(&review.publisher),
                json_string(&alternate),
            )
        })
        .collect();
    format!("[\n{}\n]\n", items.join(",\n"))
}
