import type { FormItemProps } from 'antd';
import type { z } from 'zod';

type Rule = NonNullable<FormItemProps['rules']>[number];

/**
 * An antd form rule that checks a value against a contract schema, so the form
 * refuses exactly what the server would, with a message in the user's language.
 * Empty values are left to a `required` rule.
 */
export function schemaRule(schema: z.ZodType, message: string): Rule {
  return {
    validator: (_, value: unknown) =>
      value === undefined || value === null || value === '' || schema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}
