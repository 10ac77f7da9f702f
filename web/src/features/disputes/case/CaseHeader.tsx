import { Card, Descriptions, Flex, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { textOf } from '../../../app/i18n';
import { Link } from 'react-router-dom';
import { isPostFiling } from '../../../../../contracts/disputes/confirmation';
import { STAGE_BY_CODE, type Stage } from '../../../../../contracts/disputes/stages';
import { RiskTag, StageTag } from '../CaseListPage';
import { closeReasonLabel, langOf, money, referralLabel, stageLabel } from '../labels';
import type { CaseDetail } from '../types';
import { PageHeading } from '../../../app/components/PageHeading';

const MAIN_PATH: Stage[] = [
  'intake',
  'consultation',
  'employer_contacted',
  'consented',
  'mediating',
  'agreement_signed',
  'confirmation_applied',
  'ruling_issued',
  'performed',
];

/** A case the court referred after filing ends with the court's mediation document, not a ruling. */
const POST_FILING_PATH: Stage[] = [
  'intake',
  'consultation',
  'employer_contacted',
  'consented',
  'mediating',
  'agreement_signed',
  'agreement_submitted',
  'mediation_document_issued',
  'performed',
];

/** The stages to draw: those visited (in order, once), then what normally follows the current one. */
export function stagePath(
  visited: readonly string[],
  current: string,
  postFiling = false,
): { code: string; done: boolean }[] {
  const main = postFiling ? POST_FILING_PATH : MAIN_PATH;
  const seen: string[] = [];
  for (const s of [...visited, current]) if (!seen.includes(s)) seen.push(s);
  const out = seen.map((code) => ({ code, done: code !== current }));
  if (STAGE_BY_CODE[current as Stage]?.terminal) return out;
  const at = main.indexOf(current as Stage);
  if (at >= 0) for (const code of main.slice(at + 1)) if (!seen.includes(code)) out.push({ code, done: false });
  return out;
}

export function CaseHeader({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const none = t('common.none');
  const path = stagePath(d.record.state?.visited ?? [d.stage], d.stage, isPostFiling(d.kind));
  const current = path.findIndex((p) => p.code === d.stage);
  const failed = d.stage === 'closed_failed' || d.stage === 'confirmation_refused';

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" wrap gap={8}>
          <PageHeading style={{ margin: 0 }} data-testid="case-number">
            {d.caseNumber}
          </PageHeading>
          <span data-testid="case-stage">
            <StageTag stage={d.stage} />
          </span>
          <RiskTag risk={d.risk} />
          {d.joint && <Tag color="gold">{t('disputes.joint')}</Tag>}
          {d.record.historic && <Tag>{t('disputes.case.historic')}</Tag>}
        </Flex>
        <Link to="/disputes">{t('disputes.backToList')}</Link>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="case-summary">
        <Descriptions.Item label={t('disputes.worker')}>
          {d.workerName}
          {d.workerPhoneMasked ? ` · ${d.workerPhoneMasked}` : ''}
          {d.workerCount > 1 ? ` ${t('disputes.andOthers', { n: d.workerCount })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.employer')}>{d.employerName ?? none}</Descriptions.Item>
        {d.respondentName && d.respondentName !== d.employerName && (
          <Descriptions.Item label={t('disputes.respondent')}>
            <span data-testid="case-respondent">{d.respondentName}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('disputes.mediator')}>
          {d.mediatorName ?? t('disputes.case.unassigned')}
        </Descriptions.Item>
        {(d.joint || d.judgeName) && (
          <Descriptions.Item label={t('disputes.judge')}>
            {d.judgeName ?? t('disputes.case.judgeNotInvited')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('disputes.court')}>{d.courtName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.kind')}>{textOf(`disputes.kinds.${d.kind}`, d.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.appliedOn')}>
          {d.appliedOn} ·{' '}
          {t(
            d.channel === 'online'
              ? 'disputes.case.online'
              : d.facts.oral
                ? 'disputes.case.oral'
                : 'disputes.case.counter',
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.claimTotal')}>{money(d.claimTotalFen, lang)}</Descriptions.Item>
        {d.settledFen !== null && (
          <Descriptions.Item label={t('disputes.settled')}>{money(d.settledFen, lang)}</Descriptions.Item>
        )}
        {d.closedReason && (
          <Descriptions.Item label={t('disputes.case.closedReason')}>
            {closeReasonLabel(d.closedReason, lang)}
            {d.referral ? ` · ${referralLabel(d.referral, lang)}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div style={{ overflowX: 'auto', marginTop: 12 }}>
        <Steps
          size="small"
          current={current}
          status={failed ? 'error' : d.stage === 'performed' ? 'finish' : 'process'}
          titlePlacement="vertical"
          items={path.map((p) => ({ title: stageLabel(p.code, lang) }))}
          // Wide enough per step for the longest word of its title ("Consultation"): below that
          // the stepper scrolls sideways rather than breaking words.
          style={{ minWidth: path.length * (lang === 'en' ? 112 : 64) }}
          data-testid="case-steps"
        />
      </div>
    </Card>
  );
}
