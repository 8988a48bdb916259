import { fireEvent, render, screen } from '../test/render';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { GlobalSearch, isTyping } from './GlobalSearch';

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function renderSearch() {
  return render(
    <MemoryRouter initialEntries={['/tasks']}>
      <input data-testid="other-field" />
      <GlobalSearch />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('GlobalSearch', () => {
  it('opens the ticket list searched for the text', () => {
    renderSearch();
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: ' 花屏 ' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(screen.getByTestId('where').textContent).toBe('/tickets?q=' + encodeURIComponent('花屏'));
  });

  it('"/" focuses the box, but not while typing in another field', () => {
    renderSearch();
    const box = screen.getByRole('searchbox');
    const other = screen.getByTestId('other-field');
    other.focus();
    fireEvent.keyDown(other, { key: '/' });
    expect(document.activeElement).toBe(other);
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(box);
  });

  it('tells typing from page keys', () => {
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    expect(isTyping(document.createElement('div'))).toBe(false);
    expect(isTyping(null)).toBe(false);
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(isTyping(radio)).toBe(false);
    expect(isTyping(document.createElement('input'))).toBe(true);
  });
});
