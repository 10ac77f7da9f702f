import { Button, Card, Descriptions, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf } from '../../../app/i18n';
import { claimLabel, langOf, money } from '../labels';
import type { CaseDetail } from '../types';
import { CorrectFactsDialog } from './CorrectFactsDialog';
import { agreementSigned } from './correction-parts';

/** The element-based facts recorded at intake: employment, claims and the worker's account. */
export function FactsPanel({ detail: d, canCorrect }: { detail: CaseDetail; canCorrect: boolean }) {
  const { t, i18n } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const lang = langOf(i18n.language);
  const e = d.facts.employment;
  const none = t('common.none');
  return (
    <Card
      title={t('disputes.facts.title')}
      size="small"
      data-testid="facts-panel"
      extra={
        // Once a party has signed, these facts stay as signed: the button is not offered.
        canCorrect &&
        e &&
        !agreementSigned(d) && (
          <Button size="small" onClick={() => setCorrecting(true)} data-testid="facts-correct">
            {t('disputes.correct.button')}
          </Button>
        )
      }
    >
      {e && (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('disputes.intake.hireDate')}>{e.hireDate}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.intake.endDate')}>
            {e.endDate ?? t('disputes.facts.stillEmployed')}
          </Descriptions.Item>
          <Descriptions.Item label={t('disputes.intake.monthlyWage')}>
            {money(e.monthlyWageFen, lang)} · {t(`disputes.wageStructures.${e.wageStructure}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('disputes.intake.contractSigned')}>
            {t(e.contractSigned ? 'common.yes' : 'common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('disputes.intake.sector')}>
            {textOf(`employers.industries.${d.sector}`, d.sector)}
          </Descriptions.Item>
          {e.workingHours && (
            <Descriptions.Item label={t('disputes.intake.workingHours')}>
              {t(`disputes.workingHours.${e.workingHours}`)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={d.facts.claims}
        columns={[
          { title: t('disputes.intake.claimType'), dataIndex: 'type', render: (v: string) => claimLabel(v, lang) },
          {
            title: t('disputes.intake.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => money(v, lang),
          },
          { title: t('disputes.intake.claimDescription'), dataIndex: 'description', render: (v?: string) => v || none },
        ]}
        style={{ marginBottom: 8 }}
      />
      {d.facts.narrative && (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {d.facts.narrative}
        </Typography.Paragraph>
      )}
      <CorrectFactsDialog detail={d} open={correcting} onClose={() => setCorrecting(false)} />
    </Card>
  );
}
