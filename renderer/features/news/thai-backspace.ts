import { Extension } from '@tiptap/core';

// Thai above/below vowels and tone marks (ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎). A Thai typist who hits
// Backspace after "กี่" expects to lose the tone mark only, as in every Thai word processor; the
// browser's own deletion differs between engines (some remove the whole cluster), so the editor
// decides.
const THAI_COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]$/;

/** Backspace removes one Thai mark at a time. */
export const ThaiBackspace = Extension.create({
  name: 'thaiBackspace',
  addKeyboardShortcuts() {
    return {
      Backspace: ({ editor }) => {
        const { state } = editor;
        const { empty, $from } = state.selection;
        if (!empty || $from.parentOffset === 0) return false;
        const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 1), $from.parentOffset);
        if (!THAI_COMBINING.test(before)) return false;
        editor.view.dispatch(state.tr.delete($from.pos - 1, $from.pos));
        return true;
      },
    };
  },
});
