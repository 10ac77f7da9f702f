import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { statuteText } from '../../../../../contracts/statutes';
import { useShowError } from '../../../app/errors';
import { cityByCode, cityLabel } from '../../labor-law/cities';
import { langOf, money } from '../labels';
import type { CaseDetail } from '../types';
import { useCaseChange } from './useCase';

/** The labor-law engine run on the case's facts: each item with its statutes and arithmetic. */
export function AnalysisPanel({ detail: d, canRun }: { detail: CaseDetail; canRun: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const en = lang === 'en';
  const showError = useShowError();
  const analyse = useCaseChange(d.id, () => api.post<CaseDetail>(`/api/disputes/${d.id}/analysis`, {}));
  const a = d.analysis;
  // The calculator's own list of cities has their names in English; any other place keeps its name.
  const city = a?.context ? cityByCode(a.context.regionCode) : undefined;

  return (
    <Card
      title={t('disputes.analysis.title')}
      size="small"
      data-testid="analysis-panel"
      extra={
        canRun && (
          <Button
            size="small"
            type={a ? 'default' : 'primary'}
            loading={analyse.isPending}
            onClick={() => analyse.mutate(undefined, { onError: showError })}
            data-testid="analysis-run"
          >
            {t(a ? 'disputes.analysis.rerun' : 'disputes.analysis.run')}
          </Button>
        )
      }
    >
      {!a ? (
        <Typography.Text type="secondary">{t('disputes.analysis.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {a.factsChangedOn && (
            <Alert
              type="warning"
              showIcon
              data-testid="analysis-outdated"
              message={t('disputes.analysis.outdated', { date: a.factsChangedOn })}
            />
          )}
          <Flex
            justify="space-between"
            align="baseline"
            wrap
            style={{ background: '#fff5f5', padding: '8px 12px', borderRadius: 6 }}
          >
            <Typography.Text strong>{t('disputes.analysis.total')}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 20, color: '#c62828' }} data-testid="analysis-total">
              {money(a.totalFen, lang)}
            </Typography.Text>
          </Flex>
          {a.context?.asOf && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('disputes.analysis.asOf', {
                date: a.context.asOf,
                region: city ? cityLabel(city, en) : (a.context.regionName ?? a.context.regionCode),
              })}
            </Typography.Text>
          )}
          {a.items.map((item) => (
            <div
              key={item.code}
              data-testid={`analysis-item-${item.code}`}
              style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
            >
              <Flex justify="space-between" align="baseline" gap={8} wrap>
                <Typography.Text strong>{t(`calc.items.${item.code}`)}</Typography.Text>
                <Typography.Text strong style={{ color: '#c62828' }}>
                  {money(item.amountFen, lang)}
                </Typography.Text>
              </Flex>
              <Flex wrap gap={4} style={{ margin: '4px 0' }}>
                {item.basis.map((b) => (
                  <Tag key={b} color="red" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                    {statuteText(b, lang)}
                  </Tag>
                ))}
              </Flex>
              <Typography.Text
                style={{ fontSize: 13, background: '#fafafa', display: 'block', padding: '4px 8px', borderRadius: 4 }}
              >
                {en && item.explanationEn ? item.explanationEn : item.explanation}
              </Typography.Text>
            </div>
          ))}
          {a.items.length === 0 && <Typography.Text type="secondary">{t('disputes.analysis.noItems')}</Typography.Text>}
          {a.warnings.map((w) => (
            <Alert
              key={w.code}
              type={w.severity === 'critical' ? 'error' : w.severity === 'warning' ? 'warning' : 'info'}
              showIcon
              title={en ? w.messageEn : w.message}
            />
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('disputes.analysis.claimedVs', { claimed: money(d.claimTotalFen, lang) })}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
