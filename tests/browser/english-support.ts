import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bareArticleReferences } from '../support/citations.js';

// What "the page is in English" means, checked the same way on every page: no raw string keys, no
// Chinese in the page's furniture outside the places Chinese belongs (people's and bodies' names,
// case numbers, the Chinese name beside a statute's English one, messages sent in Chinese), no 元,
// and every article cited names its statute.

/** The first part of every string key (t('disputes.yuan') starts with 'disputes'). */
const NAMESPACES = [
  'app',
  'pageTitles',
  'menu',
  'layout',
  'common',
  'jobProgress',
  'calc',
  'laborParams',
  'accounts',
  'audit',
  'auth',
  'courts',
  'dashboard',
  'demoPhone',
  'disputes',
  'disputesPublic',
  'employers',
  'imports',
  'jobs',
  'me',
  'membership',
  'membershipGrid',
  'membershipInsurance',
  'membershipPublic',
  'membershipReports',
  'messages',
  'organizations',
  'people',
  'regions',
];
const KEY = /\b[a-z]+\.[a-zA-Z_.]+\b/g;
/** Chinese characters, and the full-width punctuation that goes with them (，。：；（）、). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]/u;

/** Chinese punctuation against English words or figures ("Mediator：", "Not voluntary：Does not apply"). */
const MIXED_PUNCTUATION = /[A-Za-z0-9¥][\u3000-\u303f\uff01-\uff5e]|[\u3000-\u303f\uff01-\uff5e][A-Za-z0-9¥]/;

/** The page's furniture: what the app itself writes (labels, headings, buttons, hints, server notes). */
const FURNITURE = [
  'button',
  'a',
  'th',
  'label',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  '.ant-menu-title-content',
  '.ant-steps-item-title',
  '.ant-steps-item-description',
  '.ant-descriptions-item-label',
  '.ant-card-head-title',
  '.ant-alert-title',
  '.ant-alert-description',
  '.ant-form-item-extra',
  '.ant-form-item-explain',
  '.ant-typography-secondary',
  '.ant-empty-description',
  '.ant-modal-title',
  '.ant-tag',
  '.ant-tabs-tab',
  '.ant-statistic-title',
  '.ant-statistic-content-suffix',
  '.ant-result-title',
  '.ant-result-subtitle',
  '.ant-select-selection-item',
  '.ant-select-selection-placeholder',
  '.ant-radio-wrapper',
  '.ant-checkbox-wrapper',
  '.ant-segmented-item-label',
  '.ant-input-suffix',
  '.ant-input-prefix',
  '.ant-message-notice-content',
  '.ant-tooltip-inner',
  // Server texts shown in the reader's language (clock basis and notes, the liability basis).
  '[data-testid="clock-basis"]',
  '[data-testid="liability-basis"]',
  '[data-testid="liability-explanation"]',
  '[data-testid="party-liability-basis"]',
  '[data-testid="calc-item-basis"]',
].join(', ');

/**
 * Where Chinese belongs: the language switch, the signed-in name, texts in Chinese on purpose,
 * what people typed (shown as typed, translate="no"), messages sent.
 */
const CHINESE_ON_PURPOSE = [
  '[data-testid="lang-switch"]',
  '[data-testid="user-menu"]',
  '[lang="zh-CN"]',
  '[translate="no"]',
  '[data-testid="outbox-item"]',
  '[data-testid="phone-message"]',
].join(', ');

