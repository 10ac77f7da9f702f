import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LaborLawItem, LaborLawWarning } from '../../../../contracts/labor-law';
import { statuteText } from '../../../../contracts/statutes';
import { punctuationOf } from '../../app/format';
import type { Computed } from './calc/useCalculation';
import { cityByCode, cityLabel } from './cities';
import { formatFen, parseYuanToFen } from './money';
import { regionCodeOf, type CalcValues } from './request';
import { ALERT_TYPE, sortWarnings } from './warnings';

const bigButton = { height: 48, fontSize: 16 } as const;

function useExtrasText(v: CalcValues): string[] {
  const { t, i18n } = useTranslation();
  const { colon, semicolon } = punctuationOf(i18n.language);
  const out: string[] = [];
  if (v.wageChangesOn) {
    const rows = (v.wageChanges ?? []).filter((c) => c.from && c.wage).map((c) => `${c.from} ${c.wage}`);
    out.push(`${t('calc.wage.changed')}${colon}${rows.join(semicolon)}`);
  }
  if (v.unpaidOn) {
    const rows = (v.unpaid ?? [])
      .filter((r) => r.from && r.amount)
      .map((r) => `${r.from}${r.to && r.to !== r.from ? `–${r.to}` : ''} ${r.amount}`);
    out.push(`${t('calc.extras.unpaid')}${colon}${rows.join(semicolon)}`);
  }
  if (v.noContract)
    out.push(
      `${t('calc.extras.noContract')}${colon}${v.contractSigned === 'later' ? `${t('calc.extras.later')} ${v.contractSignedDate ?? ''}` : t('calc.extras.never')}`,
    );
  if (v.overtimeOn) {
    const parts = (['otWorkday', 'otRestDay', 'otHoliday'] as const)
      .filter((k) => v[k]?.trim())
      .map((k) => `${t(`calc.extras.${k}`)} ${v[k]!.trim()}`);
    out.push(`${t('calc.extras.overtime')}${parts.length ? `${colon}${parts.join(semicolon)}` : ''}`);
  }
  if (v.leaveOn) {
    out.push(
      `${t('calc.extras.leave')}${colon}${t('calc.extras.leaveYear')} ${v.leaveYear ?? ''}${semicolon}${t('calc.extras.leaveWorkYears')} ${v.leaveWorkYears ?? ''}${semicolon}${t('calc.extras.leaveDaysTaken')} ${v.leaveDaysTaken?.trim() || '0'}${v.leaveDeclined ? `${semicolon}${t('calc.extras.leaveDeclined')}` : ''}`,
    );
  }
  if (v.injuryOn && v.injuryGrade)
    out.push(`${t('calc.extras.injury')}${colon}${t('calc.extras.grade', { n: v.injuryGrade })}`);
  if (v.situation === 'art40' && v.noNotice) out.push(t('calc.extras.noNotice'));
  return out;
}

function ItemCard({ item, en }: { item: LaborLawItem; en: boolean }) {
  const { t } = useTranslation();
  return (
    <Card className="yz-print-card" data-testid={`calc-item-${item.code}`} styles={{ body: { padding: 16 } }}>
      <Flex justify="space-between" align="baseline" wrap gap={4}>
        <Typography.Text strong style={{ fontSize: 17 }} data-testid="calc-item-name">
          {t(`calc.items.${item.code}`)}
        </Typography.Text>
        <Typography.Text
          strong
          style={{ fontSize: 20, color: '#c62828', whiteSpace: 'nowrap' }}
          data-testid="calc-item-amount"
        >
          {t('calc.result.yuanAmount', { amount: formatFen(item.amountFen) })}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
        {t(`calc.itemHints.${item.code}`)}
      </Typography.Paragraph>
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
          {t('calc.result.basis')}
        </Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 4 }} data-testid="calc-item-basis">
          {item.basis.map((b) => (
            <Tag
              key={b}
              color="red"
              style={{ whiteSpace: 'normal', marginInlineEnd: 0, fontSize: 13, lineHeight: '22px' }}
            >
              {statuteText(b, en ? 'en' : 'zh')}
            </Tag>
          ))}
        </Flex>
      </div>
      <Typography.Text type="secondary">{t('calc.result.how')}</Typography.Text>
      <Typography.Paragraph
        style={{
          margin: '4px 0 0',
          background: '#fafafa',
          padding: '8px 10px',
          borderRadius: 6,
          overflowWrap: 'anywhere',
        }}
        data-testid="calc-item-explanation"
      >
        {en ? item.explanationEn : item.explanation}
      </Typography.Paragraph>
    </Card>
  );
}

function WarningAlert({ w, en }: { w: LaborLawWarning; en: boolean }) {
  return (
    <Alert
      className="yz-print-card"
      type={ALERT_TYPE[w.severity]}
      showIcon
      title={en ? w.messageEn : w.message}
      data-testid={`calc-warning-${w.code}`}
      data-severity={w.severity}
    />
  );
}

