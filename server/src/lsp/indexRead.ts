/**
 * What the workspace index keeps of one file read from disk, made the same way in the
 * server's thread (a file created or changed) and in the index's worker threads (a scan of
 * the folders): one full analysis, so the report's problem counts are the linter's, of which
 * only the incident ID claim and the report's figures are kept.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyze, ConfigLoader, type ConfigProblem, type IncidentIdClaim, type PostmortemConfig } from '../core';
import { reportDocument, type ReportDocument } from '../report';
import { describeError } from './guard';

/** A file for the index to read: where it is and how it is named and linked. */
export interface IndexJob {
  path: string;
  uri: string;
  /** As the report and messages show it. */
  label: string;
  /** Which of the scan's workspace folders it is in (an index into their settings). */
  folder: number;
}

/** The part of an index entry that is made from the file's text. */
export interface IndexFigures {
  claim?: IncidentIdClaim;
  report: ReportDocument;
}

/** The outcome of reading one file for the index; it crosses from a worker thread as it is (structured clone). */
export interface IndexedFile {
  /** Absent when the file is not indexed: no postmortem, too large, the index turned off for it, unreadable. */
  figures?: IndexFigures;
  /** Problems of the file's configuration, to show to the user once. */
  problems: ConfigProblem[];
  /** Why a file that exists could not be read or analysed, for the log. */
  error?: string;
}

/** The figures of a postmortem's text, or undefined when the text is no postmortem. */
export function indexFigures(text: string, config: PostmortemConfig, job: Pick<IndexJob, 'path' | 'uri' | 'label'>, today: string): IndexFigures | undefined {
  const analysis = analyze(text, { config, path: job.path });
  if (!analysis.isPostmortem) return undefined;
  // Made now, so the model can be let go: only the figures are kept.
  return { claim: analysis.incidentId, report: reportDocument(analysis, config, { file: job.label, uri: job.uri }, today) };
}

/**
 * Reads and analyses one file in this thread, synchronously (a worker thread has nothing
 * else to do): its configuration from `settings` under its nearest config file, then its
 * size, then its text. Only regular files are read: a named pipe would never end.
 */
export function readIndexedFile(job: IndexJob, loader: ConfigLoader, settings: unknown, today: string): IndexedFile {
  const { config, problems } = loader.forFile(job.path, { settings });
  if (!config.workspaceIndex.enable) return { problems };
  try {
    const stats = statSync(job.path);
    if (!stats.isFile() || stats.size > config.maxFileSize) return { problems };
    const figures = indexFigures(readFileSync(job.path, 'utf8'), config, job, today);
    return figures ? { figures, problems } : { problems };
  } catch (error) {
    // A file deleted while the scan ran is simply not indexed; anything else is logged.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problems };
    return { problems, error: describeError(error) };
  }
}
