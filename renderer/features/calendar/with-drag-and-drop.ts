// react-big-calendar's drag-and-drop addon exists only as CommonJS (lib/addons/dragAndDrop); the
// bundler's interop hands over its `default` wrapped once more than TypeScript expects. Unwrap
// until the function is found, so the same code works in the Vite build and in Vitest.
import * as dragAndDropModule from 'react-big-calendar/lib/addons/dragAndDrop';
import type typedWithDragAndDrop from 'react-big-calendar/lib/addons/dragAndDrop';

type WithDragAndDrop = typeof typedWithDragAndDrop;

function unwrap(value: unknown): WithDragAndDrop {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current !== 'function'; depth++) current = (current as { default?: unknown } | null)?.default;
  if (typeof current !== 'function') throw new Error('react-big-calendar drag-and-drop addon not found');
  return current as WithDragAndDrop;
}

export const withDragAndDrop = unwrap(dragAndDropModule);
