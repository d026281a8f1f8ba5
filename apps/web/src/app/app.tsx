import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, StrictMode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/**
 * What every page sits in, the same in the browser (`main.tsx`) and on the server (`entry-server.tsx`):
 * a page drawn on the server is taken over by the browser only if both draw the same tree.
 */
export function AppFrame({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <Themed>{children}</Themed>
      </QueryClientProvider>
    </StrictMode>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <Suspense
          fallback={
            <Flex align="center" justify="center" style={{ height: '100vh' }}>
              <Spin size="large" />
            </Flex>
          }
        >
          {children}
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
