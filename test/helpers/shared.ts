// Access to ../shared (real data that must never be committed). Tests that need
// it skip cleanly when it is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/lang/resources.js';

export const SHARED = process.env.RECOUPE_SHARED ?? join(PACKAGE_ROOT, '..', 'shared');
export const hasShared = existsSync(join(SHARED, 'README.md'));
/** Pass as the `skip` option of a test: a reason string when ../shared is missing. */
export const needsShared = hasShared ? false : '../shared is not present';
export const sharedPath = (...parts: string[]) => join(SHARED, ...parts);
