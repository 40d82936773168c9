import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { KioskController, type KioskConfig } from './kiosk.js';

/** A test host that renders the countdown, as the element does, and records what it showed. */
class KioskHost extends LitElement {
  declare kiosk: KioskController;
  shown: (number | null)[] = [];
  override render() {
    const s = this.kiosk.warningSecondsLeft;
    if (this.shown.at(-1) !== s) this.shown.push(s);
    return s === null ? html`<p>form</p>` : html`<p role="alert">${s}</p>`;
  }
}
customElements.define('otklik-kiosk-host', KioskHost);

const hosts: KioskHost[] = [];

function mount(config: Partial<KioskConfig> = {}) {
  const el = document.createElement('otklik-kiosk-host') as KioskHost;
  const resets: string[] = [];
  el.kiosk = new KioskController(el, {
    enabled: () => true,
    idleMs: () => 200,
    warnMs: () => 1000,
    thanksMs: () => 200,
    onReset: (reason) => resets.push(reason),
    ...config,
  });
  document.body.append(el);
  hosts.push(el);
  return { el, k: el.kiosk, resets };
}

const alert = (el: KioskHost) => el.shadowRoot!.querySelector('[role=alert]')?.textContent ?? null;

describe('KioskController', () => {
  afterEach(() => {
    for (const h of hosts.splice(0)) h.remove();
  });

  it('idle → visible countdown from warnMs/1000 → reset', async () => {
    const { el, k, resets } = mount({ warnMs: () => 2000 });
    await el.updateComplete;
    k.activity();
    await aTimeout(100);
    expect(k.warningSecondsLeft).to.equal(null); // still within idleMs
    await waitUntil(() => k.warningSecondsLeft === 2, 'no warning after idleMs');
    await el.updateComplete;
    expect(alert(el)).to.equal('2');
    await waitUntil(() => resets.length > 0, 'never reset', { timeout: 4000 });
    expect(resets).to.deep.equal(['kiosk-idle']);
    expect(k.warningSecondsLeft).to.equal(null);
    await el.updateComplete;
    expect(el.shown).to.deep.equal([null, 2, 1, null]);
    await aTimeout(400);
    expect(resets).to.have.length(1); // one reset, no timer left behind
  });

  it('activity keeps the session alive; during the warning it cancels the warning', async () => {
    const { el, k, resets } = mount();
    k.activity();
    for (let i = 0; i < 4; i++) {
      await aTimeout(100);
      k.activity(); // a visitor still answering: 400 ms of 100 ms gaps never reaches idleMs
    }
    expect(el.shown).to.deep.equal([null]);
    await waitUntil(() => k.warningSecondsLeft === 1, 'no warning');
    k.activity();
    expect(k.warningSecondsLeft).to.equal(null);
    await el.updateComplete;
    expect(alert(el)).to.equal(null);
    await aTimeout(150);
    expect(resets).to.deep.equal([]);
    await waitUntil(() => resets.length > 0, 'the restarted idle timer never ran out', {
      timeout: 3000,
    });
    expect(resets).to.deep.equal(['kiosk-idle']);
  });

  it('finished → thank-you for thanksMs → kiosk-next, cancelling the idle timer', async () => {
    const { k, resets } = mount({ idleMs: () => 100, warnMs: () => 0, thanksMs: () => 300 });
    k.activity();
    k.finished();
    await aTimeout(150);
    expect(resets).to.deep.equal([]); // the idle timer did not fire during the thank-you screen
    await waitUntil(() => resets.length > 0, 'never reset after thanks');
    expect(resets).to.deep.equal(['kiosk-next']);
  });

  it('finished during the warning hides it', async () => {
    const { k, resets } = mount({ thanksMs: () => 100 });
    k.activity();
    await waitUntil(() => k.warningSecondsLeft !== null, 'no warning');
    k.finished();
    expect(k.warningSecondsLeft).to.equal(null);
    await waitUntil(() => resets.length > 0, 'never reset');
    expect(resets).to.deep.equal(['kiosk-next']);
  });

  it('does nothing when not enabled (not kiosk mode)', async () => {
    const { el, k, resets } = mount({ enabled: () => false, warnMs: () => 0 });
    k.activity();
    k.finished();
    await aTimeout(400);
    expect(resets).to.deep.equal([]);
    expect(el.shown).to.deep.equal([null]);
  });

  it('stop() and disconnecting the host cancel every timer', async () => {
    const a = mount({ warnMs: () => 0 });
    a.k.activity();
    a.k.stop();
    const b = mount({ warnMs: () => 1000 });
    b.k.activity();
    await waitUntil(() => b.k.warningSecondsLeft !== null, 'no warning');
    b.el.remove();
    expect(b.k.warningSecondsLeft).to.equal(null);
    const c = mount();
    c.k.finished();
    c.el.remove();
    await aTimeout(1400);
    expect([a.resets, b.resets, c.resets]).to.deep.equal([[], [], []]);
  });
});
