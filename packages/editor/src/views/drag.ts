/**
 * Drag-and-drop reordering of one list (questions, or one question's options or rows). The
 * keyboard has «Выше / Ниже» buttons for the same moves; dragging is the mouse's shortcut.
 * Each list has its own scope, so an option dropped on another question's card does nothing.
 */
const TYPE = 'application/x-otklik-item';

export interface DragHandlers {
  start(k: number): (e: DragEvent) => void;
  over(e: DragEvent): void;
  drop(k: number): (e: DragEvent) => void;
}

export function dragHandlers(
  scope: string,
  onMove: (from: number, to: number) => void,
): DragHandlers {
  return {
    start: (k) => (e) => {
      e.stopPropagation();
      e.dataTransfer?.setData(TYPE, `${scope}\n${k}`);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    },
    over: (e) => {
      if (e.dataTransfer?.types.includes(TYPE)) e.preventDefault();
    },
    drop: (k) => (e) => {
      const [from, index] = (e.dataTransfer?.getData(TYPE) ?? '').split('\n');
      if (from !== scope || index === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      const n = Number(index);
      if (Number.isInteger(n) && n !== k) onMove(n, k);
    },
  };
}
