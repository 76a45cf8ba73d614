//! What the CLI's integration tests share: running the binary, reading
//! its output, and the shape of a rejection.
#![allow(dead_code)] // each test file uses its own share of these

use std::process::{Command, Output};

use claimcheck_model::{bundled, Scenario};
use serde_json::Value;

pub const ETA: &str = "eta-2016";

pub fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs a command that must succeed, and returns its stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = claimcheck(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?} wrote on stderr");
    String::from_utf8(out.stdout).expect("UTF-8")
}

pub fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
}

/// Bad input: exit 2, nothing on stdout, and one error on stderr that
/// says what and why (it mentions each of `mentions`); returns it.
pub fn rejects(args: &[&str], mentions: &[&str]) -> String {
    let out = claimcheck(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.starts_with("claimcheck: error: "), "{err}");
    assert_eq!(
        err.matches("claimcheck: error: ").count(),
        1,
        "one error: {err}"
    );
    for m in mentions {
        assert!(err.contains(m), "{args:?}: stderr lacks `{m}`: {err}");
    }
    err
}

pub fn eta() -> Scenario {
    bundled::find(ETA).expect("the eTA scenario is bundled")
}
