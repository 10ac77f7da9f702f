import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../app/components/PageHeading';
import type { JoiningOrganization } from '../types';

/** The union the link names (and the organiser who brought it), above everything else. */
export function UnionHeading({ organization }: { organization: JoiningOrganization }) {
  const { t } = useTranslation();
  return (
    <div data-testid="join-union">
      <Typography.Text type="secondary">{t('membershipPublic.join.title')}</Typography.Text>
      <PageHeading look={3} style={{ margin: '4px 0 8px' }}>
        <span translate="no" data-testid="join-union-name">
          {organization.name}
        </span>
      </PageHeading>
      {organization.regionName && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('membershipPublic.join.region')}
          <span translate="no">{organization.regionName}</span>
        </Typography.Paragraph>
      )}
      {organization.organiser && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="join-organiser">
          {t('membershipPublic.join.invitedBy')}
          <span translate="no">{organization.organiser.name}</span>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('membershipPublic.join.intro')}</Typography.Paragraph>
    </div>
  );
}
