// Bundles the hosts to CommonJS: unified and remark are ESM-only, VS Code loads CommonJS.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeSnippets } from './snippets.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
// `--outdir DIR` (the npm package's staging folder): the hosts' bundles only, written there.
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : undefined;
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // Some ESM dependencies (fdir) read import.meta.url, which CommonJS lacks.
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version), 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/import-meta-url.js'],
};
const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/serverEntry.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The Markdown preview's chart: the core and the renderer, loaded only when a preview opens.
  { entryPoints: ['client/src/preview/index.ts'], outfile: 'dist/preview.js', external: ['vscode'] },
]
  .filter((entry) => existsSync(entry.entryPoints[0]))
  .filter((entry) => !outdir || !/(client|preview)\.js$/.test(entry.outfile))
  .map((entry) => (outdir ? { ...entry, outfile: join(outdir, basename(entry.outfile)) } : entry));
await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
// The snippets file is generated from client/src/templates.ts, the one source of the templates.
if (!outdir) await writeSnippets();
