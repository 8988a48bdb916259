import { Descriptions, Typography } from 'antd';
import type { TFunction } from 'i18next';
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

/** The recorded parts on one line ("机房建设情况：…；供电情况：…"), for a table cell. */
export function siteEnvironmentSummary(environment: SiteEnvironment, t: TFunction): string {
  return SITE_ENVIRONMENT_PARTS.filter((part) => environment[part] != null && environment[part] !== '')
    .map(
      (part) =>
        `${t(`siteEnvironment.${part}`)}：${
          part === 'maintainerCount'
            ? t('siteEnvironment.people', { count: environment.maintainerCount ?? 0 })
            : environment[part]
        }`,
    )
    .join('；');
}

/** The summary in a table cell: two lines, the rest a click away, so the site's other columns keep their width. */
export function SiteEnvironmentCell({ environment, testId }: { environment: SiteEnvironment; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph
      ellipsis={{ rows: 2, expandable: true, symbol: t('siteEnvironment.more') }}
      style={{ maxWidth: 360, margin: 0 }}
      data-testid={testId}
    >
      {siteEnvironmentSummary(environment, t)}
    </Typography.Paragraph>
  );
}
