import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStep } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { CustomerStepCard } from '../fieldwidgets';

interface Props {
  ticketId: number;
  step: CustomerStep;
  onDone: () => Promise<void>;
}

/**
 * Issue 12 on the staff ticket page: what the customer is being asked (review the recovery plan, or confirm the
 * completed work), so the desk can chase or help. The desk may record the plan review for the customer
 * (POST /api/tickets/{id}/plan-review takes SERVICE_DESK); the completion is confirmed by the customer's tester,
 * on the engineer's phone or in the portal, so no one else records it.
 */
export function StaffCustomerStep({ ticketId, step, onDone }: Props) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [recording, setRecording] = useState(false);
  const plan = step.kind === 'PLAN_REVIEW';
  const text = plan ? step.recoveryPlan : step.workDone;
  const canRecord = plan && hasRole('SERVICE_DESK');

  return (
    <Card title={t('detail.customerStep.title')} size="small" data-testid="staff-customer-step" data-kind={step.kind}>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="staff-customer-step-asked">
        {t(plan ? 'detail.customerStep.planReview' : 'detail.customerStep.completion')}
      </Typography.Paragraph>
      {text && (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="staff-customer-step-text"
        >
          {text}
        </Typography.Paragraph>
      )}
      {canRecord &&
        (recording ? (
          <CustomerStepCard
            ticketId={ticketId}
            step={step}
            onDone={async () => {
              setRecording(false);
              await onDone();
            }}
          />
        ) : (
          <Button onClick={() => setRecording(true)} data-testid="staff-customer-step-record">
            {t('detail.customerStep.recordForCustomer')}
          </Button>
        ))}
    </Card>
  );
}
