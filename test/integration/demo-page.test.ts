import { startTestStack, type TestStack } from '../helpers/gateway';

// HTTP-level checks of the demo page; test/browser/ drives it in Chromium.

describe('the demo page outside production', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('is served at / with a policy that keeps it on this origin', async () => {
    const response = await fetch(`${stack.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
    const html = await response.text();
    expect(html).toContain('<script src="/demo.js" defer></script>');
    expect(html).toContain('href="/graphql"');
  });

  it('serves its script and stylesheet, and nothing else under /', async () => {
    expect((await fetch(`${stack.url}/demo.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${stack.url}/demo.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${stack.url}/package.json`)).status).toBe(404);
    expect((await fetch(`${stack.url}/../src/config.ts`)).status).toBe(404);
  });

  it('has no inline script, style or event handler (the policy would block them)', async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/demo.js" defer>']);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('never builds HTML from data: the script only sets text', async () => {
    const script = await (await fetch(`${stack.url}/demo.js`)).text();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the demo page in production', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => stack.close());

  it('is not served', async () => {
    expect((await fetch(`${stack.url}/`)).status).toBe(404);
    expect((await fetch(`${stack.url}/demo.js`)).status).toBe(404);
  });
});
