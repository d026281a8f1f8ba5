import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page';

/**
 * The error boundary of every route: a page that throws while rendering shows this instead of a
 * blank screen, and the side menu and header stay usable around it.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // after a new release the old page chunks are gone; a reload fetches the new ones
  const stale =
    error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="error"
      title={stale ? t('error.newVersion') : t('error.crashed')}
      subTitle={
        <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
          {error instanceof Error ? error.message : String(error)}
        </Typography.Text>
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </Button>
      }
    />
  );
}
