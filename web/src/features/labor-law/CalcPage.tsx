import { Alert, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../app/layout/useIsMobile';
import { CalcHeader, StepCounter } from './calc/CalcHeader';
import { DatesStep } from './calc/DatesStep';
import { ExtrasStep } from './calc/ExtrasStep';
import { StepButtons } from './calc/StepButtons';
import { LAST_STEP, useCalculation } from './calc/useCalculation';
import { WageStep } from './calc/WageStep';
import { WhereStep } from './calc/WhereStep';
import { CalcResult } from './CalcResult';
import './calc.css';
import './i18n';
import type { CalcValues } from './request';

/**
 * What a worker is owed: a four-step form in plain words, then each item with its statute and
 * arithmetic. Open without signing in (phone first); signed-in users reach it from the menu.
 */
export default function CalcPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const calc = useCalculation();
  const { step } = calc;

  return (
    <div className="yz-calc" ref={calc.topRef} style={{ maxWidth: 640, margin: '0 auto', scrollMarginTop: 64 }}>
      {calc.computed ? (
        <CalcResult computed={calc.computed} busy={calc.busy} onEdit={calc.edit} onRestart={calc.restart} />
      ) : (
        <>
          <CalcHeader step={step} onBack={calc.goTo} />
          <Card styles={{ body: { padding: mobile ? 16 : 24 } }}>
            <StepCounter step={step} />
            <Form<CalcValues> form={calc.form} layout="vertical" size="large" autoComplete="off" requiredMark={false}>
              <WhereStep shown={step === 0} />
              <DatesStep shown={step === 1} />
              <WageStep shown={step === 2} />
              <ExtrasStep shown={step === 3} />
              {calc.problem && (
                <Alert type="error" showIcon title={calc.problem} style={{ marginTop: 16 }} data-testid="calc-error" />
              )}
              <StepButtons
                step={step}
                last={step === LAST_STEP}
                busy={calc.busy}
                onPrev={() => calc.goTo(step - 1)}
                onNext={() => void calc.next()}
              />
            </Form>
          </Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            <span lang="zh-CN">{t('calc.disclaimer', { lng: 'zh' })}</span>
            {calc.lang === 'en' && <span lang="en"> {t('calc.disclaimerEn')}</span>}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
