import { Button, Dropdown } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LOCALES, setLocale, type Locale } from '../i18n';

/** 中文 / English switch; every label, antd's own texts and dates follow at once. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Locale;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LOCALES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => void setLocale(key as Locale),
      }}
    >
      <Button
        type="text"
        data-testid="lang-switch"
        aria-label={t('lang.switch')}
        icon={<TranslationOutlined />}
        style={light ? undefined : { color: 'inherit' }}
      >
        {current === 'zh-CN' ? '中文' : 'EN'}
      </Button>
    </Dropdown>
  );
}
