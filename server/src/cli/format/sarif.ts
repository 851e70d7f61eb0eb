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
  const ruleIds = new Set(RULES.map((rule) => rule.id));
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
            // No `name`: SARIF wants it to differ from the id, and the id is what users type.
            // `fullDescription` and `help` are what GitHub code scanning shows on an alert.
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: ruleIds.has(rule.id) ? { text: help(rule.id, rule.description), markdown: help(rule.id, rule.description, '`') } : { text: rule.description },
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

/** An alert's help: the rule, and how to silence it where the writer knows better. */
function help(id: string, description: string, code = ''): string {
  return `${description}\n\nSilence one finding with ${code}<!-- postmortem-disable-next-line ${id} -->${code} on the line before it, or set ${code}"${id}": "off"${code} under ${code}rules${code} in .postmortemrc.json.`;
}
