import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { GuidelinesPage } from '../features/help/GuidelinesPage';
import { HelpPage } from '../features/help/HelpPage';
import { RequireAdmin, RequireMember } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Help, guidelines and home come with the first load: help must never wait on a second download.
const SignUpPage = lazy(() => import('../features/accounts/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const LogInPage = lazy(() => import('../features/accounts/LogInPage').then((m) => ({ default: m.LogInPage })));
const RecoverPage = lazy(() => import('../features/accounts/RecoverPage').then((m) => ({ default: m.RecoverPage })));
const SettingsPage = lazy(() => import('../features/accounts/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const GroupsPage = lazy(() => import('../features/groups/GroupsPage').then((m) => ({ default: m.GroupsPage })));
const GroupPage = lazy(() => import('../features/groups/GroupPage').then((m) => ({ default: m.GroupPage })));
const AdminMembersPage = lazy(() => import('../features/admin/AdminMembersPage').then((m) => ({ default: m.AdminMembersPage })));
const AdminGroupsPage = lazy(() => import('../features/admin/AdminGroupsPage').then((m) => ({ default: m.AdminGroupsPage })));

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
          { path: 'signup', element: <SignUpPage /> },
          { path: 'login', element: <LogInPage /> },
          { path: 'recover', element: <RecoverPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/:slug', element: <GroupPage /> },
          {
            path: 'settings',
            element: (
              <RequireMember>
                <SettingsPage />
              </RequireMember>
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
            path: 'admin/groups',
            element: (
              <RequireAdmin>
                <AdminGroupsPage />
              </RequireAdmin>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
