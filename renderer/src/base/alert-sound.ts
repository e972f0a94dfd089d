/**
 * Alert sounds synthesised with WebAudio (no sound file to ship or load), by severity: a serious alert plays two
 * rising pairs of tones, a warning (a late intake) one softer pair, information nothing. Soft attack and release, so
 * it is noticeable without being shrill in a quiet room.
 */
export type AlertSeverity = 'serious' | 'warning' | 'info';

let context: AudioContext | null = null;

const TONES: Readonly<Record<AlertSeverity, ReadonlyArray<[frequency: number, offset: number]>>> = {
  serious: [
    [880, 0],
    [1175, 0.22],
    [880, 0.44],
    [1175, 0.66],
  ],
  warning: [
    [660, 0],
    [880, 0.25],
  ],
  info: [],
};

export function playAlertSound(severity: AlertSeverity): void {
  const tones = TONES[severity];
  if (tones.length === 0) return;
  try {
    context ??= new AudioContext();
    const ctx = context;
    // A context created before any user gesture starts suspended; the signed-in user has interacted by now.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.02;
    const peak = severity === 'serious' ? 0.25 : 0.15;
    for (const [frequency, offset] of tones) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const t0 = start + offset;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(peak, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + 0.2);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(t0);
      oscillator.stop(t0 + 0.21);
    }
  } catch {
    // No audio device or WebAudio unavailable: the visual alert still happens.
  }
}
