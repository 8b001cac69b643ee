import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { Button } from './Button';
import { CheckboxField } from './Field';
import { PageHeading } from './PageHeading';

interface RecoveryCodeStepProps {
  code: string;
  handle: string;
  issuedAt: number;
  /** 1 when the step is the page (after sign-up or recovery); 3 inside a Settings section. */
  headingLevel?: 1 | 2 | 3;
  onContinue: () => void;
}

async function copyText(text: string, fallbackNode: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way below.
  }
  if (!fallbackNode) return false;
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(fallbackNode);
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * Shows a new recovery code once, with ways to keep it, and only lets the person go on
 * once they say it is saved. The code lives in memory only, never in storage.
 */
export function RecoveryCodeStep({ code, handle, issuedAt, headingLevel = 1, onContinue }: RecoveryCodeStepProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState('');
  const codeRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (headingLevel !== 1) headingRef.current?.focus();
  }, [headingLevel]);

  const copy = async () => {
    setStatus('');
    const ok = await copyText(code, codeRef.current);
    setStatus(ok ? t('recovery.copied') : t('recovery.copyFailed'));
  };

  const download = () => {
    const date = formatDate(issuedAt);
    const text = [
      t('recovery.fileTitle'),
      '',
      t('recovery.fileHandle', { handle }),
      t('recovery.fileDate', { date }),
      t('recovery.fileCode', { code }),
      '',
      t('recovery.fileHowTo'),
      t('recovery.fileOnce'),
      '',
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('recovery.fileName', { handle, date: new Date(issuedAt).toISOString().slice(0, 10) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('recovery.downloaded'));
  };

  const title = t('recovery.title');
  const SubHeading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="recovery-step">
      {headingLevel === 1 ? (
        <PageHeading focusOnMount>{title}</PageHeading>
      ) : (
        <SubHeading ref={headingRef} tabIndex={-1}>
          {title}
        </SubHeading>
      )}
      <p>{t('recovery.intro')}</p>
      <p>
        <strong>{t('recovery.onlyOnce')}</strong>
      </p>

      <div className="recovery-code-box">
        <p className="recovery-code-caption">{t('recovery.codeFor', { handle })}</p>
        <p className="recovery-code" ref={codeRef} translate="no">
          {code}
        </p>
        <div className="button-row">
          <Button variant="secondary" onClick={() => void copy()}>
            {t('recovery.copy')}
          </Button>
          <Button variant="secondary" onClick={download}>
            {t('recovery.download')}
          </Button>
        </div>
        <p className="field-status" role="status">
          {status}
        </p>
      </div>

      <p>{t('recovery.whereToKeep')}</p>

      <CheckboxField label={t('recovery.savedCheckbox')} checked={saved} onChange={setSaved} />
      <div className="form-actions">
        <Button variant="primary" disabled={!saved} onClick={onContinue} aria-describedby={saved ? undefined : 'recovery-continue-hint'}>
          {t('recovery.continue')}
        </Button>
        {!saved && (
          <p className="field-hint" id="recovery-continue-hint">
            {t('recovery.continueHint')}
          </p>
        )}
      </div>
    </div>
  );
}
