# Shared by scripts/serve, scripts/test and scripts/size-report: checks the
# versions of every tool the build and the tests use, and installs what is
# missing or wrong. Safe to run again: with everything in place it takes a
# second or two.
#
# Tool versions (keep in step with Cargo.lock and Trunk.toml):
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0   # npm's binaryen; wasm-opt reports version_132
AXE_VERSION=4.14.1         # npm's axe-core, for the accessibility run
PYM_VERSION=1.3.2          # npm's pym.js, the e2e run's real iframe parent
ESBUILD_VERSION=0.28.2     # npm's esbuild, which minifies the release JS and CSS
GECKODRIVER_VERSION=0.37.1 # Firefox's WebDriver, from crates.io, for the e2e run
TOOLS_DIR=${CLAIMCHECK_TOOLS:-$HOME/.cache/claimcheck/tools}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export GECKODRIVER=${GECKODRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"; fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must equal it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' \
    "$ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo not found; install Rust 1.95 with rustup"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for c in rustfmt clippy rust-src; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
      say "adding rustup component $c"
      rustup component add "$c"
    fi
  done
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 9 minutes)"
    cargo install --locked --force "trunk@$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] ||
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $want" ]; then
    say "installing wasm-bindgen-cli $want (about 4 minutes)"
    # Not --locked: the registry lacks one of its locked dependencies.
    cargo install --force "wasm-bindgen-cli@$want"
  fi
  grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml must pin wasm_bindgen = \"$want\" (as Cargo.lock does)"
}

ensure_node() {
  if ! command -v npm >/dev/null; then
    say "installing Node.js and npm"
    as_root apt-get update -qq
    as_root apt-get install -y -qq nodejs npm
  fi
}

npm_version() {
  node -p "require('$TOOLS_DIR/node_modules/$1/package.json').version" 2>/dev/null
}

ensure_npm_tools() {
  ensure_node
  if [ "$(npm_version binaryen)" != "$BINARYEN_VERSION" ] ||
     [ "$(npm_version axe-core)" != "$AXE_VERSION" ] ||
     [ "$(npm_version pym.js)" != "$PYM_VERSION" ] ||
     [ "$(npm_version esbuild)" != "$ESBUILD_VERSION" ] ||
     ! wasm-opt --version 2>/dev/null | grep -q version_132; then
    say "installing npm binaryen@$BINARYEN_VERSION, axe-core@$AXE_VERSION, pym.js@$PYM_VERSION and esbuild@$ESBUILD_VERSION into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent \
      "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION" "pym.js@$PYM_VERSION" \
      "esbuild@$ESBUILD_VERSION")
  fi
  wasm-opt --version | grep -q version_132 || die "wasm-opt is not binaryen 132"
}

# apt-get update, at most once per run of a script.
apt_update_once() {
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
}

# Installs the given Debian packages that are not installed yet, in one
# apt-get call.
apt_ensure() {
  local p missing=()
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} from apt"
  apt_update_once
  as_root apt-get install -y -qq "${missing[@]}"
}

ensure_chromium() {
  local b d
  b=$(dpkg-query -W -f='${Status} ${Version}' chromium 2>/dev/null || true)
  d=$(dpkg-query -W -f='${Status} ${Version}' chromium-driver 2>/dev/null || true)
  if [[ "$b" != "install ok installed "* ]] || [ "$b" != "$d" ]; then
    say "installing chromium and chromium-driver from apt"
    apt_update_once
    as_root apt-get install -y -qq chromium chromium-driver
  fi
}

# Firefox ESR from apt, and geckodriver (Mozilla publishes it on crates.io,
# not in Debian) at a fixed version.
ensure_firefox() {
  apt_ensure firefox-esr
  if [ "$("$GECKODRIVER" --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
    cargo install --locked --force "geckodriver@$GECKODRIVER_VERSION"
    [ "$("$GECKODRIVER" --version 2>/dev/null | head -n1)" = "geckodriver $GECKODRIVER_VERSION" ] ||
      die "geckodriver $GECKODRIVER_VERSION is not at $GECKODRIVER (set GECKODRIVER or CARGO_HOME)"
  fi
}

# WebKitGTK's WebDriver (it pulls in libwebkit2gtk-4.1-0, whose MiniBrowser
# it drives; apt keeps the two at the same version) and Xvfb, the display
# MiniBrowser needs: WebKitGTK has no headless mode.
ensure_webkit() {
  apt_ensure webkit2gtk-driver xvfb
}

# The release wasm is built with a standard library compiled for it
# (cargo's build-std, from the rust-src component) in which a panic is a
# bare trap (-C panic=immediate-abort) and carries no source location:
# the panic machinery, its messages and locations leave the bundle
# (-26 KB gzip; scripts/size-tried.txt). Both are unstable options, which
# RUSTC_BOOTSTRAP=1 unlocks on the stable toolchain. Nothing is lost in a
# reader's page: with panic = "abort" a panic already ended in a trap, and
# the widget must never panic there. Debug builds (trunk serve) and the
# tests keep the standard build and yew's panic messages. The release
# scripts (smoke, size-report, bench, serve --release) call this before
# `trunk build --release`; a plain `trunk build --release` still works and
# gives a bundle about 27 KB gzip larger.
release_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # Replaces .cargo/config.toml's target flags: repeat them.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types,-multivalue -Z unstable-options -C panic=immediate-abort -Z location-detail=none"
  # Trunk builds offline: the standard library's own dependencies must be
  # in cargo's cache first (a second or two once they are).
  local lib; lib="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
  [ -f "$lib/Cargo.toml" ] || die "no standard library source at $lib (rustup component add rust-src)"
  cargo fetch --manifest-path "$lib/Cargo.toml" >/dev/null 2>&1 ||
    cargo fetch --manifest-path "$lib/Cargo.toml"
}

ensure_build_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

ensure_all_tools() {
  ensure_build_tools
  ensure_chromium
  ensure_firefox
  ensure_webkit
}
