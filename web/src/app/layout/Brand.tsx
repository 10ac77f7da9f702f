import { useTranslation } from 'react-i18next';

/** Product name: 一站 with Yizhan beside it. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: 6, whiteSpace: 'nowrap' }}>
      {/* The product's name is Chinese in either language. */}
      <span lang="zh-CN" style={{ fontSize: 20, fontWeight: 700, color: '#c62828', letterSpacing: 2 }}>
        {t('app.name')}
      </span>
      {!compact && <span style={{ fontSize: 13, color: '#595959' }}>{t('app.nameEn')}</span>}
    </span>
  );
}

export function MenuIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M2 4h16M2 10h16M2 16h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
