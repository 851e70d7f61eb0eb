/**
 * What the end-to-end run does in the workbench, step by step, as a user would. Each step
 * waits on what the UI shows and fails when it does not show it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeServer } from './codeServer';
import type { Workbench } from './workbench';

/** The fixture postmortem: its only error is the missing Root Cause section. */
const FIXTURE = '2024-03-12-checkout-outage.md';
const TITLE_LINE = 'Checkout outage after a cache failover';
const MISSING = 'Missing section "Root Cause"';

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
      await wb.page.keyboard.press('Control+.');
      const menu = wb.page.locator('.action-widget');
      const wanted = 'Insert section "Root Cause"';
      await menu.locator('.monaco-list-row', { hasText: wanted }).waitFor();
      await wb.screenshot('quick-fix');
      // Arrow down from the focused item to the wanted one (clicks on this menu time out).
      const rows = menu.locator('.monaco-list-row.action');
      const labels = await rows.allInnerTexts();
      const target = labels.findIndex((label) => label.includes(wanted));
      const focused = await rows.evaluateAll((elements) => elements.findIndex((e) => e.classList.contains('focused')));
      for (let i = Math.max(focused, 0); i < target; i++) await wb.page.keyboard.press('ArrowDown');
      await menu.locator('.monaco-list-row.action.focused', { hasText: wanted }).waitFor();
      await wb.page.keyboard.press('Enter');
      await wb.editorLine('## Root Cause').waitFor();
      await wb.problemRows().filter({ hasText: MISSING }).waitFor({ state: 'detached' });
      await wb.screenshot('quick-fix-applied');
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
      const file = '2024-03-14-payment-api-latency.md';
      await wb.activeTab(file).waitFor();
      await wb.editorLine('# Payment API latency').waitFor();
      await wb.editorLine('timezone: Europe/Berlin').waitFor();
      // Tab walks the template's placeholders: the first is the Summary's prompt.
      await wb.page.keyboard.type('Card payments timed out for 40 minutes.');
      await wb.editorLine('Card payments timed out for 40 minutes.').waitFor();
      await wb.screenshot('new-postmortem');
      if (!existsSync(join(server.workspace, 'postmortems', file))) throw new Error(`postmortems/${file} was not created`);
      await wb.page.keyboard.press('Escape');
      await wb.runCommand('File: Save');
      const path = join(server.workspace, 'postmortems', file);
      const saved = await until(() => {
        const text = readFileSync(path, 'utf8');
        return text.includes('Card payments timed out') ? text : undefined;
      }, `${file} saved`);
      if (!saved.includes('## Root Causes') || !saved.includes('profile: google-sre')) throw new Error(`unexpected template:\n${saved}`);
    },
  },
  {
    name: 'the Incident Timeline view lists the entries and reveals one on click',
    async run(wb) {
      await wb.openFile(FIXTURE);
      await wb.runCommand('View: Hide Panel');
      // Room for the view: collapse the folder tree, as a user would.
      await wb.page.locator('.pane-header', { hasText: 'Workspace' }).first().click();
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
];
