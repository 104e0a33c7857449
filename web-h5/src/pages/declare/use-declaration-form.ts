import { computed, inject, provide, reactive, ref, watch, type InjectionKey, type Ref } from 'vue';
import type { FormInstance } from 'vant';
import { useServerErrors } from '@/composables/use-server-errors';
import { MAIN_UNIT_ROLES, PARTICIPATION_TYPES, labelOf } from '@/shared/schema';
import { DEPOSIT_EXEMPT, draftFrom, emptyDraft, type DeclarationDraft } from './form';
import { projectRules, unitRules } from './rules';

const DRAFT_KEY = 'realname-h5:declare-draft';

/** Everything the declare page's sections share, handed down by provide/inject. */
function createDeclarationForm() {
  const form = reactive<DeclarationDraft>(emptyDraft());
  const formRef: Ref<FormInstance | undefined> = ref();
  const serverErrors = useServerErrors();
  const rules = projectRules(form, serverErrors.withServerRule);
  const units = MAIN_UNIT_ROLES.map((role, index) => {
    const label = labelOf(PARTICIPATION_TYPES, role) ?? role;
    return { role, index, label, rules: unitRules(index, label, serverErrors.withServerRule) };
  });
  const depositDue = computed(() => form.deposit_method !== '' && form.deposit_method !== DEPOSIT_EXEMPT);

  // A changed start date can make an already chosen completion date invalid (or valid again).
  watch(
    () => form.start_date,
    () => {
      if (form.planned_completion_date) void formRef.value?.validate('planned_completion_date').catch(() => undefined);
    },
  );
  watch(depositDue, (due) => {
    if (!due) form.deposit_amount = '';
  });

  function replace(draft: DeclarationDraft): void {
    Object.assign(form, draft);
  }

  // A long form on a phone: keep what was typed if WeChat closes or reloads the page.
  let persisting = false;
  function persistDraft(): void {
    if (persisting) return;
    persisting = true;
    watch(form, () => localStorage.setItem(DRAFT_KEY, JSON.stringify(form)), { deep: true });
  }

  /** Restores the stored draft; false when there is none. */
  function restoreDraft(): boolean {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return false;
    try {
      replace(draftFrom(JSON.parse(raw) as Record<string, unknown>));
      return true;
    } catch {
      localStorage.removeItem(DRAFT_KEY);
      return false;
    }
  }

  function clearDraft(): void {
    localStorage.removeItem(DRAFT_KEY);
  }

  function reset(): void {
    replace(emptyDraft());
    serverErrors.clear();
    formRef.value?.resetValidation();
  }

  return {
    form,
    formRef,
    rules,
    units,
    depositDue,
    serverErrors,
    replace,
    reset,
    persistDraft,
    restoreDraft,
    clearDraft,
  };
}

export type DeclarationFormContext = ReturnType<typeof createDeclarationForm>;

const KEY: InjectionKey<DeclarationFormContext> = Symbol('declaration-form');

/** Called once by the page. */
export function provideDeclarationForm(): DeclarationFormContext {
  const context = createDeclarationForm();
  provide(KEY, context);
  return context;
}

/** Called by the page's sections. */
export function useDeclarationForm(): DeclarationFormContext {
  const context = inject(KEY);
  if (!context) throw new Error('useDeclarationForm() needs provideDeclarationForm() in the page');
  return context;
}
