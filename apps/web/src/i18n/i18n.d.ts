import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: `t('menu.users')` is checked at compile time against the zh-CN resource.
// nsSeparator is off because permission keys contain a colon ('org:read').
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: typeof zhCN };
  }
}
