import { Alert, Radio, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { caseLinkApi, caseLinkKeys } from './api';

/** What the desk decided about a device's open case: a new case alone, linked as related, or a duplicate. */
export interface IntakeLinkChoice {
  mode: 'NEW' | 'RELATED' | 'DUPLICATE_OF';
  targetId?: number;
  targetNumber?: string;
}

export const NO_LINK: IntakeLinkChoice = { mode: 'NEW' };

/**
 * Shown on the intake form when the chosen device already has open cases: each with number (a link), title and
 * status, and the choice to open a new case anyway, link it as related, or record it as a duplicate.
 */
export function OpenCaseWarning({
  deviceId,
  value,
  onChange,
}: {
  deviceId: number | undefined;
  value: IntakeLinkChoice;
  onChange: (choice: IntakeLinkChoice) => void;
}) {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: caseLinkKeys.openCases(deviceId),
    queryFn: () => caseLinkApi.openCases(deviceId as number),
    enabled: deviceId != null,
  });
  const cases = useMemo(() => (deviceId != null ? (open.data ?? []) : []), [deviceId, open.data]);
  // a choice about another device's case must not survive a change of device
  useEffect(() => {
    if (value.mode !== 'NEW' && !cases.some((c) => c.id === value.targetId)) onChange(NO_LINK);
  }, [cases, value, onChange]);
  if (cases.length === 0) return null;
  const target = cases.find((c) => c.id === value.targetId) ?? cases[0];
  const choose = (mode: IntakeLinkChoice['mode'], id = target.id) => {
    const c = cases.find((x) => x.id === id) ?? target;
    onChange(mode === 'NEW' ? NO_LINK : { mode, targetId: c.id, targetNumber: c.number });
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="open-case-warning"
      message={t('caseLinks.openCasesTitle', { count: cases.length })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('caseLinks.openCasesIntro')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {cases.map((c) => (
              <li key={c.id} data-testid={`open-case-${c.id}`} style={{ overflowWrap: 'anywhere' }}>
                <Link to={`/tickets/${c.id}`} target="_blank">
                  {c.number}
                </Link>{' '}
                {c.title} · {t(`status.${c.status}`)}
              </li>
            ))}
          </ul>
          <Radio.Group
            value={value.mode}
            onChange={(e) => choose(e.target.value as IntakeLinkChoice['mode'])}
            data-testid="open-case-choice"
          >
            <Space direction="vertical">
              <Radio value="NEW" data-testid="open-case-choice-NEW">
                {t('caseLinks.choiceNew')}
              </Radio>
              <Radio value="RELATED" data-testid="open-case-choice-RELATED">
                {t('caseLinks.choiceRelated')}
              </Radio>
              <Radio value="DUPLICATE_OF" data-testid="open-case-choice-DUPLICATE_OF">
                {t('caseLinks.choiceDuplicate')}
              </Radio>
            </Space>
          </Radio.Group>
          {value.mode !== 'NEW' && cases.length > 1 && (
            <Space wrap>
              <Typography.Text>{t('caseLinks.choiceTarget')}</Typography.Text>
              <Select
                style={{ minWidth: 200, maxWidth: '100%' }}
                value={target.id}
                onChange={(id: number) => choose(value.mode, id)}
                options={cases.map((c) => ({ value: c.id, label: c.number }))}
                data-testid="open-case-target"
              />
            </Space>
          )}
        </Space>
      }
    />
  );
}
