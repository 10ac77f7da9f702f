import { describe, expect, it } from 'vitest';
import { actorLabelIn, actorWithNote, signedByLinkFor, systemActor } from './actor-labels';

describe('the case log’s actor labels', () => {
  it('are written in Chinese, as the record keeps them', () => {
    expect(systemActor('deadlineReminder')).toBe('系统（期限提醒）');
    expect(actorWithNote('李四', 'phoneCodeSigned')).toBe('李四（手机验证码签署）');
    expect(signedByLinkFor('王五', '中山市某建筑公司')).toBe('王五（代表中山市某建筑公司，链接验证码签署）');
  });

  it('read in English with the way of acting translated and names kept', () => {
    expect(actorLabelIn(systemActor('deadlineReminder'), 'en')).toBe('System (deadline reminder)');
    expect(actorLabelIn(systemActor('deadlinePassed'), 'en')).toBe('System (deadline passed)');
    expect(actorLabelIn(actorWithNote('李四', 'applicantPhoneUpload'), 'en')).toBe(
      '李四 (applicant, uploaded by phone)',
    );
    expect(actorLabelIn(actorWithNote('某公司', 'byLink'), 'en')).toBe('某公司 (by link)');
    expect(actorLabelIn(signedByLinkFor('王五', '某公司'), 'en')).toBe('王五 (for 某公司, signed by link with a code)');
    expect(actorLabelIn('system', 'en')).toBe('System');
  });

  it('leave a mediator’s own name, and anything unknown, as written', () => {
    expect(actorLabelIn('陈调解员', 'en')).toBe('陈调解员');
    expect(actorLabelIn('某公司（其他说明）', 'en')).toBe('某公司（其他说明）');
    expect(actorLabelIn(systemActor('deadlineReminder'), 'zh')).toBe('系统（期限提醒）');
  });
});
