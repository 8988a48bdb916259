import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { referenceApi, referenceKeys } from '../../api/reference';
import type { Device } from '../../api/types';
import { acceptLanguage } from '../../i18n';
import { ActionModal } from '../../shared/ActionModal';
import {
  CONFIG_RELATIONS,
  CONFIG_TARGET_TYPES,
  configItemKeys,
  configItemsApi,
  type ConfigRelation,
  type ConfigTargetType,
  type ConfigItemView,
} from './api';
import { codeLabel, describeItemError, formField } from './parts';

interface FormValues {
  relation: ConfigRelation;
  targetType: ConfigTargetType;
  deviceId?: number;
  itemId?: number;
}

const FORM_FIELDS = new Set(['relation', 'deviceId', 'itemId']);

/**
 * 添加关系: what this item runs on, depends on or connects to — one of the same unit's devices (picked as the change
 * form picks them: the unit's sites, then their devices) or another of its items (not itself, not a retired one).
 * The server refuses the same relation twice (409) and a loop between items (400 on itemId). In the shared
 * ActionModal; afterwards the item is shown as the server now has it.
 */
export function AddLinkModal({ item, onClose }: { item: ConfigItemView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ActionModal<FormValues, ConfigItemView>
      title={t('configItems.link.title')}
      okText={t('configItems.link.submit')}
      cancelText={t('configItems.cancel')}
      testIds={{ modal: 'ci-link-modal', ok: 'ci-link-ok', error: 'ci-link-error' }}
      initialValues={{ relation: 'RUNS_ON', targetType: 'DEVICE' }}
      send={(values) =>
        configItemsApi.link(
          item.id,
          values.targetType === 'DEVICE'
            ? { relation: values.relation, deviceId: values.deviceId! }
            : { relation: values.relation, itemId: values.itemId! },
        )
      }
      onSent={(view) => {
        queryClient.setQueryData(configItemKeys.detail(item.id), view);
        void queryClient.invalidateQueries({ queryKey: configItemKeys.all });
      }}
      done={t('configItems.link.added')}
      onClose={onClose}
      fieldName={(field) => (FORM_FIELDS.has(formField(field)) ? formField(field) : undefined)}
      fieldMessage={(fe) =>
        // the server's own words when the reader can read them; else why an item is refused, in theirs
        showable(fe.message, acceptLanguage() === 'zh-CN')
          ? fe.message
          : formField(fe.field) === 'itemId'
            ? t('configItems.link.itemRefused')
            : t('common.fieldInvalid')
      }
      describeError={(e) =>
        e instanceof ApiError && e.status === 409 ? t('configItems.link.duplicate') : describeItemError(e, t)
      }
      onValuesChange={(changed, form) => {
        if ('targetType' in changed) form.setFieldsValue({ deviceId: undefined, itemId: undefined });
      }}
    >
      <AddLinkFields item={item} />
    </ActionModal>
  );
}

/** The relation, what kind of target and the target: the unit's devices, or its other items not retired. */
function AddLinkFields({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const targetType = Form.useWatch('targetType', form) ?? 'DEVICE';

  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  const unitSites = (sites.data ?? []).filter((s) => s.customerId === item.customerId);
  const deviceQueries = useQueries({
    queries: unitSites.map((s) => ({
      queryKey: referenceKeys.devices(s.id),
      queryFn: () => referenceApi.devices(s.id),
    })),
  });
  const devices: Device[] = deviceQueries.flatMap((q) => q.data ?? []);
  const devicesLoading = sites.isFetching || deviceQueries.some((q) => q.isFetching);

  const unitItems = useQuery({
    queryKey: configItemKeys.list({ customerId: item.customerId }),
    queryFn: () => configItemsApi.list({ customerId: item.customerId }),
    enabled: targetType === 'ITEM',
  });
  const items = (unitItems.data ?? []).filter((i) => i.id !== item.id && i.status !== 'RETIRED');

  return (
    <>
      <Form.Item
        name="relation"
        label={t('configItems.link.relation')}
        rules={[{ required: true, message: t('validation.choose', { field: t('configItems.link.relation') }) }]}
      >
        <Select
          data-testid="ci-link-relation"
          options={CONFIG_RELATIONS.map((r) => ({ value: r, label: codeLabel(t, 'configRelation', r) }))}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('configItems.link.targetType')}>
        <Radio.Group
          data-testid="ci-link-target-type"
          optionType="button"
          options={CONFIG_TARGET_TYPES.map((type) => ({ value: type, label: codeLabel(t, 'configTarget', type) }))}
        />
      </Form.Item>
      {targetType === 'DEVICE' ? (
        <Form.Item
          name="deviceId"
          label={t('configItems.link.target')}
          rules={[{ required: true, message: t('validation.choose', { field: t('configTarget.DEVICE') }) }]}
        >
          <Select
            data-testid="ci-link-device"
            showSearch
            optionFilterProp="label"
            loading={devicesLoading}
            placeholder={t('configItems.link.devicePlaceholder')}
            notFoundContent={devicesLoading ? undefined : t('configItems.link.noDevices')}
            options={devices.map((d) => ({
              value: d.id,
              label: [d.name, t(`admin.deviceType.${d.type}`, { defaultValue: '' }), d.location, d.siteName]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="itemId"
          label={t('configItems.link.target')}
          rules={[{ required: true, message: t('validation.choose', { field: t('configTarget.ITEM') }) }]}
        >
          <Select
            data-testid="ci-link-item"
            showSearch
            optionFilterProp="label"
            loading={unitItems.isFetching}
            placeholder={t('configItems.link.itemPlaceholder')}
            notFoundContent={unitItems.isFetching ? undefined : t('configItems.link.noItems')}
            options={items.map((i) => ({
              value: i.id,
              label: `${i.number} · ${i.name}（${codeLabel(t, 'configKind', i.kind)}）`,
            }))}
          />
        </Form.Item>
      )}
    </>
  );
}
