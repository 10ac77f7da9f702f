import { Button, Flex, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Period {
  from?: string;
  to?: string;
}

/**
 * A period of China calendar days for a page of figures: the days the figures answered for until
 * the user types others, applied with the button; the reset goes back to the page's default
 * period (named by `resetLabel`). `children` (a region picker) stand before the dates and apply
 * on their own. Test ids: `<testIdPrefix>-from`, `-to`, `-apply`, `-reset`.
 */
export function PeriodFilter({
  shown,
  onPeriod,
  resetLabel,
  hint,
  testIdPrefix,
  children,
}: {
  /** The period of the figures on the page. */
  shown: Period;
  onPeriod: (period: Period) => void;
  resetLabel: string;
  hint: string;
  testIdPrefix: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Period>({});
  const from = draft.from ?? shown.from ?? '';
  const to = draft.to ?? shown.to ?? '';
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        {children}
        <Input
          type="date"
          aria-label={t('common.periodFrom')}
          value={from}
          max={to || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          style={{ width: 160 }}
          data-testid={`${testIdPrefix}-from`}
        />
        <Input
          type="date"
          aria-label={t('common.periodTo')}
          value={to}
          min={from || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          style={{ width: 160 }}
          data-testid={`${testIdPrefix}-to`}
        />
        <Button
          type="primary"
          onClick={() => onPeriod({ from: from || undefined, to: to || undefined })}
          data-testid={`${testIdPrefix}-apply`}
        >
          {t('common.periodShow')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onPeriod({});
          }}
          data-testid={`${testIdPrefix}-reset`}
        >
          {resetLabel}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Flex>
  );
}
