/**
 * The camera icon for deck.gl's IconLayer, drawn once on a canvas: an IconLayer given a URL would fetch it, and the
 * console's CSP lets the renderer fetch only its own origin and the hub. Drawn white as a mask, tinted per camera
 * (online / offline) by getColor.
 */
const SIZE = 64;

export const CAMERA_ICON_MAPPING = {
  camera: { x: 0, y: 0, width: SIZE, height: SIZE, mask: true, anchorY: SIZE / 2 },
} as const;

let atlas: HTMLCanvasElement | null = null;

export function cameraIconAtlas(): HTMLCanvasElement {
  if (atlas) return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  // A round badge with a dome camera: readable at 18 px on the dark map.
  g.beginPath();
  g.arc(32, 32, 30, 0, Math.PI * 2);
  g.fill();
  g.globalCompositeOperation = 'destination-out';
  g.beginPath();
  g.roundRect(14, 22, 28, 20, 4);
  g.fill();
  g.beginPath();
  g.moveTo(42, 28);
  g.lineTo(52, 22);
  g.lineTo(52, 42);
  g.lineTo(42, 36);
  g.closePath();
  g.fill();
  atlas = canvas;
  return canvas;
}
