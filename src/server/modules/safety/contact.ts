import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import LinkifyIt from 'linkify-it';

/**
 * Does a message invite contact outside Kindred? Predatory private contact is a known harm
 * on peer-support sites, so such messages get a gentle word to the author and a flag for
 * moderators. Phone numbers are found by libphonenumber (any country's format), e-mail
 * addresses by linkify-it; the wording ("DM me", "add me on snap") by the short lists below.
 */
const linkify = new LinkifyIt();

const PLATFORMS = String.raw`insta(?:gram)?|ig|snap(?:chat)?|whats\s?app|telegram|discord|kik|signal|facebook|fb|messenger|tiktok|twitter|wechat|line|skype|reddit|tumblr|wickr|threema`;
const INVITES = [
  // "DM me", "PM me", "message me privately", "text me", "call me"
  String.raw`\b(?:dm|pm|inbox)\s+me\b`,
  String.raw`\b(?:text|call|ring|whatsapp|snap|email|e-mail)\s+me\b`,
  String.raw`\bmessage\s+me\s+(?:privately|in\s+private|directly|off\s+here|outside)`,
  String.raw`\b(?:add|follow|find|hit)\s+me\s+(?:up\s+)?(?:on|at)\s+(?:${PLATFORMS})\b`,
  String.raw`\bmy\s+(?:${PLATFORMS}|number|phone|cell|mobile|email|e-mail)(?:\s+(?:is|handle|name|id|username))?\s*(?:is|:|@)`,
  String.raw`\b(?:${PLATFORMS})\s*(?::|handle|username|id)\s*@?[a-z0-9._-]{3,}`,
  String.raw`\b(?:talk|chat)\s+(?:somewhere\s+)?(?:off\s+here|outside\s+(?:of\s+)?(?:kindred|here)|in\s+private|privately)\b`,
  // Spanish: "escríbeme al privado", "mándame un mensaje", "mi número es", "agrégame en insta"
  String.raw`\b(?:escr[ií]beme|m[aá]ndame\s+(?:un\s+)?(?:mensaje|md|dm)|h[aá]blame)\s+(?:al|por)\s+(?:privado|md|dm|${PLATFORMS})`,
  String.raw`\bmi\s+(?:n[uú]mero|tel[eé]fono|celular|correo|${PLATFORMS})\s+(?:es|:)`,
  String.raw`\ba(?:g|ñ)r[eé]game\s+(?:en|a)\s+(?:${PLATFORMS})\b`,
];
const inviteRe = new RegExp(INVITES.join('|'), 'i');

export function invitesOffPlatformContact(text: string, country: string | null): boolean {
  if (inviteRe.test(text)) return true;
  if (linkify.match(text)?.some((m) => m.schema === 'mailto:')) return true;
  const region = (country ?? 'US') as CountryCode;
  try {
    return findPhoneNumbersInText(text, region).length > 0;
  } catch {
    return findPhoneNumbersInText(text).length > 0;
  }
}
