/**
 * The map's filters on the GPU: deck.gl's DataFilterExtension, one instance for the app.
 *
 * The extension normally numbers categories in the order it first meets them, which only works for accessor data.
 * Our categories arrive as binary indices straight from the hub, so the subclass makes a category's bit its index
 * (event-filter.ts builds the allowed indices).
 */
import type { Layer, LayerContext } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';

export class IndexedCategoryFilter extends DataFilterExtension {
  static override extensionName = 'IndexedCategoryFilter';

  /**
   * The category attribute as the hub sends it: four unsigned bytes an event, read by the shader as integers.
   * The stock attribute runs every event through a JavaScript transform into 32-bit integers — for a million
   * events a CPU pass and four times the GPU memory, for values that are already the bit indices.
   */
  override initializeState(this: Layer<DataFilterExtensionProps>, context: LayerContext, extension: this) {
    super.initializeState.call(this, context, extension);
    const attributes = this.getAttributeManager();
    if (!attributes?.attributes.filterCategoryValues) return;
    attributes.remove(['filterCategoryValues']);
    attributes.add({
      filterCategoryValues: {
        size: extension.opts.categorySize,
        stepMode: 'dynamic',
        accessor: 'getFilterCategory',
        type: 'uint8',
      },
    });
  }

  override _getCategoryKey(category: number | string): number {
    return Number(category);
  }
}

/** One instance for the app's lifetime: deck.gl compares extensions by identity, a new one would rebuild shaders. */
export const EVENT_FILTER = new IndexedCategoryFilter({ filterSize: 1, categorySize: 4 });
