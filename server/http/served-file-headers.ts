/**
 * Headers for every file the server sends that a device uploaded (issue 18): the browser must take the
 * type as given (nosniff) and, should it render the file anyway, run it in a sandbox with nothing allowed,
 * so bytes that are HTML or SVG can never run script on the server's origin.
 */
export const SERVED_FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
} as const;
