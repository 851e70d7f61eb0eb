import type { FileResult } from '../result';

/**
 * JUnit XML as Jenkins, GitLab and GitHub's test reporters read it: one `<testsuite>` per
 * file, one `<testcase>` per finding. Errors and warnings are `<failure>`s (a warning fails
 * its test case as ESLint's junit formatter does; `--quiet` leaves errors only), info and
 * hints pass with the finding in `<system-out>`. A file without findings is one passing test
 * case, so a clean run still lists every file checked; an unreadable file is an `<error>`.
 */
export function formatJunit(results: FileResult[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const cases: string[] = [];
    let suiteFailures = 0;
    const classname = attr(result.file);
    if (result.error) {
      errors++;
      cases.push(`    <testcase name="postmortem-lint" classname="${classname}" time="0">\n      <error message="${attr(result.error)}" type="io">${text(`${result.file}: ${result.error}`)}</error>\n    </testcase>`);
    }
    for (const finding of result.findings) {
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const detail = text(`${result.file}:${where}: ${finding.severity}: ${finding.message} (${finding.ruleId})`);
      const name = attr(`${finding.ruleId} at ${where}`);
      const body =
        finding.severity === 'error' || finding.severity === 'warning'
          ? `      <failure message="${attr(finding.message)}" type="${finding.severity}">${detail}</failure>`
          : `      <system-out>${detail}</system-out>`;
      if (finding.severity === 'error' || finding.severity === 'warning') suiteFailures++;
      cases.push(`    <testcase name="${name}" classname="${classname}" time="0">\n${body}\n    </testcase>`);
    }
    if (cases.length === 0) cases.push(`    <testcase name="postmortem-lint" classname="${classname}" time="0"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${classname}" tests="${cases.length}" failures="${suiteFailures}" errors="${result.error ? 1 : 0}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const open = `<testsuites name="postmortem-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n${suites.map((s) => `${s}\n`).join('')}</testsuites>\n`;
}

/**
 * Characters XML 1.0 cannot hold at all (controls other than tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF): a message quoting a document's bytes may carry them, and one
 * would make the whole report unreadable, so each becomes U+FFFD.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text. */
function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references, or parsers fold them into spaces. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
