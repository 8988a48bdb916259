import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceApi, referenceKeys } from '../api/reference';

/**
 * Turns an engineer's user name (what cases and tasks store as their assignee) into the name people know them by:
 * a desk user reads "张伟", not "engineer". Names that are not engineers' (a desk user holding a task) and names
 * not yet loaded stay as they are. The engineer list is staff-only: a page a customer may see passes
 * `staff = false` for them and gets the plain name. The engine's own steps (timers, the intake's automatic ones) are
 * done by the user "system" (CurrentUser.SYSTEM on the server), which reads "系统".
 */
/** The server's name for the engine acting on its own (CurrentUser.SYSTEM). */
export const SYSTEM_USER = 'system';

export function useEngineerNames(staff = true): (username: string | null | undefined) => string | null {
  const engineers = useQuery({
    queryKey: referenceKeys.engineers,
    queryFn: referenceApi.engineers,
    enabled: staff,
    staleTime: 5 * 60_000,
  });
  const data = engineers.data;
  const { t } = useTranslation();
  return useCallback(
    (username) => {
      if (!username) return null;
      if (username === SYSTEM_USER) return t('common.system');
      return data?.find((e) => e.username === username)?.displayName || username;
    },
    [data, t],
  );
}
