// Writes schemas/postmortemrc.schema.json from the configuration schema in the core
// (server/src/core/config/jsonSchema.ts); test/unit/configSchema.test.ts fails when the
// committed file differs. Run: npm run schema
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, schemaFileText } from '../server/src/core/config/published';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', SCHEMA_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
