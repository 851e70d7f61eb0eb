/**
 * The postmortem templates, written as VS Code snippet text. This file is the one source of
 * the template text: the New Postmortem command inserts what it returns, and
 * `scripts/snippets.mjs` writes `snippets/postmortem.code-snippets` from it at build time.
 * Section names and prompts come from the analysis core's profiles and catalog, so a template
 * always satisfies the profile the linter checks it against.
 *
 * Nothing here imports `vscode`: the snippet generator and the tests run it under plain node.
 */
import { type CanonicalSection } from '../../server/src/core/profiles/catalog';
import { type Profile } from '../../server/src/core/profiles/profiles';
/** Values the user already gave; each one missing becomes a tab stop with a default. */
export interface TemplateFields {
    title?: string;
    /** The incident date, `YYYY-MM-DD`. */
    date?: string;
    timezone?: string;
}
/** The milestone markers the templates and the `pm-milestone` snippet write. */
export declare const MILESTONE_MARKERS: readonly ['OUTAGE BEGINS', 'DETECTED', 'ACKNOWLEDGED', 'ESCALATED', 'MITIGATED', 'RESOLVED'];
/** Escapes text so a snippet inserts it as written (`$`, `}` and `\` are snippet syntax). */
export declare function escapeSnippet(text: string): string;
/**
 * A whole postmortem for `profile` as snippet text: front matter (so the document is
 * recognised wherever it is saved, with its date anchoring the timeline), the title, and
 * every section of the profile at level 2, in the profile's order.
 */
export declare function templateSnippet(profile: Profile, fields?: TemplateFields): string;
/** A section snippet: the heading and its body. */
export declare function sectionSnippet(section: CanonicalSection, level?: number): string;
/** One snippet in the `.code-snippets` JSON format. */
export interface SnippetDefinition {
    prefix: string;
    description: string;
    body: string[];
}
/**
 * Every snippet the extension ships, by name: a whole template per built-in profile, a
 * timeline entry, a milestone marker, an action item, and each section of the catalog.
 */
export declare function allSnippets(): Record<string, SnippetDefinition>;
/** A file name for a postmortem: `YYYY-MM-DD-words-of-the-title.md`. */
export declare function postmortemFileName(date: string, title: string): string;
/** Today's date as `YYYY-MM-DD` on this machine's calendar. */
export declare function today(now?: Date): string;
/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export declare function isIsoDate(text: string): boolean;
