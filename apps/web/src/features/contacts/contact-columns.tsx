import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ContactSummary } from '../../app/api/types';
import { AttitudeTag, DecisionRoleTag } from '../../ui/enum-tags';
import { formatDate } from '../../ui/format';
import { Rating } from '../../ui/rating';

export function contactColumns(t: TFunction, { withAccount }: { withAccount: boolean }): ColumnsType<ContactSummary> {
  return [
    {
      title: t('contact.name'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/contacts/${c.id}`} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {c.name}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[c.title, c.department].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(withAccount
      ? [
          {
            title: t('contact.account'),
            key: 'account',
            width: 200,
            ellipsis: true,
            render: (_: unknown, c: ContactSummary) => (
              <Link to={`/accounts/${c.accountId}`} onClick={(e) => e.stopPropagation()}>
                {c.accountName}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('contact.decisionRole'),
      key: 'decisionRole',
      width: 110,
      render: (_, c) => <DecisionRoleTag value={c.decisionRole} />,
    },
    { title: t('contact.attitude'), key: 'attitude', width: 84, render: (_, c) => <AttitudeTag value={c.attitude} /> },
    {
      title: t('contact.influence'),
      key: 'influence',
      width: 100,
      render: (_, c) => <Rating value={c.influence} />,
    },
    {
      title: t('contact.relationshipStrength'),
      key: 'relationshipStrength',
      width: 100,
      render: (_, c) => <Rating value={c.relationshipStrength} />,
    },
    {
      title: t('contact.phones'),
      key: 'phones',
      width: 136,
      render: (_, c) => <span className="kamap-num">{c.phones[0]?.display ?? '—'}</span>,
    },
    {
      title: t('contact.lastContactAt'),
      key: 'lastContactAt',
      width: 110,
      render: (_, c) => formatDate(c.lastContactAt),
    },
  ];
}
