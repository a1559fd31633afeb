import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n';
import { TIMESTAMP_AUTHORITIES, TIMESTAMP_ERROR_CODES, authorityById, customAuthority } from '@/lib/timestamp';

describe('the public time-stamping authorities', () => {
  it('each has an http(s) endpoint, the host permission for exactly that host, and a description in en, zh_CN and ru', () => {
    expect(TIMESTAMP_AUTHORITIES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(TIMESTAMP_AUTHORITIES.map((a) => a.id)).size).toBe(TIMESTAMP_AUTHORITIES.length);
    for (const authority of TIMESTAMP_AUTHORITIES) {
      const url = new URL(authority.url);
      expect(['http:', 'https:'], authority.id).toContain(url.protocol);
      expect(authority.permission, authority.id).toBe(`${url.protocol}//${url.hostname}/*`);
      expect(authorityById(authority.id)).toBe(authority);
      for (const [locale, catalogue] of Object.entries(LOCALES)) {
        expect((catalogue as Record<string, unknown>)[authority.descriptionKey], `${locale} ${authority.descriptionKey}`).toEqual(expect.any(String));
      }
    }
    expect(authorityById('digicert')?.url).toBe('http://timestamp.digicert.com');
    expect(authorityById('nope')).toBeUndefined();
  });

  it('every error the module can give has its message in en, zh_CN and ru', () => {
    for (const code of TIMESTAMP_ERROR_CODES) {
      for (const [locale, catalogue] of Object.entries(LOCALES)) {
        expect((catalogue as Record<string, unknown>)[`timestamp.error.${code}`], `${locale} ${code}`).toEqual(expect.any(String));
      }
    }
  });

  it('an address the user enters becomes an authority asking for its own host only', () => {
    const custom = customAuthority('  https://tsa.example.org:8443/tsp?x=1#frag ');
    expect(custom).toMatchObject({ id: 'custom', url: 'https://tsa.example.org:8443/tsp?x=1', permission: 'https://tsa.example.org/*', operator: 'tsa.example.org' });
    for (const bad of ['', 'tsa.example.org', 'ftp://tsa.example.org/', 'javascript:alert(1)', 'https://user:pw@tsa.example.org/', 'file:///etc/passwd']) {
      expect(customAuthority(bad), bad).toBeUndefined();
    }
  });
});