/** The furniture's texts (and the placeholders of its inputs), with what may stay Chinese taken out. */
async function furnitureTexts(p: Page): Promise<string[]> {
  const texts = await p.evaluate(
    ({ furniture, onPurpose }) => {
      const shown = (e: Element) =>
        (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed';
      const own = (e: Element) => {
        const copy = e.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(onPurpose).forEach((zh) => zh.remove());
        return copy.textContent ?? '';
      };
      const elements = [...document.querySelectorAll(furniture)].filter((e) => shown(e) && !e.closest(onPurpose));
      const placeholders = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
        .filter((e) => shown(e) && !e.closest(onPurpose))
        .map((e) => e.getAttribute('placeholder') ?? '');
      return [...elements.map(own), ...placeholders];
    },
    { furniture: FURNITURE, onPurpose: CHINESE_ON_PURPOSE },
  );
  return texts.map(withoutChineseOnPurpose).filter(Boolean);
}

/**
 * Names of bodies and people a test's data holds, which stay as they are in English: the
 * construction story's parties (tests/support/disputes.ts) and whatever a test adds.
 */
const NAMES = new Set(['中山市翠亨置业有限公司', '中山市华裕建筑劳务有限公司', '李某（包工头）']);

/** Names the page may show as they are (a studio's, a court's, a party's). */
export function allowNames(...names: string[]): void {
  for (const name of names) NAMES.add(name);
}

function withoutChineseOnPurpose(s: string): string {
  // Longest first, so a name is not left half removed by a shorter one inside it.
  const names = [...NAMES].sort((a, b) => b.length - a.length);
  return (
    names
      .reduce((text, name) => text.split(name).join(''), s)
      // The Chinese name beside a statute's English one (its own name may hold full-width brackets).
      .replace(/\((?:[^()]|\([^()]*\))*\p{Script=Han}(?:[^()]|\([^()]*\))*\)/gu, '')
      // A case number (粤中工调〔2026〕000001号) or a ruling number (（2026）粤2071民特1号).
      .replace(/\p{Script=Han}*〔\d{4}〕\d+号/gu, '')
      .replace(/（\d{4}）[\p{Script=Han}\d]+号/gu, '')
      // A name quoted in a sentence (the crew boss “李某（包工头）”).
      .replace(/“[^”]*”/g, '')
      // The names the test factories give people and accounts (测试职工4, 测试mediator_3).
      .replace(/测试[\p{Script=Han}\w]*/gu, '')
      .trim()
  );
}

/**
 * The body's text without what may hold Chinese on purpose (messages sent in Chinese): by blocks
 * (one line per paragraph, cell or list item) and by elements (one line per element's own text).
 */
async function bodyText(p: Page): Promise<{ blocks: string; pieces: string[] }> {
  return p.evaluate((onPurpose) => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(onPurpose).forEach((e) => e.remove());
    copy.querySelectorAll('script, style').forEach((e) => e.remove());
    // What each element writes itself, its children's text left out.
    const pieces = [copy, ...copy.querySelectorAll('*')].map((e) =>
      [...e.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join(''),
    );
    // innerText of a detached copy is its textContent: block ends become line ends here.
    copy.querySelectorAll('div, p, li, tr, td, th, br, h1, h2, h3, h4, h5').forEach((e) => e.append('\n'));
    return { blocks: copy.textContent ?? '', pieces };
  }, CHINESE_ON_PURPOSE);
}

export interface EnglishProblems {
  /** Raw string keys shown instead of their text. */
  keys: string[];
  /** Furniture with Chinese in it, and lines mixing Chinese punctuation with English. */
  chinese: string[];
  /** Amounts in 元. */
  yuan: string[];
  /** Sentences citing an article without naming its statute in English with the Chinese name beside. */
  bareArticles: string[];
}

export async function problemsOn(p: Page): Promise<EnglishProblems> {
  const shownText = await p.locator('body').innerText();
  const keys = [...shownText.matchAll(KEY)].map((m) => m[0]).filter((k) => NAMESPACES.includes(k.split('.')[0]!));
  const { blocks: all, pieces } = await bodyText(p);
  const mixed = pieces.map(withoutChineseOnPurpose).filter((piece) => MIXED_PUNCTUATION.test(piece));
  const chinese = [...(await furnitureTexts(p)).filter((s) => CHINESE.test(s)), ...mixed];
  const yuan = [...all.matchAll(/.{0,20}元.{0,5}/g)].map((m) => m[0]);
  const bareArticles = all.split('\n').flatMap((line) => bareArticleReferences(line));
  const unique = (xs: string[]) => [...new Set(xs)];
  return { keys: unique(keys), chinese: unique(chinese), yuan: unique(yuan), bareArticles: unique(bareArticles) };
}

/** Fails naming the page and what is wrong on it. */
export async function expectEnglish(p: Page, where: string): Promise<void> {
  expect({ where, ...(await problemsOn(p)) }).toEqual({ where, keys: [], chinese: [], yuan: [], bareArticles: [] });
}

/** A browser page in English: a desk (1366 px unless told) or a 375 px phone. */
export async function englishPage(
  browser: Browser,
  opts: { width?: number; height?: number; phone?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: opts.phone ? { width: 375, height: 740 } : { width: opts.width ?? 1366, height: opts.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    hasTouch: opts.phone ?? false,
  });
  await context.addInitScript(() => localStorage.setItem('yz_lang', 'en'));
  return context.newPage();
}

/**
 * The words of the case page's step titles that are split across two lines (a word broken inside),
 * and the titles wider than their box.
 */
export async function brokenStepWords(p: Page): Promise<string[]> {
  return p.locator('[data-testid="case-steps"] .ant-steps-item-title').evaluateAll((titles) =>
    titles.flatMap((title) => {
      const out: string[] = [];
      if (title.scrollWidth > title.clientWidth + 1) out.push(`${title.textContent ?? ''} (wider than its box)`);
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
      return out;
    }),
  );
}

/** The open modal's dialog (antd keeps closed ones in the page, hidden). */
export const openModal = (p: Page) => p.locator('.ant-modal-wrap:visible .ant-modal');

/** Closes the open modal with its close button and waits for it to go. */
export async function closeModal(p: Page): Promise<void> {
  await openModal(p).locator('.ant-modal-close').click();
  await expect.poll(() => p.locator('.ant-modal-wrap:visible').count()).toBe(0);
}
