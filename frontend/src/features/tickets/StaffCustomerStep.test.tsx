import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { StaffCustomerStep } from './StaffCustomerStep';

const roles = vi.hoisted(() => ({ current: ['SERVICE_DESK'] as string[] }));
vi.mock('../../auth/AuthContext', () => ({
  useAuth: () => ({ hasRole: (...r: string[]) => r.some((x) => roles.current.includes(x)) }),
  useSignedInUser: () => 'desk',
}));

afterEach(() => vi.unstubAllGlobals());

describe('the customer step on the staff ticket page', () => {
  it('shows the desk the plan the customer is asked to review and lets it record the answer for them', async () => {
    roles.current = ['SERVICE_DESK'];
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(new Response(null, { status: 204 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn(() => Promise.resolve());
    render(
      <App>
        <StaffCustomerStep
          ticketId={12}
          step={{ kind: 'PLAN_REVIEW', recoveryPlan: 'Replace the PoE switch' }}
          onDone={onDone}
        />
      </App>,
    );
    expect(screen.getByTestId('staff-customer-step-asked').textContent).toContain('review the recovery plan');
    expect(screen.getByTestId('staff-customer-step-text').textContent).toBe('Replace the PoE switch');
    fireEvent.click(screen.getByTestId('staff-customer-step-record'));
    fireEvent.click(await screen.findByText('Approve plan'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('api/tickets/12/plan-review');
    expect(JSON.parse(init?.body as string)).toMatchObject({ approved: true });
  });

  it('shows the completion the customer is asked to confirm, with nothing to record for them', () => {
    roles.current = ['SERVICE_DESK', 'ENGINEER'];
    render(
      <App>
        <StaffCustomerStep
          ticketId={12}
          step={{ kind: 'COMPLETION_CONFIRMATION', workDone: 'Re-crimped the connector' }}
          onDone={() => Promise.resolve()}
        />
      </App>,
    );
    expect(screen.getByTestId('staff-customer-step').getAttribute('data-kind')).toBe('COMPLETION_CONFIRMATION');
    expect(screen.getByTestId('staff-customer-step-text').textContent).toBe('Re-crimped the connector');
    expect(screen.queryByTestId('staff-customer-step-record')).toBeNull();
  });

  it('offers an engineer no recording of the plan review (the desk or the customer answer it)', () => {
    roles.current = ['ENGINEER'];
    render(
      <App>
        <StaffCustomerStep
          ticketId={12}
          step={{ kind: 'PLAN_REVIEW', recoveryPlan: 'x' }}
          onDone={() => Promise.resolve()}
        />
      </App>,
    );
    expect(screen.queryByTestId('staff-customer-step-record')).toBeNull();
  });
});
