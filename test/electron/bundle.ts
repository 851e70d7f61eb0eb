/**
 * Bundles the extension-host suite (test/electron/suite) to CommonJS in out/electron/, for
 * VS Code (`npm run test:electron`) and for code-server (the second half of `npm run test:e2e`).
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const suite = join(import.meta.dirname, 'suite');

/** Where the bundled suite goes; `index.js` in it is the `extensionTestsPath`. */
export const SUITE_OUT = join(import.meta.dirname, '..', '..', 'out', 'electron');

export async function bundleSuite(): Promise<string> {
  await build({
    entryPoints: [join(suite, 'index.ts'), join(suite, 'extension.test.ts')],
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The extension host provides `vscode`; mocha is loaded from the project's node_modules.
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(SUITE_OUT, 'index.js');
}
