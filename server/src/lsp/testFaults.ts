import { ruleById } from '../core';
import type { Log } from './guard';

/** The environment variable the protocol tests set; nothing in normal use sets it. */
export const TEST_FAULT_VARIABLE = 'POSTMORTEM_TEST_FAULT_RULE';

/**
 * Test-only fault injection: with POSTMORTEM_TEST_FAULT_RULE set to a rule id, that rule
 * throws on every document, so test/protocol/abuse.test.ts can show that a failing rule is
 * logged and the other rules' diagnostics are still published. The variable comes from the
 * process that starts the server (the test), never from a workspace or its settings.
 */
export function injectTestFaults(log: Log, env: NodeJS.ProcessEnv = process.env): void {
  const id = env[TEST_FAULT_VARIABLE];
  const rule = id ? ruleById(id) : undefined;
  if (!rule) return;
  rule.check = () => {
    throw new Error(`${TEST_FAULT_VARIABLE}: injected failure of ${rule.id}`);
  };
  log.info(`postmortem: ${TEST_FAULT_VARIABLE} is set: rule ${rule.id} fails on every document (test only)`);
}
