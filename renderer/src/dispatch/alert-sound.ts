/**
 * The chime for a newly arrived serious case, synthesised with WebAudio (no sound file to ship or load): two short
 * rising tones, soft attack and release so it is noticeable without being shrill in a quiet room.
 */
let context: AudioContext | null = null;

export function playSeriousChime(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    // A context created before any user gesture starts suspended; the signed-in user has interacted by now.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.02;
    const tones: Array<[frequency: number, offset: number]> = [
      [880, 0],
      [1175, 0.22],
      [880, 0.44],
      [1175, 0.66],
    ];
    for (const [frequency, offset] of tones) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const t0 = start + offset;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.25, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + 0.2);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(t0);
      oscillator.stop(t0 + 0.21);
    }
  } catch {
    // No audio device or WebAudio unavailable: the visual announcement still happens.
  }
}
