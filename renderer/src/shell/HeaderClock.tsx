/** Wall-clock time in the header: command rooms log events by the minute, and the console is often full screen. */
import { useLanguage } from '../i18n/use-language.js';
import { useTicking } from '../base/clock.js';
import { formatClock } from '../base/format.js';

export function HeaderClock() {
  const language = useLanguage();
  // The second (a primitive) from the one clock: one timer for the whole renderer.
  const second = useTicking((now) => Math.floor(now / 1000));
  const { time, date } = formatClock(second * 1000, language);
  return (
    <span className="header-clock">
      <span className="header-clock-time">{time}</span>
      <span className="header-clock-date">{date}</span>
    </span>
  );
}
