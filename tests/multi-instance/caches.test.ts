import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLineCtx } from '../../server/core/context.js';
import type { Deps } from '../../server/core/deps.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { calendarFor } from '../../server/modules/disputes/calendar.js';
import { setCalendarOverride } from '../../server/modules/disputes/settings.js';
import { createTestApp, type TestApp } from '../support/app.js';

// What one instance keeps in memory must not go stale when another changes the database. Two
// connection pools on one PostgreSQL database stand in for two instances.

let t: TestApp;
let second: Database;
let other: Deps;

describe.skipIf(!process.env.TEST_DATABASE_URL)('in-memory caches across instances', () => {
  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
    const url = (t.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    second = await openDatabase({ url });
    other = { ...t.deps, db: second.db };
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('a working-day correction made on one instance counts at once on another', async () => {
    const saturday = '2026-06-13';
    expect((await calendarFor(other)).isWorkingDay(saturday)).toBe(false);
    await setCalendarOverride(t.deps, commandLineCtx('test'), { date: saturday, kind: 'workday', note: '调休上班' });
    expect((await calendarFor(other)).isWorkingDay(saturday)).toBe(true);
    expect((await calendarFor(t.deps)).isWorkingDay(saturday)).toBe(true);
  });
});
