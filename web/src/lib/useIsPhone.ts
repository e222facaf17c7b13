import { Grid } from 'antd';

/**
 * True on phone widths (below antd's `md`, 768px). Only a positive xs/sm match counts,
 * so environments without media queries get the desktop layout.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md && Boolean(screens.xs || screens.sm);
}
