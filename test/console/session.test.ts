import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, PASSWORD } from '../helpers/auth.js';

let t: TestApp;
let admin: { username: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await newAdmin(t.app);
});
afterAll(() => t.close());

async function signIn(): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const res = await request(t.app)
    .post('/console/session')
    .send({ username: admin.username, password: PASSWORD })
    .expect(200);
  const setCookie = String(res.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0] ?? '', csrf: res.body.csrf as string, setCookie };
}

describe('GET /: the console for a browser, the FaynoSync listing for everyone else', () => {
  it('answers the console page to a browser asking HTML, with a policy that allows only own scripts', async () => {
    const res = await request(t.app)
      .get('/')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<script type="module" src="/console/console.js">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('keeps answering JSON to bearer callers, even when they accept HTML', async () => {
    const res = await request(t.app)
      .get('/')
      .set(bearer(admin.token))
      .set('Accept', 'text/html,*/*')
      .expect(200);
    expect(res.body).toEqual({ apps: [] });
  });

  it('keeps answering FaynoSync JSON errors to callers that do not ask for HTML', async () => {
    const res = await request(t.app).get('/').expect(401);
    expect(res.body.error).toMatch(/authorization/);
    await request(t.app).get('/').set('Accept', 'application/json').expect(401);
  });
});

describe('the console session cookie', () => {
  it('is HttpOnly and SameSite=Strict, and authenticates reads', async () => {
    const { cookie, setCookie } = await signIn();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const me = await request(t.app).get('/whoami').set('Cookie', cookie).expect(200);
    expect(me.body.username).toBe(admin.username);
  });

  it('refuses a wrong password with the API message and sets no cookie', async () => {
    const res = await request(t.app)
      .post('/console/session')
      .send({ username: admin.username, password: 'wrong-password' })
      .expect(401);
    expect(res.body.error).toBe('invalid username or password');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('gives the CSRF token back to a reloaded console, and 401 with no session', async () => {
    const { cookie, csrf } = await signIn();
    const res = await request(t.app).get('/console/session').set('Cookie', cookie).expect(200);
    expect(res.body.csrf).toBe(csrf);
    await request(t.app).get('/console/session').expect(401);
    await request(t.app).get('/console/session').set('Cookie', 'updraft_session=forged').expect(401);
  });

  it('needs the CSRF header on writes: a cross-site form cannot create anything', async () => {
    const { cookie, csrf } = await signIn();
    // What a form on another site would send if the browser attached the cookie: no custom header.
    const form = await request(t.app)
      .post('/channel/create')
      .set('Cookie', cookie)
      .type('form')
      .send({ channel: 'evil' })
      .expect(403);
    expect(form.body.error).toMatch(/x-csrf-token/);
    await request(t.app)
      .post('/channel/create')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', `${csrf.slice(0, -2)}xx`)
      .send({ channel: 'evil' })
      .expect(403);
    await request(t.app).delete('/app/delete?id=0123456789abcdef01234567').set('Cookie', cookie).expect(403);
    await request(t.app)
      .post('/channel/create')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ channel: 'stable' })
      .expect(200);
    const list = await request(t.app).get('/channel/list').set(bearer(admin.token)).expect(200);
    expect(list.body.channels.map((c: { ChannelName: string }) => c.ChannelName)).toEqual(['stable']);
  });

  it("does not take one session's CSRF token for another's", async () => {
    const first = await signIn();
    const other = await newAdmin(t.app);
    const res = await request(t.app)
      .post('/console/session')
      .send({ username: other.username, password: PASSWORD })
      .expect(200);
    const otherCookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    await request(t.app)
      .post('/channel/create')
      .set('Cookie', otherCookie)
      .set('X-CSRF-Token', first.csrf)
      .send({ channel: 'beta' })
      .expect(403);
  });

  it('leaves bearer tokens working, and a bearer header wins over a cookie', async () => {
    const { cookie } = await signIn();
    await request(t.app)
      .post('/channel/create')
      .set('Cookie', cookie)
      .set(bearer(admin.token))
      .send({ channel: 'nightly' })
      .expect(200);
  });

  it('previews a changelog as the feeds render it, sanitised', async () => {
    const { cookie, csrf } = await signIn();
    const res = await request(t.app)
      .post('/console/notes-preview')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ changelog: '- Faster <img src=x onerror=alert(1)>' })
      .expect(200);
    expect(res.body.html).toMatch(/^<ul>\s*<li>Faster/);
    expect(res.body.html).not.toContain('onerror');
    const bad = await request(t.app)
      .post('/console/notes-preview')
      .set(bearer(admin.token))
      .send({ changelog: 3 })
      .expect(400);
    expect(bad.body.error).toMatch(/changelog/);
  });

  it('signs out by removing the cookie', async () => {
    const res = await request(t.app).delete('/console/session').expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^updraft_session=; .*Max-Age=0/);
  });
});
