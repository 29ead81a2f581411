// Sign-in and registration are rate-limited per address: a township office
// behind one address still signs in freely, while guessing passwords is slowed
// to a crawl (failures count per account and address; successes do not count).
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { usernameKey } from '../store/usernameKey.js';

const tooMany: RequestHandler = (_req, res) => {
  res.status(429).json({ error: { code: 'rate_limited', message: 'Too many attempts: wait a while and try again.' } });
};

function addressOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'unknown');
}

export function loginLimiter(failuresPer15Min: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: failuresPer15Min,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const username = typeof req.body?.username === 'string' ? usernameKey(req.body.username.trim()).slice(0, 100) : '';
      return `${addressOf(req)}|${username}`;
    },
    handler: tooMany,
  });
}

export function registrationLimiter(perHour: number): RequestHandler {
  return rateLimit({
    windowMs: 3600 * 1000,
    limit: perHour,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: addressOf,
    handler: tooMany,
  });
}
