import { describe, expect, it } from 'vitest';
import { orderedId } from './ordered-id.js';

describe('orderedId', () => {
  it('is a version 7 UUID of RFC 9562 with its time in the first 48 bits', () => {
    const id = orderedId(Date.UTC(2026, 11, 6, 23, 30));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 11, 6, 23, 30));
  });

  it('sorts in the order the ids were made, within a millisecond, past 4096 of them and when the clock steps back', () => {
    const at = Date.now() + 60_000;
    const ids = [...Array.from({ length: 10_000 }, () => orderedId(at)), orderedId(at - 5_000), orderedId(at + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
