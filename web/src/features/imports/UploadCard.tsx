import { Button, Card, Checkbox, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The upload of one kind's file: the warnings choice, the template and the file itself. */
export function UploadCard(props: {
  kind: string;
  uploading: boolean;
  onUpload: (v: { kind: string; acceptWarnings: boolean; file: File }) => void;
}) {
  const { t } = useTranslation();
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const kind = props.kind;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('imports.hint')}</Typography.Text>
        <Checkbox
          checked={acceptWarnings}
          onChange={(e) => setAcceptWarnings(e.target.checked)}
          data-testid="import-accept-warnings"
        >
          {t('imports.acceptWarnings')}
        </Checkbox>
        <Flex gap={8} wrap>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={props.uploading}
            customRequest={({ file }) => {
              if (file instanceof File) props.onUpload({ kind, acceptWarnings, file });
            }}
          >
            <Button type="primary" loading={props.uploading} data-testid="import-upload">
              {t('imports.upload')}
            </Button>
          </Upload>
          <Button href={`/api/imports/kinds/${kind}/template.xlsx`} data-testid="import-template">
            {t('imports.template')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
