import { API_CACHE } from './cacheNames.js';

/**
 * Deletes the service worker's copies of API answers (who is signed in, their
 * documents): after signing out, nobody on this computer may open them offline.
 */
export async function forgetCachedApi(): Promise<void> {
  // `caches` exists only in secure contexts (https, localhost).
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(API_CACHE);
  } catch {
    // Storage disabled: there is nothing cached either.
  }
}
