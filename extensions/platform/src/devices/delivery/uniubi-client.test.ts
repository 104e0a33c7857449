import { describe, expect, test } from 'vitest';
import { uniubiFailure } from './uniubi-client';

describe('Uniubi answers with success:false', () => {
  test.each([
    // Quoted in a public Uniubi client (devices/README.md). The messages below it are the ones our
    // simulator assumes: we found no published table of Uniubi's messages, so matching is by meaning.
    ['an unknown person', { msg: '不存在该人', success: false, result: 1 }, 'not_found', '不存在该人'],
    ['a wrong device password', { msg: '密码错误', success: false, result: 1 }, 'auth', '密码错误'],
    ['an existing person id', { msg: '人员id已存在', success: false, result: 1 }, 'exists', '人员id已存在'],
    ['a photo without a usable face, with a code', { code: 'E1', msg: '照片质量不合格', success: false, result: 1 }, 'refused', 'E1 照片质量不合格'],
    ['no message at all', { success: false, result: 0 }, 'refused', '{"success":false,"result":0}'],
  ])('%s', (_label, body, failure, message) => {
    const error = uniubiFailure(200, body);
    expect({ failure: error.failure, message: error.message }).toEqual({ failure, message });
  });

  test('a non-200 status is kept in the message', () => {
    expect(uniubiFailure(400, { msg: '参数错误', success: false }).message).toBe('参数错误 (HTTP 400)');
  });
});
