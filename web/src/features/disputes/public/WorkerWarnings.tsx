import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { langOf } from '../labels';
import type { WorkerView } from './publicApi';

/** The deadlines the worker must act on now, in the words of the SMS, with the last day. */
export function WorkerWarnings({ warnings }: { warnings: WorkerView['warnings'] }) {
  const { t, i18n } = useTranslation();
  const en = langOf(i18n.language) === 'en';
  if (!warnings.length) return null;
  return (
    <Flex vertical gap={8} data-testid="track-warnings">
      {warnings.map((w) => (
        <Alert
          key={w.clock}
          type={w.kind === 'overdue' ? 'error' : 'warning'}
          showIcon
          title={
            w.kind === 'overdue'
              ? t('disputesPublic.track.warningOverdue', { date: w.dueOn })
              : t('disputesPublic.track.warningNear', { date: w.dueOn })
          }
          description={en ? w.textEn : w.text}
          data-testid={`track-warning-${w.clock}`}
        />
      ))}
    </Flex>
  );
}
