import type { IndicatorLevel } from '@qloop/contracts';

/** Colours of an indicator's levels, as the dashboard tiles and the indicator library show them. */
export const LEVEL_COLOURS: Record<IndicatorLevel, string> = {
  green: '#52c41a',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#f5222d',
};
/** antd Tag colour presets for the levels. */
export const LEVEL_TAGS: Record<IndicatorLevel, string> = {
  green: 'green',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};
