/** The product mark: scales of justice on a shield. Decorative; the product name is always next to it. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
      className="brand-mark"
    >
      <path d="M24 3 42 9v14c0 11-7.6 19.4-18 22C13.6 42.4 6 34 6 23V9z" fill="#1d4f91" />
      <path d="M24 3 42 9v14c0 11-7.6 19.4-18 22z" fill="#173f75" />
      <g fill="none" stroke="#f5c542" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M24 13v21M17 35h14M14 18h20" />
        <path d="m14 18-4 9h8zM34 18l-4 9h8z" />
      </g>
      <circle cx="24" cy="13" r="2" fill="#f5c542" />
    </svg>
  );
}
