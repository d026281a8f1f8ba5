import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

/** Under a cursor-paged table: how many rows are shown of how many match, and the way to the next page. */
export function ListFooter({
  list,
}: {
  list: {
    items: unknown[];
    total: number;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
}) {
  const { t } = useTranslation();
  if (list.items.length === 0) return null;
  return (
    <Flex justify="space-between" align="center">
      <Typography.Text type="secondary">
        {t('list.shown', { shown: formatCount(list.items.length), total: formatCount(list.total) })}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
