// Code splitting for the release page, run by scripts/post-build.mjs before anything else there.
// Trunk has no support for wasm-split (trunk-rs/trunk#1022), so this does it after Trunk's build,
// on the module cargo built (still holding its relocations: build_site links with --emit-relocs):
// 1. wasm-split-cli cuts each `split_view!` chunk (src/chunk.rs) out of it and writes the chunk
//    loader `__wasm_split.js`;
// 2. wasm-bindgen makes the JS glue and the main module from what is left, in place of Trunk's;
// 3. wasm-opt shrinks every module with the flags index.html gives Trunk's own pass;
// 4. the chunks and the loader get content-hashed names (so a host may cache them for good), the
//    references to them follow, and index.html preloads the loader and checks the new hashes.
// A build without `--features split` has nothing to cut (no import from the placeholder module)
// and is left as Trunk made it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const root = new URL('..', import.meta.url).pathname;
const PLACEHOLDER = '__wasm_split_placeholder__';
const LOADER = '__wasm_split.js';

/** The `integrity` value of a file's bytes, as Trunk writes it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** `stem-<16 hex of the content's SHA-256>ext`: the content-hashed name of a file. */
export const hashed = (stem, ext, bytes) => `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** The wasm-opt flags index.html gives Trunk (`data-wasm-opt`, `data-wasm-opt-params`). */
function wasmOptFlags() {
  const source = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? root, 'index.html'), 'utf8');
  const level = source.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
  const params = source.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/**
 * Splits the page in `dir` (Trunk's staging folder) if cargo built it with `--features split`.
 * Takes and returns index.html's text; prints what it did.
 */
export async function splitChunks(dir, html) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const rawPath = join(targetDir, 'wasm32-unknown-unknown', 'release', 'job-viewer.wasm');
  if (!readFileSync(rawPath).includes(PLACEHOLDER)) {
    console.log('split: not a split build (no --features split), left as Trunk made it');
    return html;
  }
  const name = html.match(/([\w.-]+)_bg\.wasm/)?.[1];
  if (!name) throw new Error('split: no _bg.wasm named in index.html');
  const work = mkdtempSync(join(tmpdir(), 'job-viewer-split-'));
  try {
    run('wasm-split-cli', [rawPath, work, '--out-name', name]);
    const bindgen = join(work, 'bindgen');
    run('wasm-bindgen', [join(work, `${name}.wasm`), '--out-dir', bindgen, '--target', 'web',
      '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-name', name]);
    copyFileSync(join(bindgen, `${name}.js`), join(dir, `${name}.js`));
    const flags = wasmOptFlags();
    const optimise = (from, to) => run('wasm-opt', [...flags, from, '-o', to]);
    optimise(join(bindgen, `${name}_bg.wasm`), join(dir, `${name}_bg.wasm`));

    let loader = readFileSync(join(work, LOADER), 'utf8');
    for (const chunk of readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`)) {
      optimise(join(work, chunk), join(work, `${chunk}.opt`));
      const bytes = readFileSync(join(work, `${chunk}.opt`));
      const final = hashed(chunk.replace(/\.wasm$/, '').replaceAll('_', '-'), '.wasm', bytes);
      writeFileSync(join(dir, final), bytes);
      if (!loader.includes(`"./${chunk}"`)) throw new Error(`split: ${LOADER} does not name ${chunk}`);
      loader = loader.replaceAll(`"./${chunk}"`, `"./${final}"`);
      console.log(`split: chunk ${final}, ${bytes.length} bytes`);
    }
    const { code } = await minify(loader, { module: true, compress: true, mangle: true });
    const loaderName = hashed('wasm-split', '.js', code);
    writeFileSync(join(dir, loaderName), code);

    // The glue imports the loader by path; the key of the imports object stays the module name
    // the WASM imports from, so only the import's path changes.
    const gluePath = join(dir, `${name}.js`);
    const glue = readFileSync(gluePath, 'utf8');
    const importLine = new RegExp(`from ['"]\\./${LOADER.replaceAll('.', '\\.')}['"]`, 'g');
    if (!importLine.test(glue)) throw new Error(`split: the glue does not import ${LOADER}`);
    writeFileSync(gluePath, glue.replace(importLine, `from './${loaderName}'`));

    // New integrity for the replaced main module, and a preload for the loader, which the glue
    // would otherwise ask for only once it has arrived (one more round trip).
    const wasmLink = new RegExp(`(<link rel="preload" href="[^"]*${name}_bg\\.wasm"[^>]*? integrity=")([^"]+)(")`);
    if (!wasmLink.test(html)) throw new Error('split: no preload link for the WASM in index.html');
    html = html.replace(wasmLink, `$1${sri(readFileSync(join(dir, `${name}_bg.wasm`)))}$3`);
    const glueLink = new RegExp(`<link rel="modulepreload" href="([^"]*)${name}\\.js"[^>]*>`);
    const glueTag = html.match(glueLink);
    if (!glueTag) throw new Error('split: no modulepreload link for the glue in index.html');
    const loaderTag = `<link rel="modulepreload" href="${glueTag[1]}${loaderName}" crossorigin="anonymous" integrity="${sri(code)}">`;
    html = html.replace(glueTag[0], `${glueTag[0]}\n    ${loaderTag}`);
    console.log(`split: ${name}_bg.wasm and ${name}.js rebuilt from the split module, loader ${loaderName}`);
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
