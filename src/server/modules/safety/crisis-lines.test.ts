import { describe, expect, it } from 'vitest';
import { describeEachDialect, Visitor } from '../../test/harness.js';
import { createCrisisLinesService, loadCrisisLines } from './crisis-lines.js';

// Every country in the reviewed reference (shared/reference/crisis-lines.md).
const REFERENCE_COUNTRIES = [
  'US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'DE', 'FR', 'ES', 'MX', 'BR', 'AR', 'JP', 'KR',
  'NL', 'BE', 'SE', 'NO', 'DK', 'IT', 'PT', 'ZA', 'PH', 'SG', 'HK', 'KE', 'NG',
];

describe('the crisis-lines data file', () => {
  const file = loadCrisisLines();

  it('covers every country of the reference, each with an emergency number and at least one line', () => {
    expect(Object.keys(file.countries).sort()).toEqual([...REFERENCE_COUNTRIES].sort());
    for (const [code, country] of Object.entries(file.countries)) {
      expect(country.emergency.length, code).toBeGreaterThan(0);
      expect(country.lines.length, code).toBeGreaterThan(0);
    }
  });

  it('has dialable numbers, a last-checked date on every entry, and a note on every unverified one', () => {
    const ids = new Set<string>();
    for (const country of Object.values(file.countries)) {
      for (const e of country.emergency) expect(e.number).toMatch(/^\d{2,5}$/);
      for (const line of country.lines) {
        expect(ids.has(line.id), line.id).toBe(false);
        ids.add(line.id);
        expect(line.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(line.phones.length + line.texts.length + line.other.length, line.id).toBeGreaterThan(0);
        for (const p of line.phones) expect(p.dial).toMatch(/^\+?\d{3,15}$/);
        for (const s of line.texts) expect(s.number).toMatch(/^\+?\d{3,15}$/);
        for (const o of line.other.filter((x) => x.kind === 'chat')) expect(o.value).toMatch(/^https:\/\//);
        if (!line.verified) expect(line.checkNote, line.id).toBeTruthy();
      }
    }
    expect(file.directory.url).toBe('https://findahelpline.com');
  });

  it('refuses a data file with a broken entry, naming where', () => {
    const broken = structuredClone(file) as unknown as { countries: Record<string, { lines: { phones: unknown }[] }> };
    broken.countries.GB!.lines[0]!.phones = 'call us';
    expect(() => loadCrisisLines(broken)).toThrow(/countries\/GB\/lines\/0\/phones/);
  });

  it('picks the first known country among the candidates, and asks when none is known', () => {
    const service = createCrisisLinesService(file);
    expect(service.helpFor([{ code: 'zz', by: 'query' }, { code: 'nz', by: 'browser' }])).toMatchObject({ country: 'NZ', chosenBy: 'browser' });
    const none = service.helpFor([{ code: null, by: 'member' }]);
    expect(none).toMatchObject({ country: null, chosenBy: null, lines: [], emergency: [] });
    expect(none.countries).toHaveLength(REFERENCE_COUNTRIES.length);
    expect(none.directory.url).toBe('https://findahelpline.com');
  });
});

describeEachDialect(
  'Get help now',
  (t) => {
    it('gives a visitor the lines of the country they pick', async () => {
      const res = await new Visitor(t().app).get('/api/v1/help/crisis-lines?country=GB');
      expect(res.statusCode).toBe(200);
      const help = res.json();
      expect(help).toMatchObject({ country: 'GB', countryName: 'United Kingdom', chosenBy: 'query' });
      expect(help.emergency.map((e: { number: string }) => e.number)).toContain('999');
      expect(help.lines.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['Samaritans', 'Shout']));
    });

    it("uses the member's country, then the browser's region, then the operator's default", async () => {
      const member = new Visitor(t().app, { 'accept-language': 'en-AU' });
      await member.signUp('ClearComet2');
      await member.patch('/api/v1/me', { country: 'IE' });
      expect((await member.get('/api/v1/help/crisis-lines')).json()).toMatchObject({ country: 'IE', chosenBy: 'member' });
      expect((await new Visitor(t().app, { 'accept-language': 'en-AU,en;q=0.8' }).get('/api/v1/help/crisis-lines')).json()).toMatchObject({
        country: 'AU',
        chosenBy: 'browser',
      });
      expect((await new Visitor(t().app, { 'accept-language': 'en' }).get('/api/v1/help/crisis-lines')).json()).toMatchObject({
        country: 'CA',
        chosenBy: 'default',
      });
    });

    it('asks the visitor to pick when it cannot tell, and still gives the international directory', async () => {
      const help = (await new Visitor(t().app, { 'accept-language': 'xx' }).get('/api/v1/help/crisis-lines?country=QQ')).json();
      expect(help).toMatchObject({ country: 'CA' });
    });
  },
  { config: { DEFAULT_COUNTRY: 'CA' } },
);

describeEachDialect('Get help now without a default country', (t) => {
  it('returns no country, the list to choose from, and the directory', async () => {
    const help = (await new Visitor(t().app, { 'accept-language': 'fr' }).get('/api/v1/help/crisis-lines')).json();
    expect(help).toMatchObject({ country: null, lines: [], directory: { url: 'https://findahelpline.com' } });
    expect(help.countries.length).toBeGreaterThan(20);
  });
});
