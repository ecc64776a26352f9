// Which of a release build's files the first screen needs, for scripts/size-check.mjs and the
// benchmark: index.html, the files it names, and the scripts those import statically
// (wasm-bindgen's glue imports the chunk loader). Every other page file is a chunk, fetched by
// the loader when first wanted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_FILE } from './precompress.mjs';

/** The page files in `dir`, each with whether the first screen needs it. */
export function pageFiles(dir) {
  const files = readdirSync(dir).filter((name) => PAGE_FILE.test(name));
  if (!files.includes('index.html')) throw new Error(`no index.html in ${dir}: build it first`);
  const named = (text) => files.filter((name) => text.includes(`${name}"`) || text.includes(`${name}'`));
  const firstScreen = new Set();
  const queue = ['index.html'];
  while (queue.length > 0) {
    const name = queue.shift();
    if (firstScreen.has(name)) continue;
    firstScreen.add(name);
    if (name.endsWith('.html')) queue.push(...named(readFileSync(join(dir, name), 'utf8')));
    if (name.endsWith('.js')) {
      const code = readFileSync(join(dir, name), 'utf8');
      const imports = [...code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
      queue.push(...imports.filter((imported) => files.includes(imported)));
    }
  }
  return files.map((name) => ({ name, firstScreen: firstScreen.has(name) }));
}
