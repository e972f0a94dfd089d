/** The UI language as a supported `Language`, re-rendering the caller when it changes. */
import { useTranslation } from 'react-i18next';
import type { Language } from './index.js';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
