import type { RefObject } from 'react';

/**
 * Moves focus once a closing dialog has finished returning it to its trigger: for when that
 * trigger is gone (the action removed it), so focus does not fall back to the page's start.
 */
export function focusSoon(target: RefObject<HTMLElement | null>): void {
  setTimeout(() => target.current?.focus(), 50);
}
