/**
 * Submits a modal dialog and waits until it has closed. Clicked again when the dialog stays open:
 * on a loaded machine a click can land while antd's modal is still zooming in and be lost (journey
 * (o) failed once in CI that way). A submission still running (its button loading) is waited for,
 * not sent twice.
 */
export async function submitDialog(dialog, buttonTestId, { attempts = 3 } = {}) {
  const submit = dialog.getByTestId(buttonTestId);
  for (let attempt = 1; ; attempt++) {
    await submit.click();
    try {
      return await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    } catch (e) {
      const running = await submit.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false);
      if (running) return dialog.waitFor({ state: 'hidden', timeout: 20_000 });
      if (attempt >= attempts) throw e;
    }
  }
}
