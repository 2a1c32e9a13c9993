import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function releasesRouter(_ctx: AppContext): Router {
  return Router();
}
