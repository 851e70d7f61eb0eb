/**
 * The editor and CI never disagree: each real sample postmortem (/work/shared/samples),
 * opened in the built server, gets the findings the built CLI prints, and
 * source.fixAll.postmortem removes every fixable one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze, automaticFix, fixAll } from '../../server/src/core';
import { configOf } from '../helpers';
import { TestClient, postmortemUri, serverForSuite } from './client';
import { comparable, expectedDiagnostics } from './expect';

const SAMPLES = '/work/shared/samples';
const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

/** The CLI's findings for a file, as the diagnostics the server should publish. */
function cliDiagnostics(file: string): Diagnostic[] {
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', file], { encoding: 'utf8' });
  const [report] = JSON.parse(result.stdout) as Array<{ diagnostics: CliDiagnostic[] }>;
  return report.diagnostics.map((d) => ({
    range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    severity: SEVERITY[d.severity] as Diagnostic['severity'],
    code: d.rule,
    source: 'postmortem',
    message: d.message,
  }));
}

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort() : [];

describe('language server: the sample postmortems agree with the CLI', { timeout: 120_000, skip: samples.length === 0 && 'no samples here' }, () => {
  let client: TestClient;
  let root: string;
  serverForSuite((started, folder) => ([client, root] = [started, folder]));

  it('has the five samples', () => assert.equal(samples.length, 5));

  for (const sample of samples) {
    it(`${sample}: same findings as the CLI, and fix-all leaves no fixable one`, async () => {
      const file = join(SAMPLES, sample);
      const text = readFileSync(file, 'utf8');
      const uri = postmortemUri(root, sample.replace(/\.txt$/, '.md'));
      const opened = await client.open(uri, text);
      assert.deepEqual(comparable(opened.diagnostics), comparable(cliDiagnostics(file)));
      // What fix-all can fix: findings with an automatic fix (the others are the writer's choice: a conversion, a sort, which zone to declare).
      const options = { config: configOf(), path: fileURLToPath(uri) };
      const fixable = analyze(text, options)
        .findings.filter((f) => automaticFix(f) !== undefined)
        .map((f) => `${f.ruleId} ${f.message}`);

      const actions: CodeAction[] = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      if (fixable.length === 0) {
        assert.deepEqual(actions, []);
        return;
      }
      assert.equal(actions.length, 1);
      const resolved: CodeAction = await client.request('codeAction/resolve', actions[0]);
      const version = client.applyEdits(uri, client.editsFor(resolved.edit, uri));
      assert.equal(client.text(uri), fixAll(text, options).text);
      const fixed = await client.waitForDiagnostics(uri, version);
      assert.deepEqual(comparable(fixed.diagnostics), comparable(expectedDiagnostics(client.text(uri), uri)));
      const remaining = new Set(fixed.diagnostics.map((d) => `${String(d.code)} ${d.message}`));
      assert.deepEqual(
        fixable.filter((f) => remaining.has(f)),
        [],
        'every fixable finding is gone',
      );
    });
  }
});
