import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { CoverageSection } from './CoverageSection';
import { ExpiringSection } from './ExpiringSection';
import { ImportSection } from './ImportSection';
import { RecordForm } from './RecordForm';

/** The cover tab: the coverage and the cover ending soon; recording and importing for those who may. */
export function InsuranceTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [recording, setRecording] = useState(false);
  const manage = can('membership:manage');
  return (
    <>
      {manage && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setRecording(true)} data-testid="insurance-record-open">
            {t('membershipInsurance.record.open')}
          </Button>
        </Flex>
      )}
      <CoverageSection />
      <ExpiringSection />
      {manage && <ImportSection />}
      <RecordForm open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
