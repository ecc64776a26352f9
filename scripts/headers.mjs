// The headers every response of the site should carry, read from deploy/nginx.conf (the one
// place they are written), and the `_headers` file that static hosts without a config file read
// (Netlify, Cloudflare Pages): the same headers on every path, plus the cache rules, one rule per
// file, since those hosts join the values of every rule that matches a path.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The server-level `add_header` lines of deploy/nginx.conf with fixed values: [name, value]. */
export function securityHeaders() {
  const conf = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  const headers = [...conf.matchAll(/^ {4}add_header ([\w-]+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]);
  if (headers.length < 6) throw new Error(`deploy/nginx.conf: expected its security headers, found ${headers.length}`);
  return headers;
}

/** What a file of the built site is sent with, as nginx decides it (by extension). */
export function cacheControl(name) {
  return /\.(?:js|wasm|css)$/.test(name) ? IMMUTABLE : REVALIDATE;
}

/** Writes `dir/_headers` for the page files `names`, served under `publicUrl`. */
export function writeHeadersFile(dir, names, publicUrl) {
  const base = publicUrl.startsWith('/') ? publicUrl.replace(/\/?$/, '/') : '/';
  const rule = (path, headers) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const rules = [
    rule(`${base}*`, securityHeaders()),
    rule(base, [['Cache-Control', REVALIDATE]]),
    ...names.sort().map((name) => rule(`${base}${name}`, [['Cache-Control', cacheControl(name)]])),
  ];
  writeFileSync(join(dir, '_headers'), `${rules.join('\n')}\n`);
}
