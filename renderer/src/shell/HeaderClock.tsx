/** Wall-clock time in the header: command rooms log events by the minute, and the console is often full screen. */
import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/use-language.js';

export function HeaderClock() {
  const language = useLanguage();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const time = new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  return (
    <span className="header-clock">
      <span className="header-clock-time">{time.format(now)}</span>
      <span className="header-clock-date">
        {date.format(now)} {weekday.format(now)}
      </span>
    </span>
  );
}
