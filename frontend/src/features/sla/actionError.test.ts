import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ApiError } from '../../api/client';
import { actionError } from './SlaActions';

const t = i18n.t.bind(i18n);
const problem = (status: number, detail: string) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail } as never);

describe('a refused action', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it("keeps the server's 403 reason only where the reader can read it", async () => {
    await i18n.changeLanguage('zh');
    expect(actionError(problem(403, 'Only the engineer assigned to this ticket (engineer) may do this'), t)).toBe(
      '您无权执行此操作。',
    );
    await i18n.changeLanguage('en');
    expect(actionError(problem(403, 'Only the engineer assigned to this ticket (engineer) may do this'), t)).toContain(
      '(Only the engineer assigned to this ticket (engineer) may do this)',
    );
  });
});
