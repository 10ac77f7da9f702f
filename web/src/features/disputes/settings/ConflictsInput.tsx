import { useQueries } from '@tanstack/react-query';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoteSelect, remoteLabelKey } from '../../../app/components/RemoteSelect';
import { employerName, searchEmployers } from '../../employers/employerOptions';
import { employerKeys } from '../../employers/queryKeys';
import './i18n';

/** The declared conflicts as tags (closable unless `locked`), plus a search to add one more employer. */
export function ConflictsInput({
  value = [],
  onChange,
  locked = [],
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  locked?: readonly string[];
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  // The names of the tags, cached with those the employer pickers show.
  const names = useQueries({
    queries: value.map((id) => ({ queryKey: remoteLabelKey(employerKeys.all, id), queryFn: () => employerName(id) })),
  });

  return (
    <Flex vertical gap={8}>
      {value.length > 0 && (
        <Flex wrap gap={4} data-testid="conflict-tags">
          {value.map((id, i) => (
            <Tag key={id} closable={!locked.includes(id)} onClose={() => onChange?.(value.filter((v) => v !== id))}>
              {names[i]?.data ?? id.slice(0, 8)}
            </Tag>
          ))}
        </Flex>
      )}
      <Flex gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <RemoteSelect
            value={picked}
            onChange={setPicked}
            queryKey={employerKeys.all}
            search={searchEmployers}
            resolveLabel={employerName}
            placeholder={t('disputes.settings.mediators.conflictPlaceholder')}
            testId="conflict-select"
          />
        </div>
        <Button
          disabled={!picked || value.includes(picked)}
          onClick={() => {
            if (!picked) return;
            onChange?.([...value, picked]);
            setPicked(null);
          }}
          data-testid="conflict-add"
        >
          {t('disputes.settings.mediators.addConflict')}
        </Button>
      </Flex>
    </Flex>
  );
}
