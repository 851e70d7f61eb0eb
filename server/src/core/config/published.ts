/**
 * The configuration schema as published in `schemas/postmortemrc.schema.json`: the schema
 * validation uses, with the rule registry's and the built-in profiles' descriptions.
 */
import { BUILT_IN_PROFILES } from '../profiles/profiles';
import { RULES } from '../rules';
import { configJsonSchema, type JsonSchema } from './jsonSchema';

/** Where the schema file lives in the repository and the npm package. */
export const SCHEMA_FILE = 'schemas/postmortemrc.schema.json';

/** The schema of `.postmortemrc.json`, naming every rule and built-in profile. */
export function publishedConfigSchema(): JsonSchema {
  return configJsonSchema({
    rules: RULES.map((rule) => ({ id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity })),
    profiles: Object.values(BUILT_IN_PROFILES).map((profile) => ({ name: profile.name, description: profile.description })),
  });
}

/** The schema file's text, as `npm run schema` writes it. */
export function schemaFileText(): string {
  return `${JSON.stringify(publishedConfigSchema(), null, 2)}\n`;
}
