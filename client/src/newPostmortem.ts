/**
 * Postmortem: New Postmortem from Template… — asks for a profile, a title, the incident
 * date and its timezone, then opens `postmortems/YYYY-MM-DD-slug.md` in the workspace (unsaved
 * until the user saves it; an untitled document without a workspace) and inserts the
 * profile's template as a snippet, so Tab walks through the sections.
 */
import * as vscode from 'vscode';
import { buildCustomProfile } from '../../server/src/core/profiles/custom';
import { BUILT_IN_PROFILES, type Profile } from '../../server/src/core/profiles/profiles';
import { Config } from './config';
import { isIsoDate, postmortemFileName, templateSnippet, today, type TemplateFields } from './templates';

/** The folder new postmortems are written to, inside the workspace folder. */
export const POSTMORTEMS_FOLDER = 'postmortems';

/** Built-in profiles, then custom profiles from the settings, the configured default first. */
function profileChoices(config: Config): Array<vscode.QuickPickItem & { profile: Profile }> {
  const custom = Object.entries(config.profiles)
    .map(([name, spec]) => buildCustomProfile(name, spec).profile)
    .filter((p): p is Profile => p !== undefined);
  const all = [...Object.values(BUILT_IN_PROFILES), ...custom];
  const items = all.map((profile) => ({
    label: profile.name,
    description: profile.name === config.profile ? 'default' : custom.includes(profile) ? 'custom' : undefined,
    detail: profile.description,
    profile,
  }));
  return items.sort((a, b) => Number(b.label === config.profile) - Number(a.label === config.profile));
}

/** Asks for everything the template needs; undefined when the user cancels. */
async function ask(config: Config): Promise<{ profile: Profile; fields: Required<TemplateFields> } | undefined> {
  const title = 'New Postmortem';
  const picked = await vscode.window.showQuickPick(profileChoices(config), { title: `${title} (1/4)`, placeHolder: 'Template profile', matchOnDetail: true });
  if (!picked) return undefined;
  const name = await vscode.window.showInputBox({
    title: `${title} (2/4)`,
    prompt: 'Title of the incident',
    placeHolder: 'Checkout outage after a database failover',
    validateInput: (value) => (value.trim() === '' ? 'Give the incident a title.' : undefined),
  });
  if (name === undefined) return undefined;
  const date = await vscode.window.showInputBox({
    title: `${title} (3/4)`,
    prompt: 'Incident date (YYYY-MM-DD)',
    value: today(),
    validateInput: (value) => (isIsoDate(value) ? undefined : 'Write the date as YYYY-MM-DD, for example 2024-03-14.'),
  });
  if (date === undefined) return undefined;
  const timezone = await vscode.window.showInputBox({
    title: `${title} (4/4)`,
    prompt: 'Timezone of the times you will write (UTC, an abbreviation such as PDT, or an IANA name such as Europe/Paris)',
    value: config.defaultTimezone ?? 'UTC',
    validateInput: (value) => (/^[^\n\r]*\S[^\n\r]*$/.test(value) ? undefined : 'Name a timezone, for example UTC.'),
  });
  if (timezone === undefined) return undefined;
  return { profile: picked.profile, fields: { title: name.trim(), date: date.trim(), timezone: timezone.trim() } };
}

/** The workspace folder to write to: the active document's, the only one, or the one the user picks. */
async function targetFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new postmortem' }));
}

/** A file name in `folder` that is neither on disk nor open unsaved: `name.md`, `name-2.md`, … */
async function freeUri(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const base = fileName.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? fileName : `${base}-${n}.md`);
    if (vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path)) continue;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

/** Runs the command; resolves to the new document's editor (for tests), or undefined when cancelled. */
export async function newPostmortem(): Promise<vscode.TextEditor | undefined> {
  const folder = await targetFolder();
  const answers = await ask(new Config(folder?.uri));
  if (!answers) return undefined;
  const snippet = new vscode.SnippetString(templateSnippet(answers.profile, answers.fields));
  let document: vscode.TextDocument;
  if (folder) {
    const dir = vscode.Uri.joinPath(folder.uri, POSTMORTEMS_FOLDER);
    const uri = await freeUri(dir, postmortemFileName(answers.fields.date, answers.fields.title));
    // Unsaved, with its path: Save writes it there, and nothing is left on disk if the user gives up.
    document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  }
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return editor;
}
