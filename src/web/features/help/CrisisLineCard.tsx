import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../../shared/api';
import { formatDate } from '../../i18n';
import { smsHref } from './api';

function otherContact(kind: CrisisLine['other'][number]['kind'], value: string): string | null {
  if (/^https?:\/\//i.test(value)) return value;
  if (kind === 'email') return `mailto:${value}`;
  // WhatsApp needs the number with its country code to be a link.
  if (kind === 'whatsapp' && /^\+\d{6,15}$/.test(value.replace(/[\s-]/g, ''))) return `https://wa.me/${value.replace(/\D/g, '')}`;
  return null;
}

/** One crisis service: how to reach it, when, and how fresh the details are. */
export function CrisisLineCard({ line, emergency }: { line: CrisisLine; emergency: string }) {
  const { t } = useTranslation();
  return (
    <article className="card line-card">
      <h3 className="card-title">
        {line.name}
        {line.free === true && <span className="badge badge--free">{t('help.free')}</span>}
      </h3>
      {line.description && <p className="card-text">{line.description}</p>}

      <ul className="contact-list">
        {line.phones.map((phone, i) => (
          <li key={`p${i}`}>
            <a className="contact-link" href={`tel:${phone.dial}`}>
              {t('help.call', { number: phone.display })}
            </a>
            {phone.note && <span className="contact-note">{phone.note}</span>}
          </li>
        ))}
        {line.texts.map((text, i) => (
          <li key={`t${i}`}>
            <a className="contact-link" href={smsHref(text.number, text.body)}>
              {text.body ? t('help.textWord', { word: text.body, number: text.display }) : t('help.text', { number: text.display })}
            </a>
            {text.note && <span className="contact-note">{text.note}</span>}
          </li>
        ))}
        {line.other.map((other, i) => {
          const href = otherContact(other.kind, other.value);
          const label = other.kind === 'email' ? t('help.email', { label: other.label, address: other.value }) : other.label;
          return (
            <li key={`o${i}`}>
              {href ? (
                <a className="contact-link" href={href} rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                <span className="contact-text">{label}</span>
              )}
            </li>
          );
        })}
      </ul>

      <dl className="line-facts">
        <div>
          <dt>{t('help.hours')}</dt>
          <dd>{line.hours}</dd>
        </div>
        {line.languages && (
          <div>
            <dt>{t('help.languages')}</dt>
            <dd>{line.languages}</dd>
          </div>
        )}
      </dl>
      <p className="card-meta">{t('help.lastChecked', { date: formatDate(line.lastChecked) })}</p>
      {!line.verified && <p className="unverified-note">{t('help.unverified', { emergency })}</p>}
    </article>
  );
}

/** A country's crisis lines, one card each. */
export function CrisisLineList({ lines, emergency, className = 'card-list' }: { lines: CrisisLine[]; emergency: string; className?: string }) {
  return (
    <ul className={className}>
      {lines.map((line) => (
        <li key={line.id}>
          <CrisisLineCard line={line} emergency={emergency} />
        </li>
      ))}
    </ul>
  );
}
