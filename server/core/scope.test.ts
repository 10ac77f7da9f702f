import { PgDialect, pgTable, varchar } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { escapeLike, inRegion, likeText } from './scope.js';

const t = pgTable('t', { code: varchar('code', { length: 6 }) });
const sqlOf = (scope: string) => new PgDialect().sqlToQuery(inRegion(t.code, scope)!);

describe('region scope condition', () => {
  it('turns a province, a city and a county into prefix ranges', () => {
    expect(sqlOf('440000').params).toEqual(['44', '45']);
    expect(sqlOf('442000').params).toEqual(['4420', '4421']);
    expect(sqlOf('340111').params).toEqual(['340111', '340112']);
    expect(sqlOf('320900').params).toEqual(['3209', '3210']);
  });

  it('covers the whole country when there is no scope', () => {
    expect(inRegion(t.code, null)).toBeUndefined();
  });
});

describe('search text', () => {
  it('escapes LIKE wildcards so that a user cannot widen the search', () => {
    expect(likeText('50%_off')).toBe('%50\\%\\_off%');
    expect(escapeLike('a\\b')).toBe('a\\\\b');
  });
});
