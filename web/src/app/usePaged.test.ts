import { hashKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { cleanFilter, pageParams, pagedKey } from './usePaged';

describe('the search form as query parameters', () => {
  it('trims texts and leaves out blanks and empty picks', () => {
    expect(cleanFilter({ q: '  华宇 ', kind: undefined, industryCode: null, actor: '   ', open: false })).toEqual({
      q: '华宇',
      open: false,
    });
  });

  it('leaves out what is not a query value (a date range is turned into from/to by its page)', () => {
    expect(cleanFilter({ period: [null, null], regionCode: '442000' })).toEqual({ regionCode: '442000' });
  });
});

describe('the parameters of one page', () => {
  it('add the page and its size when the server pages', () => {
    expect(pageParams({ q: 'a' }, 2, 50, 'server')).toEqual({ q: 'a', page: 2, pageSize: 50 });
  });

  it('send only the filter when the API answers every row (the table pages them)', () => {
    expect(pageParams({ regionCode: '442000' }, 3, 20, 'client')).toEqual({ regionCode: '442000' });
  });
});

describe('the key of a page', () => {
  it('starts with the API path, so invalidating the path reaches every page and filter', () => {
    expect(pagedKey('/api/employers', { page: 1 })[0]).toBe('/api/employers');
  });

  it('is the same for the same filter however its fields were ordered', () => {
    expect(hashKey(pagedKey('/api/audit', { actor: 'a', page: 1 }))).toBe(
      hashKey(pagedKey('/api/audit', { page: 1, actor: 'a' })),
    );
  });
});
