import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { formatDateTime, serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';

/** The date+time pickers: wall-clock times in the service zone, to the minute; no day after today. */
export const PICKER_PROPS = {
  showTime: { format: 'HH:mm' },
  format: 'YYYY-MM-DD HH:mm',
  style: { width: '100%' },
  disabledDate: (d: Dayjs) => d.isAfter(serviceWallClockNow(), 'day'),
} as const;

/** A time that has not come yet is refused here already (the server refuses it too). */
export const notInFuture = (t: TFunction): Rule => ({
  validator: (_, value?: Dayjs | null) =>
    value && Date.parse(serviceWallClockToInstant(value)) > Date.now()
      ? Promise.reject(new Error(t('securityIncidents.rules.future')))
      : Promise.resolve(),
});

/** Not before `instant` (the customer cannot have been told before the incident occurred). */
export const notBefore = (instant: string, t: TFunction): Rule => ({
  validator: (_, value?: Dayjs | null) =>
    value && Date.parse(serviceWallClockToInstant(value)) < Date.parse(instant)
      ? Promise.reject(new Error(t('securityIncidents.rules.beforeOccurred', { at: formatDateTime(instant) })))
      : Promise.resolve(),
});
