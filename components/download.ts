/**
 * Saves `parts` as a file through the browser's own download, from an extension page. The object
 * URL lives a minute: revoked at once, some browsers cancel the download before it starts.
 */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A CSV for spreadsheets: the BOM makes Excel read it as UTF-8 (names in Urdu, "₨"). */
export const downloadCsv = (name: string, csv: string) => downloadFile(name, ['\uFEFF', csv], 'text/csv;charset=utf-8');
