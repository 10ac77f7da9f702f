import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A question heading for one step. */
export function Question({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 16 }}>
      {children}
    </Typography.Title>
  );
}
