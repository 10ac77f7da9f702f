import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiRequestError } from '../../../app/api';
import { useErrorText } from '../../../app/errors';

/** Whether the server refused one of these fields (a typing slip), rather than the request as a whole. */
export function refusedField(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiRequestError) || error.status !== 400 || !error.body.field) return null;
  return fields.includes(error.body.field) ? error.body.field : null;
}

/**
 * Shows the server's refusal of a field on that field, in the language chosen now, and again in
 * the other one when the reader switches. The caller clears the error once the field is edited.
 */
export function useServerFieldError(form: FormInstance, error: unknown, fields: readonly string[]): void {
  const text = useErrorText();
  useEffect(() => {
    const field = refusedField(error, fields);
    if (field) form.setFields([{ name: field, errors: [text(error)] }]);
  }, [form, error, fields, text]);
}
