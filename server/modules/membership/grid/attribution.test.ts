import { describe, expect, it } from 'vitest';
import { areaCoversJoin } from './attribution.js';

// The matching rule alone; areaForJoin against a database is in tests/integration/membership-grid.test.ts.

describe('areaCoversJoin', () => {
  const join = { regionCode: '632802', employer: '美团外卖 德令哈站' };

  it('matches a region item by code prefix, a city covering its counties', () => {
    expect(areaCoversJoin({ kind: 'regions', items: ['632800'] }, join)).toBe(true);
    expect(areaCoversJoin({ kind: 'regions', items: ['632802'] }, join)).toBe(true);
    expect(areaCoversJoin({ kind: 'regions', items: ['632801', '630000'] }, join)).toBe(true);
    expect(areaCoversJoin({ kind: 'regions', items: ['632801'] }, join)).toBe(false);
    expect(areaCoversJoin({ kind: 'regions', items: [''] }, join)).toBe(false);
  });

  it('matches a platform named in the employer text, ignoring case', () => {
    expect(areaCoversJoin({ kind: 'platforms', items: ['美团'] }, join)).toBe(true);
    expect(areaCoversJoin({ kind: 'platforms', items: ['SF'] }, { ...join, employer: 'sf express' })).toBe(true);
    expect(areaCoversJoin({ kind: 'platforms', items: ['饿了么'] }, join)).toBe(false);
    expect(areaCoversJoin({ kind: 'platforms', items: ['美团'] }, { ...join, employer: null })).toBe(false);
    expect(areaCoversJoin({ kind: 'platforms', items: [' '] }, join)).toBe(false);
  });

  it('never matches streets by itself', () => {
    expect(areaCoversJoin({ kind: 'streets', items: ['美团外卖'] }, join)).toBe(false);
  });
});
