/**
 * The analysis core: parse → postmortem model → rules → findings and fixes. Hosts (the
 * language server, the CLI, tests) import from here; nothing here imports an editor API.
 */
export { analyze, buildDocumentModel, localToday, TOO_DEEP, type Analysis, type AnalyzeOptions } from './analyze';
export { isOverdue, trackedActionItems, type TrackedActionItem } from './actions/read';
export { headerFields, type HeaderFields } from './metadata/headerFields';
export type { SeverityCap } from './metadata/severityCap';
export { analyzeIncremental, changeBetween, reparse, type TextChange } from './incremental';
export { ConfigLoader, type ConfigSources } from './config/load';
export { CONFIG_FILE_NAME } from './config/file';
export { defaultConfig, mergeConfig, validateConfig, type ConfigPatch, type ConfigProblem, type PostmortemConfig } from './config/schema';
export { IGNORED_FOLDERS, isPostmortem, MARKDOWN_FILES, matchesInclude } from './detect';
export { automaticFix, preferredFix, SEVERITIES, type Finding, type Fix, type RuleSetting, type Severity } from './findings';
export { fixAll, selectFixes } from './fix';
export type { PostmortemModel, Section, HeadingInfo } from './model/types';
export { BUILT_IN_PROFILES, BUILT_IN_PROFILE_NAMES, type Profile } from './profiles/profiles';
export { RULES, RULE_IDS, ruleById } from './rules';
export type { Rule } from './rules/types';
export { duplicateIdFindings, type CrossDocument, type CrossFinding, type IncidentIdClaim, type RelatedPlace } from './workspace/duplicates';
export { SUPPRESSION_CODES, SUPPRESSION_FINDINGS } from './suppress';
export { applyEdits, LineIndex, type Position, type Range, type TextEdit } from './text';
export * from './timeline';
