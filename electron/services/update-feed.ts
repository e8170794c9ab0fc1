/**
 * Where the desktop app looks for updates (issue 18): one fixed https address, decided when the release is
 * built (PROVINCEDESK_UPDATE_URL, baked into main by scripts/build-electron.mjs and written by
 * electron-builder into app-update.yml). Never plain http, where anyone on the line could hand the PC an
 * installer, and never derived from something the user can edit — the server address in Settings would let
 * whoever answers at that address ship code to every PC pointed at it. On Windows, electron-updater also
 * checks that a downloaded installer is signed by the publisher named in app-update.yml (the signing
 * certificate's name, electron-builder.yml `win.verifyUpdateCodeSignature`).
 */

/** The feed folder ("…/updates/") for a build-time address; null (no updates) unless it is plain https. */
export function fixedUpdateFeed(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/`;
}
