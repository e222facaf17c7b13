import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLE_LABELS, ROLES } from '../../../contracts/auth.js';
import { PRIVILEGED_ROLES, permissionsOf } from './permissions.js';

/** The roles and what each may do, for the administration pages. */
export async function roleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/roles',
    {
      config: { auth: 'authenticated' },
      schema: { tags: ['admin'], summary: 'Các vai trò và quyền của từng vai trò' },
    },
    async () => ({
      items: ROLES.map((role) => ({
        role,
        label: ROLE_LABELS[role],
        privileged: PRIVILEGED_ROLES.has(role),
        permissions: [...permissionsOf(role)].sort(),
      })),
    }),
  );
}
