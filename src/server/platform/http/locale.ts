import Negotiator from 'negotiator';
import type { FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../../shared/rules.js';

/**
 * What the browser says about its language (Accept-Language), used only as a default for
 * a member's language and country. Kindred never looks a country up from an IP address.
 */
export interface BrowserLocale {
  language: Language | null;
  region: string | null;
}

export function browserLocale(request: FastifyRequest): BrowserLocale {
  const tags = new Negotiator({ headers: { 'accept-language': request.headers['accept-language'] ?? '' } }).languages();
  let language: Language | null = null;
  let region: string | null = null;
  for (const tag of tags) {
    const [lang, reg] = tag.split('-');
    if (!language && lang && (LANGUAGES as readonly string[]).includes(lang.toLowerCase())) {
      language = lang.toLowerCase() as Language;
    }
    if (!region && reg && /^[A-Za-z]{2}$/.test(reg)) region = reg.toUpperCase();
    if (language && region) break;
  }
  return { language, region };
}
