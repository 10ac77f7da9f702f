import { Button, Form, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIZE_CLASSES } from '../../../../contracts/fee-refunds/codes';
import { RegionPicker } from '../../app/components/RegionPicker';
import { cleanFilter, usePaged } from '../../app/usePaged';
import { maskedAccount, sizeCategoryText, sizeClassText } from './labels';
import { FEE_ENTERPRISES_API } from './queryKeys';
import type { FeeEnterprise, FeeEnterpriseFilter } from './types';

/** The registry of the user's region, server-paged, by region, size class, union and name or USCC. */
export function RegistryList({ onOpen }: { onOpen: (uscc: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<FeeEnterpriseFilter>();
  const list = usePaged<FeeEnterprise, FeeEnterpriseFilter>(FEE_ENTERPRISES_API, {});
  const none = t('feeRefunds.none');

  const columns: TableColumnsType<FeeEnterprise> = [
    {
      title: t('feeRefunds.uscc'),
      dataIndex: 'uscc',
      width: 200,
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    {
      title: t('feeRefunds.name'),
      dataIndex: 'name',
      width: 240,
      render: (v: string) => <span translate="no">{v}</span>,
    },
    {
      title: t('feeRefunds.region'),
      dataIndex: 'regionName',
      render: (v: string | null, r) => <span translate="no">{v ?? r.regionCode}</span>,
    },
    {
      title: t('feeRefunds.industry'),
      dataIndex: 'industryCode',
      render: (v: string, r) => (r.sizeCategory ? `${v} · ${sizeCategoryText(r.sizeCategory, lang)}` : v),
    },
    {
      title: t('feeRefunds.sizeClass'),
      dataIndex: 'sizeClass',
      width: 140,
      render: (v: FeeEnterprise['sizeClass']) =>
        v ? <span data-testid="fee-size-class">{sizeClassText(v, lang)}</span> : t('feeRefunds.sizeUnknown'),
    },
    {
      title: t('feeRefunds.union'),
      dataIndex: 'hasUnion',
      width: 160,
      render: (v: boolean, r) =>
        v ? (
          <Space size={4} wrap>
            <Tag color="green">{t('feeRefunds.hasUnion')}</Tag>
            {r.unionEstablishedOn && t('feeRefunds.unionSince', { date: r.unionEstablishedOn })}
          </Space>
        ) : (
          <Tag>{t('feeRefunds.noUnion')}</Tag>
        ),
    },
    {
      title: t('feeRefunds.unionAccount'),
      dataIndex: 'unionAccount',
      width: 130,
      render: (v: FeeEnterprise['unionAccount']) =>
        v ? <span style={{ fontFamily: 'monospace' }}>{maskedAccount(v.accountNo)}</span> : none,
    },
    {
      title: t('feeRefunds.flags'),
      key: 'flags',
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.usccCheckWarning && (
            <Tooltip title={t('feeRefunds.usccWarningHint')}>
              <Tag color="warning">{t('feeRefunds.usccWarning')}</Tag>
            </Tooltip>
          )}
          {r.sizeNotes.length > 0 && (
            <Tooltip title={r.sizeNotes.map((n) => (lang === 'en' ? n.en : n.zh)).join(' ')}>
              <Tag color="blue">{t('feeRefunds.hasNotes')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 80,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => onOpen(r.uscc)} data-testid="fee-enterprise-open">
          {t('feeRefunds.detail')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Form<FeeEnterpriseFilter>
        form={form}
        name="fee-enterprise-search"
        layout="inline"
        onFinish={(values) => list.search(cleanFilter<FeeEnterpriseFilter>(values))}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('feeRefunds.searchPlaceholder')}
            style={{ width: 220 }}
            data-testid="fee-enterprise-q"
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker placeholder={t('feeRefunds.region')} />
        </Form.Item>
        <Form.Item name="sizeClass">
          <Select
            allowClear
            placeholder={t('feeRefunds.sizeClass')}
            style={{ width: 160 }}
            options={[
              ...SIZE_CLASSES.map((c) => ({ value: c, label: sizeClassText(c, lang) })),
              { value: 'unknown', label: t('feeRefunds.sizeUnknown') },
            ]}
          />
        </Form.Item>
        <Form.Item name="hasUnion">
          <Select
            allowClear
            placeholder={t('feeRefunds.anyUnion')}
            style={{ width: 140 }}
            options={[
              { value: 'true', label: t('feeRefunds.hasUnion') },
              { value: 'false', label: t('feeRefunds.noUnion') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="fee-enterprise-search">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<FeeEnterprise>
        rowKey="uscc"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1400 }}
        data-testid="fee-enterprises"
      />
    </>
  );
}
