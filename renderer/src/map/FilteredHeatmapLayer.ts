/**
 * deck.gl's HeatmapLayer with the GPU event filter applied to its weights.
 *
 * Out of the box the HeatmapLayer accepts the DataFilterExtension's attributes and shader code, but never sets the
 * filter's uniforms (it is a composite layer and never "draws" — its weight map is rendered in updateState), and any
 * change of an extension prop counts as new data, rebuilding its transform. So the filter comes in through this
 * layer's own `eventFilter` prop — a prop of the class, which the heatmap does not treat as data — and is written
 * onto the weights pass right before each weight map render. A filtered-out event is moved outside the weight
 * texture with a zero weight, so it costs no fill.
 */
import { HeatmapLayer, type HeatmapLayerProps } from '@deck.gl/aggregation-layers';
import type { DefaultProps, UpdateParameters } from '@deck.gl/core';
import type { ShaderModule } from '@luma.gl/shadertools';

export interface EventFilterUniforms {
  /** [first, last] day of the time filter. */
  readonly range: readonly [number, number];
  /** One bit mask per category column (grade, major, status, source). */
  readonly categoryBitMask: Uint32Array;
}

type Props = HeatmapLayerProps & { eventFilter: EventFilterUniforms | null };

/** Zeroes a filtered event's weight and puts it off the texture (runs after the data filter's own code). */
const zeroFilteredWeights: ShaderModule = {
  name: 'zeroFilteredWeights',
  inject: {
    'vs:#main-end': /* glsl */ `
      if (dataFilter_value == 0.0) {
        weightsTexture = vec4(0.0);
        gl_PointSize = 0.0;
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      }
    `,
  },
};

/**
 * Attribute uploads of heat layers so far (each upload of a changed attribute counts one). A filter change must not
 * add any — the map shows the figure for the end-to-end test.
 */
let attributeUploads = 0;
export const heatAttributeUploads = (): number => attributeUploads;

const defaultProps: DefaultProps<Props> = {
  eventFilter: { type: 'object', value: null, compare: false },
};

export class FilteredHeatmapLayer extends HeatmapLayer<unknown, { eventFilter: EventFilterUniforms | null }> {
  static override layerName = 'FilteredHeatmapLayer';
  static override defaultProps = defaultProps as typeof HeatmapLayer.defaultProps;

  override getShaders(shaders: { modules?: Array<{ name?: string }> }) {
    const filtering = this.props.extensions.length > 0;
    // The max-weight pass reads the weight texture, not events: the filter's attributes and code must stay out of
    // it (an unbound integer attribute fails the draw). Every other call builds the weights pass.
    if (shaders.modules?.some((module) => module.name === 'maxWeight')) {
      const merged = super.getShaders(shaders) as { modules: Array<{ name?: string }>; defines?: object };
      const defines = { ...merged.defines } as Record<string, unknown>;
      for (const key of ['DATACATEGORY_TYPE', 'DATACATEGORY_CHANNELS', 'DATAFILTER_TYPE', 'DATAFILTER_DOUBLE']) {
        delete defines[key];
      }
      return { ...merged, modules: merged.modules.filter((module) => module.name !== 'dataFilter'), defines };
    }
    return super.getShaders(
      filtering ? { ...shaders, modules: [...(shaders.modules ?? []), zeroFilteredWeights] } : shaders,
    );
  }

  override updateState(opts: UpdateParameters<this>) {
    // Weights rendered for another canvas size are wrong for this one (the first frame is often deck.gl's default
    // 300 × 150 canvas, before it is laid out): render them again for the new shape.
    const { width, height } = opts.context.viewport;
    const state = this.state as { canvasSize?: string };
    if (state.canvasSize !== undefined && state.canvasSize !== `${width}x${height}`) {
      this._updateBounds(true);
      this._updateTextureRenderingBounds();
      this.setState({ isWeightMapDirty: true });
    }
    state.canvasSize = `${width}x${height}`;
    if (opts.props.eventFilter !== opts.oldProps.eventFilter) this.setState({ isWeightMapDirty: true });
    super.updateState(opts);
  }

  /**
   * After a zoom the heatmap re-renders its weights on a timer, which only flags that in its state: a flag schedules
   * a redraw, not the update that renders weights, so a view zoomed in and left alone kept its old, blurred heat
   * until the next pan. Asking for the update makes the timer's work happen.
   */
  override _debouncedUpdateWeightmap(fromTimer = false) {
    super._debouncedUpdateWeightmap(fromTimer);
    if (fromTimer) this.setNeedsUpdate();
  }

  override updateAttributes(changedAttributes: Record<string, unknown>) {
    attributeUploads += Object.keys(changedAttributes).length;
    super.updateAttributes(changedAttributes);
  }

  override _updateWeightmap() {
    const filter = this.props.eventFilter;
    const model = this.state.weightsTransform?.model;
    if (model) {
      model.shaderInputs.setProps({
        dataFilter: filter
          ? {
              extensions: this.props.extensions,
              filterEnabled: true,
              filterRange: filter.range,
              categoryBitMask: filter.categoryBitMask,
            }
          : { extensions: this.props.extensions, filterEnabled: false },
      });
    }
    super._updateWeightmap();
  }
}
