// Hands the visitor a file made in the browser (the calculator's CSV, the wizard's Markdown spec).
export function downloadFile(fileName: string, type: string, content: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
