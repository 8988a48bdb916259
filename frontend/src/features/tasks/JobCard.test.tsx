import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/types';
import { fireEvent, render, screen } from '../../test/render';
import { JobCard, secondsLeft } from './JobCard';

const NOW = Date.parse('2026-12-04T08:00:00Z');

const task = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  key: 'diagnoseAndFix',
  name: 'Diagnose and fix',
  ticketId: 7,
  ticketNumber: 'INC-2026-000007',
  ticketTitle: 'Camera 3 shows no picture',
  assignee: 'engineer',
  candidateGroups: ['ENGINEER'],
  created: '2026-12-04T07:00:00Z',
  actionable: true,
  formFields: [],
  siteName: 'City Command Center',
  siteAddress: '1 Renmin Road, Xuhui',
  levelCode: '2',
  levelName: 'Main function degraded',
  nextDeadline: '2026-12-04T09:30:00Z',
  ticketStatus: 'IN_PROGRESS',
  ...over,
});

function renderCard(t: Task, onOpen = vi.fn(), onClaim = vi.fn()) {
  render(
    <MemoryRouter>
      <JobCard task={t} onOpen={onOpen} onClaim={onClaim} />
    </MemoryRouter>,
  );
  return { onOpen, onClaim };
}

describe('a job card', () => {
  afterEach(() => vi.useRealTimers());

  it('shows ticket, title, site, address, level, the task and the time left', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { onOpen } = renderCard(task());
    expect(screen.getByTestId('task-ticket-link').textContent).toBe('INC-2026-000007');
    expect(screen.getByTestId('job-title').textContent).toBe('Camera 3 shows no picture');
    expect(screen.getByTestId('job-site').textContent).toContain('City Command Center');
    expect(screen.getByTestId('job-site').textContent).toContain('1 Renmin Road, Xuhui');
    expect(screen.getByTestId('job-level').getAttribute('data-level')).toBe('2');
    // one language on the card: the level in the reader's language, the contract's name only as its tooltip
    expect(screen.getByTestId('job-level').textContent).toBe('Level 2');
    expect(screen.getByTestId('job-level').getAttribute('title')).toBe('Main function degraded');
    expect(screen.queryByText('Main function degraded')).toBeNull();
    expect(screen.getByTestId('job-task').textContent).not.toBe('');
    const deadline = screen.getByTestId('job-deadline');
    expect(deadline.getAttribute('data-overdue')).toBe('false');
    expect(deadline.className).not.toContain('overdue');
    expect(deadline.textContent).toContain('1h 30m');
    fireEvent.click(screen.getByTestId('task-open'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 't1' }));
    // held by me: nothing to claim
    expect(screen.queryByTestId('task-claim')).toBeNull();
  });

  it("names the level by its scheme's label, not the server's bilingual name", () => {
    renderCard(task({ levelName: 'L2 part of users / 部分用户受影响', policyCode: 'THREE_LEVEL' }));
    expect(screen.getByTestId('job-level').getAttribute('title')).toBe('part of users');
  });

  it('turns red and counts the time over once the deadline has passed', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    renderCard(task({ nextDeadline: '2026-12-04T07:45:00Z' }));
    const deadline = screen.getByTestId('job-deadline');
    expect(deadline.getAttribute('data-overdue')).toBe('true');
    expect(deadline.className).toContain('overdue');
    expect(deadline.textContent).toMatch(/15m/);
  });

  it('says no clock runs when there is no deadline, and offers to claim an unclaimed job', () => {
    const { onClaim } = renderCard(task({ nextDeadline: null, assignee: null }));
    expect(screen.getByTestId('job-deadline').getAttribute('data-overdue')).toBe('false');
    fireEvent.click(screen.getByTestId('task-claim'));
    expect(onClaim).toHaveBeenCalled();
  });

  it('counts seconds left from the deadline', () => {
    expect(secondsLeft('2026-12-04T08:01:00Z', NOW)).toBe(60);
    expect(secondsLeft('2026-12-04T07:59:00Z', NOW)).toBe(-60);
    expect(secondsLeft(null, NOW)).toBeNull();
    expect(secondsLeft('not a time', NOW)).toBeNull();
  });
});
