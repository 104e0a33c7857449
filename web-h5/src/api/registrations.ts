import type { RegistrationImages as ApiRegistrationImages, RegistrationPayload, RegistrationReceipt } from '../../../schema/api';
import { callForm } from './client';

export type { RegistrationPayload, RegistrationReceipt } from '../../../schema/api';

/** The three photos of a registration. */
export type RegistrationImages = ApiRegistrationImages<Blob>;

/** `POST /platform/registrations`: the photos and the form in one multipart request. */
export function submitRegistration(payload: RegistrationPayload, images: RegistrationImages): Promise<RegistrationReceipt> {
  const form = new FormData();
  form.append('data', JSON.stringify(payload));
  for (const [field, image] of Object.entries(images) as [keyof RegistrationImages, Blob][]) {
    form.append(field, image, image instanceof File ? image.name : `${field}.jpg`);
  }
  return callForm<RegistrationReceipt>('/platform/registrations', form);
}
