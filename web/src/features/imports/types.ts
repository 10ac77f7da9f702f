// The shapes the imports API answers with (contracts/imports.ts).
export type { ImportDetail, ImportKindInfo, ImportRecord, ImportStatus, RowError } from '../../../../contracts/imports';

/** While an import is in one of these, its page asks for it every second. */
export const RUNNING_STATUSES: readonly string[] = ['uploaded', 'validating', 'committing'];
