import type { NextFunction, Request, Response } from 'express';
import type { InitRegistrar } from './registrars';

/**
 * Directus 12.4.0's FoldersService adds a filter to the request's query for non-administrators,
 * but the query middleware has frozen that object: every `GET /folders` by staff answered 500
 * (the 文件 module's 未知错误). A thawed copy of the query lets Directus answer normally.
 */
export function fixFolderListing(init: InitRegistrar): void {
  init('routes.before', ({ app }) => {
    app.get(['/folders', '/folders/*'], (req: Request & { sanitizedQuery?: object }, _res: Response, next: NextFunction) => {
      if (req.sanitizedQuery && Object.isFrozen(req.sanitizedQuery)) req.sanitizedQuery = { ...req.sanitizedQuery };
      next();
    });
  });
}
