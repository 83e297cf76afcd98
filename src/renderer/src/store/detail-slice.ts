import type { SliceCreator } from './app-state';

export const DETAIL_TABS = ['overview', 'modelfile', 'versions', 'history'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** A place in a Modelfile to show: the editor moves its cursor there once, then clears it. */
export interface Reveal {
  line: number;
  column: number;
  /** Distinguishes two requests for the same place. */
  id: number;
}

export interface DetailSlice {
  /** The model whose detail is open over the Models page, and its tab. */
  detail: { name: string; tab: DetailTab } | null;
  reveal: Reveal | null;
  /** Opens a model's detail from anywhere (a notification, the Jobs page). */
  openModel(name: string, tab?: DetailTab): void;
  closeModel(): void;
  setDetailTab(tab: DetailTab): void;
  /** Opens the model's Modelfile with the cursor at a line and column. */
  revealInModelfile(name: string, line: number, column: number): void;
  clearReveal(): void;
}

export const createDetailSlice: SliceCreator<DetailSlice> = () => (set, get) => {
  let nextReveal = 1;
  return {
    detail: null,
    reveal: null,
    openModel(name, tab = 'overview') {
      // One change, so the address gets one history entry.
      set({ page: 'models', detail: { name, tab }, reveal: null });
    },
    closeModel() {
      set({ detail: null, reveal: null });
    },
    setDetailTab(tab) {
      const detail = get().detail;
      if (detail && detail.tab !== tab) set({ detail: { ...detail, tab } });
    },
    revealInModelfile(name, line, column) {
      get().openModel(name, 'modelfile');
      set({ reveal: { line, column, id: nextReveal++ } });
    },
    clearReveal() {
      set({ reveal: null });
    },
  };
};
