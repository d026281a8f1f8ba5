import { Button, Card, Flex, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { LanguageSwitch } from '../../app/i18n/language-switch';
import { BrandMark } from '../../ui/brand-mark';
import { useAnswerSurvey, usePublicSurvey } from './api';

/** The one-time survey page a contact opens from the link: no sign-in, one question, one answer. */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const survey = usePublicSurvey(token);
  const answer = useAnswerSurvey(token);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');

  let body: React.ReactNode;
  if (survey.isPending) body = <Spin />;
  else if (answer.isSuccess) body = <Result status="success" title={t('publicSurvey.thanks')} />;
  else if (survey.isError)
    body = (
      <Result
        status={isApiError(survey.error, 410) ? 'info' : 'warning'}
        title={t(
          isApiError(survey.error, 410)
            ? 'publicSurvey.gone'
            : isApiError(survey.error, 429)
              ? 'publicSurvey.busy'
              : 'publicSurvey.notFound',
        )}
      />
    );
  else {
    const s = survey.data;
    const scale = s.kind === 'nps' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];
    body = (
      <Flex vertical gap={20}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('publicSurvey.greeting', { name: s.contactName })}
        </Typography.Title>
        <Typography.Text>{t(`publicSurvey.question.${s.kind}`)}</Typography.Text>
        <Flex gap={6} wrap>
          {scale.map((n) => (
            <Button
              key={n}
              type={score === n ? 'primary' : 'default'}
              shape="circle"
              size="large"
              onClick={() => setScore(n)}
            >
              {n}
            </Button>
          ))}
        </Flex>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t(`publicSurvey.low.${s.kind}`)}</Typography.Text>
          <Typography.Text type="secondary">{t(`publicSurvey.high.${s.kind}`)}</Typography.Text>
        </Flex>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('publicSurvey.comment')}
        />
        {answer.isError && <Typography.Text type="danger">{t('publicSurvey.failed')}</Typography.Text>}
        <Button
          type="primary"
          size="large"
          disabled={score === null}
          loading={answer.isPending}
          onClick={() => score !== null && answer.mutate({ score, comment: comment.trim() || null })}
        >
          {t('publicSurvey.submit')}
        </Button>
      </Flex>
    );
  }
  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f7fa', padding: '48px 16px' }}>
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 560 }}>
        <Flex justify="space-between" align="center">
          <Flex gap={8} align="center">
            <BrandMark size={28} />
            <Typography.Text strong>{t('publicSurvey.from')}</Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
        <Card>{body}</Card>
      </Flex>
    </Flex>
  );
}
