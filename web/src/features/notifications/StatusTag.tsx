import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageStatusCode } from '../../../../contracts/notifications/statuses';

const COLORS: Record<MessageStatusCode, string> = {
  pending: 'gold',
  sending: 'blue',
  sent: 'green',
  delivered: 'cyan',
  failed: 'red',
};

export function StatusTag({ status }: { status: MessageStatusCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={`message-status-${status}`}>
      {t(`messages.statuses.${status}`)}
    </Tag>
  );
}
