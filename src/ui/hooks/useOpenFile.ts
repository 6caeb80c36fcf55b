import { useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { StandaloneBarProps } from "../components/StandaloneBar";
import { FileOpenError, describeOpenFailure } from "../logic/open-failure";
import { strings } from "../strings";
import type { OpenedWorkbook, OpenWorkbookFile } from "../types";
import type { Pane } from "./pane";

export interface OpenFileOptions {
  /** Opens an .xlsx in the browser; absent where the pane has its workbook already (Excel). */
  openFile?: OpenWorkbookFile;
  opened: OpenedWorkbook | null;
  setOpened: Dispatch<SetStateAction<OpenedWorkbook | null>>;
  /** Saves the annotated copy. */
  download(blob: Blob, fileName: string): void;
  /** The role panel: once a file's first analysis is there, focus goes to its heading. */
  panelRef: RefObject<HTMLElement | null>;
}

/**
 * The file bar of a page that opens workbooks itself (the standalone page): open an .xlsx, analyse
 * it at once so findings and scores show, and download the annotated copy where the host writes to
 * one (`capabilities.downloadCopy`). Null where no file is opened (Excel).
 */
export function useOpenFile(pane: Pane, { openFile, opened, setOpened, download, panelRef }: OpenFileOptions): StandaloneBarProps | null {
  const { can, wb, actions, busy, today } = pane;
  const { analysis } = wb;
  /** Set when a file has just been opened: its first analysis takes focus to the view's heading. */
  const focusResults = useRef(false);

  // Analyse the file as soon as it is open.
  useEffect(() => {
    if (opened) void actions.check({ asOf: today() });
  }, [opened, actions, today]);

  // After opening a file the file button is still focused and the results are far below: go to them.
  useEffect(() => {
    if (!focusResults.current) return;
    if (wb.error) focusResults.current = false;
    else if (analysis) {
      focusResults.current = false;
      panelRef.current?.querySelector<HTMLElement>("[data-view-heading]")?.focus();
    }
  }, [analysis, wb.error, panelRef]);

  if (!openFile) return null;

  const open = async (file: File): Promise<void> => {
    const result = await actions.run(strings.progress.openingFile, async (report) => {
      try {
        return await openFile(file, report);
      } catch (error) {
        throw new FileOpenError(await describeOpenFailure(file, error), { cause: error });
      }
    });
    if (result) {
      focusResults.current = true;
      setOpened(result);
    } else {
      // The previous file's name and findings would read as if they were this file's.
      setOpened(null);
    }
  };

  const downloadCopy = async (): Promise<void> => {
    if (!opened || !analysis) return;
    const name = strings.standalone.annotatedName(opened.fileName);
    const blob = await actions.run(strings.progress.preparingCopy, (report) => opened.annotatedCopy(analysis.writePlan, report));
    if (blob) {
      download(blob, name);
      actions.notify(strings.standalone.downloaded(name));
    }
  };

  return {
    fileName: opened?.fileName ?? null,
    busy,
    onOpen: (f) => void open(f),
    onDownload: opened && analysis && can.downloadCopy ? () => void downloadCopy() : undefined,
  };
}
