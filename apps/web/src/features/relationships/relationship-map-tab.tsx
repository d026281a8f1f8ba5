import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, isStaleVersion } from '../../app/api/client';
import type { Account, MapPersonData } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { OrgChart, type OrgChartHandle } from '../../ui/org-chart/org-chart';
import { QueryError } from '../../ui/query-error';
import { useRelationshipMap, useSetReportsTo } from './api';
import { GapText } from './gap-text';

/** The relationship map of one account: the chart, coverage figures and the gaps to close. */
export function RelationshipMapTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const map = useRelationshipMap(account.id);
  const move = useSetReportsTo(account.id);
  const chart = useRef<OrgChartHandle>(null);
  const [showMet, setShowMet] = useState(false);

  const reportsTo = (person: MapPersonData, manager: MapPersonData) =>
    modal.confirm({
      title: t('relationship.moveTitle'),
      content: t('relationship.moveConfirm', { name: person.name, manager: manager.name }),
      okText: t('relationship.move'),
      cancelText: t('action.cancel'),
      onOk: () =>
        move.mutateAsync({ id: person.id, version: person.version, reportsToId: manager.id }).then(
          () => void message.success(t('relationship.moved', { name: person.name, manager: manager.name })),
          (error: unknown) => {
            if (isStaleVersion(error)) void message.warning(t('relationship.stale'));
            else if (isApiError(error, 400)) void message.error(t('relationship.cycle'));
            else void message.error((error as Error).message);
          },
        ),
    });

  if (map.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (map.isError) return <QueryError error={map.error} onRetry={() => map.refetch()} />;
  const m = map.data;
  if (m.people.length === 0) return <EmptyState description={t('contact.empty')} />;
  const covered = m.people.filter((p) => p.covered).length;
  const key = m.people.filter((p) => p.key).length;

  const chartCard = (
    <Card
      variant="borderless"
      size="small"
      title={t('relationship.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void chart.current?.exportPng(`${account.shortName ?? account.name}-${t('relationship.title')}.png`)
          }
        >
          {t('relationship.exportPng')}
        </Button>
      }
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {user.permissions.writeAccounts ? t('relationship.dragHint') : t('relationship.readHint')}
        </Typography.Text>
        <Checkbox checked={showMet} onChange={(e) => setShowMet(e.target.checked)}>
          {t('relationship.showMet')}
        </Checkbox>
      </Flex>
      <OrgChart
        ref={chart}
        map={m}
        onOpen={(id) => navigate(`/contacts/${id}`)}
        onReportsTo={user.permissions.writeAccounts ? reportsTo : undefined}
        showMet={showMet}
      />
    </Card>
  );

  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card variant="borderless" size="small" title={t('relationship.coverage')} style={{ height: '100%' }}>
            <Flex vertical gap={6}>
              <span>
                {t('relationship.tierCadence', {
                  tier: m.tier ? t(`enum.tier.${m.tier}`) : t('relationship.noTier'),
                  days: m.cadenceDays,
                })}
              </span>
              <span>{t('relationship.coveredCount', { covered, total: m.people.length })}</span>
              <span>{t('relationship.keyCount', { count: key })}</span>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            variant="borderless"
            size="small"
            style={{ height: '100%' }}
            title={
              <>
                <WarningOutlined style={{ color: m.gaps.length ? '#cf1322' : '#389e0d' }} />{' '}
                {t('relationship.gapsCount', { count: m.gaps.length })}
              </>
            }
          >
            {m.gaps.length === 0 ? (
              <Alert type="success" showIcon message={t('relationship.noGaps')} />
            ) : (
              <div style={{ maxHeight: 168, overflowY: 'auto' }}>
                {m.gaps.map((g) => (
                  <Flex
                    key={g.kind === 'stale_contact' ? g.contactId : g.kind === 'uncovered_role' ? g.role : g.kind}
                    gap={8}
                    align="baseline"
                    style={{ padding: '3px 0' }}
                  >
                    <Tag color={g.kind === 'stale_contact' ? 'orange' : 'red'}>
                      {t(`relationship.gapKind.${g.kind}`)}
                    </Tag>
                    <Typography.Text>
                      <GapText gap={g} map={m} />
                    </Typography.Text>
                  </Flex>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      {chartCard}
    </Flex>
  );
}
