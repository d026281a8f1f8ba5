import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/error-message';
import type { AnalysisConfigData, AnalysisConfigVersionData } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { QueryError } from '../../../ui/query-error';
import { useDebouncedValue } from '../../../ui/use-debounced-value';
import { managesAnalytics } from '../access';
import { analyticsKeys, useAnalysisConfig, usePreview, useSaveConfig } from '../api';
import { configIssues, fromDraft, sameConfig, toDraft } from '../config-draft';
import { ConfigVersions } from './config-versions';
import { CriteriaEditor } from './criteria-editor';
import styles from './model.module.css';
import { PreviewPanel } from './preview-panel';
import { AbcRules, ChurnRules, TierRules, ValueRules } from './rules-editor';

/** The identification model: its criteria and rules, a live what-if of any change, and its versions. */
export function ModelTab() {
  const config = useAnalysisConfig();
  if (config.isError) return <QueryError error={config.error} onRetry={() => config.refetch()} />;
  if (config.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  // a new current version (saved here or reloaded after a conflict) starts a fresh draft
  return <ModelEditor key={config.data.version} current={config.data} />;
}

function ModelEditor({ current }: { current: AnalysisConfigVersionData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const editable = managesAnalytics(user);
  const [draft, setDraft] = useState(() => toDraft(current.config));
  const [note, setNote] = useState('');
  const save = useSaveConfig();

  const issues = useMemo(() => configIssues(draft), [draft]);
  const changed = !sameConfig(draft, current.config);
  const settled = useDebouncedValue(draft, 500);
  const settledValid = useMemo(() => configIssues(settled).length === 0, [settled]);
  const settledChanged = useMemo(() => !sameConfig(settled, current.config), [settled, current.config]);
  const previewConfig = useMemo(
    () => (editable && settledValid && settledChanged ? fromDraft(settled) : null),
    [editable, settledValid, settledChanged, settled],
  );
  const preview = usePreview(previewConfig);
  const previewState = !changed ? 'unchanged' : issues.length > 0 ? 'invalid' : 'ready';

  const patch = (update: (d: AnalysisConfigData) => AnalysisConfigData) => setDraft((d) => update(d));
  const conflict = isApiError(save.error, 409);
  const otherIssues = issues.filter((i) => i.code === 'invalid');

  const submit = () =>
    save.mutate(
      { config: fromDraft(draft), note: note.trim() || null, basedOn: current.version },
      { onSuccess: (saved) => void message.success(t('model.saved', { version: saved.version })) },
    );

  const reload = () => {
    save.reset();
    void queryClient.refetchQueries({ queryKey: analyticsKeys.config });
    void queryClient.invalidateQueries({ queryKey: analyticsKeys.versions });
  };

  const rules = { draft, issues, disabled: !editable, patch };

  return (
    // stretched columns, so the save and preview column can stay in view while the editor scrolls
    <Row gutter={[16, 16]} style={{ alignItems: 'stretch' }}>
      <Col xs={24} xl={editable ? 14 : 24}>
        <Flex vertical gap={16}>
          {!editable && <Alert type="info" showIcon title={t('model.readOnly')} />}
          <Card size="small" variant="borderless" title={t('model.criteriaTitle')}>
            <CriteriaEditor
              draft={draft}
              issues={issues}
              disabled={!editable}
              onChange={(criteria) => patch((d) => ({ ...d, criteria }))}
            />
          </Card>
          <TierRules {...rules} />
          <AbcRules {...rules} />
          <ValueRules {...rules} />
          <ChurnRules {...rules} />
          <ConfigVersions
            current={current.version}
            onLoad={editable ? (v) => setDraft(toDraft(v.config)) : undefined}
          />
        </Flex>
      </Col>
      {editable && (
        <Col xs={24} xl={10}>
          <Flex vertical gap={16} className={styles.sticky}>
            <Card size="small" variant="borderless" title={t('model.saveTitle', { version: current.version })}>
              <Flex vertical gap={12}>
                {conflict ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('model.conflict')}
                    description={t('model.conflictHint')}
                    action={
                      <Button size="small" onClick={reload}>
                        {t('action.reload')}
                      </Button>
                    }
                  />
                ) : save.error ? (
                  <Alert type="error" showIcon title={errorMessage(save.error, t)} />
                ) : null}
                {otherIssues.length > 0 && (
                  <Alert type="error" showIcon title={otherIssues.map((i) => `${i.path}: ${i.message}`).join('；')} />
                )}
                <Input.TextArea
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={t('model.notePlaceholder')}
                  maxLength={500}
                  autoSize={{ minRows: 2, maxRows: 4 }}
                />
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {issues.length > 0 ? t('model.fixIssues') : changed ? t('model.saveHint') : t('model.noChanges')}
                  </Typography.Text>
                  <Flex gap={8}>
                    <Button
                      icon={<UndoOutlined />}
                      disabled={!changed || save.isPending}
                      onClick={() => setDraft(toDraft(current.config))}
                    >
                      {t('model.discard')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<SaveOutlined />}
                      disabled={!changed || issues.length > 0}
                      loading={save.isPending}
                      onClick={submit}
                    >
                      {t('model.save')}
                    </Button>
                  </Flex>
                </Flex>
              </Flex>
            </Card>
            <PreviewPanel preview={preview} state={previewState} waiting={settled !== draft} />
          </Flex>
        </Col>
      )}
    </Row>
  );
}
