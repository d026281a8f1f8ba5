import { AuditOutlined, EditOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import type { dossierFieldNames } from '@kamap/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Contact } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { AttitudeTag, DecisionRoleTag, InteractionKindTag } from '../../ui/enum-tags';
import { formatDate, formatDateTime } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { QueryError } from '../../ui/query-error';
import { Rating } from '../../ui/rating';
import { useOrgChart } from '../accounts/api';
import { useInteractionList } from '../interactions/api';
import { useContact } from './api';
import { ContactFormDrawer } from './contact-form-drawer';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const text = (value: string | null | undefined) => value || dash;

function Dossier({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (contact.dossierAccess === 'none' || !contact.dossier) return null;
  const dossier = contact.dossier;
  const masked = contact.dossierAccess === 'masked';
  const value = (field: (typeof dossierFieldNames)[number]) => {
    if (field === 'birthday') {
      const calendar =
        dossier.birthdayCalendar === 'lunar' || dossier.birthdayCalendar === 'solar' ? dossier.birthdayCalendar : null;
      if (!dossier.birthday) return dash;
      const day = masked ? dossier.birthday : formatDate(dossier.birthday);
      return calendar
        ? t('dossier.birthdayWithCalendar', { date: day, calendar: t(`enum.calendar.${calendar}`) })
        : day;
    }
    return text(dossier[field]);
  };
  // short fields two to a line, long ones on a line of their own
  const order: { field: (typeof dossierFieldNames)[number]; wide?: boolean }[] = [
    { field: 'nativePlace' },
    { field: 'birthplace' },
    { field: 'birthday' },
    { field: 'ageBand' },
    { field: 'ethnicity' },
    { field: 'hobbies' },
    { field: 'dislikes', wide: true },
    { field: 'education', wide: true },
    { field: 'careerHistory', wide: true },
    { field: 'familyNotes', wide: true },
    { field: 'homeAddress', wide: true },
  ];
  return (
    <Card size="small" variant="borderless" title={t('dossier.title')}>
      {masked ? (
        <Alert
          type="warning"
          showIcon
          icon={<EyeInvisibleOutlined />}
          title={t('dossier.masked')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          icon={<AuditOutlined />}
          title={t('dossier.audited')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={order.map(({ field, wide }) => ({
          key: field,
          label: t(`dossier.field.${field}`),
          span: wide ? 'filled' : 1,
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{value(field)}</span>,
        }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dossier.consent', {
          basis: t(`enum.consentBasis.${contact.consentBasis}`),
          at: contact.consentAt ? formatDate(contact.consentAt) : '—',
        })}
      </Typography.Text>
    </Card>
  );
}

function RecentInteractions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const list = useInteractionList({ contactId: contact.id, limit: 8, sort: '-occurredAt' });
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('contact.recentInteractions')}
      extra={<Link to={`/interactions?contactId=${contact.id}`}>{t('action.viewAll')}</Link>}
    >
      {list.isError ? (
        <QueryError error={list.error} />
      ) : list.items.length === 0 && !list.isPending ? (
        <EmptyState description={t('interaction.empty')} />
      ) : (
        <ItemList
          items={list.items}
          itemKey={(i) => i.id}
          render={(i) => (
            <Flex vertical gap={2}>
              <Flex gap={8} align="center">
                <InteractionKindTag value={i.kind} />
                <Typography.Text type="secondary" className="kamap-num">
                  {formatDate(i.occurredAt)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
                  {i.user.displayName}
                </Typography.Text>
              </Flex>
              <Typography.Text strong>{i.subject}</Typography.Text>
              {i.nextStep && (
                <Typography.Text type="secondary">
                  {t('interaction.nextStep')}
                  {t('common.colon')}
                  {i.nextStep}
                </Typography.Text>
              )}
            </Flex>
          )}
        />
      )}
    </Card>
  );
}

export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const contact = useContact(id);
  const chart = useOrgChart(contact.data?.accountId ?? '');
  const [editing, setEditing] = useState(false);

  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError) return <QueryError error={contact.error} onRetry={() => contact.refetch()} />;
  const c = contact.data;
  const manager = c.reportsToId ? chart.data?.find((p) => p.id === c.reportsToId) : undefined;
  const reports = (chart.data ?? []).filter((p) => p.reportsToId === c.id);

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: t('nav.page.contacts'), to: '/contacts' },
          { title: c.accountName, to: `/accounts/${c.accountId}?tab=contacts` },
          { title: c.name },
        ]}
        title={c.name}
        tags={
          <Space size={4}>
            <DecisionRoleTag value={c.decisionRole} />
            <AttitudeTag value={c.attitude} />
            {c.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Space>
        }
        subtitle={[c.title, c.department].filter(Boolean).join(' · ')}
        extra={
          user.permissions.writeAccounts && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('contact.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" variant="borderless" title={t('contact.section.business')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'account',
                    label: t('contact.account'),
                    children: <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>,
                  },
                  { key: 'title', label: t('contact.title'), children: text(c.title) },
                  { key: 'department', label: t('contact.department'), children: text(c.department) },
                  {
                    key: 'reportsTo',
                    label: t('contact.reportsTo'),
                    children: c.reportsToId ? (
                      <Link to={`/contacts/${c.reportsToId}`}>{manager?.name ?? t('contact.manager')}</Link>
                    ) : (
                      dash
                    ),
                  },
                  {
                    key: 'reports',
                    label: t('contact.directReports'),
                    children:
                      reports.length === 0 ? (
                        dash
                      ) : (
                        <Space size={[8, 4]} wrap>
                          {reports.map((r) => (
                            <Link key={r.id} to={`/contacts/${r.id}`}>
                              {r.name}
                            </Link>
                          ))}
                        </Space>
                      ),
                  },
                  {
                    key: 'decisionRole',
                    label: t('contact.decisionRole'),
                    children: <DecisionRoleTag value={c.decisionRole} />,
                  },
                  { key: 'attitude', label: t('contact.attitude'), children: <AttitudeTag value={c.attitude} /> },
                  { key: 'influence', label: t('contact.influence'), children: <Rating value={c.influence} /> },
                  {
                    key: 'relationshipStrength',
                    label: t('contact.relationshipStrength'),
                    children: <Rating value={c.relationshipStrength} />,
                  },
                  {
                    key: 'relationshipOwner',
                    label: t('contact.relationshipOwner'),
                    children: c.relationshipOwner?.displayName ?? dash,
                  },
                  {
                    key: 'lastContactAt',
                    label: t('contact.lastContactAt'),
                    span: 'filled',
                    children: formatDateTime(c.lastContactAt),
                  },
                ]}
              />
            </Card>
            <Card size="small" variant="borderless" title={t('contact.section.reach')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'phones',
                    label: t('contact.phones'),
                    span: 2,
                    children:
                      c.phones.length === 0 ? (
                        dash
                      ) : (
                        <Flex vertical gap={4}>
                          {c.phones.map((p) => (
                            <span key={`${p.kind}:${p.display}`}>
                              <Tag>{t(`enum.phoneKind.${p.kind}`)}</Tag>
                              {p.e164 ? (
                                <a href={`tel:${p.e164}`} className="kamap-num">
                                  {p.display}
                                </a>
                              ) : (
                                <span className="kamap-num">{p.display}</span>
                              )}
                            </span>
                          ))}
                        </Flex>
                      ),
                  },
                  {
                    key: 'email',
                    label: t('contact.email'),
                    // a masked address (x******@…) is shown, not offered as a link
                    children: !c.email ? (
                      dash
                    ) : c.email.includes('*') ? (
                      c.email
                    ) : (
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    ),
                  },
                  { key: 'wechat', label: t('contact.wechatId'), children: text(c.wechatId) },
                  {
                    key: 'preferredChannel',
                    label: t('contact.preferredChannel'),
                    children: c.preferredChannel ? t(`enum.contactChannel.${c.preferredChannel}`) : dash,
                  },
                  { key: 'preferredTime', label: t('contact.preferredTime'), children: text(c.preferredTime) },
                ]}
              />
            </Card>
            <Dossier contact={c} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <RecentInteractions contact={c} />
        </Col>
      </Row>
      {editing && <ContactFormDrawer accountId={c.accountId} contact={c} onClose={() => setEditing(false)} />}
    </>
  );
}
