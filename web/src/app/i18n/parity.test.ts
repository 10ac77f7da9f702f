/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { keyDifference, keyPaths, stringsProblems } from './coverage';
import i18n from './index';
import resourcesSource from './resources.ts?raw';
import { appEn } from './strings.en';
import { appZh } from './strings.zh';

// Every feature registers its strings at import time; Chinese first, with a complete English switch.
const registrations = import.meta.glob<string>('../../features/**/i18n.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});
import.meta.glob('../../features/**/i18n.ts', { eager: true });
const featureFiles = Object.keys(import.meta.glob('../../features/**/*.{ts,tsx}'));
const zhModules = import.meta.glob<Record<string, unknown>>('../../features/**/strings.zh.ts', { eager: true });
const enModules = import.meta.glob<Record<string, unknown>>('../../features/**/strings.en.ts', { eager: true });

/** The strings object a strings file exports (the one object among its exports). */
const stringsOf = (module: Record<string, unknown> | undefined) =>
  Object.values(module ?? {}).find((v) => v !== null && typeof v === 'object');

describe('the two languages', () => {
  it('are kept the same way in every feature: strings.zh.ts, strings.en.ts and an i18n.ts registering them', () => {
    expect(featureFiles.length).toBeGreaterThan(50);
    expect(stringsProblems(featureFiles)).toEqual([]);
  });

  it('are all known to the compiler: resources.ts lists every strings.zh.ts, so t() checks their keys', () => {
    for (const path of Object.keys(zhModules)) {
      const imported = `'${path.replace(/\.ts$/, '')}'`;
      expect({ path, listed: resourcesSource.includes(imported) }).toEqual({ path, listed: true });
    }
  });

  it('have exactly the same keys in each strings file, the app’s own included', () => {
    expect(keyDifference(appZh, appEn)).toEqual({ onlyZh: [], onlyEn: [] });
    for (const [path, zhModule] of Object.entries(zhModules)) {
      const en = stringsOf(enModules[path.replace('strings.zh.ts', 'strings.en.ts')]);
      expect({ path, ...keyDifference(stringsOf(zhModule), en) }).toEqual({ path, onlyZh: [], onlyEn: [] });
    }
  });

  it('have exactly the same keys, in every feature as registered', () => {
    const zh = new Set(keyPaths(i18n.getResourceBundle('zh', 'translation')));
    const en = new Set(keyPaths(i18n.getResourceBundle('en', 'translation')));
    expect(zh.size).toBeGreaterThan(500);
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('come from the strings files only: an i18n.ts registers them and holds no words itself', () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    for (const [path, source] of Object.entries(registrations)) {
      expect({ path, words: cjk.test(source) || /:\s*'[^']*'/.test(source) }).toEqual({ path, words: false });
      expect({ path, registers: source.includes('registerStrings(') }).toEqual({ path, registers: true });
    }
  });

  it('leave a text empty in both or in neither', () => {
    const zhBundle = i18n.getResourceBundle('zh', 'translation');
    const enBundle = i18n.getResourceBundle('en', 'translation');
    const at = (bundle: unknown, key: string) =>
      key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], bundle);
    const lopsided = keyPaths(zhBundle).filter((k) => (at(zhBundle, k) === '') !== (at(enBundle, k) === ''));
    expect(lopsided).toEqual([]);
  });
});
