import {
  CreateUserBody,
  IdParams,
  ResetPasswordBody,
  UpdateUserBody,
  User,
  UserQuery,
  pageOf,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { createUser } from './create-user.js';
import { resetPassword, unlockUser } from './reset-password.js';
import { updateUser } from './update-user.js';
import { loadUserInScope } from './user-access.js';
import { listUsers, toUser } from './users.repo.js';

export function registerUserRoutes(app: App): void {
  const tags = ['users'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/users',
    access: 'users:read',
    summary: 'Users in scope; filter by q, role, orgUnitId (subtree), departmentId, active',
    tags,
    schema: { querystring: UserQuery, response: { 200: pageOf(User) } },
    handler: async (req, _reply, { database, principal }) => {
      const q = req.query;
      const { items, total } = await listUsers(database.db, principal, q);
      const reveal = principal.permissions.has('users:manage');
      return { items: items.map((u) => toUser(u, reveal)), total, page: q.page, pageSize: q.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/users/:id',
    access: 'users:read',
    summary: 'One user',
    tags,
    schema: { params: IdParams, response: { 200: User } },
    handler: async (req, _reply, { database, principal }) =>
      toUser(await loadUserInScope(database.db, principal, req.params.id), principal.permissions.has('users:manage')),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/users',
    access: 'users:manage',
    summary: 'Create a user (roles limited to those the caller may grant)',
    tags,
    schema: { body: CreateUserBody, response: { 201: User } },
    handler: async (req, reply, { database, principal, audit }) => {
      const user = await createUser(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return user;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    access: 'users:manage',
    summary: 'Update a user; send the version you read (409 if it changed)',
    tags,
    schema: { params: IdParams, body: UpdateUserBody, response: { 200: User } },
    handler: async (req, _reply, { database, principal, audit }) =>
      updateUser(database.db, { principal, audit, id: req.params.id, patch: req.body }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/users/:id/reset-password',
    access: 'users:manage',
    summary: 'Set a temporary password (the user must change it)',
    tags,
    schema: { params: IdParams, body: ResetPasswordBody },
    handler: async (req, _reply, { database, principal, audit }) => {
      await resetPassword(database.db, { principal, audit, id: req.params.id, newPassword: req.body.newPassword });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/users/:id/unlock',
    access: 'users:manage',
    summary: 'Lift a sign-in lockout',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, principal, audit }) => {
      await unlockUser(database.db, { principal, audit, id: req.params.id });
    },
  });
}
