import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function downloadsRouter(_ctx: AppContext): Router {
  return Router();
}
