import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefersReducedMotion } from './use-reduced-motion';

/**
 * antd's own texts (pagination, pickers, empty states, form validation templates) follow the
 * i18next language; AntApp gives message/modal the same locale and theme. Users who asked their
 * system for reduced motion get antd's components without their zoom and slide animations.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !reducedMotion },
        components: { Layout: { siderBg: '#001529', headerBg: '#fff' } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
