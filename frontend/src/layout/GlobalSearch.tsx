import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

const NOT_TEXT = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True when a key press belongs to what the user is typing in (a field, an editor), not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  // a focused radio, checkbox or button (e.g. the language switch) takes no text
  if (tag === 'INPUT' && NOT_TEXT.has((target as HTMLInputElement).type)) return false;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable ||
    target.closest('[contenteditable="true"]') !== null
  );
}

/**
 * The top bar's search box (issue 15): Enter opens the ticket list searched for the text (number, title,
 * description, caller, phone, site, device, conversation). "/" anywhere on the page focuses it, except while
 * typing in a field.
 */
export function GlobalSearch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Input.Search
      ref={input}
      className={className ?? 'global-search'}
      data-testid="global-search"
      allowClear
      maxLength={100}
      placeholder={t('header.search')}
      aria-label={t('header.search')}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(text) => {
        const q = text.trim();
        void navigate(q ? `/tickets?q=${encodeURIComponent(q)}` : '/tickets');
        setValue('');
        input.current?.blur();
      }}
    />
  );
}
