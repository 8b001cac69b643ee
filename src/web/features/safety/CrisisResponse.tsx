import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { CrisisResponse as Response } from '../../api/safetyTypes';
import { Button } from '../../ui/Button';
import { HelpingTips } from '../help/HelpingTips';
import { CrisisChoices } from './CrisisChoices';

interface CrisisResponseProps {
  /** What the safety module asked to show the author, right after they wrote. */
  response: Response;
  /** Where focus goes once the author closes it (the dialog opened on its own, with no trigger to go back to). */
  returnFocus: () => HTMLElement | null;
}

interface StepProps {
  onClose: () => void;
}

/** A calm, dismissable card: its title, what it says, and Close. */
function CalmCard({ title, onClose, children }: StepProps & { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal modal--wide crisis-modal">
        <Dialog className="dialog crisis-dialog">
          <Heading slot="title" level={2} className="dialog-title">
            {title}
          </Heading>
          {children}
          <div className="dialog-actions">
            <Button variant="quiet" onClick={onClose}>
              {t('app.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The calm crisis card: the member's lines, their emergency number, their plan and a listener. */
function CrisisCard({ onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <CalmCard title={t('crisis.cardTitle')} onClose={onClose}>
      <p>{t('crisis.cardBody')}</p>
      <CrisisChoices variant="self" />
    </CalmCard>
  );
}

/** The full-screen crisis screen, first, when the words sound like danger right now. */
function CrisisScreen({ onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="crisis-screen-overlay" isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="crisis-screen">
        <Dialog className="crisis-screen-dialog">
          <Heading slot="title" level={2} className="crisis-screen-title">
            {t('crisis.screenTitle')}
          </Heading>
          <p className="crisis-screen-lead">{t('crisis.screenBody')}</p>
          <CrisisChoices variant="self" urgent />
          <div className="crisis-screen-continue">
            <Button variant="secondary" onClick={onClose}>
              {t('crisis.safeContinue')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** For someone worried about another person: how to help them, and the lines where the reader is. */
function HelpingCard({ onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <CalmCard title={t('helping.title')} onClose={onClose}>
      <HelpingTips />
      <CrisisChoices variant="helping" />
    </CalmCard>
  );
}

/**
 * What the author sees the moment they have written something that sounds like a crisis: the
 * crisis screen first when it sounds like danger now ("I'm safe right now — continue" leads on to
 * the page), the crisis card otherwise, or how to help when they wrote about someone else. What
 * they wrote is published either way (or kept for a moderator): nobody is silenced.
 */
export function CrisisResponse({ response, returnFocus }: CrisisResponseProps) {
  const [step, setStep] = useState<Response>(response);
  const close = () => {
    setStep('none');
    // After the dialog has put focus back where it was when it opened, which may be gone by now.
    setTimeout(() => returnFocus()?.focus(), 50);
  };
  if (step === 'screen') return <CrisisScreen onClose={close} />;
  if (step === 'card') return <CrisisCard onClose={close} />;
  if (step === 'helping') return <HelpingCard onClose={close} />;
  return null;
}
