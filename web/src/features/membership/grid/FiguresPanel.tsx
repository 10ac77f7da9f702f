import { PeriodFilter } from '../../../app/components/PeriodFilter';
import { Button, Skeleton, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';
import { BoardTable, LeagueTable } from './FigureTables';
import { FigureStats } from './FigureStats';
import { GridTabs } from './GridTabs';
import { useGridFigures } from './useGridFigures';

/** The region's board of areas and league table of organisers over a period, and its workbook. */
export function FiguresPanel() {
  const { t } = useTranslation();
  const grid = useGridFigures();
  const f = grid.figures;
  return (
    <div data-testid="grid-figures">
      <PageTitle
        title={t('membershipGrid.title')}
        extra={
          <Button href={grid.xlsxHref} download data-testid="grid-xlsx">
            {t('membershipGrid.figures.xlsx')}
          </Button>
        }
      />
      <GridTabs />
      <PeriodFilter
        shown={{ from: f?.from, to: f?.to }}
        onPeriod={grid.setPeriod}
        resetLabel={t('membershipGrid.period.reset')}
        hint={t('membershipGrid.period.hint')}
        testIdPrefix="grid"
      />
      {!f ? (
        <Skeleton active />
      ) : (
        <Spin spinning={grid.loading} delay={200}>
          <Typography.Title level={4} data-testid="grid-period">
            {t('membershipGrid.figures.title', { region: f.regionName, from: f.from, to: f.to })}
          </Typography.Title>
          <FigureStats figures={f.totals} testId="grid-totals" />
          <BoardTable rows={f.areas} />
          <LeagueTable rows={f.organisers} />
        </Spin>
      )}
    </div>
  );
}
