/**
 * The Content-Security-Policy of the renderer, sent as a response header by the app://
 * protocol handler (a header, not a <meta>, so it also covers frame-ancestors and cannot be
 * removed by script). Electron security checklist 7:
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  // Only the bundled scripts: no inline script, no eval, no CDN.
  ['script-src', "'self'"],
  // 'unsafe-inline' for styles only. Inline style *attributes* in HTML we render (news bodies
  // keep the styling of text pasted from Word and Google Docs; the published-article preview)
  // and libraries that insert <style> elements at runtime are blocked without it.
  // (React's `style` prop and react-big-calendar's event positioning write through the CSSOM,
  // which CSP does not restrict.) CSS cannot run script, and the img/font/connect limits below
  // keep CSS from loading anything off the app origin.
  ['style-src', "'self' 'unsafe-inline'"],
  // blob: for photo previews made with URL.createObjectURL; data: for small inline icons.
  ['img-src', "'self' blob: data:"],
  // Sarabun is bundled with the app, never loaded from the web (DESIGN.md, "Thai conventions").
  ['font-src', "'self'"],
  // The renderer never talks to the network in Electron: sync goes through main (syncRequest),
  // which holds the server address and the token.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

export const CSP_HEADER = 'Content-Security-Policy';

/** A copy of `headers` with the policy set, replacing any policy already there (any case). */
export function withCspHeader(headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== CSP_HEADER.toLowerCase()) result[name] = value;
  }
  result[CSP_HEADER] = CONTENT_SECURITY_POLICY;
  return result;
}
