/**
 * The browser shell's port on Vite's dev server (`npm run start:web`): PROVINCEDESK_WEB_PORT, else
 * 5173. vite.config.ts listens on exactly this port (strictPort: a busy port stops Vite instead of
 * moving it to the next one), and the local server allows exactly these origins — so a shell moved
 * off 5173 can still sign in, and the end-to-end tests run their own dev server beside a developer's.
 */
export const DEFAULT_WEB_SHELL_PORT = 5173;

export function webShellPort(env = process.env) {
  const value = env.PROVINCEDESK_WEB_PORT;
  if (value === undefined || value === '') return DEFAULT_WEB_SHELL_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new Error(`PROVINCEDESK_WEB_PORT must be a port number from 1 to 65535, not "${value}"`);
  }
  return port;
}

/** The origins the browser shell on `port` calls the central server from. */
export function webShellOrigins(port) {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}
