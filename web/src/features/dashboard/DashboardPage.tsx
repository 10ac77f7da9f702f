import { Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { cityByCode, cityLabel } from '../labor-law/cities';
import { Figures } from './Figures';
import { CourtHome, EmployerHome, MediatorHome } from './HomeSections';
import './i18n';
import { useHome } from './useHome';

/**
 * Home: the caller's work first (a mediator's cases and deadlines, a court's confirmation queue,
 * an employer's cases), then the region's figures for those who read statistics or have no such
 * work (union staff, as before).
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // The calculator's cities have English names; any other region keeps its own.
  const city = cityByCode(me.regionCode);
  const region = city ? cityLabel(city, i18n.language === 'en') : (me.regionName ?? t('dashboard.national'));
  const home = useHome();
  const work = home.data;
  const hasWork = !!(work?.mediator || work?.court || work?.employer);
  const showFigures = !hasWork || me.permissions.includes('disputes:stats');
  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        extra={
          <span style={{ color: '#595959' }} data-testid="home-scope">
            {t('dashboard.scope', { region })}
          </span>
        }
      />
      {home.isPending ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="home-work">
          {work?.mediator && <MediatorHome section={work.mediator} />}
          {work?.court && <CourtHome section={work.court} />}
          {work?.employer && <EmployerHome section={work.employer} />}
          {showFigures && (
            <div data-testid="home-figures">
              <Figures />
            </div>
          )}
        </Space>
      )}
    </>
  );
}
