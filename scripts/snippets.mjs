// Writes snippets/postmortem.code-snippets from client/src/templates.ts, the one source of the
// template text (the New Postmortem command inserts the same snippets). Run by the build;
// `--check` only compares, for tests and CI, and exits 1 when the file is stale.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}snippets/postmortem.code-snippets`;

/** Bundles templates.ts to CommonJS in memory and evaluates it. */
export async function loadTemplates() {
  const result = await build({
    entryPoints: [`${root}client/src/templates.ts`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** The snippets file's text, as the build writes it. */
export async function snippetsText() {
  const { allSnippets } = await loadTemplates();
  return `${JSON.stringify(allSnippets(), null, 2)}\n`;
}

/** Writes the snippets file when it differs from what templates.ts generates. */
export async function writeSnippets() {
  const text = await snippetsText();
  if (readCurrent() !== text) writeFileSync(target, text);
}

function readCurrent() {
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return ''; // not written yet
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--check')) await writeSnippets();
  else if (readCurrent() !== (await snippetsText())) {
    console.error('snippets/postmortem.code-snippets is stale: run `node scripts/snippets.mjs`');
    process.exit(1);
  }
}
