/**
 * Postmortem: New Postmortem from Template… — asks for a profile, a title, the incident
 * date, its timezone and its severity, gives it the workspace's next free incident ID (INC-042
 * after INC-041), then opens `postmortems/YYYY-MM-DD-slug.md` in the workspace (unsaved
 * until the user saves it; an untitled document without a workspace) and inserts the
 * profile's template as a snippet, so Tab walks through the sections.
 */
import * as vscode from 'vscode';
import { buildCustomProfile } from '../../server/src/core/profiles/custom';
import { frontMatterId, nextIncidentId } from '../../server/src/core/metadata/nextId';
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
async function ask(config: Config): Promise<{ profile: Profile; fields: Omit<Required<TemplateFields>, 'id'> } | undefined> {
  const title = 'New Postmortem';
  const picked = await vscode.window.showQuickPick(profileChoices(config), { title: `${title} (1/5)`, placeHolder: 'Template profile', matchOnDetail: true });
  if (!picked) return undefined;
  const name = await vscode.window.showInputBox({
    title: `${title} (2/5)`,
    prompt: 'Title of the incident',
    placeHolder: 'Checkout outage after a database failover',
    validateInput: (value) => (value.trim() === '' ? 'Give the incident a title.' : undefined),
  });
  if (name === undefined) return undefined;
  const date = await vscode.window.showInputBox({
    title: `${title} (3/5)`,
    prompt: 'Incident date (YYYY-MM-DD)',
    value: today(),
    validateInput: (value) => (isIsoDate(value) ? undefined : 'Write the date as YYYY-MM-DD, for example 2024-03-14.'),
  });
  if (date === undefined) return undefined;
  const timezone = await vscode.window.showInputBox({
    title: `${title} (4/5)`,
    prompt: 'Timezone of the times you will write (UTC, an abbreviation such as PDT, or an IANA name such as Europe/Paris)',
    value: config.defaultTimezone ?? 'UTC',
    validateInput: (value) => (/^[^\n\r]*\S[^\n\r]*$/.test(value) ? undefined : 'Name a timezone, for example UTC.'),
  });
  if (timezone === undefined) return undefined;
  const severity = await vscode.window.showQuickPick(config.severities, { title: `${title} (5/5)`, placeHolder: 'Severity of the incident' });
  if (severity === undefined) return undefined;
  return { profile: picked.profile, fields: { title: name.trim(), date: date.trim(), timezone: timezone.trim(), severity } };
}

/** Most Markdown files read for their IDs: enough for years of postmortems, bounded for a huge workspace. */
const MAX_FILES_FOR_IDS = 5000;

/** The next free incident ID of a folder's postmortems, or undefined to leave it to the writer. */
async function nextId(folder: vscode.WorkspaceFolder | undefined, config: Config): Promise<string | undefined> {
  const files = folder ? await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '**/node_modules/**', MAX_FILES_FOR_IDS) : [];
  const ids: string[] = [];
  for (const uri of files) {
    try {
      const id = frontMatterId(new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, 4000)));
      if (id) ids.push(id);
    } catch {
      // A file that cannot be read has no ID to skip.
    }
  }
  // Unsaved postmortems hold IDs too (one made a moment ago).
  for (const document of vscode.workspace.textDocuments) {
    const id = document.languageId === 'markdown' ? frontMatterId(document.getText()) : undefined;
    if (id) ids.push(id);
  }
  return nextIncidentId(ids, config.idPattern);
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
  const config = new Config(folder?.uri);
  const answers = await ask(config);
  if (!answers) return undefined;
  const id = await nextId(folder, config);
  const snippet = new vscode.SnippetString(templateSnippet(answers.profile, { ...answers.fields, id }, config.severities));
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
