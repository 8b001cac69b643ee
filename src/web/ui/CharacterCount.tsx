import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Characters as the server counts them (code points), so an emoji is one, not two. */
export const charCount = (text: string): number => [...text].length;

/** How close to the limit a live message starts: the last tenth, at most 500 characters. */
const nearFrom = (max: number) => Math.min(Math.ceil(max / 10), 500);

/**
 * What a screen reader hears about a field's length: nothing until the limit is near, then
 * the count left, once typing pauses (a message on every keystroke would drown the typing).
 * Goes in a Field's `status`, which is a polite live region.
 */
export function useCharacterStatus(text: string, max: number): string {
  const { t } = useTranslation();
  const left = max - charCount(text);
  const message = left < 0 ? t('form.charsOver', { count: -left }) : left <= nearFrom(max) ? t('form.charsLeft', { count: left }) : '';
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  return spoken;
}

/** The visible count under a field, e.g. "42 / 200"; quiet for screen readers (see useCharacterStatus). */
export function CharacterCount({ text, max }: { text: string; max: number }) {
  const count = charCount(text);
  return (
    <p className={count > max ? 'char-count char-count--over' : 'char-count'} aria-hidden="true">
      {count.toLocaleString()} / {max.toLocaleString()}
    </p>
  );
}
