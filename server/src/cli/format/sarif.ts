import { pathToFileURL } from 'node:url';
import { RULES, SUPPRESSION_FINDINGS, type Severity } from '../../core';
import type { FileResult } from '../result';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, one run, with every rule described; paths relative to the working folder. */
export function formatSarif(results: FileResult[], version: string, cwd = process.cwd()): string {
  const rules = [
    ...RULES.map((rule) => ({
      id: rule.id,
      description: rule.description,
      configuration: rule.defaultSeverity === 'off' ? { enabled: false } : { level: LEVEL[rule.defaultSeverity] },
      tags: rule.tags,
    })),
    ...SUPPRESSION_FINDINGS.map((finding) => ({ ...finding, configuration: { level: LEVEL.warning }, tags: ['suppression'] })),
  ];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: rule.configuration,
              properties: { tags: rule.tags },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: results.every((r) => !r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({ level: 'error', message: { text: r.error }, locations: [{ physicalLocation: { artifactLocation: location(r) } }] })),
          },
        ],
        results: results.flatMap((result) =>
          result.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: location(result),
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(result: FileResult) {
  const relative = !result.file.startsWith('/') && !result.file.startsWith('..');
  return relative ? { uri: encodeURI(result.file.replace(/\\/g, '/')), uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(result.path).href };
}
