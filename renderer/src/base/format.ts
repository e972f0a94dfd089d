/**
 * Dates and times for every feature, one format per language. Command rooms work on Beijing time whatever the
 * machine's zone, so dates shown in the UI are formatted in Asia/Shanghai (the working calendar's fixed UTC+8).
 * `formatStamp`/`fileStamp` are language-independent stamps burnt into evidence (watermarks, file names, audit rows
 * and CSV), also in Beijing time. English uses en-GB everywhere (day/month/year), zh-CN year/month/day: the header,
 * the drawer and the tables read the same.
 */
import i18next from 'i18next';
import type { Language } from '../i18n/index.js';

/** The one locale per UI language that every date and time is written in. */
const LOCALES: Readonly<Record<Language, string>> = { 'zh-CN': 'zh-CN', en: 'en-GB' };
const ZONE = 'Asia/Shanghai';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: ZONE,
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
export function formatAge(fromMs: number, nowMs: number, language: Language): string {
  const t = i18next.getFixedT(language, 'shared');
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  if (minutes < 1) return t('age.justNow');
  if (minutes < 60) return t('age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('age.hours', { count: hours });
  return t('age.days', { count: Math.floor(hours / 24) });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Beijing date and time to the second, as command rooms write it: 2026-05-12 14:03:22. */
export function formatStamp(ms: number): string {
  // China keeps no daylight saving: Beijing time is UTC+8 all year, whatever zone the machine is set to.
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** For file names: 20260512-140322. */
export function fileStamp(ms: number): string {
  return formatStamp(ms).replace(/[-:]/g, '').replace(' ', '-');
}

const clockFormats = new Map<
  Language,
  { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }
>();

/** The header clock's time ("14:03:22") and date ("2026/05/12 周二", "12/05/2026 Tue"), in Beijing time. */
export function formatClock(ms: number, language: Language): { time: string; date: string } {
  let f = clockFormats.get(language);
  if (!f) {
    const locale = LOCALES[language];
    f = {
      time: new Intl.DateTimeFormat(locale, {
        timeZone: ZONE,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }),
      date: new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
      weekday: new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'short' }),
    };
    clockFormats.set(language, f);
  }
  return { time: f.time.format(ms), date: `${f.date.format(ms)} ${f.weekday.format(ms)}` };
}
