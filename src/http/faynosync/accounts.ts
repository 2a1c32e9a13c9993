import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function accountsRouter(_ctx: AppContext): Router {
  return Router();
}
