import { App, Button, Card, Flex, Form, Input, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardItem, SuggestionStatus } from '../../../../../contracts/stations/board';
import { OCCUPATION_LABELS } from '../../../../../contracts/stations/codes';
import { applyFieldError, useErrorText, useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useSuggestionBoard } from './useSuggestionBoard';

const STATUS_COLORS: Record<SuggestionStatus, string> = { open: 'orange', replied: 'blue', done: 'green' };

/**
 * The station's message board: what workers suggested and what the station did about each; a
 * registered worker (the phone holds the pass) writes a new one.
 */
export function SuggestionBoard({ stationCode, registered }: { stationCode: string; registered: boolean }) {
  const { t } = useTranslation();
  const board = useSuggestionBoard(stationCode);
  return (
    <Card title={t('stationsPublic.board.title')} styles={{ body: { padding: 16 } }} data-testid="station-board">
      {registered ? (
        <PostForm board={board} />
      ) : (
        <Typography.Paragraph type="secondary">{t('stationsPublic.board.registerToPost')}</Typography.Paragraph>
      )}
      <Flex vertical data-testid="board-list">
        {board.items.length === 0 ? (
          <Typography.Text type="secondary">
            {board.loading ? t('stationsPublic.board.loading') : t('stationsPublic.board.empty')}
          </Typography.Text>
        ) : (
          board.items.map((item) => <BoardEntry key={item.id} item={item} />)
        )}
      </Flex>
      <Pagination
        size="small"
        align="center"
        hideOnSinglePage
        showSizeChanger={false}
        style={{ marginTop: 8 }}
        {...board.paging}
      />
    </Card>
  );
}

function PostForm({ board }: { board: ReturnType<typeof useSuggestionBoard> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const errorText = useErrorText();
  const showError = useShowError();
  const submit = async ({ body }: { body: string }) => {
    try {
      await board.post(body);
      form.resetFields();
      void message.success(t('stationsPublic.board.posted'));
    } catch (err) {
      if (!applyFieldError(form, err, errorText)) showError(err);
    }
  };
  return (
    <Form<{ body: string }> form={form} name="station-board-post" onFinish={(v) => void submit(v)}>
      <Form.Item
        name="body"
        rules={[{ required: true, whitespace: true, min: 2, message: t('stationsPublic.board.tooShort') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('stationsPublic.board.placeholder')}
          data-testid="board-input"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={board.posting} data-testid="board-post">
        {t('stationsPublic.board.post')}
      </Button>
    </Form>
  );
}

/** One suggestion: the poster as a kind of work and a masked name, the text, and the station's answer. */
function BoardEntry({ item }: { item: BoardItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  return (
    <Flex
      vertical
      gap={4}
      style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }}
      data-testid="board-item"
      data-status={item.status}
    >
      <Flex wrap gap={6} align="center">
        <Tag color={STATUS_COLORS[item.status]} style={{ margin: 0 }}>
          {t(`stationsPublic.board.statuses.${item.status}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {OCCUPATION_LABELS[item.occupation][lang]} · <span translate="no">{item.posterName}</span> ·{' '}
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </Flex>
      <Typography.Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Text>
      {item.reply && (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {t('stationsPublic.board.reply')}
          {item.reply}
        </Typography.Text>
      )}
      {item.doneAt && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('stationsPublic.board.doneAt', { time: formatDateTime(item.doneAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
