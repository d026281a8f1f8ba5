import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { Contact, ContactSummary, CreateContact, UpdateContact } from '../../app/api/types';

export const contactKeys = {
  list: ['contacts', 'list'] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
};

export const useContactList = (params: Record<string, QueryValue>, options?: { enabled?: boolean }) =>
  usePagedList<ContactSummary>(contactKeys.list, '/contacts', params, options);

/** Every read of a contact with a full dossier is audited on the server, so it is not refetched needlessly. */
export function useContact(id: string) {
  return useQuery({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateContact) => api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', contact.accountId, 'org-chart'] });
    },
  });
}

export function useCreateContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContact) => api.post<Contact>(`/accounts/${accountId}/contacts`, body),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', accountId] });
    },
  });
}
