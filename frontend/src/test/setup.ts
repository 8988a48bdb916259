import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import i18n from '../i18n';
import { resetViewport } from './viewport';

// antd's responsive helpers need matchMedia, which jsdom lacks. Width queries are answered from
// window.innerWidth (jsdom: 1024, a desktop); a phone test sets window.innerWidth = 390 before rendering.
const widthMatches = (query: string): boolean => {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+)px/.exec(query);
  if (!min && !max) return false;
  const width = window.innerWidth;
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
};
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: widthMatches(query),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

void i18n.changeLanguage('en');

// This file runs before each test file, and the files of a worker share one jsdom (vite.config.ts, ADR 0071): what
// one file may leave behind is put back before the next starts.
resetViewport();
localStorage.clear();
sessionStorage.clear();
vi.unstubAllGlobals();
vi.useRealTimers();
window.location.hash = '';

// findBy/waitFor wait up to 5 s instead of 1 s: the files run side by side on every core (ADR 0061), and on a CI
// machine busy with other builds a page with antd's tables can take over a second to render. A check that never
// becomes true still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
