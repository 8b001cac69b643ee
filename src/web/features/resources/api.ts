import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminResourceEnvelope,
  AdminResourceList,
  CreateResourceBody,
  ResourceEnvelope,
  ResourceList,
  ResourcePreview,
  UpdateResourceBody,
} from '../../../shared/resources';
import { api, query } from '../../api/client';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const resourceKeys = {
  all: ['resources'] as const,
  list: (lang: string, q: string, tag: string) => ['resources', 'list', lang, q, tag] as const,
  one: (slug: string) => ['resources', 'one', slug] as const,
  admin: ['resources', 'admin'] as const,
  adminOne: (id: string) => ['resources', 'admin', id] as const,
};

/** The published articles in one language, searched and filtered by tag. */
export function useResources(lang: string, q: string, tag: string) {
  return useQuery({
    queryKey: resourceKeys.list(lang, q, tag),
    queryFn: ({ signal }) => api<ResourceList>(`/api/v1/resources${query({ lang, q: q || undefined, tag: tag || undefined })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResource(slug: string) {
  return useQuery({
    queryKey: resourceKeys.one(slug),
    queryFn: ({ signal }) => api<ResourceEnvelope>(`/api/v1/resources/${encodeURIComponent(slug)}`, { signal }),
    select: (data) => data.resource,
  });
}

export function useAdminResources() {
  return useQuery({
    queryKey: resourceKeys.admin,
    queryFn: ({ signal }) => api<AdminResourceList>('/api/v1/admin/resources', { signal }),
    select: (data) => data.items,
  });
}

export function useAdminResource(id: string | null) {
  return useQuery({
    queryKey: resourceKeys.adminOne(id ?? ''),
    queryFn: ({ signal }) => api<AdminResourceEnvelope>(`/api/v1/admin/resources/${encodeURIComponent(id ?? '')}`, { signal }),
    select: (data) => data.resource,
    enabled: id !== null,
  });
}

function useResourceMutation<V>(fn: (v: V) => Promise<AdminResourceEnvelope>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ resource }) => {
      queryClient.setQueryData(resourceKeys.adminOne(resource.id), { resource });
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all, predicate: (q) => q.queryKey[2] !== resource.id });
    },
  });
}

export function useCreateResource() {
  return useResourceMutation((body: CreateResourceBody) => api<AdminResourceEnvelope>('/api/v1/admin/resources', { method: 'POST', body }));
}

export function useUpdateResource(id: string) {
  return useResourceMutation((body: UpdateResourceBody) => api<AdminResourceEnvelope>(`/api/v1/admin/resources/${encodeURIComponent(id)}`, { method: 'PATCH', body }));
}

export function useSetPublished(id: string) {
  return useResourceMutation((publish: boolean) => api<AdminResourceEnvelope>(`/api/v1/admin/resources/${encodeURIComponent(id)}/${publish ? 'publish' : 'unpublish'}`, { method: 'POST', body: {} }));
}

/** The editor's live preview: the server's own renderer and sanitiser, a moment after typing stops. */
export function useResourcePreview(markdown: string) {
  const settled = useDebouncedValue(markdown, 400);
  return useQuery({
    queryKey: ['resources', 'preview', settled],
    queryFn: ({ signal }) => api<ResourcePreview>('/api/v1/admin/resources/preview', { method: 'POST', body: { markdown: settled }, signal }),
    select: (data) => data.html,
    enabled: settled.trim() !== '',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The library's language for this reader: Spanish when the app is in Spanish, else English. */
export function libraryLanguage(language: string | undefined): 'en' | 'es' {
  return language?.startsWith('es') ? 'es' : 'en';
}
