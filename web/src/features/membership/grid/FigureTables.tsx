import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { AREA_KIND_LABELS } from '../../../../../contracts/membership/codes';
import { codeText, percentText } from './labels';
import type { AreaFigures, Figures, OrganiserFigures } from './types';

/** The figure columns both tables end with. */
function useFigureColumns<T extends Figures>(): TableColumnsType<T> {
  const { t } = useTranslation();
  const count = (key: 'visits' | 'workersMet' | 'applications' | 'joined' | 'insured') => ({
    title: t(`membershipGrid.figures.${key}`),
    dataIndex: key,
    width: 100,
    align: 'right' as const,
  });
  const rate = (key: 'joinRate' | 'insuredRate') => ({
    title: t(`membershipGrid.figures.${key}`),
    dataIndex: key,
    width: 90,
    align: 'right' as const,
    render: (v: number | null) => percentText(v),
  });
  return [
    count('visits'),
    count('workersMet'),
    count('applications'),
    count('joined'),
    count('insured'),
    rate('joinRate'),
    rate('insuredRate'),
  ];
}

/** The organisers ranked by joined, then applications. */
export function LeagueTable({ rows }: { rows: OrganiserFigures[] }) {
  const { t } = useTranslation();
  const figures = useFigureColumns<OrganiserFigures>();
  const columns: TableColumnsType<OrganiserFigures> = [
    { title: t('membershipGrid.figures.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('membershipGrid.figures.organiser'),
      dataIndex: 'name',
      width: 140,
      render: (name: string, r) => (
        <>
          <span translate="no">{name}</span>
          {!r.active && <Tag style={{ marginInlineStart: 6 }}>{t('membershipGrid.figures.stopped')}</Tag>}
        </>
      ),
    },
    { title: t('membershipGrid.figures.organization'), dataIndex: 'organizationName', width: 200 },
    ...figures,
  ];
  return (
    <>
      <Typography.Title level={4}>{t('membershipGrid.figures.league')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('membershipGrid.figures.leagueHint')}</Typography.Paragraph>
      <Table<OrganiserFigures>
        rowKey="organiserId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('membershipGrid.figures.empty') }}
        data-testid="grid-league"
      />
    </>
  );
}

/** Every area of the region with its organiser and what it brought. */
export function BoardTable({ rows }: { rows: AreaFigures[] }) {
  const { t, i18n } = useTranslation();
  const figures = useFigureColumns<AreaFigures>();
  const columns: TableColumnsType<AreaFigures> = [
    { title: t('membershipGrid.figures.area'), dataIndex: 'name', width: 160 },
    {
      title: t('membershipGrid.figures.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: AreaFigures['kind']) => codeText(AREA_KIND_LABELS, kind, i18n.language),
    },
    {
      title: t('membershipGrid.figures.organiser'),
      dataIndex: 'organiserName',
      width: 120,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('membershipGrid.figures.noOrganiser')}</Typography.Text>,
    },
    ...figures,
  ];
  return (
    <>
      <Typography.Title level={4}>{t('membershipGrid.figures.board')}</Typography.Title>
      <Table<AreaFigures>
        rowKey="areaId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('membershipGrid.figures.empty') }}
        data-testid="grid-board"
      />
    </>
  );
}
