import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './types';

const preStyle = {
  margin: 0,
  padding: 12,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  maxHeight: 320,
  overflow: 'auto',
  fontSize: 12,
} as const;

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <pre style={preStyle}>{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row: before / after snapshots side by side, plus the request id. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-detail">
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('audit.requestId')}>{entry.requestId ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      {entry.before == null && entry.after == null ? (
        <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
            <Json value={entry.before} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
            <Json value={entry.after} />
          </Col>
        </Row>
      )}
    </div>
  );
}
