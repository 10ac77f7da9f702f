import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const BASE = '/membership/grid';
const TABS = ['board', 'organisers', 'areas'] as const;
const pathOf = (key: (typeof TABS)[number]) => (key === 'board' ? BASE : `${BASE}/${key}`);

/** The grid's three views, each its own address (a reload or a shared link opens the same one). */
export function GridTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((key) => key !== 'board' && pathname.startsWith(pathOf(key))) ?? 'board';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(pathOf(key as (typeof TABS)[number]))}
      items={TABS.map((key) => ({
        key,
        label: <span data-testid={`grid-tab-${key}`}>{t(`membershipGrid.tabs.${key}`)}</span>,
      }))}
    />
  );
}
