import { z } from 'zod';
import { UNIT_LEVELS } from '../org/hierarchy.js';

/** Shared between the server and admin-ui: a contract change breaks the UI build, not production. */
export const ROLES = ['admin', 'leader', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequestSchema = z.object({
  email: z.email('a valid email address is required').max(254),
  password: z.string().min(1, 'password is required').max(200),
  /** Scripts that authenticate with `Authorization: Bearer` ask for the token in the body; browsers use the cookie. */
  bearer: z.boolean().optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UnitSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const MeResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: UnitSummarySchema,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const LoginResponseSchema = z.object({
  /** Only when the request asked for `bearer: true`. */
  token: z.string().optional(),
  expiresInSeconds: z.number(),
  user: MeResponseSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const UnitNodeSchema = UnitSummarySchema.extend({ parentId: z.string().nullable() });
export type UnitNode = z.infer<typeof UnitNodeSchema>;

/** `GET /api/admin/units`: the caller's unit and every unit below it, parents before children. */
export const UnitsResponseSchema = z.object({ units: z.array(UnitNodeSchema) });
export type UnitsResponse = z.infer<typeof UnitsResponseSchema>;

/** Every error response of the API has this shape; `code` is stable (core/errors/error-codes.ts). */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
