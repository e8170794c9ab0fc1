import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import '@fontsource/sarabun/700.css';
import './app/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { DeskDataContext } from './app/desk-data-context';
import { startSessionBridge } from './app/session-bridge';
import { openDeskData } from './db/desk-data';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const [data] = await Promise.all([openDeskData(), startSessionBridge()]);
    root.render(
      <StrictMode>
        <DeskDataContext.Provider value={data}>
          <App />
        </DeskDataContext.Provider>
      </StrictMode>,
    );
    document.body.dataset.ready = 'true';
  } catch (error) {
    // IndexedDB can be unavailable (private mode, a full disk): say so instead of a blank window.
    root.render(
      <main className="fatal" role="alert">
        <h1>เปิดฐานข้อมูลในเครื่องไม่ได้</h1>
        <p>ProvinceDesk เก็บข้อมูลไว้ในเครื่องนี้ แต่เปิดที่เก็บข้อมูลไม่สำเร็จ ลองปิดแล้วเปิดโปรแกรมใหม่ หากยังไม่ได้ โปรดติดต่อผู้ดูแลระบบ</p>
        <pre>{(error as Error).message}</pre>
      </main>,
    );
  }
}

void start();
