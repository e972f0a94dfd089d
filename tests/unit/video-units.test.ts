/** Pure parts of the video wall: the clock-driven clip playlist, stream-token signing, ffmpeg playlist rewriting, CSV. */
import { describe, expect, it } from 'vitest';
import { viewAuditToCsv } from '../../common/view-audit-csv.js';
import type { ViewAuditEntry } from '../../common/video-schemas.js';
import { clipSegmentAt, liveWindow, renderClipPlaylist } from '../../hub/media/clip-playlist.js';
import { rewritePlaylist } from '../../hub/media/ffmpeg-hls-stream.js';
import { signStreamToken, verifyStreamToken } from '../../hub/video-access/stream-token.js';

const spec = { segmentSeconds: 2, segmentsPerClip: 6, windowSize: 6 };

/** Discontinuity number of every segment a playlist lists. */
function discontinuityOf(playlist: string): Map<number, number> {
  let d = Number(/DISCONTINUITY-SEQUENCE:(\d+)/.exec(playlist)![1]);
  const out = new Map<number, number>();
  for (const line of playlist.split('\n')) {
    if (line === '#EXT-X-DISCONTINUITY') d++;
    const seg = /^seg\/(\d+)\.ts$/.exec(line);
    if (seg) out.set(Number(seg[1]), d);
  }
  return out;
}

describe('clip playlists', () => {
  it('slide one segment per segment duration, listing only finished segments', () => {
    const now = 1_800_000_001_000;
    const { first, last } = liveWindow(now, spec);
    expect(last - first + 1).toBe(6);
    expect((last + 1) * 2000).toBeLessThanOrEqual(now);
    expect(liveWindow(now + 2000, spec).first).toBe(first + 1);
  });

  it('keep every segment in the same discontinuity as the window slides over loop points', () => {
    for (const phase of [0, 1, 5]) {
      const seen = new Map<number, number>();
      for (let t = 1_800_000_000_000; t < 1_800_000_000_000 + 40_000; t += 2000) {
        for (const [seq, d] of discontinuityOf(renderClipPlaylist(t, spec, phase))) {
          if (seen.has(seq)) expect(d, `seq ${seq} phase ${phase}`).toBe(seen.get(seq));
          seen.set(seq, d);
          if (clipSegmentAt(seq, phase, 6) === 0 && seen.has(seq - 1)) expect(d).toBe(seen.get(seq - 1)! + 1);
        }
      }
    }
  });
});

describe('stream tokens', () => {
  const secret = Buffer.alloc(32, 7);
  const claims = { v: 1 as const, sid: 's', uid: 'u', cam: 'cam-0001', q: 'sub' as const, exp: 1, jti: 'j' };

  it('verify what was signed with the same key, and nothing else', () => {
    const token = signStreamToken(secret, claims);
    expect(verifyStreamToken(secret, token)).toEqual(claims);
    expect(() => verifyStreamToken(Buffer.alloc(32, 8), token)).toThrow(/invalid stream token/);
    const [payload, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...claims, cam: 'cam-0002' })).toString('base64url');
    expect(() => verifyStreamToken(secret, `${other}.${sig}`)).toThrow(/invalid/);
    expect(() => verifyStreamToken(secret, `${payload}.${sig}x`)).toThrow(/invalid/);
    expect(() => verifyStreamToken(secret, undefined)).toThrow(/invalid/);
  });
});

describe('ffmpeg playlists as served', () => {
  it('rewrite segment names and dates, drop ENDLIST, refuse half-written or unexpected files', () => {
    const text =
      '#EXTM3U\n#EXTINF:2.0,\n#EXT-X-PROGRAM-DATE-TIME:2026-01-01T08:00:00.000+0800\nseg-7.ts\n#EXT-X-ENDLIST\n';
    expect(rewritePlaylist(text)).toEqual({
      text: '#EXTM3U\n#EXTINF:2.0,\n#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z\nseg/7.ts\n',
      segments: [7],
    });
    expect(rewritePlaylist(text.slice(0, -5))).toBeNull();
    expect(rewritePlaylist('#EXTM3U\n#EXTINF:2.0,\n../../etc/passwd\n')).toBeNull();
  });
});

describe('audit CSV', () => {
  it('quotes, defuses formulas and starts with a BOM', () => {
    const entry = {
      id: 1,
      kind: 'view',
      reason: '=HYPERLINK("x")',
      cameraName: '村口, 东',
    } as unknown as ViewAuditEntry;
    const [header, row] = viewAuditToCsv([entry]).slice(1).split('\r\n');
    expect(viewAuditToCsv([]).startsWith('\uFEFF')).toBe(true);
    expect(header!.split(',')).toContain('reason');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"村口, 东"');
  });
});
