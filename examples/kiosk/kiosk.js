// Kiosk page helpers, loaded as a file so the page needs no inline script (CSP).

// The service worker keeps the page, the widget and the survey on the tablet, so a reboot
// without network still opens the survey. Responses never go through it: the widget queues them
// in IndexedDB.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('sw.js')
    .catch((e) => console.warn('otklik kiosk: no service worker', e));
}

// Keep the screen on while the page is visible (released by the browser when it is hidden).
async function keepAwake() {
  try {
    if (document.visibilityState === 'visible') await navigator.wakeLock?.request('screen');
  } catch {
    // Not allowed (battery saver, no user gesture yet on some browsers): the tablet's own setting applies.
  }
}
document.addEventListener('visibilitychange', keepAwake);
document.addEventListener('pointerdown', keepAwake, { once: true });
void keepAwake();

// A long press must not open the context menu ("Save image", "Open in new tab") on a shared device.
document.addEventListener('contextmenu', (e) => e.preventDefault());
