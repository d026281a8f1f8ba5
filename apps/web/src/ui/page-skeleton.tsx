import { Card, Skeleton } from 'antd';

/** What a page shows while its code or first data is on the way. */
export function PageSkeleton() {
  return (
    <Card variant="borderless">
      <Skeleton active title={{ width: '30%' }} paragraph={{ rows: 8 }} />
    </Card>
  );
}
