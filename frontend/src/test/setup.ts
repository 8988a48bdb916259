import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from '../i18n';

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

// findBy/waitFor wait up to 5 s instead of 1 s: the files run side by side on every core (ADR 0061), and on a CI
// machine busy with other builds a page with antd's tables can take over a second to render. A check that never
// becomes true still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
