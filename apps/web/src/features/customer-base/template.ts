/** Columns of the import file, in the order the server reads them. */
export const TEMPLATE_HEADER = 'orgUnitCode,month,customers';

/** Offers the CSV template as a download; built in the browser, so it needs no server route. */
export function downloadTemplate() {
  const blob = new Blob([TEMPLATE_HEADER + '\n'], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'customer-base-template.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
