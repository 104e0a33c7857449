import { reactive, ref } from 'vue';
import type { FieldRule, FormInstance } from 'vant';
import { parseApiError, reportApiError } from '@/api/errors';

interface ServerError {
  message: string;
  /** The field's value when the server refused it; editing the field clears the error. */
  value: unknown;
}

/** `units[2].uscc` and `units.2.uscc` both name the van-field `units.2.uscc`. */
export function normalizeFieldName(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Shows a field-level refusal from the server (`extensions.field`) on the van-field itself, through a
 * rule appended to that field's rules, so it looks and clears like any client-side error.
 */
export function useServerErrors() {
  const errors = reactive(new Map<string, ServerError>());

  /** The field's rules plus the one that reports the server's refusal. */
  function withServerRule(name: string, rules: FieldRule[] = []): FieldRule[] {
    return [
      ...rules,
      {
        validator: (value: unknown) => {
          const error = errors.get(name);
          return !error || error.value !== value ? true : error.message;
        },
      },
    ];
  }

  /** Marks the field, validates it to show the message and scrolls to it; false when no such field is on the form. */
  async function show(form: FormInstance | undefined, field: string, message: string): Promise<boolean> {
    if (!form) return false;
    const name = normalizeFieldName(field);
    const values = form.getValues();
    if (!(name in values)) return false;
    errors.set(name, { message, value: values[name] });
    await form.validate(name).catch(() => undefined);
    form.scrollToField(name, { behavior: 'smooth', block: 'center' });
    return true;
  }

  function clear(): void {
    errors.clear();
  }

  /** Puts a failed submit's message on the field the server named, else toasts it as usual. */
  async function report(form: FormInstance | undefined, err: unknown): Promise<void> {
    const error = parseApiError(err);
    const shown = error.field !== undefined && (await show(form, error.field, error.message));
    if (!shown) reportApiError(err);
  }

  /** True while `submit` runs: bind it to the submit button's `loading`. */
  const saving = ref(false);

  /**
   * Runs a form's submit action with `saving` set meanwhile; a refusal goes on the field the server
   * named, else it is toasted.
   * @example await serverErrors.submit(formRef.value, async () => { await save(); router.back(); });
   */
  async function submit(form: FormInstance | undefined, action: () => Promise<void>): Promise<void> {
    saving.value = true;
    try {
      await action();
    } catch (err) {
      await report(form, err);
    } finally {
      saving.value = false;
    }
  }

  return { withServerRule, show, report, clear, saving, submit };
}
