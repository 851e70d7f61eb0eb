/**
 * Drives the VS Code workbench in the browser as a user would: keyboard shortcuts, the
 * Command Palette, clicks. Every wait is on something the UI shows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** How long one step may wait for the UI. */
export const STEP_TIMEOUT = 60_000;

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {
    mkdirSync(screenshots, { recursive: true });
    page.setDefaultTimeout(STEP_TIMEOUT);
  }

  /** Opens the workbench on a folder and waits until it has settled (explorer shown, nothing loading). */
  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor();
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    // The status bar shows the remote host once the extension host connected.
    await this.page.locator('#status\\.host, .statusbar-item[id*="remote"]').first().waitFor().catch(() => undefined);
  }

  /** Runs a command from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    const input = await this.openQuickInput();
    await input.fill(`>${title}`);
    await this.pick(title);
  }

  /**
   * Picks the quick input row whose label is `label` (fuzzy matching may rank another row
   * first): arrows down to it, waits until it is the focused one, and presses Enter.
   */
  async pick(label: string): Promise<void> {
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const labelOf = '.label-name';
    await rows.filter({ has: this.page.locator(labelOf, { hasText: label }) }).first().waitFor();
    const labels = await rows.evaluateAll((elements, selector) => elements.map((e) => e.querySelector(selector)?.textContent?.trim() ?? ''), labelOf);
    const focused = await rows.evaluateAll((elements) => elements.findIndex((e) => e.classList.contains('focused')));
    const target = labels.findIndex((text) => text === label);
    if (target < 0) throw new Error(`no row labelled "${label}" among: ${labels.join(' | ')}`);
    const key = target >= focused ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - Math.max(focused, 0)); i++) await this.page.keyboard.press(key);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { has: this.page.locator(labelOf, { hasText: label }) }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Opens the Command Palette with F1 (Ctrl+P can reach the browser's print dialog). Right
   * after an editor is replaced (an unsaved file saved) the key can land nowhere: press again.
   */
  async openQuickInput(): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ timeout: attempt < 3 ? 5000 : STEP_TIMEOUT });
        return input;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /**
   * Opens the quick fix menu (Ctrl+.) at the cursor and applies the fix titled `wanted`:
   * arrows from the focused item to it and Enter (clicks on this menu time out). Takes a
   * screenshot of the open menu as `screenshot` first, when given.
   */
  async applyQuickFix(wanted: string, screenshot?: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: wanted }).waitFor();
    if (screenshot) await this.screenshot(screenshot);
    const rows = menu.locator('.monaco-list-row.action');
    const labels = await rows.allInnerTexts();
    const target = labels.findIndex((label) => label.includes(wanted));
    const focused = await rows.evaluateAll((elements) => elements.findIndex((e) => e.classList.contains('focused')));
    for (let i = Math.max(focused, 0); i < target; i++) await this.page.keyboard.press('ArrowDown');
    await menu.locator('.monaco-list-row.action.focused', { hasText: wanted }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a file of the workspace with Quick Open. */
  async openFile(name: string): Promise<void> {
    // Replacing the command palette's ">" turns it into Quick Open.
    const input = await this.openQuickInput();
    await input.fill(name);
    await this.pick(name);
    await this.activeTab(name).waitFor();
    await this.editorLine('').first().waitFor();
  }

  /** The active editor tab of the active group (a file may be open beside it too), if its title has `name`. */
  activeTab(name: string): Locator {
    return this.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name });
  }

  /** Lines of the active editor that contain `text` (Monaco renders the visible lines only). */
  editorLine(text: string): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text });
  }

  /** Answers the open quick input (input box or quick pick) with `text` and Enter. */
  async answer(text: string | undefined, expectTitle?: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (expectTitle) await widget.locator('.quick-input-title, .quick-input-message, .quick-input-header', { hasText: expectTitle }).first().waitFor();
    const input = widget.locator('input');
    await input.waitFor();
    if (text !== undefined) await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** The rows of a view in the side bar, by the view's title. */
  viewRows(viewTitle: string): Locator {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: viewTitle }) }).locator('.monaco-list-row');
  }

  /** A row of the editor's suggestion (completion) widget with `label`. */
  suggestion(label: string): Locator {
    return this.page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: label });
  }

  /** The Problems panel's rows. */
  problemRows(): Locator {
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  /** The cursor position the status bar shows ("Ln 14, Col 3"). */
  async cursorLine(): Promise<number> {
    const text = (await this.page.locator('#status\\.editor\\.selection').innerText()).trim();
    const match = /Ln (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar: ${text}`);
    return Number(match[1]);
  }

  /** Saves a screenshot of the whole window to docs/screenshots/NAME.png. */
  async screenshot(name: string): Promise<string> {
    const path = join(this.screenshots, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
