/**
 * Dragging cameras onto tiles: from the camera tree (one camera or a whole unit), from a case's nearest cameras,
 * and from the map, which only needs to set the same data type. The payload is a list of camera ids.
 */
export const CAMERA_DRAG_TYPE = 'application/x-grid-cameras';

export function setCameraDrag(event: { dataTransfer: DataTransfer }, cameraIds: readonly string[]): void {
  event.dataTransfer.setData(CAMERA_DRAG_TYPE, JSON.stringify(cameraIds));
  // A plain-text fallback for other drop targets (a text field gets the ids).
  event.dataTransfer.setData('text/plain', cameraIds.join(' '));
  event.dataTransfer.effectAllowed = 'copy';
}

export function hasCameraDrag(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes(CAMERA_DRAG_TYPE) ?? false;
}

export function cameraDragIds(event: { dataTransfer: DataTransfer | null }): string[] {
  try {
    const parsed: unknown = JSON.parse(event.dataTransfer?.getData(CAMERA_DRAG_TYPE) || '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string').slice(0, 200) : [];
  } catch {
    return [];
  }
}
