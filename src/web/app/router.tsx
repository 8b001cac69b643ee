import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { GuidelinesPage } from '../features/help/GuidelinesPage';
import { HelpPage } from '../features/help/HelpPage';
import { SafetyPlanPage } from '../features/safety/SafetyPlanPage';
import { RequireAdmin, RequireMember, RequireModerator } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Help, the safety plan, guidelines and home come with the first load: help must never wait on a second download.
const SignUpPage = lazy(() => import('../features/accounts/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const LogInPage = lazy(() => import('../features/accounts/LogInPage').then((m) => ({ default: m.LogInPage })));
const RecoverPage = lazy(() => import('../features/accounts/RecoverPage').then((m) => ({ default: m.RecoverPage })));
const SettingsPage = lazy(() => import('../features/accounts/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const GroupsPage = lazy(() => import('../features/groups/GroupsPage').then((m) => ({ default: m.GroupsPage })));
const GroupPage = lazy(() => import('../features/groups/GroupPage').then((m) => ({ default: m.GroupPage })));
const RoomPage = lazy(() => import('../features/rooms/RoomPage').then((m) => ({ default: m.RoomPage })));
const NewPostPage = lazy(() => import('../features/posts/composer/ComposerPages').then((m) => ({ default: m.NewPostPage })));
const EditPostPage = lazy(() => import('../features/posts/composer/ComposerPages').then((m) => ({ default: m.EditPostPage })));
const PostPage = lazy(() => import('../features/posts/post/PostPage').then((m) => ({ default: m.PostPage })));
const HomeFeedPage = lazy(() => import('../features/posts/FeedPages').then((m) => ({ default: m.HomeFeedPage })));
const NeedsReplyPage = lazy(() => import('../features/posts/FeedPages').then((m) => ({ default: m.NeedsReplyPage })));
const SavedPage = lazy(() => import('../features/posts/FeedPages').then((m) => ({ default: m.SavedPage })));
const SearchPage = lazy(() => import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const ProfilePage = lazy(() => import('../features/members/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const AdminMembersPage = lazy(() => import('../features/admin/AdminMembersPage').then((m) => ({ default: m.AdminMembersPage })));
const AlertsPage = lazy(() => import('../features/moderation/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const QueuePage = lazy(() => import('../features/moderation/QueuePage').then((m) => ({ default: m.QueuePage })));
const AuditPage = lazy(() => import('../features/moderation/AuditPage').then((m) => ({ default: m.AuditPage })));
const ModerationDashboardPage = lazy(() => import('../features/moderation/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const MyReportsPage = lazy(() => import('../features/moderation/MyReportsPage').then((m) => ({ default: m.MyReportsPage })));
const FlagsPage = lazy(() => import('../features/moderation/FlagsPage').then((m) => ({ default: m.FlagsPage })));
const ListenersPage = lazy(() => import('../features/listeners/ListenersPage').then((m) => ({ default: m.ListenersPage })));
const FacilitatorsPage = lazy(() => import('../features/facilitators/FacilitatorsPage').then((m) => ({ default: m.FacilitatorsPage })));
const FacilitatorTrainingPage = lazy(() => import('../features/facilitators/FacilitatorTrainingPage').then((m) => ({ default: m.FacilitatorTrainingPage })));
const TrainingPage = lazy(() => import('../features/listeners/TrainingPage').then((m) => ({ default: m.TrainingPage })));
const ListenerDutyPage = lazy(() => import('../features/listeners/ListenerDutyPage').then((m) => ({ default: m.ListenerDutyPage })));
const ListenerReviewPage = lazy(() => import('../features/listeners/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const SupportPage = lazy(() => import('../features/support/SupportPage').then((m) => ({ default: m.SupportPage })));
const ChatPage = lazy(() => import('../features/support/ChatPage').then((m) => ({ default: m.ChatPage })));
const ListenersRoomPage = lazy(() => import('../features/listeners/ListenersRoomPage').then((m) => ({ default: m.ListenersRoomPage })));
const ListenerQueuePage = lazy(() => import('../features/support/ListenerQueuePage').then((m) => ({ default: m.ListenerQueuePage })));
const AdminSupportPage = lazy(() => import('../features/admin/AdminSupportPage').then((m) => ({ default: m.AdminSupportPage })));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const MeetingRoomPage = lazy(() => import('../features/meetings/room/MeetingRoomPage').then((m) => ({ default: m.MeetingRoomPage })));
const AdminGroupsPage = lazy(() => import('../features/admin/AdminGroupsPage').then((m) => ({ default: m.AdminGroupsPage })));
const ResourcesPage = lazy(() => import('../features/resources/ResourcesPage').then((m) => ({ default: m.ResourcesPage })));
const ResourcePage = lazy(() => import('../features/resources/ResourcePage').then((m) => ({ default: m.ResourcePage })));
const AdminResourcesPage = lazy(() => import('../features/resources/AdminResourcesPage').then((m) => ({ default: m.AdminResourcesPage })));
const ResourceEditorPage = lazy(() => import('../features/resources/ResourceEditorPage').then((m) => ({ default: m.ResourceEditorPage })));
const SelfCarePage = lazy(() => import('../features/selfcheck/SelfCarePage').then((m) => ({ default: m.SelfCarePage })));
const SelfCheckPage = lazy(() => import('../features/selfcheck/SelfCheckPage').then((m) => ({ default: m.SelfCheckPage })));
const MoodsPage = lazy(() => import('../features/moods/MoodsPage').then((m) => ({ default: m.MoodsPage })));
const JournalPage = lazy(() => import('../features/journal/JournalPage').then((m) => ({ default: m.JournalPage })));
const JournalEntryPage = lazy(() => import('../features/journal/JournalEntryPage').then((m) => ({ default: m.JournalEntryPage })));

const member = (page: ReactNode) => <RequireMember>{page}</RequireMember>;

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // Errors show inside the layout, so "Get help now" stays on screen.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'help', element: <HelpPage /> },
          { path: 'guidelines', element: <GuidelinesPage /> },
          // Visitors may fill it in and print it; members' plans are saved.
          { path: 'safety-plan', element: <SafetyPlanPage /> },
          // Self-care: the hub and the self-check are open to visitors (nothing of theirs is stored); moods are members' own.
          { path: 'self-care', element: <SelfCarePage /> },
          { path: 'self-check', element: <SelfCheckPage /> },
          { path: 'moods', element: member(<MoodsPage />) },
          { path: 'signup', element: <SignUpPage /> },
          { path: 'login', element: <LogInPage /> },
          { path: 'recover', element: <RecoverPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/:slug', element: <GroupPage /> },
          { path: 'groups/:slug/new', element: member(<NewPostPage />) },
          { path: 'groups/:slug/room', element: member(<RoomPage />) },
          // A post is readable by visitors when its group allows it; the server decides.
          { path: 'posts/:id', element: <PostPage /> },
          { path: 'posts/:id/edit', element: member(<EditPostPage />) },
          { path: 'feed', element: member(<HomeFeedPage />) },
          { path: 'needs-reply', element: member(<NeedsReplyPage />) },
          { path: 'saved', element: member(<SavedPage />) },
          { path: 'search', element: member(<SearchPage />) },
          { path: 'notifications', element: member(<NotificationsPage />) },
          // The private journal: only ever the member's own entries.
          { path: 'journal', element: member(<JournalPage />) },
          { path: 'journal/:id', element: member(<JournalEntryPage />) },
          { path: 'reports', element: member(<MyReportsPage />) },
          { path: 'members/:handle', element: member(<ProfilePage />) },
          { path: 'meetings', element: member(<MeetingsPage />) },
          // The series' own page (the .ics file and meeting notifications link here): its next meetings, RSVPs, and the leaders' tools.
          { path: 'meetings/:id', element: member(<MeetingPage />) },
          // The live room of one occurrence, named by its local date.
          { path: 'meetings/:id/:date/room', element: member(<MeetingRoomPage />) },
          { path: 'support', element: member(<SupportPage />) },
          { path: 'chats/:id', element: member(<ChatPage />) },
          { path: 'listeners/queue', element: member(<ListenerQueuePage />) },
          { path: 'listeners/room', element: member(<ListenersRoomPage />) },
          { path: 'listeners', element: member(<ListenersPage />) },
          { path: 'listeners/training/:module', element: member(<TrainingPage />) },
          { path: 'facilitators', element: member(<FacilitatorsPage />) },
          { path: 'facilitators/training/:module', element: member(<FacilitatorTrainingPage />) },
          { path: 'listeners/me', element: member(<ListenerDutyPage />) },
          {
            path: 'settings',
            element: (
              <RequireMember>
                <SettingsPage />
              </RequireMember>
            ),
          },
          { path: 'moderation', element: <Navigate to="/moderation/queue" replace /> },
          {
            path: 'moderation/queue',
            element: (
              <RequireModerator orGroupModerator>
                <QueuePage />
              </RequireModerator>
            ),
          },
          {
            path: 'moderation/audit',
            element: (
              <RequireModerator>
                <AuditPage />
              </RequireModerator>
            ),
          },
          {
            path: 'moderation/flags',
            element: (
              <RequireModerator>
                <FlagsPage />
              </RequireModerator>
            ),
          },
          {
            path: 'moderation/listeners',
            element: (
              <RequireModerator>
                <ListenerReviewPage />
              </RequireModerator>
            ),
          },
          {
            path: 'moderation/alerts',
            element: (
              <RequireModerator>
                <AlertsPage />
              </RequireModerator>
            ),
          },
          { path: 'admin', element: <Navigate to="/admin/members" replace /> },
          {
            path: 'admin/members',
            element: (
              <RequireAdmin>
                <AdminMembersPage />
              </RequireAdmin>
            ),
          },
          {
            path: 'admin/support',
            element: (
              <RequireAdmin>
                <AdminSupportPage />
              </RequireAdmin>
            ),
          },
          {
            path: 'admin/moderation',
            element: (
              <RequireAdmin>
                <ModerationDashboardPage />
              </RequireAdmin>
            ),
          },
          {
            path: 'admin/groups',
            element: (
              <RequireAdmin>
                <AdminGroupsPage />
              </RequireAdmin>
            ),
          },
          // The resource library: visitors read published articles; admins write them.
          { path: 'resources', element: <ResourcesPage /> },
          { path: 'resources/:slug', element: <ResourcePage /> },
          {
            path: 'admin/resources',
            element: (
              <RequireAdmin>
                <AdminResourcesPage />
              </RequireAdmin>
            ),
          },
          {
            path: 'admin/resources/new',
            element: (
              <RequireAdmin>
                <ResourceEditorPage />
              </RequireAdmin>
            ),
          },
          {
            path: 'admin/resources/:id',
            element: (
              <RequireAdmin>
                <ResourceEditorPage />
              </RequireAdmin>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
