//! Validates the bundled scenario at build time and compiles it in.
//!
//! A malformed or inconsistent scenario file fails the build with the
//! validator's error (file, field, what was expected), so a widget that
//! builds always carries valid data and no JSON parser.

use std::{env, fs, path::PathBuf};

fn main() {
    let file = "crates/model/data/eta-2016.json";
    println!("cargo::rerun-if-changed={file}");
    let json = fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    let scenario = claimcheck_model::Scenario::parse(file, &json)
        .unwrap_or_else(|e| panic!("invalid scenario: {e}"));
    let code = claimcheck_model::codegen::to_rust(&scenario);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("eta_2016.rs"), code)
        .unwrap_or_else(|e| panic!("cannot write eta_2016.rs: {e}"));
}
