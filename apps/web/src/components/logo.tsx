/** The Qloop mark: a loop closing on itself (闭环), drawn inline so it needs no asset request. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <defs>
        <linearGradient id="qloop-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#1677ff" />
          <stop offset="1" stopColor="#13c2c2" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill="url(#qloop-logo)" />
      <circle cx="30" cy="30" r="14" fill="none" stroke="#fff" strokeWidth="6" />
      <path d="M38 38l12 12" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
