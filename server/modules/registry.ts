import type { Kernel } from '../platform/kernel.js';

/**
 * The product's modules, each a Fastify plugin under /api/<name> with its own schema.
 * Modules are added here as they are built (legal, civil-status, services, exchange…).
 */
export async function registerModules(kernel: Kernel): Promise<void> {
  void kernel;
}
