import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_SHELL_PORT, webShellOrigins, webShellPort } from './web-shell-port.mjs';

describe('webShellPort', () => {
  it('is 5173 unless PROVINCEDESK_WEB_PORT says otherwise', () => {
    expect(webShellPort({})).toBe(DEFAULT_WEB_SHELL_PORT);
    expect(DEFAULT_WEB_SHELL_PORT).toBe(5173);
    expect(webShellPort({ PROVINCEDESK_WEB_PORT: '' })).toBe(5173);
    expect(webShellPort({ PROVINCEDESK_WEB_PORT: '4182' })).toBe(4182);
  });

  it('refuses anything that is not a port, naming the variable', () => {
    for (const value of ['abc', '0', '65536', '-1', '4182.5', ' 4182', '0x10']) {
      expect(() => webShellPort({ PROVINCEDESK_WEB_PORT: value })).toThrow(`PROVINCEDESK_WEB_PORT must be a port number from 1 to 65535, not "${value}"`);
    }
  });

  it('gives the origins the local server must allow for that port', () => {
    expect(webShellOrigins(4182)).toEqual(['http://127.0.0.1:4182', 'http://localhost:4182']);
  });
});
