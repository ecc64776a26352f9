# Sourced by the scripts: the npm tools (wasm-opt first of all) ahead of anything else on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The release build of the page: `build_site [trunk build flags]`.
# It rebuilds Rust's standard library for the page with panics that abort at once
# (`-Cpanic=immediate-abort`), which drops the panic machinery and its message formatting from
# the .wasm: 11.8 KB brotli (README, "Size"). It is an unstable option of the machine's one
# toolchain (stable 1.95, with its rust-src from scripts/setup); RUSTC_BOOTSTRAP=1 lets it take
# it, for this build only. Its own target directory keeps these flags from invalidating the
# debug and test builds.
build_site() {
  RUSTC_BOOTSTRAP=1 \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  CARGO_TARGET_DIR="$root/target/site" \
    trunk build --release --offline "$@"
}
