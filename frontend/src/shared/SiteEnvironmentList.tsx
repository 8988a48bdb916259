import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SiteEnvironment } from '../api/types';

/** The parts of a site's environment in the order the archive of seed 003 lists them. */
export const SITE_ENVIRONMENT_PARTS = [
  'machineRoom',
  'powerSupply',
  'lightningProtection',
  'adverseConditions',
  'maintainerCount',
  'maintainerSkills',
] as const;

/**
 * A site's environment (RP-3) as label/value lines: what is recorded, nothing for what is not. One column, so it reads
 * the same in the admin table, on the case page and on a phone.
 */
export function SiteEnvironmentList({ environment, testId }: { environment: SiteEnvironment; testId?: string }) {
  const { t } = useTranslation();
  const items = SITE_ENVIRONMENT_PARTS.filter((part) => environment[part] != null && environment[part] !== '').map(
    (part) => ({
      key: part,
      label: t(`siteEnvironment.${part}`),
      children:
        part === 'maintainerCount'
          ? t('siteEnvironment.people', { count: environment.maintainerCount ?? 0 })
          : environment[part],
    }),
  );
  return <Descriptions size="small" column={1} items={items} data-testid={testId} />;
}
