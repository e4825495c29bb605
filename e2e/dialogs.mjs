/**
 * Submits a modal dialog and waits until it has closed. Clicked again when the dialog stays open:
 * a click that landed while antd's modal was still zooming in was lost in CI (journeys (g), (o)).
 * The journeys now run with reduced motion, so dialogs no longer animate; the retry stays as a
 * guard. A submission still running (its button loading) is waited for, not sent twice.
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
