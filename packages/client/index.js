import createFetchClient from 'openapi-fetch';

/**
 * A client of an Updraft server. With `token` (a login JWT, an `fns_` CI token or a BinDist key) every request
 * carries `Authorization: Bearer <token>`; with `csrf` (the console's cookie session) every write carries the
 * X-CSRF-Token header it returns.
 */
export function createUpdraftClient(options = {}) {
  const { token, csrf, ...rest } = options;
  const client = createFetchClient(rest);
  client.use({
    onRequest({ request }) {
      if (token !== undefined) request.headers.set('Authorization', `Bearer ${token}`);
      if (csrf && request.method !== 'GET' && request.method !== 'HEAD')
        request.headers.set('X-CSRF-Token', csrf());
      return request;
    },
  });
  return client;
}

/**
 * The form FaynoSync's multipart routes take (`/upload`, `/apps/update`, `/app/create`, `/app/update`): `data` as
 * JSON, then each file as a `file` part.
 */
export function dataForm(data, files = []) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('file', file, file.name);
  return form;
}
