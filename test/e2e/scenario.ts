/**
 * What the end-to-end run does in the workbench, step by step, as a user would. Each step
 * waits on what the UI shows and fails when it does not show it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { CodeServer } from './codeServer';
import type { Workbench } from './workbench';

/** The fixture postmortem: it lacks the Root Cause and Action Items sections. */
const FIXTURE = '2024-03-12-checkout-outage.md';
const TITLE_LINE = 'Checkout outage after a cache failover';
const MISSING = 'Missing section "Root Cause"';
/** The text of the timeline entry after the fixture's long gap (an inlay hint follows its time), and the finding about it. */
const GAP_LINE = 'error rate back under 0.1%';
const GAP = 'No entry for 1 h 17 min';

/** The fixture's lines as written (before the run changes them). */
function fixtureLines(): string[] {
  return readFileSync(join(import.meta.dirname, 'workspace', 'postmortems', FIXTURE), 'utf8').split('\n');
}

/** Polls a condition outside the browser (a file on disk) until it holds. */
async function until<T>(check: () => T | undefined, what: string, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The frame of a webview (the chart panel, the Markdown preview) that shows `selector`:
 * webviews are nested iframes, so every frame of the page is asked until one has it.
 */
async function frameWith(wb: Workbench, selector: string, timeout = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of wb.page.frames()) {
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector}`);
    await wb.page.waitForTimeout(200);
  }
}

export interface Step {
  name: string;
  run(workbench: Workbench, server: CodeServer): Promise<void>;
}

export const scenario: Step[] = [
  {
    name: 'a postmortem with problems shows squiggles',
    async run(wb) {
      await wb.openFile(FIXTURE);
      await wb.page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor();
      await wb.screenshot('diagnostics');
    },
  },
  {
    name: 'the Problems panel lists them',
    async run(wb) {
      await wb.page.keyboard.press('Control+Shift+M');
      await wb.problemRows().filter({ hasText: MISSING }).first().waitFor();
      await wb.screenshot('problems');
    },
  },
  {
    name: 'the quick fix inserts the missing section',
    async run(wb) {
      await wb.editorLine(TITLE_LINE).click();
      await wb.applyQuickFix('Insert section "Root Cause"', 'quick-fix');
      await wb.editorLine('## Root Cause').waitFor();
      await wb.problemRows().filter({ hasText: MISSING }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'Insert Section… offers the other missing section and inserts it',
    async run(wb) {
      await wb.runCommand('Postmortem: Insert Section…');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Action Items' }).waitFor();
      await wb.screenshot('insert-section');
      await wb.pick('Action Items');
      await wb.editorLine('## Action Items').waitFor();
      await wb.problemRows().filter({ hasText: 'Missing section "Action Items"' }).waitFor({ state: 'detached' });
      await wb.screenshot('sections-inserted');
    },
  },
  {
    name: 'New Postmortem from Template writes postmortems/DATE-slug.md',
    async run(wb, server) {
      await wb.runCommand('Postmortem: New Postmortem from Template…');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'google-sre' }).waitFor();
      await wb.screenshot('new-postmortem-profile');
      await wb.pick('google-sre');
      await wb.answer('Payment API latency', 'Title of the incident');
      await wb.answer('2024-03-14', 'Incident date');
      await wb.answer('Europe/Berlin', 'Timezone');
      await wb.pick('SEV2');
      const file = '2024-03-14-payment-api-latency.md';
      await wb.activeTab(file).waitFor();
      await wb.editorLine('# Payment API latency').waitFor();
      await wb.editorLine('timezone: Europe/Berlin').waitFor();
      // The next free ID after INC-041 (the queue backlog postmortem), and the severity picked.
      await wb.editorLine('id: INC-042').waitFor();
      await wb.editorLine('severity: SEV2').waitFor();
      // Tab walks the template's placeholders: the first is the Summary's prompt.
      await wb.page.keyboard.type('Card payments timed out for 40 minutes.');
      await wb.editorLine('Card payments timed out for 40 minutes.').waitFor();
      // The server has read the template: every section there, each still to be written.
      await wb.problemRows().filter({ hasText: 'The section "Impact" is empty' }).waitFor();
      await wb.screenshot('new-postmortem');
      if (existsSync(join(server.workspace, 'postmortems', file))) throw new Error(`postmortems/${file} was written before the user saved it`);
      await wb.page.keyboard.press('Escape');
      await wb.runCommand('File: Save');
      const path = join(server.workspace, 'postmortems', file);
      const saved = await until(() => {
        const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
        return text.includes('Card payments timed out') ? text : undefined;
      }, `${file} saved`);
      if (!saved.includes('## Root Causes') || !saved.includes('profile: google-sre')) throw new Error(`unexpected template:\n${saved}`);
      // Saving replaced the unsaved editor: back into the text, as a user would.
      await wb.editorLine('# Payment API latency').click();
    },
  },
  {
    name: 'completion in the front matter offers the severities',
    async run(wb) {
      await wb.editorLine('severity: SEV2').click();
      await wb.page.keyboard.press('End');
      for (let i = 0; i < 'SEV2'.length; i++) await wb.page.keyboard.press('Backspace');
      await wb.page.keyboard.press('Control+Space');
      await wb.suggestion('SEV1').waitFor();
      await wb.suggestion('SEV4').waitFor();
      await wb.screenshot('severity-completion');
      await wb.page.keyboard.press('Enter');
      await wb.editorLine('severity: SEV1').waitFor();
      await wb.runCommand('File: Save');
    },
  },
  {
    name: 'the Incident Timeline view lists the entries and reveals one on click',
    async run(wb) {
      await wb.openFile(FIXTURE);
      await wb.runCommand('View: Hide Panel');
      // Room for the view: collapse the folder tree, as a user would.
      await wb.page.locator('.pane-header', { hasText: 'incident-reviews' }).first().click();
      await wb.runCommand('Explorer: Focus on Incident Timeline View');
      const rows = wb.viewRows('Incident Timeline');
      await rows.filter({ hasText: 'TTD 7m' }).waitFor();
      const entry = rows.filter({ hasText: '14:41' });
      await entry.waitFor();
      await rows.filter({ hasText: 'gap' }).first().waitFor();
      await entry.click();
      // The click moves the cursor to the entry's line: the status bar says so.
      const line = fixtureLines().findIndex((text) => text.startsWith('- 14:41')) + 1;
      await wb.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${line}\\b`) }).waitFor();
      await wb.screenshot('timeline');
    },
  },
  {
    name: 'the view follows the typing, and the language status sums the postmortem up',
    async run(wb) {
      // A new entry typed after the last one shows up in the view without saving.
      await wb.editorLine('error rate back under 0.1%').click();
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('- 16:30 Review of the cache failover scheduled');
      // (The server's inlay hint may sit between the time and the text.)
      await wb.editorLine('Review of the cache failover scheduled').waitFor();
      await wb.viewRows('Incident Timeline').filter({ hasText: '16:30' }).waitFor();
      await wb.page.locator('#status\\.languageStatus').click();
      const hover = wb.page.locator('.monaco-hover, .context-view', { hasText: 'Postmortem: core' }).first();
      await hover.waitFor();
      await hover.getByText('Restart').waitFor();
      await wb.screenshot('status');
      await wb.page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Incident Chart opens beside the editor, follows the typing, and a click on a mark reveals its line',
    async run(wb) {
      await wb.openFile(FIXTURE);
      await wb.runCommand('Postmortem: Show Incident Chart');
      await wb.page.locator('.tabs-container .tab', { hasText: 'Incident Chart' }).waitFor();
      const frame = await frameWith(wb, 'svg.pm-chart .mark');
      // The entry typed in the step before (not saved) is on the chart: it follows the editor's text.
      const typed = frame.locator('svg.pm-chart .mark', { has: frame.locator('title', { hasText: 'Review of the cache failover scheduled' }) });
      await typed.waitFor();
      const entries = await frame.locator('svg.pm-chart .mark').count();
      if (entries < 5) throw new Error(`the chart shows ${entries} marks`);
      await frame.locator('svg.pm-chart .mark.k-impact-start').waitFor();
      await frame.locator('svg.pm-chart .bracket', { hasText: 'TTD' }).waitFor();
      await wb.screenshot('chart-webview');
      const detected = frame.locator('svg.pm-chart .mark.k-detected').first();
      const line = Number(await detected.getAttribute('data-line'));
      // A click on the mark's shape, where a user clicks (the group's middle may be background).
      await detected.locator('.shape').click();
      await wb.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${line}\\b`) }).waitFor();
    },
  },
  {
    name: 'the Markdown preview shows the chart at the top of the Timeline',
    async run(wb) {
      await wb.editorLine(TITLE_LINE).click();
      await wb.runCommand('Markdown: Open Preview to the Side');
      const frame = await frameWith(wb, '.markdown-body .postmortem-chart svg.pm-chart');
      // (A string, run in the preview's page: the test's own code has no DOM types.) What comes
      // just before the chart (past the preview's empty elements): the Timeline heading.
      const before = await frame.evaluate(`(() => {
        const chart = document.querySelector('.markdown-body .postmortem-chart');
        let previous = chart && chart.previousElementSibling;
        // The preview puts empty elements of its own between blocks: they are not content.
        while (previous && !(previous.textContent || '').trim()) previous = previous.previousElementSibling;
        return previous ? previous.tagName + ' ' + (previous.textContent || '').trim() : 'nothing';
      })()`);
      if (!/^H\d Timeline$/.test(String(before))) throw new Error(`the chart follows ${String(before)}, not the Timeline heading`);
      const marks = await frame.locator('.postmortem-chart svg.pm-chart .mark').count();
      if (marks < 5) throw new Error(`the preview's chart shows ${marks} marks`);
      await frame.locator('.postmortem-chart svg.pm-chart .mark title', { hasText: 'Review of the cache failover scheduled' }).first().waitFor({ state: 'attached' });
      await wb.screenshot('preview-chart');
    },
  },
  {
    name: 'a Markdown file that is no postmortem gets the welcome, whose button starts a new one',
    async run(wb) {
      await wb.openFile('README.md');
      const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Incident Timeline' }) });
      const button = pane.locator('.welcome-view a.monaco-button, .welcome-view .monaco-button', { hasText: 'New Postmortem from Template' });
      await button.waitFor();
      if ((await wb.viewRows('Incident Timeline').count()) > 0) throw new Error('the view still lists a timeline');
      await wb.screenshot('welcome');
      await button.click();
      await wb.page.locator('.quick-input-widget', { hasText: 'New Postmortem' }).waitFor();
      await wb.page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Postmortems view lists every postmortem by year, newest first, and the open action items by owner',
    async run(wb) {
      // Room for the view: the Incident Timeline collapsed, the side bar wider, as a user would.
      await wb.page.locator('.pane-header', { hasText: 'Incident Timeline' }).first().click();
      await wb.runCommand('Explorer: Focus on Postmortems View');
      // Drag the side bar's edge out, so each row's description shows beside its title.
      const bar = await wb.page.locator('.part.sidebar').boundingBox();
      if (!bar) throw new Error('no side bar');
      await wb.page.mouse.move(bar.x + bar.width - 1, bar.y + bar.height / 2);
      await wb.page.mouse.down();
      await wb.page.mouse.move(bar.x + 780, bar.y + bar.height / 2, { steps: 8 });
      await wb.page.mouse.up();
      const rows = wb.viewRows('Postmortems');
      // The index holds the fixtures and the postmortem the run created and saved.
      await rows.filter({ hasText: 'Payment API latency' }).filter({ hasText: 'SEV1' }).waitFor();
      await rows.filter({ hasText: 'Queue backlog after a consumer crash' }).filter({ hasText: 'SEV3 · published · 30m · no problems' }).waitFor();
      await rows.filter({ hasText: 'DNS timeouts in the build farm' }).filter({ hasText: 'SEV2 · closed · 45m' }).waitFor();
      const labels = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      const order = ['Open action items', '2024', 'Payment API latency', 'Checkout outage after a cache failover', 'Queue backlog', 'Login errors after a certificate rotation', '2023', 'DNS timeouts'];
      const at = order.map((wanted) => labels.findIndex((label) => label.startsWith(wanted) || label.includes(`  ${wanted}`) || label.includes(` ${wanted}`)));
      if (at.some((i) => i < 0) || at.some((i, n) => n > 0 && i <= at[n - 1])) throw new Error(`rows out of order: ${labels.join(' | ')}`);
      // Open action items → the owner → the item, which opens its line.
      await rows.filter({ hasText: 'Open action items' }).click();
      await rows.filter({ hasText: '@omar' }).filter({ hasText: '2 open, 2 overdue' }).click();
      const item = rows.filter({ hasText: 'Check the served chain from an old client' });
      await item.waitFor();
      await wb.screenshot('postmortems-view');
      await item.click();
      await wb.activeTab('2024-01-15-login-errors.md').waitFor();
      const line = readFileSync(join(import.meta.dirname, 'workspace', 'postmortems', '2024-01-15-login-errors.md'), 'utf8').split('\n').findIndex((text) => text.includes('Check the served chain')) + 1;
      await wb.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${line}\\b`) }).waitFor();
    },
  },
  {
    name: 'Postmortem: Show Report opens the report in a webview, whose links open the files',
    async run(wb) {
      await wb.runCommand('Postmortem: Show Report');
      await wb.page.locator('.tabs-container .tab.active', { hasText: 'Postmortem Report' }).waitFor();
      const page = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await page.locator('h1', { hasText: 'Postmortem report' }).waitFor();
      await page.locator('tr', { hasText: 'Queue backlog after a consumer crash' }).filter({ hasText: 'INC-041' }).first().waitFor();
      await page.locator('h2', { hasText: 'Open action items' }).waitFor();
      await page.locator('svg').first().waitFor();
      // The report takes the window, as a reader would give it.
      await wb.runCommand('View: Toggle Primary Side Bar Visibility');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await wb.screenshot('report-webview');
      await wb.runCommand('View: Toggle Primary Side Bar Visibility');
      await page.locator('a', { hasText: 'DNS timeouts in the build farm' }).first().click();
      await wb.activeTab('2023-11-08-dns-timeouts.md').waitFor();
    },
  },
  {
    name: 'Postmortem: Export Report… saves the page where the user says, its links relative to it',
    async run(wb, server) {
      await wb.runCommand('Postmortem: Export Report…');
      // code-server's save dialog is VS Code's own: a path in the quick input, the workspace's report offered.
      const input = wb.page.locator('.quick-input-widget input');
      await wb.page.locator('.quick-input-widget', { hasText: 'Export Postmortem Report' }).waitFor();
      await wb.page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value.endsWith('postmortem-report.html')`);
      const path = join(server.workspace, 'postmortem-report-2024.html');
      await input.fill(path);
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.notification-toast', { hasText: 'saved to postmortem-report-2024.html' }).waitFor();
      const html = readFileSync(path, 'utf8');
      for (const wanted of [/<h1>Postmortem report<\/h1>/, /href="(?:\.\/)?postmortems\/2023-11-08-dns-timeouts\.md"/, /Queue backlog after a consumer crash/]) {
        if (!wanted.test(html)) throw new Error(`the exported report lacks ${wanted}`);
      }
      if (/<script|https?:\/\/(?!www\.w3\.org)/.test(html)) throw new Error('the exported report has a script or a remote link');
    },
  },
  {
    name: '"Ignore timeline-gap on this line" writes the comment and the finding goes',
    async run(wb) {
      // The steps before left a wide side bar and the chart beside the editor, so the line wraps: give it the window.
      await wb.runCommand('View: Single Column Editor Layout');
      await wb.runCommand('View: Toggle Primary Side Bar Visibility');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await wb.openFile(FIXTURE);
      await wb.page.keyboard.press('Control+Shift+M');
      const gap = wb.problemRows().filter({ hasText: GAP });
      await gap.first().waitFor();
      // The Problems row reveals its line: Monaco renders only the lines in view.
      await gap.first().click();
      await wb.editorLine(GAP_LINE).click();
      await wb.page.keyboard.press('Home');
      await wb.applyQuickFix('Ignore timeline-gap on this line', 'ignore-quick-fix');
      await wb.editorLine(`${GAP_LINE} <!-- postmortem-disable-line timeline-gap -->`).waitFor();
      await gap.first().waitFor({ state: 'detached' });
      await wb.screenshot('ignored-on-this-line');
    },
  },
  {
    name: '.postmortemrc.json is validated and completed from the schema',
    async run(wb) {
      await wb.openFile('.postmortemrc.json');
      await wb.editorLine('"timeline-gap"').click();
      await wb.page.keyboard.press('End');
      // insertText, not type: the editor would close each quote typed. The file stays valid JSON
      // (code-server saves it after a second), so all that is wrong is the unknown rule id.
      await wb.page.keyboard.insertText(',\n"no-such-rule": "off"');
      // The schema's own message for a rule id the registry does not know, in the Problems view.
      await wb.problemRows().filter({ hasText: 'names no rule' }).first().waitFor();
      // Inside the key's quotes, completion offers the rule ids.
      await wb.page.keyboard.press('Home');
      await wb.page.keyboard.press('ArrowRight');
      await wb.page.keyboard.press('Control+Space');
      await wb.suggestion('action-item-owner').waitFor();
      await wb.suggestion('blameful-language').waitFor();
      await wb.screenshot('config-schema');
      await wb.page.keyboard.press('Escape');
    },
  },
];
