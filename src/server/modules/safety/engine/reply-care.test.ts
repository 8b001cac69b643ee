import { describe, expect, it } from 'vitest';
import { reviewReplyCare } from '../assess.js';

describe('reply care', () => {
  it('nudges replies that minimise, push positivity, ask for private contact or use tough love', () => {
    const cases: [string, string[]][] = [
      ['Hang in there, it gets better!', ['minimising']],
      ['Others have it way worse than you', ['minimising']],
      ['Just think positive and smile more', ['toxic_positivity']],
      ['DM me and we can talk', ['private_contact']],
      ['add me on insta, we can chat there', ['private_contact']],
      ['Man up and get over it', ['tough_love']],
      ['Todo pasa, ya verás', ['minimising']],
      ['Échale ganas, piensa positivo', ['toxic_positivity']],
      ['Mándame un privado y hablamos', ['private_contact']],
      ['Deja de quejarte, eres una exagerada', ['tough_love']],
    ];
    for (const [text, nudges] of cases) expect(reviewReplyCare(text).nudges, text).toEqual(nudges);
  });

  it('leaves kind replies alone, and what the writer says they will not say', () => {
    for (const text of [
      "I'm really glad you posted. That sounds so hard. Is there someone near you tonight?",
      "I won't tell you it gets better, but I'm here and I'm listening.",
      'Aquí estoy, te leo. ¿Tienes a alguien cerca esta noche?',
      'Someone once told me "just think positive" and it made me feel worse.',
    ]) {
      expect(reviewReplyCare(text).nudges, text).toEqual([]);
    }
  });

  it('says which words fired and where', () => {
    const text = 'Honestly, just DM me';
    const r = reviewReplyCare(text, 'en');
    expect(r.matches).toEqual([{ rule: 'en.care.private_contact', nudge: 'private_contact', phrase: 'DM me', start: 15, end: 20 }]);
    expect(r.language).toBe('en');
  });
});
