/**
 * Times on the board. Command rooms work on Beijing time whatever the machine's zone, so every date is formatted
 * in Asia/Shanghai (the working calendar's fixed UTC+8).
 */
import type { TFunction } from 'i18next';
import type { Language } from '../i18n/index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour12: false,
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, f);
  }
  return f;
}

/** "2026/11/29 08:15" (zh) or "29/11/2026, 08:15" (en). */
export function formatDateTime(ms: number, language: Language): string {
  return formatter(language, true).format(ms);
}

export function formatTime(ms: number, language: Language): string {
  return formatter(language, false).format(ms);
}

/** How long ago, coarse: minutes under an hour, hours under two days, then days. */
export function formatAge(fromMs: number, nowMs: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  if (minutes < 1) return t('dispatch.age.justNow');
  if (minutes < 60) return t('dispatch.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('dispatch.age.hours', { count: hours });
  return t('dispatch.age.days', { count: Math.floor(hours / 24) });
}
