/** Saves a blob as a file through the browser's download (the standalone page). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The MIME type of an .xlsx. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** .xlsx bytes from a host, as a Blob to download. */
export function xlsxBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as BlobPart], { type: XLSX_TYPE });
}
