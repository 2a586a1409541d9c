import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { NotifyLinkCodeResponseSchema, NotifyLinksResponseSchema, type NotifyChannel } from '../../../../core/contracts/inbox-api';
import { OfficeHoursResponseSchema, type OfficeHoursResponse, type OfficeHoursValue } from '../../../../core/contracts/office-hours-api';
import { api } from '../../shared/api/api-client';

/** The settings pages' server state: the officer's notice accounts, a unit's office hours. */
export const settingsKeys = {
  notifyLinks: ['me', 'notify-links'] as const,
  officeHours: (code: string) => ['units', code, 'office-hours'] as const,
};

/** While a code is on screen the page polls, so it flips to "linked" as soon as the officer sends `/canbo`. */
export const notifyLinksQuery = (polling: boolean) =>
  queryOptions({
    queryKey: settingsKeys.notifyLinks,
    queryFn: ({ signal }) => api.get('/api/admin/me/notify-link', NotifyLinksResponseSchema, { signal }),
    refetchInterval: polling ? 3000 : false,
  });

export function useCreateNotifyCode() {
  return useMutation({ mutationFn: (channel: NotifyChannel) => api.post('/api/admin/me/notify-link', NotifyLinkCodeResponseSchema, { body: { channel } }) });
}

export function useUnlinkNotify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channel: NotifyChannel) => api.delete(`/api/admin/me/notify-link/${channel}`, null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.notifyLinks }),
  });
}

export const officeHoursQuery = (code: string) =>
  queryOptions({
    queryKey: settingsKeys.officeHours(code),
    queryFn: ({ signal }) => api.get(`/api/admin/units/${encodeURIComponent(code)}/office-hours`, OfficeHoursResponseSchema, { signal }),
  });

export function useSaveOfficeHours(code: string) {
  const queryClient = useQueryClient();
  // A change reaches the units below that inherit: refetch every unit's hours, not only this one.
  const done = (data: OfficeHoursResponse) => {
    queryClient.setQueryData(settingsKeys.officeHours(code), data);
    void queryClient.invalidateQueries({ queryKey: ['units'], predicate: (query) => query.queryKey[2] === 'office-hours' && query.queryKey[1] !== code });
  };
  return {
    save: useMutation({ mutationFn: (officeHours: OfficeHoursValue) => api.put(`/api/admin/units/${encodeURIComponent(code)}/office-hours`, OfficeHoursResponseSchema, { body: { officeHours } }), onSuccess: done }),
    inherit: useMutation({ mutationFn: () => api.delete(`/api/admin/units/${encodeURIComponent(code)}/office-hours`, OfficeHoursResponseSchema), onSuccess: done }),
  };
}
