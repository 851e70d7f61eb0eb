// `npm run pack:cli [-- --out DIR]`: the npm package `postmortem-lint`, as a tarball in DIR
// (default: the repository root), from packages/postmortem-lint/package.json.
//
// The root package.json is the VS Code extension's manifest (its id, postmortem-tools.postmortem,
// must not change, and the npm name `postmortem` is taken), so the CLI's package has a manifest
// of its own. It is staged in a fresh temporary folder: the production bundles (self-contained,
// so no dependencies), README, LICENSE and the .postmortemrc.json schema when there is one, with
// the root's version. Nothing else, and no install scripts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const out = resolve(outAt >= 0 ? process.argv[outAt + 1] : root);
const SCHEMA = 'schemas/postmortemrc.schema.json';

const stage = mkdtempSync(join(tmpdir(), 'postmortem-lint-pack-'));
try {
  run(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--outdir', join(stage, 'dist')], root);
  const manifest = JSON.parse(readFileSync(join(root, 'packages/postmortem-lint/package.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ['README.md', 'LICENSE', ...(existsSync(join(root, SCHEMA)) ? [SCHEMA] : [])]) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  mkdirSync(out, { recursive: true });
  // --ignore-scripts: the manifest has none, and a user's npm config must not add any.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], stage);
  const [{ filename, size, entryCount }] = JSON.parse(packed);
  process.stdout.write(`${join(out, filename)} (${entryCount} files, ${(size / 1024).toFixed(0)} KiB)\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}
