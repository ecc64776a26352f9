// Trunk post-build hook. Trunk starts every hook of a stage at once, so all post-build work is
// here, in order:
// 0. In release builds, splits the page into its first-screen module and its chunks
//    (scripts/split.mjs), replacing Trunk's JS glue and WASM.
// 1. Moves Trunk's inline module loader into its own file, so the page's Content-Security-Policy
//    can forbid inline scripts (script-src 'self'). The file name carries a content hash like
//    Trunk's own assets, and the tag gets an integrity hash like theirs.
// 2. In release builds, minifies wasm-bindgen's JS glue with terser (Trunk's own JS minifier
//    cannot parse it), strips comments and indentation from the stylesheet and comments from the
//    HTML (Trunk's minify option would rewrite the HTML this hook edits), and updates the
//    integrity hashes the page checks.
// 3. In release builds, writes `_headers` (scripts/headers.mjs): deploy/nginx.conf's headers and
//    cache rules for hosts that read that file.
// 4. In release builds, writes a .br and a .gz beside every HTML, CSS, JS and WASM file, so a
//    host can send them compressed without compressing on each request (scripts/precompress.mjs).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { writeHeadersFile } from './headers.mjs';
import { PAGE_FILE, precompress } from './precompress.mjs';
import { hashed, splitChunks, sri } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
if (process.env.TRUNK_PROFILE === 'release') html = await splitChunks(dir, html);
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) throw new Error(`expected one inline module script, found ${found.length}`);

const code = found[0][1].trim() + '\n';
const name = hashed('boot', '.js', code);
writeFileSync(join(dir, name), code);
const tag = `<script type="module" src="${publicUrl}${name}" integrity="${sri(code)}" crossorigin="anonymous"></script>`;
html = html.replace(found[0][0], tag);
console.log(`post-build: loader moved to ${name}`);

if (process.env.TRUNK_PROFILE === 'release') {
  const preload = /<link rel="modulepreload" href="([^"]*\/)?([^"/]+\.js)"([^>]*?) integrity="([^"]+)"/;
  const match = html.match(preload);
  if (!match) throw new Error('no modulepreload link for the JS glue in index.html');
  const gluePath = join(dir, match[2]);
  const glue = readFileSync(gluePath, 'utf8');
  const { code: small } = await minify(glue, { module: true, compress: true, mangle: true });
  writeFileSync(gluePath, small);
  html = html.replace(match[0], match[0].replace(match[4], sri(small)));
  console.log(`post-build: ${match[2]} minified, ${glue.length} -> ${small.length} bytes`);

  // Our own stylesheet holds no "/*" inside strings, so comments can go by pattern.
  const stylesheet = /<link rel="stylesheet" href="([^"]*\/)?([^"/]+\.css)" integrity="([^"]+)"/;
  const css = html.match(stylesheet);
  if (!css) throw new Error('no stylesheet link in index.html');
  const cssPath = join(dir, css[2]);
  const full = readFileSync(cssPath, 'utf8');
  const lean = full.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*/g, '\n').trim() + '\n';
  writeFileSync(cssPath, lean);
  html = html.replace(css[0], css[0].replace(css[3], sri(lean)));
  console.log(`post-build: ${css[2]} stripped, ${full.length} -> ${lean.length} bytes`);

  // The HTML's comments are notes for whoever edits index.html, not for the browser.
  html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
}
writeFileSync(htmlPath, html);
if (process.env.TRUNK_PROFILE === 'release') {
  writeHeadersFile(dir, readdirSync(dir).filter((name) => PAGE_FILE.test(name)), publicUrl);
  console.log('post-build: _headers written');
  for (const line of precompress(dir)) console.log(`post-build: precompressed ${line}`);
}
