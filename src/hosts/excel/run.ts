/**
 * Every batch of the Excel host goes through here, with `delayForCellEdit: true`: "When false,
 * if the user is in cell edit when the batch request is processed by the host, the batch
 * automatically fails. When true, ... the batch request is delayed until the user exits cell
 * edit mode" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions). Without it a
 * check, a write or a live re-read started while the user types in a cell fails with
 * InvalidOperationInCellEditMode; live validation fires ~700 ms after an edit, usually while
 * the user is typing in the next cell.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return await Excel.run(RUN_OPTIONS, batch);
}
