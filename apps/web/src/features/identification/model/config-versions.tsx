import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisConfigVersionData } from '../../../app/api/types';
import { formatDateTime } from '../../../ui/format';
import { ItemList } from '../../../ui/item-list';
import { QueryError } from '../../../ui/query-error';
import { useConfigVersions } from '../api';

/** Every saved version of the model, newest first; an older one can be taken as the starting point of a draft. */
export function ConfigVersions({
  current,
  onLoad,
}: {
  current: number;
  onLoad?: (version: AnalysisConfigVersionData) => void;
}) {
  const { t } = useTranslation();
  const versions = useConfigVersions();
  return (
    <Card size="small" variant="borderless" title={t('model.versionsTitle')}>
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => versions.refetch()} />
      ) : versions.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <div style={{ maxHeight: 360, overflow: 'auto' }}>
          <ItemList
            items={versions.data}
            itemKey={(v) => v.version}
            extra={(v) =>
              onLoad && v.version !== current ? (
                <Button size="small" onClick={() => onLoad(v)}>
                  {t('model.loadVersion')}
                </Button>
              ) : null
            }
            render={(v) => (
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex align="center" gap={8} wrap>
                  <Typography.Text strong className="kamap-num">
                    v{v.version}
                  </Typography.Text>
                  {v.version === current && (
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('model.currentVersion')}
                    </Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(v.createdAt)} · {v.createdBy?.displayName ?? t('model.system')}
                  </Typography.Text>
                </Flex>
                <Typography.Text type={v.note ? undefined : 'secondary'} ellipsis={{ tooltip: v.note }}>
                  {v.note ?? (v.version === 1 ? t('model.defaultsNote') : t('model.noNote'))}
                </Typography.Text>
              </Flex>
            )}
          />
        </div>
      )}
    </Card>
  );
}
