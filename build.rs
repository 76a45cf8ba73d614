//! Validates the bundled scenarios at build time and packs them in.
//!
//! Every `*.json` file in `scenarios/` is parsed and validated by the
//! model's parser; a malformed or inconsistent file fails the build with
//! the validator's error (file, field, what was expected). The validated
//! default scenario is packed into a compact binary
//! (`claimcheck_model::pack`) inside the wasm, so the widget carries data
//! and a small decoder, but no JSON parser; the others are fetched in the
//! same form when a widget shows them (see `src/data.rs`). Exactly one
//! scenario must be marked `"default": true`.

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
    // The default story is packed into the wasm; the others are files
    // the widget fetches when it shows them (`stories/<id>.bin`, written
    // into the bundle by `claimcheck pack`, from scripts/stories). Every
    // id is in the catalog, so a widget knows them all before any fetch.
    let bundled: Vec<_> = all.iter().filter(|s| s.default).cloned().collect();
    let bytes = claimcheck_model::pack::pack_all(&bundled);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("scenarios.bin"), bytes)
        .unwrap_or_else(|e| panic!("cannot write scenarios.bin: {e}"));
    let catalog: String = all
        .iter()
        .map(|s| format!("    ({:?}, {}),\n", s.id, s.default))
        .collect();
    fs::write(
        out.join("catalog.rs"),
        format!(
            "/// Every scenario of this build: id, and whether it is the \
             default (packed into the wasm).\n\
             pub static CATALOG: &[(&str, bool)] = &[\n{catalog}];\n"
        ),
    )
    .unwrap_or_else(|e| panic!("cannot write catalog.rs: {e}"));
}
