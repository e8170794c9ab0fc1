/**
 * Node lacks two browser globals that dexie-export-import touches: `self` (read when the module
 * loads) and FileReader (it reads Blobs with readAsArrayBuffer). This gives Node tests the real
 * library on real Blobs: FileReader here is Blob.arrayBuffer() behind the browser's event shape.
 * Import it before dexie-export-import.
 */
const scope = globalThis as { self?: unknown; FileReader?: unknown };
scope.self ??= globalThis;

class NodeFileReader {
  result: ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: NodeFileReader }) => void) | null = null;
  onabort: ((event: { target: NodeFileReader }) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
      },
    );
  }
}

scope.FileReader ??= NodeFileReader;
