// Where the browser shell under test is served (vite preview). PROVINCEDESK_E2E_PORT lets several
// runs work side by side; the real server allows exactly this origin (no CORS proxy in between).
export const PREVIEW_PORT = Number(process.env.PROVINCEDESK_E2E_PORT ?? 4173);
export const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`;
