# Sourced by the scripts: the npm tools (wasm-opt first of all) ahead of anything else on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The release build of the page: `build_site [trunk build flags]`, on stable Rust with its stock
# standard library. `SITE_FEATURES=test-hooks build_site …` adds cargo features (the tests' build
# with a panic on demand; the benchmark's decoder). `--features split` puts the parts the first screen does not need into their
# own WASM chunks: the linker keeps its relocations (--emit-relocs) so that scripts/split.mjs,
# run by the post-build hook, can cut them out of the module cargo built. The flag changes
# RUSTFLAGS, so the build has its own target directory and leaves the debug and test builds be.
build_site() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs" \
  CARGO_TARGET_DIR="$root/target/site" \
    trunk build --release --offline --features "split${SITE_FEATURES:+,$SITE_FEATURES}" "$@"
}
