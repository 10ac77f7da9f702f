import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { PageHeading } from '../../../app/components/PageHeading';

const STEP_KEYS = ['where', 'dates', 'wage', 'extras'] as const;

/** The page's title, what it does, and where in the four steps the user is (earlier steps clickable). */
export function CalcHeader({ step, onBack }: { step: number; onBack: (step: number) => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <>
      <PageHeading look={3} style={{ marginTop: mobile ? 4 : 0, marginBottom: 4 }} data-testid="calc-title">
        {t('calc.title')}
      </PageHeading>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('calc.intro')}
      </Typography.Paragraph>
      <Steps
        className="yz-no-print"
        current={step}
        size="small"
        responsive={false}
        titlePlacement="vertical"
        onChange={(n) => n < step && onBack(n)}
        items={STEP_KEYS.map((k) => ({ title: t(`calc.steps.${k}`) }))}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}

/** "Step n of 4" above the questions. */
export function StepCounter({ step }: { step: number }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="calc-step">
      {t('calc.stepOf', { n: step + 1, total: STEP_KEYS.length })}
    </Typography.Text>
  );
}
