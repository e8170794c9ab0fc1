import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi, DeskEvent, DeskMethod } from '../shared/ipc/desk-api';
import { DESK_CHANNELS, DESK_EVENT_CHANNEL } from '../shared/ipc/desk-channels';

/**
 * The sandboxed preload: exposes `window.desk` and nothing else. It runs bundled as one CJS
 * file (scripts/build-electron.mjs) because a sandboxed preload may only require 'electron'.
 * Never expose ipcRenderer or an IPC event object: either would let the page send anything
 * on any channel (https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations).
 */

function invoke<M extends DeskMethod>(method: M, ...args: Parameters<DeskApi[M]>): ReturnType<DeskApi[M]> {
  return ipcRenderer.invoke(DESK_CHANNELS[method], ...args) as ReturnType<DeskApi[M]>;
}

const desk = {
  appInfo: () => invoke('appInfo'),
  getSettings: () => invoke('getSettings'),
  updateSettings: (patch) => invoke('updateSettings', patch),
  saveFile: (request) => invoke('saveFile', request),
  openFiles: (request) => invoke('openFiles', request),
  syncRequest: (request) => invoke('syncRequest', request),
  blobStatus: (request) => invoke('blobStatus', request),
  blobUpload: (request) => invoke('blobUpload', request),
  blobDownload: (request) => invoke('blobDownload', request),
  signIn: (request) => invoke('signIn', request),
  signOut: () => invoke('signOut'),
  getSession: () => invoke('getSession'),
  printToPdf: (request) => invoke('printToPdf', request),
  writeLocalBackup: (request) => invoke('writeLocalBackup', request),
  listLocalBackups: () => invoke('listLocalBackups'),
  readLocalBackup: (request) => invoke('readLocalBackup', request),
  getUpdateStatus: () => invoke('getUpdateStatus'),
  checkForUpdates: () => invoke('checkForUpdates'),
  installUpdate: () => invoke('installUpdate'),
  saveDiagnostics: () => invoke('saveDiagnostics'),
  readyToClose: () => invoke('readyToClose'),
  osKeyStore: () => invoke('osKeyStore'),
  sealSecret: (request) => invoke('sealSecret', request),
  openSecret: (request) => invoke('openSecret', request),
  wipeLocalFiles: () => invoke('wipeLocalFiles'),
  onEvent(listener) {
    // Only the payload crosses to the page, never the IpcRendererEvent (it holds `sender`).
    const relay = (_event: IpcRendererEvent, payload: DeskEvent) => listener(payload);
    ipcRenderer.on(DESK_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(DESK_EVENT_CHANNEL, relay);
    };
  },
} satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
