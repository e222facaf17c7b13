#!/usr/bin/env node
// Runs the browser journeys (TypeScript, through tsx's loader).
import { register } from 'tsx/esm/api';

register();
await import('./runner.ts');
