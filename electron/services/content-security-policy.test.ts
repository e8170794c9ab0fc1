import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_HEADER, withCspHeader } from './content-security-policy';

function directives(policy: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `directive ${name} appears once`).toBe(false);
      map.set(name, values.join(' '));
    }
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows only the app origin by default and for scripts (no inline script, no eval)', () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('allows inline styles, but nothing else inline', () => {
    expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY.match(/unsafe-inline/g)).toHaveLength(1);
  });

  it('keeps the renderer off the network: connect, font and images stay on the app origin', () => {
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('font-src')).toBe("'self'");
    expect(policy.get('img-src')).toBe("'self' blob: data:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('closes plugins, <base>, form posts and framing', () => {
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });
});

describe('withCspHeader', () => {
  it('adds the policy and keeps the other headers', () => {
    const headers = withCspHeader({ 'Content-Type': 'text/html; charset=utf-8' });
    expect(headers).toEqual({ 'Content-Type': 'text/html; charset=utf-8', [CSP_HEADER]: CONTENT_SECURITY_POLICY });
  });

  it('replaces a weaker policy whatever its case, and does not change its input', () => {
    const input = { 'content-security-policy': "default-src *", 'X-Other': '1' };
    const headers = withCspHeader(input);
    expect(headers).toEqual({ 'X-Other': '1', [CSP_HEADER]: CONTENT_SECURITY_POLICY });
    expect(input['content-security-policy']).toBe('default-src *');
  });

  it('works with no headers', () => {
    expect(withCspHeader()).toEqual({ [CSP_HEADER]: CONTENT_SECURITY_POLICY });
  });
});
