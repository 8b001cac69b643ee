import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { buttonClass } from '../../ui/Button';
import { GuidelinesContent } from './GuidelinesContent';

/** Opens the guidelines over a form, so nothing typed in it is lost by reading them. */
export function GuidelinesDialog() {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={buttonClass('quiet', 'button--inline')}>{t('signup.readGuidelines')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2} className="dialog-title">
                  {t('guidelines.title')}
                </Heading>
                <div className="dialog-body">
                  <GuidelinesContent onHelpLink={close} />
                </div>
                <div className="dialog-actions">
                  <Button className={buttonClass('primary')} onPress={close}>
                    {t('app.close')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
