// The page's size budget, checked on a release build: the brotli copies post-build wrote beside
// each HTML, CSS, JS and WASM file (what a browser downloads from a host that serves them) must
// add up to at most 150 KB. Prints each file; exits 1 over budget. Size is checked, not timed.
//   node scripts/size-check.mjs dist
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_FILE } from './precompress.mjs';

const BUDGET = 150 * 1024;
const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((name) => PAGE_FILE.test(name));
if (files.length === 0) throw new Error(`no page files in ${dir}: build it first`);
let total = 0;
for (const name of files) {
  let size;
  try {
    size = statSync(join(dir, `${name}.br`)).size;
  } catch {
    throw new Error(`${name}.br is missing: only release builds carry the compressed copies`);
  }
  total += size;
  console.log(`${String(size).padStart(8)}  ${name}.br`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`${String(total).padStart(8)}  total: ${verdict} the budget of ${BUDGET} bytes (150 KB), ${BUDGET - total} left`);
if (total > BUDGET) process.exit(1);
