/** The display preferences' shape and how a stored value is read back (pure: tested without a browser). */

/** Text and card size for a screen seen from 3–5 m: 100 % at the desk, 125 / 150 % on the command-room wall. */
export const UI_SCALES = [100, 125, 150] as const;
export type UiScale = (typeof UI_SCALES)[number];

export interface DisplayPrefs {
  readonly navCollapsed: boolean;
  readonly orgCollapsed: boolean;
  readonly wallSideCollapsed: boolean;
  /** The wall's video grid takes the whole width: nav, org tree and camera panel step aside on the wall view. */
  readonly wallFullWidth: boolean;
  readonly scale: UiScale;
  readonly compactBoard: boolean;
  /**
   * The wall plays live FLV over a WebSocket (~0.2–0.6 s behind live) instead of HLS (~4–7 s). On by default since
   * FLV came off HTTP (a 16-tile wall switches in under 2 s; README, "Live, faster"); off, the wall plays HLS, for a
   * network whose proxy does not pass WebSockets to the hub's /media. Stored under a new name: the old
   * `wallLowLatency` was the off-by-default HTTP-FLV opt-in, saved as `false` with any other setting, and must not
   * keep a console on HLS after the upgrade.
   */
  readonly wallLiveFlv: boolean;
}

export const DEFAULT_DISPLAY_PREFS: DisplayPrefs = {
  navCollapsed: false,
  orgCollapsed: false,
  wallSideCollapsed: false,
  wallFullWidth: false,
  scale: 100,
  compactBoard: false,
  wallLiveFlv: true,
};

/** A stored value as far as it is still valid; anything else falls back to the default, field by field. */
export function parseDisplayPrefs(value: unknown): DisplayPrefs {
  const raw = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const flag = (key: keyof DisplayPrefs) =>
    typeof raw[key] === 'boolean' ? (raw[key] as boolean) : (DEFAULT_DISPLAY_PREFS[key] as boolean);
  return {
    navCollapsed: flag('navCollapsed'),
    orgCollapsed: flag('orgCollapsed'),
    wallSideCollapsed: flag('wallSideCollapsed'),
    wallFullWidth: flag('wallFullWidth'),
    scale: UI_SCALES.includes(raw.scale as UiScale) ? (raw.scale as UiScale) : DEFAULT_DISPLAY_PREFS.scale,
    compactBoard: flag('compactBoard'),
    wallLiveFlv: flag('wallLiveFlv'),
  };
}
