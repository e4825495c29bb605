import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd form rule that validates with the contract's own zod schema (so the web app never
 * restates a regex or limit) but shows a message in the user's language.
 */
export function zodRule(schema: z.ZodType, message: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return; // `required` decides
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}
