import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Form, Input, Rate, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import { useIsPhone } from '../../shared/useIsPhone';
import { surveyApi, surveyKeys, type Survey, type SurveyAnswer } from './api';

interface Values {
  intakeScore?: number;
  handlingScore?: number;
  supportScore?: number;
  comment?: string;
  outcome?: string;
  raiseProblem?: boolean;
  siteId?: number;
  requesterName?: string;
  requesterPhone?: string;
  description?: string;
}

const SCORES = ['intakeScore', 'handlingScore', 'supportScore'] as const;

/**
 * The answer form of one survey or callback, phone-first: three 1-5 scores (受理, 处理, 服务支持) and a comment for
 * a survey; what was said for a callback, and a problem the customer raised opens a fault case.
 */
export function AnswerDrawer({ survey, onClose }: { survey: Survey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { isCustomer } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  // one key per opened form: a resend of the same answer is answered, not refused
  const key = useMemo(() => newIdempotencyKey(), [survey?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const raise = Form.useWatch('raiseProblem', form);
  const callback = survey?.kind === 'CALLBACK';
  const sites = useQuery({ queryKey: surveyKeys.sites, queryFn: surveyApi.sites, enabled: callback && !isCustomer });
  const answer = useMutation({
    mutationFn: (values: Values) => {
      const body: SurveyAnswer = callback
        ? { outcome: values.outcome, comment: values.comment }
        : {
            intakeScore: values.intakeScore,
            handlingScore: values.handlingScore,
            supportScore: values.supportScore,
            comment: values.comment,
          };
      if (callback && values.raiseProblem) {
        body.problem = {
          siteId: values.siteId!,
          requesterName: values.requesterName!,
          requesterPhone: values.requesterPhone!,
          description: values.description!,
        };
      }
      return surveyApi.answer(survey!.id, body, key);
    },
    onSuccess: () => {
      setError(undefined);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
      onClose();
    },
    onError: (e) => setError(describeError(e, t)),
  });

  const required = { required: true, message: t('survey.required') };
  return (
    <Drawer
      open={survey != null}
      onClose={onClose}
      width={phone ? '100%' : 520}
      title={survey ? t(`surveyKind.${survey.kind}`) : ''}
      destroyOnClose
    >
      {survey && (
        <>
          <Typography.Paragraph type="secondary" data-testid="survey-subject">
            {survey.customerName}
            {survey.ticketNumber ? ` · ${t('survey.case')} ${survey.ticketNumber}` : ''}
            {` · ${survey.periodStart} ~ ${survey.periodEnd}`}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {callback ? t('survey.callbackHint') : isCustomer ? t('survey.portalHint') : t('survey.phoneHint')}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)} disabled={answer.isPending}>
            {!callback &&
              SCORES.map((s) => (
                <Form.Item key={s} name={s} label={t(`survey.${s}`)} rules={[required]}>
                  <Rate data-testid={`survey-${s}`} tooltips={[1, 2, 3, 4, 5].map((n) => t(`survey.rate${n}`))} />
                </Form.Item>
              ))}
            {callback && (
              <Form.Item name="outcome" label={t('survey.outcome')} rules={[required]}>
                <Input.TextArea rows={4} maxLength={2000} data-testid="survey-outcome" />
              </Form.Item>
            )}
            <Form.Item name="comment" label={t('survey.comment')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="survey-comment" />
            </Form.Item>
            {callback && (
              <>
                <Form.Item name="raiseProblem" valuePropName="checked">
                  <Checkbox data-testid="survey-raise">{t('survey.raiseProblem')}</Checkbox>
                </Form.Item>
                {raise && (
                  <>
                    <Form.Item name="siteId" label={t('survey.site')} rules={[required]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={(sites.data ?? [])
                          .filter((s) => s.customerId === survey.customerId)
                          .map((s) => ({ value: s.id, label: s.name }))}
                      />
                    </Form.Item>
                    <Form.Item name="requesterName" label={t('survey.requesterName')} rules={[required]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="requesterPhone" label={t('survey.requesterPhone')} rules={[required]}>
                      <Input maxLength={40} inputMode="tel" />
                    </Form.Item>
                    <Form.Item name="description" label={t('survey.problem')} rules={[required]}>
                      <Input.TextArea rows={3} maxLength={4000} />
                    </Form.Item>
                  </>
                )}
              </>
            )}
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" block loading={answer.isPending} data-testid="survey-submit">
              {t('survey.submit')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
