import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

const bigButton = { height: 48, fontSize: 16 } as const;

/** Back and forward under the form; the last step's forward button asks for the answer. */
export function StepButtons({
  step,
  last,
  busy,
  onPrev,
  onNext,
}: {
  step: number;
  last: boolean;
  busy: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} style={{ marginTop: 24 }}>
      {step > 0 && (
        <Button style={{ ...bigButton, flex: 1 }} onClick={onPrev} data-testid="calc-prev">
          {t('calc.prev')}
        </Button>
      )}
      <Button type="primary" loading={busy} onClick={onNext} style={{ ...bigButton, flex: 2 }} data-testid="calc-next">
        {last ? t('calc.submit') : t('calc.next')}
      </Button>
    </Flex>
  );
}
