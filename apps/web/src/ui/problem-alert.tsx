import type { FormInstance } from 'antd';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../app/api/client';
import { errorMessage, fieldErrors } from '../app/api/error-message';

/** Put a validation problem's per-field messages under the fields they belong to. */
export function showFieldErrors(form: FormInstance, error: unknown) {
  const fields = fieldErrors(error);
  if (fields.length > 0) form.setFields(fields);
}

/**
 * A failed save, said plainly: a 409 means someone saved this record after it was opened here,
 * so the user reloads it (and loses the edit) rather than overwriting the other change.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStaleVersion(error) && onReload) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('error.conflict')}
        description={t('error.conflictHint')}
        action={
          <Button size="small" onClick={onReload}>
            {t('action.reload')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  // per-field messages stand under their fields (showFieldErrors); the alert says what went wrong overall
  return <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />;
}
