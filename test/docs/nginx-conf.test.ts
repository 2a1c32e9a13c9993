import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ROOT } from '../faults/processes.js';

/**
 * docs/nginx.conf against what Updraft needs from a proxy (docs/scale-out.md): several upstreams, uploads streamed
 * without a size cap of nginx's own, room for every other body Updraft accepts, the client's address passed on.
 * nginx is not on the CI machine; the file was checked with `nginx -t` and live traffic by hand (docs/scale-out.md).
 */
const conf = readFileSync(join(ROOT, 'docs/nginx.conf'), 'utf8').replace(/#.*$/gm, '');

/** The body of the first block that `header` opens, braces balanced. */
function block(text: string, header: RegExp): string {
  const m = header.exec(text);
  if (!m) throw new Error(`no block ${header} in docs/nginx.conf`);
  let depth = 0;
  const start = m.index + m[0].length;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}') {
      if (depth === 0) return text.slice(start, i);
      depth--;
    }
  }
  throw new Error(`unbalanced block ${header}`);
}

const bytes = (size: string) => {
  const m = /^(\d+)([kmg]?)$/i.exec(size);
  if (!m) throw new Error(`size ${size}`);
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1);
};
const directive = (text: string, name: string) => new RegExp(`^\\s*${name}\\s+([^;]+);`, 'm').exec(text)?.[1];

describe('docs/nginx.conf', () => {
  const server = block(conf, /server\s*\{(?=[^}]*listen 443)/);
  const uploadsHeader = /location ~ (\S+) \{/.exec(server);
  const uploads = block(server, /location ~ \S+ \{/);

  it('balances over two or more instances with keep-alive', () => {
    expect(block(conf, /upstream updraft \{/).match(/^\s*server\s/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(directive(server, 'proxy_http_version')).toBe('1.1');
  });

  it('streams every upload route to the instance, with no size cap and time for large files', () => {
    const pattern = new RegExp(uploadsHeader?.[1] ?? '^$');
    for (const path of ['/upload', '/apps/update', '/v1/uploads/tenant/upload-id']) {
      expect(path).toMatch(pattern);
    }
    for (const path of ['/checkVersion', '/login', '/update/acme/desktop/stable/windows/x64/latest.yml']) {
      expect(path).not.toMatch(pattern);
    }
    expect(directive(uploads, 'proxy_request_buffering')).toBe('off');
    expect(directive(uploads, 'client_max_body_size')).toBe('0');
    expect(Number.parseInt(directive(uploads, 'proxy_read_timeout') ?? '0', 10)).toBeGreaterThanOrEqual(300);
  });

  it('lets through every other body Updraft accepts by default', () => {
    const config = loadConfig({ DATA_DIR: '/nonexistent', JWT_SECRET: 'x'.repeat(32) });
    const limit = bytes(directive(server, 'client_max_body_size') ?? '1m');
    // JSON bodies, crash reports, and BinDist's small uploads: 10 MB of file, base64 in JSON (4/3) at worst.
    for (const needed of [config.jsonMaxBytes, 256 * 1024, Math.ceil((10 * 1024 ** 2 * 4) / 3) + 64 * 1024]) {
      expect(limit).toBeGreaterThanOrEqual(needed);
    }
  });

  it('passes the client’s address and the original scheme on', () => {
    expect(server).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(server).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
  });
});
