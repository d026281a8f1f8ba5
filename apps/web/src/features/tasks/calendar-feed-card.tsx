import { CalendarOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from './api';

/** Subscribe to your tasks in any calendar app: a secret link, shown once, revocable, expiring. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const active = (feeds.data?.items ?? []).filter((f) => !f.revokedAt && Date.parse(f.expiresAt) > Date.now());
  return (
    <Card
      variant="borderless"
      title={
        <>
          <CalendarOutlined /> {t('task.feed.title')}
        </>
      }
      size="small"
      extra={
        <Button size="small" loading={create.isPending} onClick={() => create.mutate(180)}>
          {t('task.feed.create')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('task.feed.hint')}</Typography.Text>
        {create.data && (
          <Alert
            type="success"
            showIcon
            message={t('task.feed.created')}
            description={
              <Typography.Text
                copyable
                code
                style={{ wordBreak: 'break-all' }}
              >{`${window.location.origin}${create.data.path}`}</Typography.Text>
            }
          />
        )}
        <List
          size="small"
          dataSource={active}
          locale={{ emptyText: t('task.feed.none') }}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="revoke"
                  title={t('task.feed.revokeConfirm')}
                  onConfirm={() => revoke.mutate(f.id)}
                  okText={t('task.feed.revoke')}
                  cancelText={t('action.cancel')}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('task.feed.revoke')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Typography.Text className="kamap-num">{f.prefix}…</Typography.Text>
              <Typography.Text type="secondary">
                {t('task.feed.expires', { date: formatDate(f.expiresAt) })}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
