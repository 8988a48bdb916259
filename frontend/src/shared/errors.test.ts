import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../api/client';
import { describeError } from './errors';

const t = i18n.t.bind(i18n);
const problem = (status: number, detail: string, errors?: { field: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail, errors } as never);

describe('describeError on a Chinese page', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('shows a conflict the server worded in Chinese as it is', async () => {
    await i18n.changeLanguage('zh');
    expect(describeError(problem(409, '该任务已由 engineer 认领'), t)).toBe('该任务已由 engineer 认领');
  });

  it('never shows an English server sentence: a Chinese one for the status instead', async () => {
    await i18n.changeLanguage('zh');
    expect(describeError(problem(409, 'Requisition 7 is already APPROVED'), t)).toBe(
      '操作与当前状态冲突（可能已被他人处理），请刷新后重试。',
    );
    expect(describeError(problem(500, 'Something went wrong'), t)).toBe('服务器出错，请稍后再试。');
    expect(describeError(new TypeError('Failed to fetch'), t)).toBe('无法连接服务器，请检查网络后重试。');
  });

  it("shows Chinese field messages without the fields' code names, and none that carry a code", async () => {
    await i18n.changeLanguage('zh');
    expect(
      describeError(
        problem(400, 'x', [
          { field: 'requesterPhone', message: '不能为空' },
          { field: 'title', message: '不能为空' },
        ]),
        t,
      ),
    ).toBe('请检查输入：不能为空');
    expect(describeError(problem(400, 'x', [{ field: 'siteId', message: '不能为null' }]), t)).toBe(
      '提交的内容有误，请检查后重试。',
    );
    expect(describeError(problem(400, 'x', [{ field: 'kind', message: 'invalid value' }]), t)).toBe(
      '提交的内容有误，请检查后重试。',
    );
  });
});

describe('describeError on an English page', () => {
  it("shows the server's own words and names the fields", () => {
    expect(describeError(problem(409, 'This task is already claimed by engineer'), t)).toBe(
      'This task is already claimed by engineer',
    );
    expect(describeError(problem(400, 'x', [{ field: 'title', message: 'must not be blank' }]), t)).toBe(
      'title: must not be blank',
    );
  });
});

describe('field errors under their fields', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('on a Chinese page an English or code-like field message becomes a Chinese "check this field"', async () => {
    await i18n.changeLanguage('zh');
    const e = problem(400, 'x', [
      { field: 'level', message: 'must be one of the policy levels' },
      { field: 'title', message: '不能为空' },
      { field: 'siteId', message: '不能为null' },
    ]);
    expect(e.fieldErrors).toEqual([
      { field: 'level', message: '此项内容不符合要求，请检查' },
      { field: 'title', message: '不能为空' },
      { field: 'siteId', message: '此项内容不符合要求，请检查' },
    ]);
    expect(e.problem.errors?.[0].message).toBe('must be one of the policy levels');
  });

  it('on an English page the server message is kept', async () => {
    await i18n.changeLanguage('en');
    const e = problem(400, 'x', [{ field: 'level', message: 'must be one of the policy levels' }]);
    expect(e.fieldErrors[0].message).toBe('must be one of the policy levels');
  });
});
