import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useState } from 'react';
import { LanguageProvider, useI18n } from './i18n/LanguageProvider.js';
import type { Language } from './i18n/language.js';
import { createQueryClient } from './session/queryClient.js';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 8,
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 64 },
    Menu: { itemSelectedBg: '#e8eef8', itemSelectedColor: '#1d4f91', itemActiveBg: '#f0f4fa' },
  },
};

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Language, antd (locale + theme + message/notification host) and TanStack Query; no router. */
export function AppProviders({
  children,
  language,
  queryClient,
}: {
  children: ReactNode;
  language?: Language;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <LanguageProvider initial={language}>
      <QueryClientProvider client={client}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </LanguageProvider>
  );
}
