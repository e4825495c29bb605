import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pageOf, User, type CreateUserBody, type Role, type UpdateUserBody } from '@qloop/contracts';
import type { z } from 'zod';
import { api } from './client';

const UserPage = pageOf(User);

/** Filters of GET /users, as the server names them. */
export interface UserFilters {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  role?: Role;
  orgUnitId?: string;
  departmentId?: string;
  active?: boolean;
}

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: ({ signal }) => api.get('/users', UserPage, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['users'] }), qc.invalidateQueries({ queryKey: ['org-units'] })]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserBody>) => api.post('/users', body, User),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateUserBody> & { id: string }) =>
      api.patch(`/users/${id}`, body, User),
    // also after a 409: the list must show the version someone else saved
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post(`/users/${id}/reset-password`, { newPassword }),
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (id: string) => api.post(`/users/${id}/unlock`), onSuccess: invalidate });
}
