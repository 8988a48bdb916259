import { Alert, Button, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { type Caller, caseLinkApi, caseLinkKeys, MIN_PHONE_DIGITS, phoneDigits } from './api';
import { useDebounced } from './useDebounced';

export const CALLER_DEBOUNCE_MILLIS = 400;

/**
 * Under the phone field of the intake form: once the desk has typed at least 4 digits (a whole number or its last
 * digits) and paused, the known callers of that phone are listed (earlier requesters, a site's contact person, a
 * customer unit's own users); picking one fills in what is known.
 */
export function CallerLookup({ phone, onPick }: { phone: string | undefined; onPick: (caller: Caller) => void }) {
  const { t } = useTranslation();
  const digits = useDebounced(phoneDigits(phone), CALLER_DEBOUNCE_MILLIS);
  const enabled = /^\d+$/.test(digits) && digits.length >= MIN_PHONE_DIGITS;
  const callers = useQuery({
    queryKey: caseLinkKeys.callers(digits),
    queryFn: () => caseLinkApi.callers(digits),
    enabled,
    staleTime: 30_000,
  });
  if (!enabled) return null;
  if (callers.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        message={t('caseLinks.callerLookupFailed', { reason: describeError(callers.error, t) })}
        data-testid="caller-lookup-error"
      />
    );
  }
  if (callers.isPending) {
    return <Typography.Text type="secondary">{t('caseLinks.callerSearching')}</Typography.Text>;
  }
  if (callers.data.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="caller-none">
        {t('caseLinks.callerNone')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="caller-matches" style={{ marginBottom: 16 }}>
      <Typography.Text>{t('caseLinks.callerFound', { count: callers.data.length })}</Typography.Text>
      <List
        size="small"
        bordered
        dataSource={callers.data}
        renderItem={(c, i) => (
          <List.Item
            data-testid={`caller-${i}`}
            actions={[
              <Button key="use" size="small" type="link" onClick={() => onPick(c)} data-testid={`caller-use-${i}`}>
                {t('caseLinks.callerUse')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <span style={{ overflowWrap: 'anywhere' }}>
                  {`${c.name} · ${c.phone}`}
                  {c.knownAs && (
                    <Tag style={{ marginLeft: 8 }} data-testid={`caller-known-${i}`}>
                      {t(`caseLinks.callerKnownAs.${c.knownAs}`)}
                    </Tag>
                  )}
                </span>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  {[c.unit, c.customerName, c.sites.map((s) => s.name).join('、')]
                    .filter((part, at, parts) => part && parts.indexOf(part) === at)
                    .join(' · ')}
                  <br />
                  {c.cases > 0
                    ? t('caseLinks.callerCases', { count: c.cases, number: c.lastCaseNumber })
                    : t('caseLinks.callerNoCases')}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
