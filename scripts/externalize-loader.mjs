// Trunk post-build hook: moves Trunk's inline module loader into its own file, so the page's
// Content-Security-Policy can forbid inline scripts (script-src 'self'). The file name carries a
// content hash like Trunk's own assets, and the tag gets an integrity hash like theirs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) throw new Error(`expected one inline module script, found ${found.length}`);

const code = found[0][1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
writeFileSync(join(dir, name), code);
const tag = `<script type="module" src="${publicUrl}${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
writeFileSync(htmlPath, html.replace(found[0][0], tag));
console.log(`externalize-loader: ${name}`);
