// Writes a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) beside every page file in a
// folder, for hosts that serve precompressed files (nginx's brotli_static and gzip_static,
// tower-http's ServeDir). Node's zlib does the compressing: it is Google's brotli and zlib.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The files a browser downloads to show the page. */
export const PAGE_FILE = /\.(?:html|css|js|wasm)$/;

/** Compresses every page file in `dir`; returns one line per file saying what it came to. */
export function precompress(dir) {
  return readdirSync(dir)
    .filter((name) => PAGE_FILE.test(name))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      const br = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: extname(name) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      writeFileSync(join(dir, `${name}.br`), br);
      writeFileSync(join(dir, `${name}.gz`), gz);
      return `${name}: ${bytes.length} bytes, ${br.length} brotli, ${gz.length} gzip`;
    });
}
