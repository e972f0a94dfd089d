/**
 * The map's filters on the GPU: deck.gl's DataFilterExtension, one instance for the app.
 *
 * The extension normally numbers categories in the order it first meets them, which only works for accessor data.
 * Our categories arrive as binary indices straight from the hub, so the subclass makes a category's bit its index
 * (event-filter.ts builds the allowed indices).
 */
import { DataFilterExtension } from '@deck.gl/extensions';

export class IndexedCategoryFilter extends DataFilterExtension {
  static override extensionName = 'IndexedCategoryFilter';

  override _getCategoryKey(category: number | string): number {
    return Number(category);
  }
}

/** One instance for the app's lifetime: deck.gl compares extensions by identity, a new one would rebuild shaders. */
export const EVENT_FILTER = new IndexedCategoryFilter({ filterSize: 1, categorySize: 4 });
