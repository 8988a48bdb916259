import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { referenceKeys } from '../../api/reference';

/**
 * After a change on an administration page: loads the changed list again, and drops the cached reference data
 * (sites, devices, engineers, customers) the other pages pick from, so a new site shows up there too.
 */
export function useAdminRefresh(): (queryKey: QueryKey) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (queryKey: QueryKey) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey }),
        queryClient.invalidateQueries({ queryKey: referenceKeys.all }),
      ]);
    },
    [queryClient],
  );
}