/** The result: total, one card per item (statutes and arithmetic), notes, inputs and a print view. */
export function CalcResult({
  computed,
  busy,
  onEdit,
  onRestart,
}: {
  computed: Computed;
  busy: boolean;
  onEdit: () => void;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { response, values } = computed;
  const warnings = sortWarnings(response.warnings);
  const critical = warnings.filter((w) => w.severity === 'critical');
  const others = warnings.filter((w) => w.severity !== 'critical');
  const extras = useExtrasText(values);
  const code = regionCodeOf(values);
  const city = cityByCode(code);
  const ctx = response.context;
  const regionText = city ? cityLabel(city, en) : (ctx?.regionName ?? code);
  const wageFen = parseYuanToFen(values.monthlyWage);
  const local = [
    ctx?.minimumWageFen != null ? t('calc.result.minimumWage', { amount: formatFen(ctx.minimumWageFen) }) : null,
    ctx?.averageWageFen != null ? t('calc.result.averageWage', { amount: formatFen(ctx.averageWageFen) }) : null,
  ].filter(Boolean);
  const left = values.situation !== undefined && values.situation !== 'employed';

  return (
    <div className="yz-calc-result" data-testid="calc-result" aria-busy={busy}>
      <div className="yz-print-only" style={{ marginBottom: 12 }}>
        <div style={{ fontSize: 20, fontWeight: 700 }}>
          {t('app.name')} {t('app.nameEn')} · {t('calc.result.printTitle')}
        </div>
      </div>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('calc.result.title')}
        </Typography.Title>
        {ctx && (
          <Typography.Text type="secondary" data-testid="calc-as-of">
            {t('calc.result.asOf')} {ctx.asOf}
          </Typography.Text>
        )}
      </Flex>

      <Flex vertical gap={12}>
        {critical.map((w) => (
          <WarningAlert key={w.code} w={w} en={en} />
        ))}

        <Card
          className="yz-print-card"
          styles={{ body: { padding: 16, background: '#fff5f5' } }}
          data-testid="calc-total"
        >
          <Flex justify="space-between" align="baseline" wrap gap={4}>
            <div>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {t('calc.result.total')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {t('calc.result.totalHelp')}
              </Typography.Text>
            </div>
            <Typography.Text
              strong
              style={{ fontSize: 26, color: '#c62828', whiteSpace: 'nowrap' }}
              data-testid="calc-total-amount"
            >
              {t('calc.result.yuanAmount', { amount: formatFen(response.totalFen) })}
            </Typography.Text>
          </Flex>
        </Card>

        {response.items.length === 0 && (
          <Alert type="info" showIcon title={t('calc.result.none')} data-testid="calc-none" />
        )}
        {response.items.map((item) => (
          <ItemCard key={item.code} item={item} en={en} />
        ))}

        {others.length > 0 && (
          <>
            <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
              {t('calc.result.notes')}
            </Typography.Title>
            {others.map((w) => (
              <WarningAlert key={w.code} w={w} en={en} />
            ))}
          </>
        )}

        <Card className="yz-print-card" title={t('calc.result.inputs')} size="small" data-testid="calc-inputs">
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 120 }, content: { overflowWrap: 'anywhere' } }}
          >
            <Descriptions.Item label={t('calc.result.region')}>
              {regionText} <span style={{ color: '#595959' }}>({code})</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('calc.result.hireDate')}>{values.hireDate}</Descriptions.Item>
            <Descriptions.Item label={t('calc.result.situation')}>
              {values.situation ? t(`calc.situations.${values.situation}`) : ''}
              {values.situation === 'art38' && values.art38Reason
                ? punctuationOf(i18n.language).bracket(t(`calc.art38Reasons.${values.art38Reason}`))
                : ''}
            </Descriptions.Item>
            {left && <Descriptions.Item label={t('calc.result.endDate')}>{values.endDate}</Descriptions.Item>}
            <Descriptions.Item label={t('calc.result.monthlyWage')}>
              {wageFen !== null ? t('calc.result.yuanAmount', { amount: formatFen(wageFen) }) : ''}
            </Descriptions.Item>
            {extras.length > 0 && (
              <Descriptions.Item label={t('calc.result.extras')}>
                <Flex vertical gap={2}>
                  {extras.map((x) => (
                    <span key={x}>{x}</span>
                  ))}
                </Flex>
              </Descriptions.Item>
            )}
            {local.length > 0 && (
              <Descriptions.Item label={t('calc.result.localFigures')}>
                {local.join(en ? '; ' : '；')}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>

        <Typography.Paragraph style={{ margin: 0 }}>{t('calc.result.nextSteps')}</Typography.Paragraph>
        <div
          className="yz-disclaimer"
          data-testid="calc-disclaimer"
          style={{ fontSize: 13, color: '#595959', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
        >
          <div lang="zh-CN">{t('calc.disclaimer', { lng: 'zh' })}</div>
          <div lang="en">{t('calc.disclaimerEn', { lng: 'en' })}</div>
        </div>

        <Flex className="yz-no-print" vertical gap={12} style={{ marginTop: 8 }}>
          <Button type="primary" style={bigButton} onClick={() => window.print()} data-testid="calc-print">
            {t('calc.result.print')}
          </Button>
          <Flex gap={12}>
            <Button style={{ ...bigButton, flex: 1 }} onClick={onEdit} data-testid="calc-edit">
              {t('calc.result.edit')}
            </Button>
            <Button style={{ ...bigButton, flex: 1 }} onClick={onRestart} data-testid="calc-restart">
              {t('calc.result.restart')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </div>
  );
}
