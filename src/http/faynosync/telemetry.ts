import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function telemetryRouter(_ctx: AppContext): Router {
  return Router();
}
