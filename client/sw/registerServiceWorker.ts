// Installs the service worker (client/sw/serviceWorker.ts) in production
// builds. Not in development: a worker caching Vite's dev modules would serve
// stale code, and the dev server has no /sw.js.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page has loaded, so that precaching does not compete with the first load.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // Without it the app works, only not offline across a reload.
      console.warn('Service worker registration failed', error);
    });
  });
}
