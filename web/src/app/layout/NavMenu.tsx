import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useMe } from '../auth';
import { entryForPath, visibleMenu } from '../menu';

/** The side navigation: only the entries the signed-in user may open. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = entryForPath(pathname)?.key;
  const items = visibleMenu(me).map((e) => ({
    key: e.key,
    label: (
      <Link to={e.path} data-testid={`menu-${e.key}`} onClick={onNavigate}>
        {t(e.labelKey)}
      </Link>
    ),
  }));
  return (
    <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} style={{ borderInlineEnd: 'none' }} />
  );
}
