//! Validates the bundled scenarios at build time and packs them in.
//!
//! Every `*.json` file in `scenarios/` is parsed and validated by the
//! model's parser; a malformed or inconsistent file fails the build with
//! the validator's error (file, field, what was expected). The validated
//! scenarios are packed into one compact binary
//! (`claimcheck_model::pack`), so the widget carries data and a small
//! decoder, but no JSON parser. Exactly one scenario must be marked
//! `"default": true`.

use std::{env, fs, path::PathBuf};

fn main() {
    let dir = PathBuf::from("scenarios");
    println!("cargo::rerun-if-changed=scenarios");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let name = file.display().to_string();
        let json = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        match claimcheck_model::Scenario::parse(&name, &json) {
            Ok(s) => all.push(s),
            Err(e) => panic!("invalid scenario: {e}"),
        }
    }
    let defaults: Vec<&str> =
        all.iter().filter(|s| s.default).map(|s| s.id.as_str()).collect();
    if defaults.len() != 1 {
        panic!(
            "scenarios/: expected exactly one scenario with \"default\": \
             true, found {} ({})",
            defaults.len(),
            defaults.join(", ")
        );
    }
    let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        panic!("scenarios/: two files share the id `{}`", w[0]);
    }
    let bytes = claimcheck_model::pack::pack_all(&all);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("scenarios.bin"), bytes)
        .unwrap_or_else(|e| panic!("cannot write scenarios.bin: {e}"));
}
