import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Department, type CreateDepartmentBody, type UpdateDepartmentBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const DepartmentList = z.object({ items: z.array(Department) });
export const departmentsKey = ['departments'] as const;

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: ({ signal }) => api.get('/departments', DepartmentList, undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateDepartmentBody>) => api.post('/departments', body, Department),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentsKey }),
  });
}

export function useUpdateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateDepartmentBody> & { id: string }) =>
      api.patch(`/departments/${id}`, body, Department),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentsKey }),
  });
}
