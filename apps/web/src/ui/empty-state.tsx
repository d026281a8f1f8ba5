import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says what is missing and, when useful, how to add the first one. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '24px 0' }}>
      {action}
    </Empty>
  );
}
