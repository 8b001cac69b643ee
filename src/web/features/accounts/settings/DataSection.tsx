import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../ui/Button';
import { toProblem } from '../../../ui/formProblem';
import { downloadMyData } from '../api';

/** "Download my data": everything the member wrote and keeps here, as one JSON file. */
export function DataSection({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setStatus('');
    setError('');
    try {
      const data = await downloadMyData();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = t('settings.dataFileName', { handle, date: new Date().toISOString().slice(0, 10) });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t('settings.dataDownloaded'));
    } catch (e) {
      setError(toProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section">
      <h2 id="data-title">{t('settings.dataTitle')}</h2>
      <p>{t('settings.dataIntro')}</p>
      <p>
        <Link to="/safety-plan">{t('settings.planLink')}</Link>
      </p>
      <Button variant="secondary" busy={busy} busyLabel={t('settings.dataPreparing')} onClick={() => void download()}>
        {t('settings.dataDownload')}
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="field-status" role="status">
        {status}
      </p>
    </section>
  );
}
