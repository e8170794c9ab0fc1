import type { DeskApi } from '../../shared/ipc/desk-api';
import { UNBOUND_SEALER, type SecretSealer } from './keyring';

/** The keyring's OS key store: main's safeStorage when it is available, none otherwise (browser shell, Linux without a keyring). */
export async function deskSealer(desk: Pick<DeskApi, 'osKeyStore' | 'sealSecret' | 'openSecret'>): Promise<SecretSealer> {
  const info = await desk.osKeyStore();
  if (!info.ok || !info.value.available) return UNBOUND_SEALER;
  const unwrap = (result: Awaited<ReturnType<DeskApi['sealSecret']>>): string => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return {
    bound: true,
    seal: async (text) => unwrap(await desk.sealSecret({ text })),
    open: async (text) => unwrap(await desk.openSecret({ text })),
  };
}
