import { Alert, Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ElementChange, ModelViolation } from '../../../api/types';
import { ElementChangeTag } from '../tags';

/** The server's check findings; a click on one selects its element on the canvas (BPMN). */
export function ViolationsList({
  violations,
  onSelect,
}: {
  violations: ModelViolation[];
  onSelect?: (violation: ModelViolation) => void;
}) {
  const { t } = useTranslation();
  if (violations.length === 0) {
    return (
      <Alert type="success" showIcon message={t('editor.noViolations')} data-testid="violations-list" data-count={0} />
    );
  }
  return (
    <List
      size="small"
      dataSource={violations}
      data-testid="violations-list"
      data-count={violations.length}
      renderItem={(v, i) => {
        const element = v.elementName ? `${v.elementName} (${v.elementId})` : v.elementId;
        return (
          <List.Item data-testid={`violation-${i}`} data-element-id={v.elementId ?? ''} data-rule={v.rule}>
            <Flex gap={8} align="baseline" wrap>
              <Tag color="red">{v.rule}</Tag>
              {element &&
                (onSelect && v.elementId ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onSelect(v)}
                    data-testid="violation-element"
                  >
                    {element}
                  </Button>
                ) : (
                  <Typography.Text code>{element}</Typography.Text>
                ))}
              <Typography.Text>{v.message}</Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** What differs from the deployed version: added, removed and changed elements with detail lines. */
export function ChangesList({
  changes,
  onSelect,
}: {
  changes: ElementChange[];
  onSelect?: (elementId: string) => void;
}) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('editor.noChanges')}
        data-testid="changes-list"
        data-count={0}
      />
    );
  }
  return (
    <List
      size="small"
      dataSource={changes}
      data-testid="changes-list"
      data-count={changes.length}
      renderItem={(c) => (
        <List.Item data-testid={`change-${c.elementId}`} data-change={c.change}>
          <Flex vertical gap={2}>
            <Flex gap={8} align="baseline" wrap>
              <ElementChangeTag change={c.change} />
              <Typography.Text type="secondary">{c.elementType}</Typography.Text>
              {onSelect && c.change !== 'REMOVED' ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(c.elementId)}>
                  {c.name ? `${c.name} (${c.elementId})` : c.elementId}
                </Button>
              ) : (
                <Typography.Text code>{c.name ? `${c.name} (${c.elementId})` : c.elementId}</Typography.Text>
              )}
            </Flex>
            {(c.details ?? []).length > 0 && (
              <ul className="plain-list model-change-details">
                {c.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
