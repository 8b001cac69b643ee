import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';
import { DataSection } from './settings/DataSection';
import { DeleteAccountSection } from './settings/DeleteAccountSection';
import { PassphraseSection } from './settings/PassphraseSection';
import { ProfileSection } from './settings/ProfileSection';
import { RecoveryCodeSection } from './settings/RecoveryCodeSection';
import { SessionsSection } from './settings/SessionsSection';
import { BlockedMembersSection } from '../blocks/BlockedMembersSection';
import { MyReportsSection } from '../moderation/MyReportsSection';

/** Settings for the signed-in member (the route is wrapped in RequireMember). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { member } = useSession();
  if (!member) return null;
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <p className="lead">{t('settings.intro', { handle: member.handle })}</p>
      <ProfileSection member={member} />
      <PassphraseSection />
      <RecoveryCodeSection handle={member.handle} />
      <SessionsSection />
      <BlockedMembersSection />
      <MyReportsSection />
      <DataSection handle={member.handle} />
      <DeleteAccountSection />
    </>
  );
}
