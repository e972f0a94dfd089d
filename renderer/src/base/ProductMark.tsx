/** The product's mark: a 3×3 grid with a linked centre cell ("网格联动"). Inline SVG, so no asset and no CSP entry. */
export function ProductMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="7" fill="#12325f" stroke="#2f7cf6" strokeWidth="1.5" />
      {[8, 16, 24].flatMap((x) =>
        [8, 16, 24].map((y) => (
          <rect
            key={`${x}-${y}`}
            x={x - 3}
            y={y - 3}
            width="6"
            height="6"
            rx="1.5"
            fill={x === 16 && y === 16 ? '#ffb020' : '#5b9bff'}
            opacity={x === 16 && y === 16 ? 1 : 0.75}
          />
        )),
      )}
    </svg>
  );
}
