import { describe, expect, test } from 'vitest';
import { contentDisposition } from './pipeline';

describe('contentDisposition', () => {
  test.each([
    ['roster.xlsx', `attachment; filename="roster.xlsx"; filename*=UTF-8''roster.xlsx`],
    ['花名册-某项目(一期)-2026-03-05.xlsx', `attachment; filename="-_-2026-03-05.xlsx"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C-%E6%9F%90%E9%A1%B9%E7%9B%AE%28%E4%B8%80%E6%9C%9F%29-2026-03-05.xlsx`],
    ["a'b*.xlsx", `attachment; filename="a_b_.xlsx"; filename*=UTF-8''a%27b%2A.xlsx`],
  ])('%s', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
