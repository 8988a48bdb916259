import { Alert, Card, Empty, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import type { ConfigItemView } from './api';
import { ConfigGraphChart, itemKey, neighbourhood, useUnitGraph } from './ConfigGraph';

/**
 * 关系图 on an item's page: the item (highlighted) and whatever lies within two links of it, either way, taken from
 * its unit's graph. A retired item is not in the graph: nothing is asked for.
 */
export function ItemGraph({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const retired = item.status === 'RETIRED';
  const graph = useUnitGraph(item.customerId, !retired);
  const focusKey = itemKey(item.id);
  const near = useMemo(() => (graph.data ? neighbourhood(graph.data, focusKey, 2) : undefined), [graph.data, focusKey]);

  let body;
  if (retired) body = <Typography.Text type="secondary">{t('configItems.graph.itemRetired')}</Typography.Text>;
  else if (graph.isLoading) body = <Spin />;
  else if (graph.error || !near)
    body = (
      <Alert type="warning" showIcon message={t('common.loadFailed', { message: describeError(graph.error, t) })} />
    );
  else if (near.nodes.length <= 1)
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('configItems.graph.itemEmpty')}
        data-testid="ci-item-graph-empty"
      />
    );
  else
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('configItems.graph.itemHelp')}
        </Typography.Paragraph>
        <ConfigGraphChart graph={near} focusKey={focusKey} />
      </>
    );
  return (
    <Card size="small" title={t('configItems.graph.title')} style={{ marginBottom: 16 }} data-testid="ci-item-graph">
      {body}
    </Card>
  );
}
