/**
 * i18next setup: one namespace per feature (i18n/zh-CN/*.ts, i18n/en/*.ts). zh-CN first, English second; the choice is kept in localStorage so the console reopens in the
 * language the room uses. Resources are bundled (no backend), so init is synchronous and the first render already
 * has its strings.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.js';
import { zhCN } from './zh-CN/index.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'grid-command.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    // Storage can be unavailable (privacy settings); the default language is fine then.
    return 'zh-CN';
  }
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this window.
  }
  await i18next.changeLanguage(language);
}

// Keep <html lang> in step so screen readers and CJK font selection follow the UI language.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': zhCN, en },
  ns: Object.keys(zhCN),
  defaultNS: 'shell',
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  initAsync: false,
  // React escapes text itself; escaping here too would show entities such as &amp; in names.
  interpolation: { escapeValue: false },
});

export default i18next;
