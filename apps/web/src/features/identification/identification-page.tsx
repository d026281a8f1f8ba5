import { Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf } from '../../app/use-url-params';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { managesAnalytics, seesAnalytics } from './access';
import { useRuns } from './api';
import { ModelTab } from './model/model-tab';
import { OverviewTab } from './overview/overview-tab';
import { ResultsTab } from './results/results-tab';
import { RunNowButton } from './run-now-button';
import { RunsTab } from './runs/runs-tab';

const tabs = ['overview', 'results', 'model', 'runs'] as const;

/** Step 1 of the map: who the key accounts are, by which model, and what changed from run to run. */
export function IdentificationPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = oneOf(tabs, params.get('tab') ?? undefined) ?? 'overview';
  const runs = useRuns();
  const latest = runs.data?.find((r) => r.status === 'done');

  if (!seesAnalytics(user)) {
    return <Result status="403" title={t('identification.forbidden')} subTitle={t('identification.forbiddenHint')} />;
  }

  const render = {
    overview: () => <OverviewTab />,
    results: () => <ResultsTab />,
    model: () => <ModelTab />,
    runs: () => <RunsTab />,
  };

  return (
    <>
      <PageHeader
        title={t('nav.page.identification')}
        subtitle={
          latest
            ? t('identification.latestRun', { asOf: formatDate(latest.asOf), version: latest.configVersion })
            : null
        }
        extra={managesAnalytics(user) && <RunNowButton />}
      />
      <Tabs
        activeKey={tab}
        // a tab starts clean: the result list's filters do not follow the user to the model editor
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={tabs.map((key) => ({ key, label: t(`identification.tab.${key}`), children: render[key]() }))}
      />
    </>
  );
}
