import { z } from 'zod';
import type { Hotline } from '../pipeline/crisis-reply.vi.js';

const NUMBER = /^\+?[0-9][0-9 .()-]{1,18}[0-9]$/;

/**
 * `CRISIS_HOTLINES`: the mental-health lines the crisis reply gives, per deployment, as
 * `Tên đường dây:số;Tên khác:số` (e.g. `Đường dây hỗ trợ tâm lý của tỉnh:0900 000 000`). Empty = only 115
 * (and 111 for a minor). The number is everything after the last colon, so names may contain colons.
 */
export const CrisisHotlinesSchema = z
  .string()
  .optional()
  .transform((value, ctx): Hotline[] => {
    const entries = (value ?? '').split(';').map((entry) => entry.trim()).filter(Boolean);
    const hotlines: Hotline[] = [];
    for (const entry of entries) {
      const colon = entry.lastIndexOf(':');
      const name = entry.slice(0, Math.max(colon, 0)).trim();
      const number = entry.slice(colon + 1).trim();
      if (colon <= 0 || !name || !NUMBER.test(number)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not "name:number" (e.g. "Đường dây hỗ trợ tâm lý:0900 000 000")` });
        return z.NEVER;
      }
      hotlines.push({ name, number });
    }
    return hotlines;
  });
