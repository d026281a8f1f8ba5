import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Skeleton, Timeline, Typography } from 'antd';
import { Suspense, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { formatDate } from '../../../ui/format';
import { lazyNamed } from '../../../ui/lazy-named';
import { useAccountValue, useAnalysisConfig } from '../../identification/api';
import { InteractionDialog } from '../../interactions/interaction-dialog';
import { timelineItem } from '../timeline-tab';
import { briefSections } from './access';
import styles from './brief.module.css';
import { useBriefTimeline } from './brief-api';
import { loadSevenP, loadWhitespace } from './brief-charts';
import { BriefHeadline } from './brief-headline';
import {
  BriefSection,
  CompetitorsSection,
  ComplaintsSection,
  KpiSection,
  NeedsSection,
  PlanSection,
  RelationshipSection,
  TasksSection,
} from './brief-sections';
import './brief-print.css';

const SevenPCard = lazyNamed(loadSevenP, 'SevenPCard');
const WhitespaceCard = lazyNamed(loadWhitespace, 'WhitespaceCard');

function RecentTimeline({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const timeline = useBriefTimeline(accountId);
  const entries = timeline.data?.items ?? [];
  return (
    <BriefSection title={t('brief.timeline')} more={`/accounts/${accountId}?tab=timeline`} query={timeline}>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>
      ) : (
        <Timeline style={{ paddingTop: 8 }} items={entries.map((entry) => timelineItem(entry, t, true))} />
      )}
    </BriefSection>
  );
}

/**
 * The account on one page, for a visit or a review: every section asks for its data on the first render
 * (no request waits on another), shows only what the caller's role may read, and prints as a brief.
 */
export function AccountBrief({ account }: { account: Account }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { analytics, plans, kpis, complaints, logVisit } = briefSections(user);
  const value = useAccountValue(account.id, analytics);
  const config = useAnalysisConfig(analytics);
  const threshold = config.data?.config.churn.alertThreshold ?? 50;
  const [recording, setRecording] = useState(false);
  // The headline paints first, in a commit of its own; the sections render right after it in a pass
  // that yields to the headline's own updates (their reads are already in flight since the route began).
  const sections = useDeferredValue(true, false);

  const chartFallback = <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={16} className={styles.brief}>
      <Typography.Text type="secondary" className="kamap-print-only">
        {t('brief.printedOn', { date: formatDate(new Date().toISOString()), user: user.displayName })}
      </Typography.Text>
      {analytics && value.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <BriefHeadline account={account} value={analytics ? (value.data ?? null) : null} threshold={threshold} />
      )}
      {sections && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Flex vertical gap={16}>
                <TasksSection
                  accountId={account.id}
                  extra={
                    logVisit && (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                        {t('brief.logVisit')}
                      </Button>
                    )
                  }
                />
                <RelationshipSection accountId={account.id} />
              </Flex>
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <NeedsSection accountId={account.id} />
                {complaints && <ComplaintsSection accountId={account.id} />}
                <CompetitorsSection accountId={account.id} />
              </Flex>
            </Col>
          </Row>
          {(plans || kpis) && (
            <Row gutter={[16, 16]}>
              {plans && (
                <Col xs={24} xl={kpis ? 12 : 24}>
                  <PlanSection accountId={account.id} />
                </Col>
              )}
              {kpis && (
                <Col xs={24} xl={plans ? 12 : 24}>
                  <KpiSection accountId={account.id} />
                </Col>
              )}
            </Row>
          )}
          {analytics && value.data && (
            <Suspense fallback={chartFallback}>
              <div className={styles.avoidBreak}>
                <WhitespaceCard accountId={account.id} cells={value.data.whitespace} />
              </div>
            </Suspense>
          )}
          <Row gutter={[16, 16]}>
            {analytics && value.data?.result && (
              <Col xs={24} xxl={12} className={styles.avoidBreak}>
                <Suspense fallback={chartFallback}>
                  <SevenPCard sevenP={value.data.result.sevenP} />
                </Suspense>
              </Col>
            )}
            <Col xs={24} xxl={analytics && value.data?.result ? 12 : 24}>
              <RecentTimeline accountId={account.id} />
            </Col>
          </Row>
        </>
      )}
      {recording && (
        <Suspense fallback={null}>
          <InteractionDialog account={account} onClose={() => setRecording(false)} />
        </Suspense>
      )}
    </Flex>
  );
}
