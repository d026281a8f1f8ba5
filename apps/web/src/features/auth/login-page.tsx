import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/error-message';
import { useMe } from '../../app/auth/current-user';
import { LanguageSwitch } from '../../app/i18n/language-switch';
import { BrandMark } from '../../ui/brand-mark';
import { useLogin } from './api';
import styles from './login-page.module.css';

type LoginForm = { username: string; password: string };

const steps = ['identify', 'needs', 'relationships', 'strategy', 'evaluate'] as const;

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null) {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <div className={styles.page}>
      <section className={styles.brand}>
        <BrandMark size={44} inverted />
        <h1 className={styles.brandTitle}>
          {t('brand.product')} <span className={styles.brandSub}>{t('brand.name')}</span>
        </h1>
        <p className={styles.tagline}>{t('login.tagline')}</p>
        <ol className={styles.steps}>
          {steps.map((step, index) => (
            <li key={step}>
              <span className={styles.stepNo}>{index + 1}</span>
              <span>
                <strong>{t(`nav.step.${step}`)}</strong>
                <small>{t(`login.step.${step}`)}</small>
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className={styles.formSide}>
        <div className={styles.formBox}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {login.error && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(login.error, t)}
              style={{ marginBottom: token.marginLG }}
            />
          )}
          <Form<LoginForm>
            name="login"
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            disabled={login.isPending}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
        {/* after the form in the page order: the username is the first field, the switch floats top-right */}
        <Flex justify="flex-end" className={styles.topBar}>
          <LanguageSwitch />
        </Flex>
        <Typography.Text type="secondary" className={styles.footer}>
          {t('login.footer')}
        </Typography.Text>
      </section>
    </div>
  );
}
