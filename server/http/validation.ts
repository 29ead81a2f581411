// Request bodies are parsed with zod; a failure is a 400 that names the field.
import { z } from 'zod';
import { ROLES, SECTION_STATUSES } from '../../shared/api.js';
import { isCalendarDate } from '../sections/sectionInput.js';
import { badRequest } from '../errors.js';
import { MAX_SUGGESTION_TEXT } from '../../shared/suggestions.js';

// Control characters have no place in names and titles (and Word cannot hold them).
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const chars = (s: string) => [...s].length;

export const usernameSchema = z
  .string({ error: 'username must be a string' })
  .trim()
  .regex(/^[\p{L}\p{N}_.-]{2,40}$/u, 'username: 2–40 letters, digits, "_", "." or "-"');

export const registerBody = z.object({
  username: usernameSchema,
  password: z.string({ error: 'password must be a string' }).min(8, 'password: at least 8 characters').max(200, 'password: at most 200 characters'),
  displayName: z
    .string({ error: 'displayName must be a string' })
    .trim()
    .refine((s) => chars(s) >= 1 && chars(s) <= 40, 'displayName: 1–40 characters')
    .refine(noControl, 'displayName: no control characters')
    .optional(),
  inviteCode: z.string({ error: 'inviteCode must be a string' }).trim().min(1).max(100).optional(),
});

export const loginBody = z.object({
  username: z.string({ error: 'username must be a string' }).trim().min(1, 'username is required').max(100),
  password: z.string({ error: 'password must be a string' }).min(1, 'password is required').max(200),
});

export const titleSchema = z
  .string({ error: 'title must be a string' })
  .trim()
  .refine((s) => chars(s) >= 1 && chars(s) <= 200, 'title: 1–200 characters')
  .refine(noControl, 'title: no control characters');

export const createDocumentBody = z.object({
  title: titleSchema,
  template: z.string({ error: 'template must be a string' }).max(100),
});

export const renameDocumentBody = z.object({ title: titleSchema });

export const memberBody = z.object({
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }),
});

/** Assignees of one section: a committee is small. */
export const MAX_ASSIGNEES = 20;

export const sectionBody = z
  .object({
    assignees: z
      .array(z.string({ error: 'assignees: usernames (strings)' }).trim().min(1, 'assignees: usernames, none empty').max(100), {
        error: 'assignees must be a list of usernames',
      })
      .max(MAX_ASSIGNEES, `assignees: at most ${MAX_ASSIGNEES}`)
      .optional(),
    status: z.enum(SECTION_STATUSES, { error: `status must be one of ${SECTION_STATUSES.join(', ')}` }).optional(),
    due: z.string({ error: 'due must be a date (YYYY-MM-DD) or null' }).refine(isCalendarDate, 'due: a date written YYYY-MM-DD, or null').nullable().optional(),
  })
  .refine((b) => b.assignees !== undefined || b.status !== undefined || b.due !== undefined, 'give at least one of assignees, status, due');

/** 修订: accept-all and reject-all, optionally of one author's suggestions only. */
export const reviewAllBody = z.object({
  author: z.string({ error: 'author must be a username' }).min(1, 'author: a username').max(MAX_SUGGESTION_TEXT).optional(),
});

/** 修订: PUT /api/documents/:id/review. Only this key is taken: anything else is a mistake worth a 400. */
export const reviewBody = z.strictObject(
  { suggestOnly: z.boolean({ error: 'suggestOnly must be true or false' }) },
  { error: 'a JSON object {"suggestOnly": true | false}' },
);

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const message = issue.message.includes(':') || !where ? issue.message : where + issue.message;
    throw badRequest('invalid_input', message);
  }
  return result.data;
}
