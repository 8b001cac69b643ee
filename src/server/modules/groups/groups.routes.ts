import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { CreateGroupBody, ErrorBody, GroupEnvelope, GroupList, GroupListQuery, GroupSlugParams, UpdateGroupBody } from '../../../shared/api.js';
import { MembershipVisibilityBody } from '../../../shared/forum.js';
import { GroupStaffList, GroupStaffParams, SetGroupStaffBody } from '../../../shared/group-staff.js';
import { requireMember } from '../../platform/http/auth.js';
import type { GroupsService } from './groups.service.js';
import type { GroupStaffService } from './groups.staff.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['groups'];

export function groupsRoutes({ groups, staff }: { groups: GroupsService; staff: GroupStaffService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/groups', { schema: { tags, summary: 'Groups, in the order admins set', querystring: GroupListQuery, response: { 200: GroupList } } }, async (request) => ({
      items: await groups.list(request.member, { archived: request.query.archived }),
    }));

    app.get('/groups/:slug', { schema: { tags, summary: 'One group', params: GroupSlugParams, response: { 200: GroupEnvelope, ...errors } } }, async (request) => ({
      group: await groups.get(request.member, request.params.slug),
    }));

    app.put(
      '/groups/:slug/membership',
      { schema: { tags, summary: 'Join a group', params: GroupSlugParams, response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.join(requireMember(request), request.params.slug) }),
    );

    app.delete(
      '/groups/:slug/membership',
      { schema: { tags, summary: 'Leave a group', params: GroupSlugParams, response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.leave(requireMember(request), request.params.slug) }),
    );

    app.patch(
      '/groups/:slug/membership',
      {
        schema: { tags, summary: 'Show or hide a joined group on my profile', params: GroupSlugParams, body: MembershipVisibilityBody, response: { 200: GroupEnvelope, ...errors } },
      },
      async (request) => ({ group: await groups.setShowOnProfile(requireMember(request), request.params.slug, request.body.showOnProfile) }),
    );

    app.post(
      '/groups/:slug/rules/seen',
      { schema: { tags, summary: "I have read this group's rules (asked once, before a first post in it)", params: GroupSlugParams, body: Type.Optional(Type.Object({})), response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.rulesSeen(requireMember(request), request.params.slug) }),
    );

    app.get(
      '/groups/:slug/staff',
      { schema: { tags, summary: "The group's hosts and moderators (anyone who may read the group)", params: GroupSlugParams, response: { 200: GroupStaffList, ...errors } } },
      async (request) => staff.list(request.member, request.params.slug),
    );

    app.put(
      '/groups/:slug/staff/:handle',
      { schema: { tags, summary: "Make a member of the group its host or moderator, or take them off the staff (admins)", params: GroupStaffParams, body: SetGroupStaffBody, response: { 200: GroupStaffList, ...errors } } },
      async (request) => staff.set(requireMember(request), request.params.slug, request.params.handle, request.body.role),
    );

    app.post(
      '/groups',
      { schema: { tags, summary: 'Create a group (admins)', body: CreateGroupBody, response: { 201: GroupEnvelope, ...errors } } },
      async (request, reply) => reply.status(201).send({ group: await groups.create(requireMember(request), request.body) }),
    );

    app.patch(
      '/groups/:slug',
      { schema: { tags, summary: 'Edit a group (admins)', params: GroupSlugParams, body: UpdateGroupBody, response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.update(requireMember(request), request.params.slug, request.body) }),
    );

    app.post(
      '/groups/:slug/archive',
      { schema: { tags, summary: 'Archive a group (admins)', params: GroupSlugParams, response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.setArchived(requireMember(request), request.params.slug, true) }),
    );

    app.delete(
      '/groups/:slug/archive',
      { schema: { tags, summary: 'Restore an archived group (admins)', params: GroupSlugParams, response: { 200: GroupEnvelope, ...errors } } },
      async (request) => ({ group: await groups.setArchived(requireMember(request), request.params.slug, false) }),
    );
  };
}

