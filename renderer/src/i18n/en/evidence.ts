import type { evidence as zh } from '../zh-CN/evidence.js';
import type { SameKeys } from '../same-keys.js';

export const evidence: SameKeys<typeof zh> = {
  title: 'Evidence ({{count}})',
  none: 'No attachments yet',
  add: 'Add photo / video / PDF',
  hint: 'Photos JPEG/PNG/WebP (up to 15 MB), MP4 videos (30 MB, 60 s), PDF (20 MB); photos are re-encoded and stored without location or other metadata',
  added: 'Added: {{file}}',
  refused: '{{file}} was not added: {{reason}}',
  open: 'Open full size',
  download: 'Download',
  located: 'Has location',
  captured: 'Taken at {{at}}',
  kind: { photo: 'Photo', video: 'Video', document: 'Document', snapshot: 'Wall snapshot' },
};
