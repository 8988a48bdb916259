// Screen width for a test: antd's breakpoints read it through the matchMedia stand-in of setup.ts.
const DESKTOP = 1024;

export function setViewportWidth(width: number) {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true, writable: true });
}

export function resetViewport() {
  setViewportWidth(DESKTOP);
}
