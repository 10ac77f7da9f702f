import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from './types';

/** The period: the days the figures answered for until the user types others; applied with the button. */
export function PeriodFilter({ shown, onPeriod }: { shown: Period; onPeriod: (period: Period) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Period>({});
  const from = draft.from ?? shown.from ?? '';
  const to = draft.to ?? shown.to ?? '';
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <Input
          type="date"
          aria-label={t('membershipGrid.period.from')}
          value={from}
          max={to || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          style={{ width: 160 }}
          data-testid="grid-from"
        />
        <Input
          type="date"
          aria-label={t('membershipGrid.period.to')}
          value={to}
          min={from || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          style={{ width: 160 }}
          data-testid="grid-to"
        />
        <Button
          type="primary"
          onClick={() => onPeriod({ from: from || undefined, to: to || undefined })}
          data-testid="grid-apply"
        >
          {t('membershipGrid.period.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onPeriod({});
          }}
        >
          {t('membershipGrid.period.reset')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('membershipGrid.period.hint')}
      </Typography.Text>
    </Flex>
  );
}
