import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { AppStrings } from './i18n/strings.zh';
import { MENU, type MenuEntry } from './menu';

type TitleKey = MenuEntry['labelKey'] | `pageTitles.${keyof AppStrings['pageTitles']}`;

/** Pages outside the menu, by path prefix. */
const OTHER_PAGES: readonly [string, TitleKey][] = [
  ['/apply', 'pageTitles.apply'],
  ['/track', 'pageTitles.track'],
  ['/refunds', 'pageTitles.refunds'],
  ['/join/', 'pageTitles.join'],
  ['/member-card', 'pageTitles.memberCard'],
  ['/e/', 'pageTitles.employerLink'],
  ['/login', 'pageTitles.login'],
  ['/demo/phone', 'pageTitles.demoPhone'],
];

/**
 * The i18n key naming the page at a path: the menu entry whose path is the longest prefix of it
 * (so /disputes/queue is "司法确认", not "调解案件"), or one of the pages outside the menu; null for none.
 */
export function titleKeyFor(pathname: string): TitleKey | null {
  const other = OTHER_PAGES.find(([prefix]) => pathname === prefix || pathname.startsWith(prefix));
  if (other) return other[1];
  const entry = MENU.filter((m) =>
    m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  return entry ? entry.labelKey : null;
}

/** Each page its own document title ("调解统计 · 一站"), in the chosen language, kept as the route changes. */
export function usePageTitle(): void {
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const key = titleKeyFor(pathname);
    const site = t('app.documentTitle');
    document.title = key ? `${t(key)} · ${t('app.name')} ${t('app.nameEn')}` : site;
  }, [pathname, t, i18n.language]);
}
