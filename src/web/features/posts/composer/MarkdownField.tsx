import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { CharacterCount, useCharacterStatus } from '../../../ui/CharacterCount';
import { Field } from '../../../ui/Field';
import { SanitizedHtml } from '../../../ui/SanitizedHtml';
import { LoadError, Loading } from '../../../ui/Status';
import { useMarkdownPreview } from '../api';

export type EditorTab = 'write' | 'preview';

interface MarkdownFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  tab: EditorTab;
  onTabChange: (tab: EditorTab) => void;
  error?: string | undefined;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A Markdown textarea with Write and Preview tabs; the preview comes from the server's own renderer. */
export function MarkdownField({ label, name, value, onChange, max, tab, onTabChange, error, rows = 10, textareaRef }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const status = useCharacterStatus(value, max);
  const preview = useMarkdownPreview(value, tab === 'preview');
  return (
    <Tabs selectedKey={tab} onSelectionChange={(key) => onTabChange(key === 'preview' ? 'preview' : 'write')} className="editor">
      <TabList aria-label={t('composer.editorTabs', { field: label })} className="tab-list">
        <Tab id="write" className="tab">
          {t('composer.write')}
        </Tab>
        <Tab id="preview" className="tab">
          {t('composer.preview')}
        </Tab>
      </TabList>
      <TabPanel id="write" className="tab-panel">
        <Field label={label} hint={t('composer.markdownHint')} error={error} status={status} extra={<CharacterCount text={value} max={max} />}>
          {(control) => <textarea {...control} ref={textareaRef} name={name} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} required />}
        </Field>
      </TabPanel>
      <TabPanel id="preview" className="tab-panel">
        {!value.trim() ? (
          <p className="preview-empty">{t('composer.previewEmpty')}</p>
        ) : preview.isPending ? (
          <Loading label={t('composer.previewLoading')} />
        ) : preview.isError ? (
          <LoadError message={preview.error.message} onRetry={() => void preview.refetch()} />
        ) : (
          <SanitizedHtml className="prose preview" html={preview.data} />
        )}
      </TabPanel>
    </Tabs>
  );
}
