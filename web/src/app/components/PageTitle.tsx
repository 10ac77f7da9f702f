import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading';

/** The page's heading (its h1) with optional actions on the right; wraps on narrow screens. */
export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
      <PageHeading style={{ margin: 0 }}>{title}</PageHeading>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
