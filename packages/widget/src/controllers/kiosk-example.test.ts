// The kiosk example (examples/kiosk/, served here by the test dev server from the repo root):
// its page is CSP-clean, and its service worker lets the page start without network.
// /widget/feedback-survey.js and /v1/surveys/kiosk-pulse are stand-ins from test/middleware.mjs.
import { expect, waitUntil } from '@open-wc/testing';

const BASE = '/examples/kiosk/';
const CACHE = 'otklik-kiosk-v1';
const offline = (on: boolean, surveyVersion?: number) =>
  fetch('/__collector/offline', { method: 'POST', body: JSON.stringify({ on, surveyVersion }) });

describe('examples/kiosk', () => {
  it('is a kiosk page with no inline script or style and a strict CSP', async () => {
    const text = await (await fetch(`${BASE}index.html`)).text();
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const el = doc.querySelector('feedback-survey');
    expect(el?.getAttribute('mode')).to.equal('kiosk');
    expect(el?.getAttribute('survey')).to.equal('kiosk-pulse');
    expect(el?.getAttribute('collector')).to.equal('/');
    expect(el?.getAttribute('channel')).to.equal('kiosk');
    expect(el?.getAttribute('touchpoint')).to.match(/\S/);
    expect([...doc.scripts].filter((s) => !s.src)).to.have.length(0);
    expect(doc.querySelectorAll('style, [style]')).to.have.length(0);
    expect(text).not.to.match(/\son[a-z]+=/i); // no inline handlers
    const csp =
      doc.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content') ?? '';
    expect(csp).to.contain("script-src 'self'");
    expect(csp).to.contain("style-src 'self'");
    expect(csp).not.to.contain('unsafe');
  });

  it('its service worker precaches the shell and the survey, and serves them when the network is down', async () => {
    await offline(false, 1);
    const reg = await navigator.serviceWorker.register(`${BASE}sw.js`, { scope: BASE });
    const frame = document.createElement('iframe');
    try {
      await waitUntil(() => reg.active?.state === 'activated', 'service worker not activated', {
        timeout: 8000,
      });
      const cached = (await (await caches.open(CACHE)).keys())
        .map((r) => new URL(r.url).pathname)
        .sort();
      expect(cached).to.deep.equal([
        '/examples/kiosk/',
        '/examples/kiosk/kiosk.css',
        '/examples/kiosk/kiosk.js',
        '/examples/kiosk/manifest.webmanifest',
        '/v1/surveys/kiosk-pulse',
        '/widget/feedback-survey.js',
      ]);

      frame.src = `${BASE}index.html?touchpoint=x`;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      expect(win.navigator.serviceWorker.controller, 'page not controlled').to.not.equal(null);

      // Online: the survey is network-first, so a new version is seen at once.
      await offline(false, 2);
      expect(await (await win.fetch('/v1/surveys/kiosk-pulse')).json()).to.deep.equal({
        id: 'kiosk-pulse',
        version: 2,
      });

      await offline(true);
      const direct = await fetch('/v1/surveys/kiosk-pulse').then(
        () => 'up',
        () => 'down',
      );
      expect(direct, 'the stand-in is really down').to.equal('down');
      expect(await (await win.fetch('/v1/surveys/kiosk-pulse')).json()).to.deep.equal({
        id: 'kiosk-pulse',
        version: 2,
      });
      expect((await win.fetch('/widget/feedback-survey.js')).ok).to.equal(true);
      expect(await (await win.fetch(BASE)).text()).to.contain('<feedback-survey');
    } finally {
      frame.remove();
      await offline(false, 1);
      await reg.unregister();
      await caches.delete(CACHE);
    }
  });
});
