import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Col, Flex, InputNumber, Modal, Radio, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { useCurrentUser } from '../../app/auth/current-user';
import { fenToYuan, yuanToFen } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { OrgUnitPicker, UserPicker } from '../org/pickers';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

type Targets = { orgUnitId: string | null; userId: string | null; year: number; months: (number | null)[] };

/** Monthly sales targets of an org unit or a KAM for a year (directors for their subtree, admins). */
export function TargetsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'orgUnit' | 'user'>('orgUnit');
  const [ownerId, setOwnerId] = useState<string | null>(user.orgUnitId);
  const [year, setYear] = useState(new Date().getFullYear());
  const [months, setMonths] = useState<(number | null)[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const params = ownerId ? { [kind === 'orgUnit' ? 'orgUnitId' : 'userId']: ownerId, year } : null;
  const current = useQuery({
    queryKey: ['sales-targets', params],
    queryFn: ({ signal }) => api.get<Targets>('/sales-targets', params ?? {}, signal),
    enabled: Boolean(params),
  });
  useEffect(() => {
    if (current.data) setMonths(current.data.months.map((m) => (m === null ? null : fenToYuan(m))));
  }, [current.data]);
  const save = async () => {
    if (!params) return;
    setSaving(true);
    setError(null);
    try {
      await api.put('/sales-targets', { ...params, months: months.map((m) => (m === null ? null : yuanToFen(m))) });
      void queryClient.invalidateQueries({ queryKey: ['opportunities', 'forecast'] });
      void queryClient.invalidateQueries({ queryKey: ['sales-targets'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const thisYear = new Date().getFullYear();
  return (
    <Modal
      open
      width={720}
      title={t('opportunity.targets.title')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: saving, disabled: !params }}
    >
      <ProblemAlert error={error ?? current.error} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setOwnerId(e.target.value === 'orgUnit' ? user.orgUnitId : null);
          }}
          options={[
            { value: 'orgUnit', label: t('opportunity.targets.orgUnit') },
            { value: 'user', label: t('opportunity.targets.kam') },
          ]}
        />
        {kind === 'orgUnit' ? (
          <OrgUnitPicker value={ownerId} onChange={setOwnerId} allowClear={false} style={{ width: 200 }} />
        ) : (
          <UserPicker value={ownerId} onChange={setOwnerId} style={{ width: 200 }} />
        )}
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
      </Flex>
      {current.isFetching ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          {MONTHS.map((i) => (
            <Col key={`m${i}`} span={6}>
              <Typography.Text type="secondary">{t('opportunity.targets.month', { month: i + 1 })}</Typography.Text>
              <InputNumber
                min={0}
                style={{ width: '100%' }}
                value={months[i] ?? null}
                onChange={(v) =>
                  setMonths((list) => Array.from({ length: 12 }, (_, j) => (j === i ? v : (list[j] ?? null))))
                }
                addonAfter="¥"
              />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('opportunity.targets.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
