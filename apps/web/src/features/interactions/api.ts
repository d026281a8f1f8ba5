import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { CreateInteractionBody, InteractionData } from '../../app/api/types';

export const useInteractionList = (params: Record<string, QueryValue>, options?: { enabled?: boolean }) =>
  usePagedList<InteractionData>(['interactions', 'list'], '/interactions', params, options);

export function useCreateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInteractionBody) => api.post<InteractionData>('/interactions', body),
    onSuccess: (interaction) => {
      void queryClient.invalidateQueries({ queryKey: ['interactions', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', interaction.accountId, 'timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
