import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function catalogRouter(_ctx: AppContext): Router {
  return Router();
}
