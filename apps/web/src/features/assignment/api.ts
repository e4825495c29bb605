import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AssignmentRule,
  Group,
  type CreateGroupBody,
  type CreateRuleBody,
  type UpdateGroupBody,
  type UpdateRuleBody,
} from '@qloop/contracts';
import { z } from 'zod';
import { api } from '../../api/client';

const GroupList = z.object({ items: z.array(Group) });
const RuleList = z.object({ items: z.array(AssignmentRule) });
const groupsKey = ['groups'] as const;
const rulesKey = ['assignment-rules'] as const;

/** Handling groups (queues) with their members and skills. */
export function useGroups() {
  return useQuery({
    queryKey: groupsKey,
    queryFn: ({ signal }) => api.get('/groups', GroupList, undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateGroupBody>) => api.post('/groups', body, Group),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useUpdateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateGroupBody> & { id: string }) => api.patch(`/groups/${id}`, body, Group),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}

/** The rules in their order: the first active rule that matches a new ticket routes it. */
export function useRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => api.get('/assignment-rules', RuleList, undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateRuleBody>) => api.post('/assignment-rules', body, AssignmentRule),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useUpdateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateRuleBody> & { id: string }) =>
      api.patch(`/assignment-rules/${id}`, body, AssignmentRule),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useDeleteRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/assignment-rules/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

/** Sends the complete new order; the answer is the reordered list, shown at once. */
export function useReorderRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put('/assignment-rules/order', { ids }, RuleList),
    onSuccess: (data) => qc.setQueryData(rulesKey, data),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}
