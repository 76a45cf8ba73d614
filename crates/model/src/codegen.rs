//! Writes a validated [`Scenario`] as Rust source code.
//!
//! The widget validates its bundled scenario **at build time** (its
//! `build.rs` calls [`Scenario::parse`], so a bad file fails the build
//! with the parser's error) and compiles the result in as plain Rust
//! expressions. The WebAssembly bundle then carries the data but no JSON
//! parser, which keeps it small.
//!
//! # Examples
//! ```
//! use claimcheck_model::codegen::to_rust;
//! use claimcheck_model::Scenario;
//! let code = to_rust(&Scenario::eta_2016());
//! assert!(code.starts_with("::claimcheck_model::scenario::Scenario {"));
//! ```

use crate::hypothesis::Hypothesis;
use crate::scenario::*;
use crate::time::{Clock, LocalTime};

/// A Rust expression that rebuilds `scenario`, with every type written
/// by its full path so it compiles in any module.
pub fn to_rust(scenario: &Scenario) -> String {
    let mut out = String::new();
    scenario.write(&mut out);
    out
}

/// A value that can write itself as a Rust expression.
trait ToRust {
    fn write(&self, out: &mut String);
}

impl ToRust for String {
    fn write(&self, out: &mut String) {
        out.push_str(&format!("{self:?}.to_string()"));
    }
}

impl ToRust for f64 {
    fn write(&self, out: &mut String) {
        // `{:?}` keeps a decimal point or exponent, so it stays an f64.
        out.push_str(&format!("{self:?}_f64"));
    }
}

macro_rules! int_to_rust {
    ($($t:ty),*) => {$(
        impl ToRust for $t {
            fn write(&self, out: &mut String) {
                out.push_str(&format!("{self}_{}", stringify!($t)));
            }
        }
    )*};
}
int_to_rust!(i32, u8);

impl<T: ToRust> ToRust for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.write(out);
                out.push(')');
            }
        }
    }
}

impl<T: ToRust> ToRust for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push_str("vec![");
        for v in self {
            v.write(out);
            out.push_str(",\n");
        }
        out.push(']');
    }
}

impl ToRust for Hypothesis {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Hypothesis::Deadline => "::claimcheck_model::Hypothesis::Deadline",
            Hypothesis::Election => "::claimcheck_model::Hypothesis::Election",
            Hypothesis::Underprovisioning => {
                "::claimcheck_model::Hypothesis::Underprovisioning"
            }
        });
    }
}

impl ToRust for EventKind {
    fn write(&self, out: &mut String) {
        out.push_str("::claimcheck_model::scenario::EventKind::");
        out.push_str(match self {
            EventKind::Observation => "Observation",
            EventKind::Claim => "Claim",
            EventKind::Statement => "Statement",
            EventKind::Milestone => "Milestone",
        });
    }
}

/// Implements [`ToRust`] for a struct by listing every field. A field
/// left out is a compile error in the generated code, so the list
/// cannot silently fall behind the struct.
macro_rules! struct_to_rust {
    ($path:literal, $t:ident { $($field:ident),* $(,)? }) => {
        impl ToRust for $t {
            fn write(&self, out: &mut String) {
                out.push_str(concat!("::claimcheck_model::", $path, " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write(out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

struct_to_rust!("scenario::Text", Text { en, fr });
struct_to_rust!("scenario::TimeWindow", TimeWindow { at, from, to });
struct_to_rust!("scenario::Quote", Quote { text, lang, source, speaker });
struct_to_rust!(
    "scenario::Source",
    Source { id, publisher, author, date, title, title_lang, note }
);
struct_to_rust!(
    "scenario::Background",
    Background { id, when, text, quotes, sources }
);
struct_to_rust!(
    "scenario::Event",
    Event { id, kind, time, when, text, quotes, sources }
);
struct_to_rust!("scenario::Figure", Figure { id, value, unit, text, sources });
struct_to_rust!(
    "scenario::Claim",
    Claim { id, text, who, when, asserts, denies, events, sources }
);
struct_to_rust!(
    "scenario::HypothesisInfo",
    HypothesisInfo { hypothesis, label, description }
);
struct_to_rust!("scenario::Preset", Preset { id, label, hypotheses });
struct_to_rust!(
    "time::LocalTime",
    LocalTime { year, month, day, hour, minute }
);
struct_to_rust!("time::Clock", Clock { start, utc_offset_min });
struct_to_rust!(
    "scenario::Scenario",
    Scenario {
        id,
        title,
        subtitle,
        clock,
        window_end,
        zone,
        sources,
        hypotheses,
        presets,
        background,
        events,
        figures,
        claims,
    }
);
