import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCount, charCount } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useMute, useRemoveMessage, useRoomSettings } from './api';
import { GUIDELINES_MAX, MUTE_CHOICES, REMOVAL_REASON_MAX, SLOW_MODE_CHOICES, type ChatMessage, type RoomInfo } from './types';

/** Removes a message, with a reason its author will read. */
export function RemoveMessageDialog({ message, authorName, onDone }: { message: ChatMessage; authorName: string; onDone: (m: ChatMessage) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMessage();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      trigger={
        <>
          {t('rooms.host.remove')}
          <span className="visually-hidden"> {t('rooms.host.messageBy', { name: authorName })}</span>
        </>
      }
      title={t('rooms.host.removeTitle')}
      submitLabel={t('rooms.host.removeConfirm')}
      busyLabel={t('rooms.host.removing')}
      onOpen={() => setReason('')}
      onSubmit={() => {
        if (!reason.trim()) return t('rooms.host.reasonRequired');
        if (charCount(reason) > REMOVAL_REASON_MAX) return t('rooms.host.reasonMax', { max: REMOVAL_REASON_MAX });
        return remove.mutateAsync({ id: message.id, reason: reason.trim() }).then(onDone);
      }}
    >
      <p>{t('rooms.host.removeBody', { name: authorName })}</p>
      <Field label={t('rooms.host.reason')} hint={t('rooms.host.reasonHint')} extra={<CharacterCount text={reason} max={REMOVAL_REASON_MAX} />}>
        {(control) => <textarea {...control} name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
    </FormDialog>
  );
}

/** Mutes a member in this room for a while. */
export function MuteDialog({ conversationId, memberId, authorName }: { conversationId: string; memberId: string; authorName: string }) {
  const { t } = useTranslation();
  const mute = useMute(conversationId);
  const [minutes, setMinutes] = useState<number>(MUTE_CHOICES[0]);
  const [done, setDone] = useState('');
  return (
    <>
      <FormDialog
        trigger={
          <>
            {t('rooms.host.mute')}
            <span className="visually-hidden"> {authorName}</span>
          </>
        }
        title={t('rooms.host.muteTitle', { name: authorName })}
        submitLabel={t('rooms.host.muteConfirm')}
        busyLabel={t('rooms.host.muting')}
        onOpen={() => setDone('')}
        onSubmit={() => mute.mutateAsync({ memberId, minutes }).then(() => setDone(t('rooms.host.muted', { name: authorName })))}
      >
        <p>{t('rooms.host.muteBody')}</p>
        <fieldset className="choice-list">
          <legend className="field-label">{t('rooms.host.muteFor')}</legend>
          {MUTE_CHOICES.map((m) => (
            <div className="checkbox-row" key={m}>
              <input type="radio" id={`mute-${memberId}-${m}`} name="minutes" checked={minutes === m} onChange={() => setMinutes(m)} />
              <label htmlFor={`mute-${memberId}-${m}`}>{t(`rooms.host.muteChoice.${m}`)}</label>
            </div>
          ))}
        </fieldset>
      </FormDialog>
      <span className="visually-hidden" role="status">
        {done}
      </span>
    </>
  );
}

/** The room's pinned guidelines and slow mode. */
export function RoomSettingsDialog({ room, onSaved }: { room: RoomInfo; onSaved: (room: RoomInfo) => void }) {
  const { t } = useTranslation();
  const save = useRoomSettings(room.id);
  const [guidelines, setGuidelines] = useState(room.guidelines);
  const [slow, setSlow] = useState(room.slowModeSeconds);
  const choices: number[] = SLOW_MODE_CHOICES.includes(room.slowModeSeconds as (typeof SLOW_MODE_CHOICES)[number])
    ? [...SLOW_MODE_CHOICES]
    : [...SLOW_MODE_CHOICES, room.slowModeSeconds].sort((a, b) => a - b);
  return (
    <FormDialog
      trigger={t('rooms.host.settings')}
      title={t('rooms.host.settingsTitle')}
      submitLabel={t('rooms.host.save')}
      busyLabel={t('rooms.host.saving')}
      onOpen={() => {
        setGuidelines(room.guidelines);
        setSlow(room.slowModeSeconds);
      }}
      onSubmit={() => {
        if (charCount(guidelines) > GUIDELINES_MAX) return t('rooms.host.guidelinesMax', { max: GUIDELINES_MAX.toLocaleString() });
        return save.mutateAsync({ guidelines, slowModeSeconds: slow }).then(onSaved);
      }}
    >
      <Field label={t('rooms.host.guidelines')} hint={t('rooms.host.guidelinesHint')} extra={<CharacterCount text={guidelines} max={GUIDELINES_MAX} />}>
        {(control) => <textarea {...control} name="guidelines" rows={6} value={guidelines} onChange={(e) => setGuidelines(e.target.value)} />}
      </Field>
      <Field label={t('rooms.host.slowMode')} hint={t('rooms.host.slowModeHint')}>
        {(control) => (
          <select {...control} name="slowModeSeconds" value={slow} onChange={(e) => setSlow(Number(e.target.value))}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('rooms.host.slowOff') : t('rooms.host.slowEvery', { count: s })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
