# Shared by scripts/serve, scripts/test and scripts/size-report: checks the
# versions of every tool the build and the tests use, and installs what is
# missing or wrong. Safe to run again: with everything in place it takes a
# second or two.
#
# Tool versions (keep in step with Cargo.lock and Trunk.toml):
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0   # npm's binaryen; wasm-opt reports version_132
AXE_VERSION=4.14.1         # npm's axe-core, for the accessibility run
TOOLS_DIR=${CLAIMCHECK_TOOLS:-$HOME/.cache/claimcheck/tools}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

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
  for c in rustfmt clippy; do
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
     ! wasm-opt --version 2>/dev/null | grep -q version_132; then
    say "installing npm binaryen@$BINARYEN_VERSION and axe-core@$AXE_VERSION into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent \
      "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION")
  fi
  wasm-opt --version | grep -q version_132 || die "wasm-opt is not binaryen 132"
}

ensure_chromium() {
  local b d
  b=$(dpkg-query -W -f='${Status} ${Version}' chromium 2>/dev/null || true)
  d=$(dpkg-query -W -f='${Status} ${Version}' chromium-driver 2>/dev/null || true)
  if [[ "$b" != "install ok installed "* ]] || [ "$b" != "$d" ]; then
    say "installing chromium and chromium-driver from apt"
    as_root apt-get update -qq
    as_root apt-get install -y -qq chromium chromium-driver
  fi
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
}
