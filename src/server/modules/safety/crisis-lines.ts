import { Value } from 'typebox/value';
import { CrisisLinesFile, type CrisisHelp } from '../../../shared/api.js';
import data from './crisis-lines.json' with { type: 'json' };

/**
 * Crisis lines by country, from the reviewed data file beside this one (see
 * docs/crisis-lines.md). The emergency number and the international directory are always
 * part of the answer, whatever else is missing.
 */
export type ChosenBy = CrisisHelp['chosenBy'];

export function loadCrisisLines(raw: unknown = data): CrisisLinesFile {
  if (!Value.Check(CrisisLinesFile, raw)) {
    const first = [...Value.Errors(CrisisLinesFile, raw)][0];
    throw new Error(`crisis-lines.json is not valid at ${first?.instancePath ?? '?'}: ${first?.message ?? 'unknown error'}`);
  }
  return raw;
}

export type CrisisLinesService = ReturnType<typeof createCrisisLinesService>;

export function createCrisisLinesService(file: CrisisLinesFile = loadCrisisLines()) {
  const countries = Object.entries(file.countries)
    .map(([code, c]) => ({ code, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const known = new Set(Object.keys(file.countries));

  return {
    knownCountries: known as ReadonlySet<string>,

    /**
     * The help for the first country that Kindred knows among, in order: the one asked
     * for, the member's setting, the browser's language region, the operator's default.
     */
    helpFor(candidates: { code: string | null | undefined; by: Exclude<ChosenBy, null> }[]): CrisisHelp {
      const pick = candidates.find((c) => c.code && known.has(c.code.toUpperCase()));
      const code = pick?.code?.toUpperCase() ?? null;
      const entry = code ? file.countries[code] : undefined;
      return {
        country: entry ? code : null,
        countryName: entry?.name ?? null,
        chosenBy: entry && pick ? pick.by : null,
        emergency: entry?.emergency ?? [],
        lines: entry?.lines ?? [],
        directory: file.directory,
        reviewedOn: file.reviewedOn,
        countries,
      };
    },
  };
}
