import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceApi, referenceKeys } from '../api/reference';
import { SYSTEM_USER } from './useEngineerNames';

/**
 * Turns a staff member's user name (what "changed by", "imported by", "decided by" fields store) into the name people
 * know them by: a process owner reads "第 2 版，周敏 修改于 …", not "owner 修改于 …". The sibling of
 * useEngineerNames for any staff account (the server's timeline does the same, identity.PersonNames). The staff list
 * is staff-only: a page a customer may see passes `staff = false` and gets the plain name; a name not in the list (a
 * customer's user, an account since disabled) and names not yet loaded stay as they are; the engine is "系统".
 */
export function useStaffNames(staff = true): (username: string | null | undefined) => string {
  const people = useQuery({
    queryKey: referenceKeys.staff,
    queryFn: referenceApi.staff,
    enabled: staff,
    staleTime: 5 * 60_000,
  });
  const data = people.data;
  const { t } = useTranslation();
  return useCallback(
    (username) => {
      if (!username) return '';
      if (username === SYSTEM_USER) return t('common.system');
      return data?.find((p) => p.username === username)?.displayName || username;
    },
    [data, t],
  );
}
