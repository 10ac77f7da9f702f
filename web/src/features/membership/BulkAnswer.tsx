import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkApproveAnswer } from './types';

/** What a bulk approval did: how many were approved, and each refused one with the reason, in the reader's language. */
export function BulkAnswer({ answer, onClose }: { answer: BulkApproveAnswer; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Alert
      type={answer.refused.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      data-testid="bulk-answer"
      title={t('membership.queue.bulkApproved', { n: answer.approved })}
      description={
        answer.refused.length > 0 && (
          <>
            {t('membership.queue.bulkRefused', { n: answer.refused.length })}
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="bulk-refused">
              {answer.refused.map((r) => (
                <li key={r.id}>
                  {r.applicationNo && <span style={{ fontFamily: 'monospace' }}>{r.applicationNo} </span>}
                  {en ? r.messageEn : r.message}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
