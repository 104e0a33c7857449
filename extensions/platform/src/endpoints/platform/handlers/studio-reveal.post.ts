import { revealPersonalData, type Revealed } from '../../../personal-data/reveal';
import type { HandlerContext } from '../context';

/** POST /platform/studio/reveal `{ collection, id, reason }` — 查看完整信息 (bureau staff; audited). */
export function postReveal({ req, database }: HandlerContext): Promise<Revealed> {
  return revealPersonalData(database, req.accountability?.user, req.body);
}
