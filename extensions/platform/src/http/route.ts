import type { NextFunction, Request, Response } from 'express';

/** Express handler for an async function: rejected promises go to Directus's error handler. */
export function route(fn: (req: Request, res: Response) => Promise<unknown>) {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
}
