import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CategoryNode, type CreateCategoryBody, type UpdateCategoryBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from '../../api/client';

const CategoryNodeList = z.object({ items: z.array(CategoryNode) });
/** The same key as the intake's category picker, so an edit here refreshes it too. */
const categoriesKey = ['categories'] as const;

/** The whole tree, flat, retired categories included, with each one's sort position. */
export function useCategoryNodes() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: ({ signal }) => api.get('/categories', CategoryNodeList, undefined, signal),
    select: (d) => d.items as CategoryNode[],
  });
}

export function useCreateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCategoryBody>) => api.post('/categories', body, CategoryNode),
    onSuccess: () => qc.invalidateQueries({ queryKey: categoriesKey }),
  });
}

export function useUpdateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateCategoryBody> & { id: string }) =>
      api.patch(`/categories/${id}`, body, CategoryNode),
    onSuccess: () => qc.invalidateQueries({ queryKey: categoriesKey }),
  });
}
