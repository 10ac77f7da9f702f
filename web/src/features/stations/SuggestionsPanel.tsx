import { App, Button, Card, Flex, Form, Input, Modal, Pagination, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OCCUPATION_LABELS } from '../../../../contracts/stations/codes';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../../../../contracts/stations/codes';
import type { Suggestion } from '../../../../contracts/stations/board';
import { ApiRequestError } from '../../app/api';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { codeText } from './labels';
import { useSuggestions, type SuggestionAction, type SuggestionsState } from './useSuggestions';

export const SUGGESTION_STATUS_COLORS: Record<SuggestionStatus, string> = {
  open: 'orange',
  replied: 'blue',
  done: 'green',
};

/** The station's message board: the workers' suggestions by status, each replied to and marked done. */
export function SuggestionsPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const s = useSuggestions(code);
  const all = 'all';
  return (
    <Card
      title={t('stations.suggestions.title')}
      extra={
        <Segmented<SuggestionStatus | typeof all>
          size="small"
          value={s.status ?? all}
          onChange={(v) => s.filterStatus(v === all ? undefined : v)}
          options={[
            { value: all, label: t('stations.suggestions.all') },
            ...SUGGESTION_STATUSES.map((st) => ({ value: st, label: t(`stations.suggestions.statuses.${st}`) })),
          ]}
          data-testid="suggestions-filter"
        />
      }
      data-testid="suggestions-panel"
    >
      {s.items.length === 0 ? (
        <Typography.Text type="secondary">
          {s.loading ? t('stations.suggestions.loading') : t('stations.suggestions.empty')}
        </Typography.Text>
      ) : (
        <Flex vertical>
          {s.items.map((item) => (
            <SuggestionRow key={item.id} item={item} onAct={(action) => s.open(item, action)} />
          ))}
        </Flex>
      )}
      <Pagination
        size="small"
        align="end"
        hideOnSinglePage
        showSizeChanger={false}
        style={{ marginTop: 8 }}
        {...s.pagination}
      />
      {s.target && <ChangeModal key={`${s.target.suggestion.id}-${s.target.action}`} s={s} />}
    </Card>
  );
}

/** One suggestion: who (kind of work, masked name), what, when, the reply, and what may be done. */
function SuggestionRow({ item, onAct }: { item: Suggestion; onAct: (action: SuggestionAction) => void }) {
  const { t, i18n } = useTranslation();
  const small = { fontSize: 12 };
  return (
    <Flex
      wrap
      gap={8}
      justify="space-between"
      align="flex-start"
      style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
      data-testid="suggestion-row"
      data-status={item.status}
      data-suggestion-id={item.id}
    >
      <Flex vertical gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
        <Flex wrap gap={4} align="center">
          <Tag color={SUGGESTION_STATUS_COLORS[item.status]} style={{ margin: 0 }}>
            {t(`stations.suggestions.statuses.${item.status}`)}
          </Tag>
          <Typography.Text type="secondary" style={small}>
            {codeText(OCCUPATION_LABELS, item.occupation, i18n.language)} ·{' '}
            <span translate="no">{item.posterName}</span>
            {' · '}
            {formatDateTime(item.createdAt)}
          </Typography.Text>
        </Flex>
        <Typography.Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Text>
        {item.reply && (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {t('stations.suggestions.replyLabel')}
            {item.reply}
            {item.repliedAt && (
              <span style={small}>
                {' '}
                ({item.repliedBy && <span translate="no">{item.repliedBy} · </span>}
                {formatDateTime(item.repliedAt)})
              </span>
            )}
          </Typography.Text>
        )}
        {item.doneAt && (
          <Typography.Text type="secondary" style={small}>
            {t('stations.suggestions.doneAt', { time: formatDateTime(item.doneAt) })}
          </Typography.Text>
        )}
      </Flex>
      {item.status !== 'done' && (
        <Flex gap={8} wrap>
          <Button size="small" type="primary" onClick={() => onAct('reply')} data-testid="suggestion-reply">
            {t('stations.suggestions.reply')}
          </Button>
          <Button size="small" onClick={() => onAct('done')} data-testid="suggestion-done">
            {t('stations.suggestions.done')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/**
 * A reply (required) or the mark of done (with a last reply if wanted). A 409 (someone else got
 * there first) shows the server's message and closes onto the list as it is now.
 */
function ChangeModal({ s }: { s: SuggestionsState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply?: string }>();
  const errorText = useErrorText();
  const showError = useShowError();
  const { suggestion, action } = s.target!;

  const submit = async ({ reply }: { reply?: string }) => {
    try {
      await s.send(reply);
      void message.success(t(`stations.suggestions.changed.${action}`));
      s.close();
    } catch (err) {
      if (applyFieldError(form, err, errorText)) return;
      showError(err);
      if (err instanceof ApiRequestError && err.status === 409) s.close();
    }
  };

  return (
    <Modal
      open
      width={480}
      title={t(`stations.suggestions.${action}Title`)}
      okText={t(`stations.suggestions.${action}`)}
      okButtonProps={{ 'data-testid': 'suggestion-confirm' }}
      confirmLoading={s.sending}
      onOk={() => form.submit()}
      onCancel={s.close}
    >
      <Typography.Paragraph style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {suggestion.body}
      </Typography.Paragraph>
      <Form<{ reply?: string }>
        form={form}
        name="station-suggestion-change"
        layout="vertical"
        initialValues={{ reply: action === 'reply' ? (suggestion.reply ?? '') : '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="reply"
          label={t(action === 'reply' ? 'stations.suggestions.replyText' : 'stations.suggestions.lastReply')}
          rules={
            action === 'reply'
              ? [{ required: true, whitespace: true, min: 2, message: t('stations.suggestions.replyRequired') }]
              : [{ whitespace: true, min: 2, message: t('stations.suggestions.replyRequired') }]
          }
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="suggestion-reply-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
