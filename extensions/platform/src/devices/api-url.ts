/** A terminal's 终端接口地址 as stored: `http(s)://host[:port][/path]`, no credentials, query or trailing slash. Pure. */
import { invalid } from '../http/errors';

export function normaliseApiUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw badUrl();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash || !url.hostname) throw badUrl();
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const badUrl = () => invalid('DEVICE_API_URL', '终端接口地址格式不正确，应为 http://IP[:端口]，例如 http://192.168.1.64 或 http://10.8.0.12:8090（用户名和密码请填在下方）', 'api_url');
