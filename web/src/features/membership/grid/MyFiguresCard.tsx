import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { FigureStats } from './FigureStats';
import { useMyFigures } from './useMyOrganising';

/** This month's figures of the organiser (the staff's board has the same words). */
export function MyFiguresCard() {
  const { t } = useTranslation();
  const figures = useMyFigures();
  return (
    <Card
      title={t('membershipGrid.my.figuresTitle')}
      extra={figures && `${figures.from} – ${figures.to}`}
      size="small"
      data-testid="my-figures"
    >
      {figures ? <FigureStats figures={figures.totals} /> : <Skeleton active />}
    </Card>
  );
}
