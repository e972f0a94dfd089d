/** pino-roll ships no types; this is the part of its API hub/logging.ts uses. */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface PinoRollOptions {
    readonly file: string;
    readonly extension?: string;
    readonly frequency?: 'daily' | 'hourly' | number;
    readonly dateFormat?: string;
    readonly size?: string | number;
    readonly limit?: { readonly count?: number; readonly removeOtherLogFiles?: boolean };
    readonly symlink?: boolean;
    readonly mkdir?: boolean;
  }
  /** A SonicBoom stream writing to the active file. */
  export default function pinoRoll(
    options: PinoRollOptions,
  ): Promise<DestinationStream & { end(): void; once(event: 'close', listener: () => void): void }>;
}
