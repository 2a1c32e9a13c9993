import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type RequestListener } from 'node:http';
import request from 'supertest';
import { bearer } from './auth.js';

export interface UploadFile {
  name: string;
  content: Buffer;
  contentType?: string;
  /** Send the name as RFC 5987 `filename*=UTF-8''…`, the only way control characters can travel in a header. */
  encodeName?: boolean;
}

export type FormPart = { name: string; value: string } | { name: string; file: UploadFile };

/** A quoted-string of a multipart header: busboy reads `\` as an escape, so `a\b` travels as `a\\b`. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A multipart/form-data body built byte by byte, in the order given: file names go out exactly as written (form
 * libraries cut directory parts off), and the parts' order is under the test's control.
 */
export function multipart(parts: FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----updraft-test-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
    if ('file' in part) {
      const name = part.file.encodeName
        ? `filename*=UTF-8''${encodeURIComponent(part.file.name)}`
        : `filename=${quoted(part.file.name)}`;
      head += `; ${name}\r\nContent-Type: ${part.file.contentType ?? 'application/octet-stream'}`;
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
    chunks.push('file' in part ? part.file.content : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a multipart form to `path`. */
export function sendForm(app: RequestListener, path: string, token: string, parts: FormPart[]): request.Test {
  const { body, contentType } = multipart(parts);
  return request(app).post(path).set(bearer(token)).set('Content-Type', contentType).send(body);
}

/** `data` as JSON (a string goes as it is), then each file: FaynoSync's `/upload` form. */
export function dataAndFiles(data: unknown, files: UploadFile[]): FormPart[] {
  return [
    { name: 'data', value: typeof data === 'string' ? data : JSON.stringify(data) },
    ...files.map((file) => ({ name: 'file', file })),
  ];
}

/** POST /upload with `data` first, then the files. */
export function upload(
  app: RequestListener,
  token: string,
  data: unknown,
  files: UploadFile[],
): request.Test {
  return sendForm(app, '/upload', token, dataAndFiles(data, files));
}

/** POST /app/create; returns the app id. */
export async function createApp(
  app: RequestListener,
  token: string,
  name: string,
  options: { private?: boolean } = {},
): Promise<string> {
  const data = { app: name, ...(options.private ? { private: 'true' } : {}) };
  const res = await sendForm(app, '/app/create', token, [
    { name: 'data', value: JSON.stringify(data) },
  ]).expect(200);
  return res.body['createAppResult.Created'] as string;
}

/** POST /{channel,platform,arch}/create; returns the id. Platforms get the updaters given, or FaynoSync's default. */
export async function createNamed(
  app: RequestListener,
  token: string,
  kind: 'channel' | 'platform' | 'arch',
  name: string,
  updaters?: { type: string; default: boolean }[],
): Promise<string> {
  const res = await request(app)
    .post(`/${kind}/create`)
    .set(bearer(token))
    .send({ [kind]: name, ...(updaters ? { updaters } : {}) })
    .expect(200);
  const result = { channel: 'Channel', platform: 'Platform', arch: 'Arch' }[kind];
  return res.body[`create${result}Result.Created`] as string;
}

export interface SearchArtifact {
  id: string;
  link: string;
  platform: string;
  arch: string;
  package: string;
  file_name: string;
  size: number;
  sha256: string;
  sha512: string;
  signature?: string;
}

export interface SearchItem {
  ID: string;
  AppName: string;
  Version: string;
  Channel: string;
  Published: boolean;
  Critical: boolean;
  Intermediate: boolean;
  Artifacts: SearchArtifact[];
  Changelog: { Version: string; Changes: string; Date: string }[];
  Updated_at: string;
  RolloutPercent: number;
}

/** GET /search; returns the whole answer. */
export async function search(
  app: RequestListener,
  token: string,
  query: Record<string, string>,
): Promise<{ items: SearchItem[]; total: number; page: number; limit: number }> {
  const res = await request(app).get('/search').query(query).set(bearer(token)).expect(200);
  return res.body;
}

/** What FaynoSync's CLI is given on its command line (`faynosync upload --app … --version … [--publish] …`). */
export interface CliUpload {
  app_name: string;
  version: string;
  channel?: string;
  publish?: boolean;
  critical?: boolean;
  intermediate?: boolean;
  platform?: string;
  arch?: string;
  changelog?: string;
}

/**
 * The `data` JSON FaynoSync's CLI sends (faynoSync-cli internal/cli/upload.go, `uploadData` through json.Marshal):
 * every key, in the struct's order, booleans as JSON booleans and "" for what was not given. The flags and the
 * changelog are thus always sent, false and "" included.
 */
export function cliData(input: CliUpload): string {
  return JSON.stringify({
    app_name: input.app_name,
    version: input.version,
    channel: input.channel ?? '',
    publish: input.publish ?? false,
    critical: input.critical ?? false,
    intermediate: input.intermediate ?? false,
    platform: input.platform ?? '',
    arch: input.arch ?? '',
    changelog: input.changelog ?? '',
  });
}

/**
 * The form FaynoSync's CLI streams (buildUploadBody): one `file` part per file (Go's CreateFormFile, so
 * `application/octet-stream`), then the `data` field. Its dashboard and Postman collection send the same order.
 */
export function filesThenData(data: string, files: UploadFile[]): FormPart[] {
  return [...files.map((file) => ({ name: 'file', file })), { name: 'data', value: data }];
}

/**
 * `POST /upload` of one `file` part of `fileBytes` (one random mebibyte over and over, made as it is sent, so no
 * test holds a large file), then `data`, over a real connection with backpressure. Resolves with the answer and the
 * SHA-256 of what was sent; the answer is read even if it comes while the file is still being sent.
 */
export function streamUploadDataLast(
  port: number,
  token: string,
  data: string,
  fileBytes: number,
): Promise<{ status: number; body: string; sha256: string }> {
  const boundary = `----updraft-stream-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  const chunk = randomBytes(1024 * 1024);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/upload',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + fileBytes + tail.length,
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString(),
          sha256: hash.digest('hex'),
        }),
      );
    });
    let sent = 0;
    const write = (): void => {
      while (sent < fileBytes) {
        sent += chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      req.end(tail);
    };
    req.write(head);
    write();
  });
}
