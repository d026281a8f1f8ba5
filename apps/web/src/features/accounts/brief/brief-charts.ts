// the radar and the whitespace grid bring the charting code: fetched beside the brief's data, drawn when it is in
export const loadSevenP = () => import('../../identification/value/seven-p-card');
export const loadWhitespace = () => import('../../identification/value/whitespace-card');

/** Starts fetching the brief's chart code; called with the brief's first reads. */
export function preloadBriefCharts() {
  void loadSevenP();
  void loadWhitespace();
}
