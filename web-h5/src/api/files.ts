import { client } from './client';
import { HttpStatusError } from './errors';

/**
 * A private file (ID card, face, contract photo) of the project, through `GET /platform/files/:id`
 * with the session's token: an `<img>` cannot send the token, so pages show it from a blob URL.
 */
export async function fetchPrivateFile(id: string): Promise<Blob> {
  const token = await client.getToken();
  const response = await fetch(new URL(`/platform/files/${encodeURIComponent(id)}`, client.url), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new HttpStatusError(response.status);
  return response.blob();
}
