import { BookOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { knowledgeApi, knowledgeKeys, type Article } from './api';
import { ArticleEditor } from './KnowledgePage';
import { SuggestionPanel } from './SuggestionPanel';

interface CaseFacts {
  id: number;
  status: string;
  title: string;
  description: string | null;
  resolvedAt: string | null;
}

/**
 * The knowledge base on a case (staff). At the desk: the articles matching the case, and "solved with this
 * article" (IN-4, recorded once per case; the desk then completes the first-line step as solved). Once
 * resolved: "write an article from this case" opens a draft pre-filled from it (RP-4).
 */
export function CaseKnowledge({ ticket, onChanged }: { ticket: CaseFacts; onChanged: () => void }) {
  const { t } = useTranslation();
  const { hasRole, isCustomer } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Article | null>(null);
  const solved = useMutation({
    mutationFn: (articleId: number) => knowledgeApi.solvedFrom(articleId, ticket.id),
    onSuccess: () => {
      message.success(t('knowledge.solvedRecorded'));
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
      onChanged();
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const fromCase = useMutation({
    mutationFn: () => knowledgeApi.fromCase(ticket.id),
    onSuccess: (a) => setDraft(a),
    onError: (e) => message.error(describeError(e, t)),
  });
  if (isCustomer) return null;
  const atDesk = ticket.status === 'AT_DESK' && hasRole('SERVICE_DESK', 'SUPERVISOR');
  const writer = !!ticket.resolvedAt && hasRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER');
  if (!atDesk && !writer) return null;
  return (
    <>
      {atDesk && (
        <SuggestionPanel
          text={`${ticket.title} ${ticket.description ?? ''}`}
          onUse={(s) =>
            void modal.confirm({
              title: t('knowledge.confirmSolved', { title: s.title }),
              content: t('knowledge.confirmSolvedHelp'),
              onOk: () => solved.mutateAsync(s.id),
            })
          }
        />
      )}
      {writer && (
        <Card size="small">
          <Button
            icon={<BookOutlined />}
            loading={fromCase.isPending}
            onClick={() => fromCase.mutate()}
            data-testid="kb-from-case"
          >
            {t('knowledge.fromCase')}
          </Button>
        </Card>
      )}
      {draft && <ArticleEditor article={draft} onClose={() => setDraft(null)} />}
    </>
  );
}
