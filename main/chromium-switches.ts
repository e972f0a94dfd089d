/**
 * Chromium switches the console's Electron main process appends before the app is ready (main/electron/index.ts).
 * They live here, free of Electron, so the wall benches start Debian's Chromium with the same ones and measure the
 * renderer the console really runs.
 */
export const CONSOLE_CHROMIUM_SWITCHES: ReadonlyArray<readonly [name: string, value: string]> = [
  // V8 grows a busy page's young generation up to 3 × 16 MiB and gives it back only when the page idles or the
  // system is short of memory; a wall transmuxing 16 streams never idles, so its renderer swung between ~8 and
  // ~49 MiB of young generation and sat at the top for hours. 3 × 4 MiB holds what a wall keeps in flight
  // (README, "The video wall": memory with and without this switch).
  ['js-flags', '--max-semi-space-size=4'],
];

/** The same switches as command-line arguments, for a Chromium started by hand (the benches). */
export const consoleChromiumArgs = (): string[] =>
  CONSOLE_CHROMIUM_SWITCHES.map(([name, value]) => `--${name}=${value}`);
