import { Grid } from 'antd';

/**
 * True on a phone-sized screen (narrower than antd's `md` breakpoint, 768 px): pages show cards and the bottom
 * navigation instead of tables and the header menu. False until the first measurement says otherwise, so a
 * desktop never flashes the phone layout.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
