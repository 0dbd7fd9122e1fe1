#!/usr/bin/env node
// Builds the self-check page's two scripts (run by `npm run build`, so by `prepare`): the page's
// own script and the grading worker, which is the grading library with SheetJS. `stepmark page`
// embeds these prebuilt files with a rubric; it needs no bundler.
//
// The library stays unaware of the browser: the two Node modules the reader imports are mapped to
// small browser versions here (src/web/browser/shims/), and nothing else of Node is bundled.
import { build } from 'esbuild';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/web-page`;
await mkdir(outdir, { recursive: true });

// zod's entry re-exports all of its ~40 message locales (260 KB minified); the page keeps the two
// languages stepmark speaks.
const twoZodLocales = {
  name: 'two-zod-locales',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/') ? { path: args.importer, namespace: 'zod-locales' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from '../locales/en.js'; export { default as zhCN } from '../locales/zh-CN.js';`,
      resolveDir: dirname(args.path),
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [twoZodLocales],
  alias: {
    'node:zlib': './src/web/browser/shims/zlib.ts',
    'node:util': './src/web/browser/shims/util.ts',
  },
};

await build({ ...common, entryPoints: ['src/web/browser/worker.ts'], outfile: `${outdir}/worker.js` });
await build({ ...common, entryPoints: ['src/web/browser/app.ts'], outfile: `${outdir}/app.js` });

for (const name of ['worker.js', 'app.js']) {
  const { size } = await stat(`${outdir}/${name}`);
  if (process.env['STEPMARK_VERBOSE']) console.log(`dist/web-page/${name}: ${(size / 1024).toFixed(0)} KB`);
}
