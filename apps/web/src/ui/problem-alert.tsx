import type { FormInstance } from 'antd';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api/client';
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
  if (isApiError(error, 409) && onReload) {
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
  const fields = fieldErrors(error);
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, t)}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map((f) => (
              <li key={f.name.join('.')}>
                {f.name.join('.')}: {f.errors.join('; ')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
