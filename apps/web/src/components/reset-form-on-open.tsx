import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/**
 * Render inside a <Form> of a drawer or dialog: resets the form to its initialValues whenever
 * `openKey` changes (each opening, another record, a version reloaded after a 409). The form
 * instance outlives the destroyed content, and on remount the values kept from the last opening
 * would win over the new initialValues; as an effect inside the Form, this runs once the Form has
 * taken them.
 */
export function ResetFormOnOpen({ form, openKey }: { form: FormInstance; openKey: string }) {
  useEffect(() => {
    form.resetFields();
  }, [form, openKey]);
  return null;
}
