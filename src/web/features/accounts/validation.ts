import { HANDLE_MAX, HANDLE_MIN, HANDLE_PATTERN, PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../shared/rules';
import i18n from '../../i18n';

// These only mirror the server's rules (shared/rules.ts) so a person hears sooner;
// they never refuse anything the server would accept.
const handlePattern = new RegExp(HANDLE_PATTERN);
/** Length as the server counts it: in characters (code points), not UTF-16 units. */
const length = (s: string) => [...s].length;

export function handleProblem(handle: string): string | undefined {
  if (length(handle) < HANDLE_MIN) return i18n.t('validation.handleMin', { min: HANDLE_MIN });
  if (length(handle) > HANDLE_MAX) return i18n.t('validation.handleMax', { max: HANDLE_MAX });
  if (!handlePattern.test(handle)) return i18n.t('validation.handlePattern');
  return undefined;
}

export function newPassphraseProblem(passphrase: string): string | undefined {
  if (length(passphrase) < PASSPHRASE_MIN) return i18n.t('validation.passphraseMin', { min: PASSPHRASE_MIN });
  if (length(passphrase) > PASSPHRASE_MAX) return i18n.t('validation.passphraseMax', { max: PASSPHRASE_MAX });
  return undefined;
}

export const required = (value: string, key: 'validation.handleRequired' | 'validation.passphraseRequired' | 'validation.recoveryCodeRequired') =>
  value.length === 0 ? i18n.t(key) : undefined;
