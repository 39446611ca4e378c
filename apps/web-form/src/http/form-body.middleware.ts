import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/**
 * URL-encoded bodies for the tracking page's small forms. A body that cannot be read (too large,
 * a wrong charset) is treated as empty: the page then asks for its fields again, in the
 * customer's language, rather than Express answering with its own error page.
 */
export function formBody(limit: string): RequestHandler {
  const parse = express.urlencoded({ extended: false, limit, parameterLimit: 20 });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (error) req.body = {};
      next();
    });
}
