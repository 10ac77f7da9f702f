import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One titled block of the intake form. */
export function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card title={title} extra={extra} size="small" styles={{ body: { paddingBottom: 0 } }} data-testid={testId}>
      {children}
    </Card>
  );
}
