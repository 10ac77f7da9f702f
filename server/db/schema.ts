// Every table of every module, for Drizzle's typed queries and for drizzle-kit's migrations.
export * from '../modules/regions/tables.js';
export * from '../modules/organizations/tables.js';
export * from '../modules/courts/tables.js';
export * from '../modules/employers/tables.js';
export * from '../modules/people/tables.js';
export * from '../modules/accounts/tables.js';
export * from '../modules/audit/tables.js';
export * from '../modules/labor-law/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/disputes/tables.js';
export * from '../modules/limits/tables.js';
export * from '../modules/numbering/tables.js';
export * from '../modules/backup/tables.js';
export * from '../modules/imports/tables.js';
export * from '../modules/jobs/tables.js';
export * from '../modules/fee-refunds/tables.js';
export * from '../modules/fee-refunds/runs/tables.js';
