/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import i18n from './index';

// Every feature registers its strings at import time; Chinese first, with a complete English switch.
import.meta.glob('../../features/**/i18n.ts', { eager: true });

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the two languages', () => {
  it('have exactly the same keys, in every feature', () => {
    const zh = new Set(keys(i18n.getResourceBundle('zh', 'translation')));
    const en = new Set(keys(i18n.getResourceBundle('en', 'translation')));
    expect(zh.size).toBeGreaterThan(500);
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('leave a text empty in both or in neither', () => {
    const zhBundle = i18n.getResourceBundle('zh', 'translation');
    const enBundle = i18n.getResourceBundle('en', 'translation');
    const at = (bundle: unknown, key: string) =>
      key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], bundle);
    const lopsided = keys(zhBundle).filter((k) => (at(zhBundle, k) === '') !== (at(enBundle, k) === ''));
    expect(lopsided).toEqual([]);
  });
});
