import { useQueries } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { configItemKeys, configItemsApi, type DeviceImpact as Impact } from './api';
import { codeLabel, ConfigStatusTag } from './parts';

export interface ImpactDevice {
  id: number;
  /** Named above its items when the card covers several devices. */
  name?: string;
}

/** 403 and 404: the reader may not see the device's items (or there are none to see): nothing to show. */
const silent = (e: unknown) => e instanceof ApiError && (e.status === 403 || e.status === 404);

function ImpactLine({ impact }: { impact: Impact }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`device-impact-item-${impact.itemId}`} style={{ overflowWrap: 'anywhere' }}>
      <Space size={4} wrap>
        <Link to={`/config-items/${impact.itemId}`}>{impact.itemName}</Link>
        <Typography.Text type="secondary">{codeLabel(t, 'configKind', impact.itemKind)}</Typography.Text>
        <Typography.Text type="secondary">· {codeLabel(t, 'configRelation', impact.relation)}</Typography.Text>
        {impact.viaItemName && (
          <Typography.Text type="secondary">
            · {t('configItems.impact.via', { name: impact.viaItemName })}
          </Typography.Text>
        )}
        {impact.itemStatus !== 'IN_SERVICE' && <ConfigStatusTag status={impact.itemStatus} />}
      </Space>
    </div>
  );
}

/**
 * 受影响的配置项: the configuration items that stop working when these devices fail (GET
 * /api/devices/{id}/config-items), direct ones first, each linking to its page, an indirect one saying through which
 * item. Shows nothing at all while loading, when no item depends on the devices, or when the reader may not see them.
 */
export function DevicesImpact({ devices, style }: { devices: ImpactDevice[]; style?: CSSProperties }) {
  const { t } = useTranslation();
  const queries = useQueries({
    queries: devices.map((d) => ({
      queryKey: configItemKeys.deviceImpact(d.id),
      queryFn: () => configItemsApi.deviceImpact(d.id),
      retry: false,
    })),
  });
  const named = devices.length > 1;
  const groups = devices
    .map((d, i) => ({ device: d, impacts: [...(queries[i]?.data ?? [])].sort((a, b) => a.depth - b.depth) }))
    .filter((g) => g.impacts.length > 0);
  const failure = queries.find((q) => q.error && !silent(q.error))?.error;
  if (groups.length === 0 && !failure) return null;

  return (
    <Card size="small" title={t('configItems.impact.title')} style={style} data-testid="device-impact">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        {groups.map((g) => (
          <div key={g.device.id} data-testid={`device-impact-${g.device.id}`}>
            {named && g.device.name && <Typography.Text strong>{g.device.name}</Typography.Text>}
            {g.impacts.map((impact, i) => (
              <ImpactLine key={`${impact.itemId}-${i}`} impact={impact} />
            ))}
          </div>
        ))}
        {failure && (
          <Typography.Text type="warning" data-testid="device-impact-failed">
            {t('configItems.impact.failed', { message: describeError(failure, t) })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/** The items that stop working when one device fails (see DevicesImpact). */
export function DeviceImpact({ deviceId, style }: { deviceId: number; style?: CSSProperties }) {
  return <DevicesImpact devices={[{ id: deviceId }]} style={style} />;
}
