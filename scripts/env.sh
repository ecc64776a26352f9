# Sourced by the scripts: the npm tools (wasm-opt first of all) ahead of anything else on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
