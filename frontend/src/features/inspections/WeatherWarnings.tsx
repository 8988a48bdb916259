import { useQuery } from '@tanstack/react-query';
import { Empty, List, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { inspectionKeys, inspectionsApi, type WarningLevel, type WeatherWarning } from './api';

/** The warning's own colour, as the meteorological service shows it. */
const LEVEL_COLOURS: Record<WarningLevel, string> = { BLUE: 'blue', YELLOW: 'gold', ORANGE: 'orange', RED: 'red' };

/** How many of the latest warnings the card shows; the feed may send several a day in storm season. */
export const WARNINGS_SHOWN = 5;

/**
 * The meteorological feed's latest warnings under the weather card (PM-3): what came in, for which areas, and what it
 * started, so the desk sees that the storm of this afternoon was taken care of before thinking of the button.
 */
export function WeatherWarnings() {
  const { t } = useTranslation();
  const warnings = useQuery({ queryKey: inspectionKeys.weatherWarnings, queryFn: inspectionsApi.weatherWarnings });
  const shown = (warnings.data ?? []).slice(0, WARNINGS_SHOWN);
  return (
    <div data-testid="weather-warnings" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('inspections.weather.warnings.title')}</Typography.Text>
      {warnings.isSuccess && shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.weather.warnings.empty')} />
      ) : (
        <List<WeatherWarning>
          size="small"
          loading={warnings.isLoading}
          dataSource={shown}
          renderItem={(w) => (
            <List.Item data-testid={`weather-warning-${w.id}`} style={{ paddingInline: 0 }}>
              <Space direction="vertical" size={2} style={{ minWidth: 0, width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={LEVEL_COLOURS[w.level]}>
                    {t('inspections.weather.warnings.level', {
                      hazard: t(`inspection.hazard.${w.hazard}`),
                      level: t(`warningLevel.${w.level}`),
                    })}
                  </Tag>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{w.title}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {formatDateTime(w.issuedAt)}
                  {' · '}
                  {w.areas.length > 0
                    ? t('inspections.weather.warnings.areas', { areas: w.areas.join('、') })
                    : t('inspections.weather.warnings.allAreas')}
                  {' · '}
                  {outcome(w, t)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

function outcome(w: WeatherWarning, t: TFunction): string {
  return w.inspectionsStarted > 0
    ? t('inspections.weather.warnings.started', { count: w.inspectionsStarted })
    : t('inspections.weather.warnings.noneStarted');
}
