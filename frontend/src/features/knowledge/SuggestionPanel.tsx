import { BookOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, knowledgeKeys, type Suggestion } from './api';

/** How long typing must pause before the desk's words are sent: one request per pause, not per keystroke. */
export const SUGGEST_DEBOUNCE_MS = 400;
/** Fewer characters than this say nothing yet (one Chinese character matches everything). */
export const SUGGEST_MIN_CHARS = 2;

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * IN-4 at intake: while the desk types the fault, the published articles that best match it (and the chosen
 * device's type), each opening to its cause and solution, so the first line can guide the caller before
 * dispatching. `onUse` (optional) offers "solved with this article".
 */
export function SuggestionPanel({
  text,
  deviceType,
  onUse,
}: {
  text: string;
  deviceType?: string;
  onUse?: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  const typed = useDebounced(text.trim(), SUGGEST_DEBOUNCE_MS);
  const enough = typed.length >= SUGGEST_MIN_CHARS;
  const suggestions = useQuery({
    queryKey: knowledgeKeys.suggestions(typed, deviceType),
    queryFn: () => knowledgeApi.suggestions(typed, deviceType),
    enabled: enough,
    staleTime: 30_000,
  });
  const list = enough ? (suggestions.data ?? []) : [];
  return (
    <Card
      size="small"
      data-testid="kb-suggestions"
      title={
        <Space>
          <BookOutlined />
          {t('knowledge.suggestionsTitle')}
        </Space>
      }
    >
      {!enough ? (
        <Typography.Text type="secondary">{t('knowledge.suggestionsHint')}</Typography.Text>
      ) : list.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={suggestions.isFetching ? t('knowledge.searching') : t('knowledge.noSuggestions')}
        />
      ) : (
        <Collapse
          size="small"
          items={list.map((s) => ({
            key: s.id,
            label: (
              <span data-testid={`kb-suggestion-${s.id}`} style={{ overflowWrap: 'anywhere' }}>
                {s.title}
              </span>
            ),
            extra: s.usefulness > 0 ? <Tag color="green">{t('knowledge.usefulness', { n: s.usefulness })}</Tag> : null,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ArticleField label={t('knowledge.symptom')} value={s.symptom} />
                <ArticleField label={t('knowledge.cause')} value={s.cause} />
                <ArticleField label={t('knowledge.solution')} value={s.solution} />
                {onUse && (
                  <Button size="small" data-testid={`kb-use-${s.id}`} onClick={() => onUse(s)}>
                    {t('knowledge.solvedWithThis')}
                  </Button>
                )}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}

export function ArticleField({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null;
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
        {value}
      </Typography.Paragraph>
    </div>
  );
}
