/**
 * How the server's heap grows (issue 18, memory). Each keystroke in a long document makes a
 * new version (tree copies, model, timeline, findings) that lives until the next one: V8
 * promotes it to the old generation, where it becomes garbage one keystroke later. By
 * default V8 lets the old generation grow up to four times what survived the last full
 * collection before collecting again, so a few dozen keystrokes in a 5,000-line document
 * took the server from 160 MiB to about 225 MiB while its live data stayed near 35 MiB.
 * Growing by at most twice that (measured in bench: peak 171–186 MiB after 30 edits) costs
 * about a tenth more CPU in collections, well under the time of an analysis.
 */
import { setFlagsFromString } from 'node:v8';

/** The old generation's growth over what survived the last full collection, in percent. */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Caps the heap's growth factor for the rest of the process. Works whoever starts the server
 * (VS Code's client, another editor, the bench): V8 reads the flag at every full collection.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
