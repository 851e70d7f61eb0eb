/**
 * Runs every fixture under test/fixtures/rules: a Markdown scenario whose trailing
 * `<!-- expected … -->` block lists the findings (`LINE RULE[@SEVERITY] [words from the message]`;
 * with `@SEVERITY`, the finding must have it), an optional `<!-- config {json} -->` line, an
 * optional `<!-- today YYYY-MM-DD -->` line (the date due-date rules count from), an optional
 * `<!-- fixes … -->` block listing the quick fixes a finding offers, in order
 * (`LINE RULE [preferred, automatic] title`, the flags optional), and an optional
 * `NAME.fixed.md` golden file for fix-all. Fix-all is applied to every fixture and the result
 * re-linted: the findings it fixes must be gone, every word and stated time of the original
 * kept, and fixing again must change nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { automaticFix, fixAll, preferredFix, type Finding } from '../../server/src/core';
import { configOf, lint } from '../helpers';
import { assertFixAllKeepsFacts } from './fixChecks';

const root = join(__dirname, '..', 'fixtures', 'rules');

function* fixtures(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* fixtures(path);
    else if (entry.name.endsWith('.md') && !entry.name.endsWith('.fixed.md')) yield path;
  }
}

interface Expectation {
  line: number;
  rule: string;
  severity?: string;
  words?: string;
}

function expectations(text: string): Expectation[] {
  const block = /<!--\s*expected\s*\n([\s\S]*?)-->/.exec(text);
  if (!block) throw new Error('fixture has no <!-- expected … --> block (write an empty one for "no findings")');
  return block[1]
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, lineNo, rule, severity, words] = /^(\d+)\s+([a-z-]+)(?:@(error|warning|info|hint))?(?:\s+(.*))?$/.exec(line) ?? [];
      if (!rule) throw new Error(`bad expectation line: ${line}`);
      return { line: Number(lineNo), rule, severity, words };
    });
}

function todayOf(text: string): string | undefined {
  return /<!--\s*today\s+(\d{4}-\d{2}-\d{2})\s*-->/.exec(text)?.[1];
}

function configPatch(text: string): unknown {
  const match = /<!--\s*config\s+(\{[\s\S]*?\})\s*-->/.exec(text);
  return match ? JSON.parse(match[1]) : {};
}

describe('rule fixtures', () => {
  for (const path of fixtures(root)) {
    const name = relative(root, path);
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const patch = configPatch(text);
      const today = todayOf(text);
      const analysis = lint(text, patch, undefined, today);
      assert.deepEqual(analysis.problems, []);
      const want = expectations(text);
      const got = analysis.findings.map((f) => ({ line: f.range.start.line + 1, rule: f.ruleId, severity: f.severity, message: f.message }));
      assert.deepEqual(
        got.map((g) => `${g.line} ${g.rule}`).sort(),
        want.map((w) => `${w.line} ${w.rule}`).sort(),
        `findings of ${name}:\n${got.map((g) => `${g.line} ${g.rule}: ${g.message}`).join('\n')}`,
      );
      for (const w of want.filter((x) => x.words)) {
        const match = got.find((g) => g.line === w.line && g.rule === w.rule && g.message.includes(w.words!));
        assert.ok(match, `${name}: no ${w.rule} on line ${w.line} saying "${w.words}"`);
      }
      for (const w of want.filter((x) => x.severity)) {
        const at = got.filter((g) => g.line === w.line && g.rule === w.rule);
        assert.ok(at.length > 0 && at.every((g) => g.severity === w.severity), `${name}: ${w.rule} on line ${w.line} is ${at.map((g) => g.severity).join(', ')}, not ${w.severity}`);
      }

      assertOfferedFixes(text, analysis.findings, name);

      const fixable = analysis.findings.filter((f) => automaticFix(f));
      const options = { config: configOf(patch), path: '/work/postmortems/test.md', force: true, today };
      const fixed = fixAll(text, options).text;
      const golden = path.replace(/\.md$/, '.fixed.md');
      if (existsSync(golden)) assert.equal(fixed, readFileSync(golden, 'utf8'), `${name}: fixed text differs from ${relative(root, golden)}`);
      if (fixable.length === 0) {
        assert.equal(fixed, text, `${name}: nothing was fixable, yet fixing changed the text`);
        return;
      }
      const after = lint(fixed, patch, undefined, today);
      for (const finding of fixable) {
        const again = after.findings.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
        assert.equal(again.length, 0, `${name}: after fixing, still "${finding.message}"`);
      }
      assertFixAllKeepsFacts(text, options, name);
    });
  }
});

/** The `<!-- fixes … -->` block: each listed finding offers exactly these fixes, in this order, preferred and automatic as marked. */
function assertOfferedFixes(text: string, findings: readonly Finding[], name: string): void {
  const block = /<!--\s*fixes\s*\n([\s\S]*?)-->/.exec(text);
  if (!block) return;
  const wanted = new Map<string, string[]>();
  for (const line of block[1].split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [, lineNo, rule, flags, title] = /^(\d+)\s+([a-z-]+)\s+(?:\[([a-z, ]+)\]\s+)?(.+)$/.exec(line) ?? [];
    if (!title) throw new Error(`bad fixes line: ${line}`);
    const key = `${lineNo} ${rule}`;
    wanted.set(key, [...(wanted.get(key) ?? []), describeFix(title, (flags ?? '').split(',').map((f) => f.trim()))]);
  }
  for (const [key, fixes] of wanted) {
    const found = findings.filter((f) => `${f.range.start.line + 1} ${f.ruleId}` === key);
    assert.equal(found.length, 1, `${name}: the fixes block names ${key}, which has ${found.length} findings`);
    const preferred = preferredFix(found[0]);
    const offered = found[0].fixes.map((fix) => describeFix(fix.title, [fix === preferred ? 'preferred' : '', fix.automatic ? 'automatic' : '']));
    assert.deepEqual(offered, fixes, `${name}: the fixes of ${key}`);
  }
}

function describeFix(title: string, flags: string[]): string {
  const marks = ['preferred', 'automatic'].filter((f) => flags.includes(f));
  return marks.length > 0 ? `[${marks.join(', ')}] ${title}` : title;
}
