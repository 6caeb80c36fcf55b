/** The MIME type of an .xlsx, for the downloaded Blob. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
