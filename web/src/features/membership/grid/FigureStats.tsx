import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { percentText } from './labels';
import type { Figures } from './types';

/** The headline figures as tiles: two a row on a phone, seven on a desk. */
export function FigureStats({ figures, testId }: { figures: Figures; testId?: string }) {
  const { t } = useTranslation();
  const tiles = [
    { key: 'visits', value: String(figures.visits) },
    { key: 'workersMet', value: String(figures.workersMet) },
    { key: 'applications', value: String(figures.applications) },
    { key: 'joined', value: String(figures.joined) },
    { key: 'insured', value: String(figures.insured) },
    { key: 'joinRate', value: percentText(figures.joinRate) },
    { key: 'insuredRate', value: percentText(figures.insuredRate) },
  ] as const;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid={testId}>
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} sm={8} md={6} lg={3}>
          <Statistic
            title={t(`membershipGrid.figures.${tile.key}`)}
            value={tile.value}
            valueStyle={{ fontSize: 22 }}
            data-testid={`figure-${tile.key}`}
          />
        </Col>
      ))}
    </Row>
  );
}
