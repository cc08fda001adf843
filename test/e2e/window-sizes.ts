// The window sizes the layout is held to (issue 17): a common laptop and a small 1024-wide screen.
export const WINDOW_SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
