// The page's size budget, checked on a release build from the brotli copies post-build wrote
// beside each HTML, CSS, JS and WASM file (what a browser downloads from a host that serves them):
// - the first screen, every file fetched before the form works and a fetch can run (index.html,
//   what it names, and what those scripts import: scripts/page-files.mjs), at most 175 KB;
// - everything, every chunk loaded on first use included, at most 350 KB.
// Prints each file, so a change's cost shows in every run; exits 1 over either budget.
//   node scripts/size-check.mjs dist
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pageFiles } from './page-files.mjs';

const FIRST_SCREEN_BUDGET = 175 * 1024;
const TOTAL_BUDGET = 350 * 1024;
const dir = process.argv[2] ?? 'dist';

const brotli = (name) => {
  try {
    return statSync(join(dir, `${name}.br`)).size;
  } catch {
    throw new Error(`${name}.br is missing: only release builds carry the compressed copies`);
  }
};
const rows = pageFiles(dir)
  .map((file) => ({ ...file, size: brotli(file.name) }))
  .sort((a, b) => Number(b.firstScreen) - Number(a.firstScreen) || b.size - a.size);
let first = 0;
let total = 0;
for (const { name, size, firstScreen } of rows) {
  total += size;
  if (firstScreen) first += size;
  console.log(`${String(size).padStart(8)}  ${firstScreen ? 'first screen' : 'on first use'}  ${name}.br`);
}
const within = (label, size, budget) => {
  const ok = size <= budget;
  console.log(`${String(size).padStart(8)}  ${label}: ${ok ? 'within' : 'OVER'} the budget of ${budget} bytes (${budget / 1024} KB), ${budget - size} left`);
  return ok;
};
const firstOk = within('first screen', first, FIRST_SCREEN_BUDGET);
const totalOk = within('everything', total, TOTAL_BUDGET);
if (!firstOk || !totalOk) process.exit(1);
