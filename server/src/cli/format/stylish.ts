import { createColors } from 'picocolors';
import { automaticFix, type Severity } from '../../core';
import type { FileResult } from '../result';

/** Human output: findings grouped by file, a summary line, colours when asked. */
export function formatStylish(results: FileResult[], useColor: boolean): string {
  const c = createColors(useColor);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan, hint: c.dim };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0 && !result.error) continue;
    out.push(c.underline(result.file));
    if (result.error) out.push(`  ${c.red('error')}  ${result.error}`);
    const rows = result.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.ruleId] as const);
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    const w1 = Math.max(0, ...rows.map((r) => r[1].length));
    for (const [i, [where, severity, message, rule]] of rows.entries()) {
      counts[severity]++;
      if (automaticFix(result.findings[i])) fixable++;
      out.push(`  ${c.dim(where.padEnd(w0))}  ${paint[severity](severity.padEnd(w1))}  ${message}  ${c.dim(rule)}`);
    }
    if (result.severityCap) out.push(c.dim(`  ${result.severityCap.note} (severityByStatus)`));
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return out.length > 0 ? `${out.join('\n')}\n` : '';
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`);
  const mark = counts.error > 0 ? c.red('✖') : c.yellow('⚠');
  out.push(c.bold(`${mark} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`));
  const capped = results.filter((r) => r.severityCap && r.findings.length > 0);
  if (capped.length > 0) {
    const notes = [...new Set(capped.map((r) => r.severityCap!.note))].join('; ');
    out.push(c.dim(`  ${notes}: severityByStatus lowered ${capped.length === 1 ? 'the findings of 1 file' : `the findings of ${capped.length} files`}`));
  }
  if (fixable > 0) out.push(c.dim(`  ${fixable} fixable with the --fix option`));
  return `${out.join('\n')}\n`;
}
