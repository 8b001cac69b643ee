import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CrisisHelp } from '../../../shared/api';
import { api, query } from '../../api/client';

/** Used when the list cannot be loaded: help must never depend on the server being up. */
export const FALLBACK_DIRECTORY = { name: 'Find A Helpline', url: 'https://findahelpline.com' } as const;

const crisisHelpOptions = (country: string | null) => ({
  queryKey: ['crisis-help', country] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<CrisisHelp>(`/api/v1/help/crisis-lines${query({ country })}`, { signal }),
  staleTime: 5 * 60_000,
});

/** Crisis lines for a country; without one the server picks (member's country, browser, default). */
export function useCrisisHelp(country: string | null) {
  return useQuery({ ...crisisHelpOptions(country), placeholderData: keepPreviousData });
}

/** Fetches the member's crisis lines ahead of time once `when` is true, so a crisis card never waits for them. */
export function usePrefetchCrisisHelp(when: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (when) void queryClient.prefetchQuery(crisisHelpOptions(null));
  }, [when, queryClient]);
}

/** The list of countries (code, name) the help data knows, for country pickers. */
export function useHelpCountries() {
  return useQuery({
    queryKey: ['crisis-help', null],
    queryFn: ({ signal }) => api<CrisisHelp>('/api/v1/help/crisis-lines', { signal }),
    staleTime: 5 * 60_000,
    select: (data) => data.countries,
  });
}

/** The person's region from their browser's languages (en-GB → GB), if the list has it. */
export function browserRegion(known: readonly { code: string }[]): string {
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of languages) {
    try {
      const region = new Intl.Locale(tag).region;
      if (region && known.some((c) => c.code === region)) return region;
    } catch {
      // Not a valid language tag: try the next one.
    }
  }
  return '';
}

export function smsHref(number: string, body?: string): string {
  return `sms:${number}${body ? `?body=${encodeURIComponent(body)}` : ''}`;
}

/** The words for "call this" in a crisis line's small print: "999 or 112", or "your local emergency number". */
export function emergencyWords(help: CrisisHelp | undefined, language: string, fallback: string): string {
  return help && help.emergency.length > 0 ? joinNumbers(help.emergency.map((e) => e.number), language) : fallback;
}

/** "999 or 112" in the current language. */
export function joinNumbers(numbers: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'disjunction' }).format(numbers);
  } catch {
    return numbers.join(' / ');
  }
}
