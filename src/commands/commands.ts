/**
 * The ribbon's function file. The one button of the "Schede Obiettivo" tab opens the task pane
 * (a ShowTaskpane action, declared in manifest.xml), which needs no code; Office still loads
 * this page for the add-in's commands and waits for it to report ready.
 */
export async function initialiseCommands(): Promise<void> {
  // Nothing to register: onReady only tells Office the function file is up.
  await Office.onReady();
}

// Opened outside Office (a plain browser), the page has nothing to do.
if (typeof Office !== "undefined") void initialiseCommands();
