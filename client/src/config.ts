/**
 * Typed access to the `postmortem.*` settings the client itself uses. The language server
 * reads every setting (and `.postmortemrc.json`) on its own through `workspace/configuration`;
 * the client only needs a few for its commands.
 */
import * as vscode from 'vscode';
import { defaultMetadata } from '../../server/src/core/config/metadata';
import type { CustomProfileSpec } from '../../server/src/core/config/schema';

export const SECTION = 'postmortem';

/** The client's view of the settings for one resource (settings are resource-scoped). */
export class Config {
  private readonly settings: vscode.WorkspaceConfiguration;

  constructor(scope?: vscode.ConfigurationScope) {
    this.settings = vscode.workspace.getConfiguration(SECTION, scope);
  }

  /** Whether the extension checks documents at all. */
  get enable(): boolean {
    return this.settings.get<boolean>('enable', true);
  }

  /** The default profile's name (built-in or custom). */
  get profile(): string {
    return this.settings.get<string>('profile', 'core');
  }

  /** Custom profiles defined in settings. */
  get profiles(): Record<string, CustomProfileSpec> {
    const value = this.settings.get<unknown>('profiles', {});
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, CustomProfileSpec>) : {};
  }

  /** The zone for times that state none, or null. */
  get defaultTimezone(): string | null {
    const value = this.settings.get<string | null>('timeline.defaultTimezone', null);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }

  /** The severities front matter may name (`metadata.severities`), most severe first. */
  get severities(): string[] {
    const value = this.settings.get<unknown>('metadata.severities');
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '') ? value : defaultMetadata().severities;
  }

  /** The pattern incident IDs match (`metadata.idPattern`). */
  get idPattern(): string {
    const value = this.settings.get<unknown>('metadata.idPattern');
    return typeof value === 'string' && value.trim() !== '' ? value : defaultMetadata().idPattern;
  }
}
