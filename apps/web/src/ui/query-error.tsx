import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api/client';
import { errorMessage } from '../app/api/error-message';

/** A failed load: 404 reads as "not found or not yours" (the server never says which), the rest can be retried. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 404)) {
    return <Result status="404" title={t('error.recordNotFound')} subTitle={t('error.recordNotFoundHint')} />;
  }
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error, t)}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )
      }
    />
  );
}
