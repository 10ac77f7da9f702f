import { describe, expect, it } from 'vitest';
import { maskMobile, normalizeMobile } from './identifiers.js';

describe('normalizeMobile', () => {
  it('does not strip 86 from a plain 11-digit number', () => {
    expect(normalizeMobile('18612345678')).toBe('18612345678');
  });
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['1234567', '*******'],
    ['12345678', '123*5678'],
  ])('%s → %s', (input, masked) => {
    expect(maskMobile(input)).toBe(masked);
  });
});
