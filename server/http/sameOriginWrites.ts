import type { RequestHandler } from 'express';
import { isAllowedOrigin } from '../access/origin.js';

/**
 * A browser may only change things from the server's own pages: a write
 * (POST, PUT, PATCH, DELETE) carrying another Origin is refused, on top of the
 * SameSite session cookie.
 */
export function sameOriginWrites(extraOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (isAllowedOrigin(req.headers.origin, req.headers.host, extraOrigins)) return next();
    res.status(403).json({ error: { code: 'cross_origin', message: 'Requests from other sites are not accepted.' } });
  };
}
