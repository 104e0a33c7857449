import type { EmploymentRole, Gender } from '@/shared/schema';
import { callForm } from './client';

/** The form of 实名制登记, sent as JSON in the multipart field `data`. */
export interface RegistrationPayload {
  role: EmploymentRole;
  team: number;
  unit: number;
  name: string;
  gender: Gender;
  ethnicity: string;
  birth_date: string;
  address: string;
  id_number: string;
  issuing_authority: string;
  id_valid_from: string;
  /** ISO date or 长期. */
  id_valid_to: string;
  temporary_id: boolean;
  card_no: string | null;
  /** National trade code (workers) or management post (managers). */
  trade: string;
  phone: string;
  entry_date: string;
  wage_method: string | null;
  wage_amount: number | null;
  wage_unit: string | null;
  contract_template: string | null;
}

/** The three photos of a registration. */
export interface RegistrationImages {
  id_front: Blob;
  id_back: Blob;
  photo: Blob;
}

export interface RegistrationReceipt {
  employment_id: number;
  person_id: number;
  new_person: boolean;
  device_pin: string;
  name: string;
  role: EmploymentRole;
  entry_date: string;
  status: 'on_site';
}

/** `POST /platform/registrations`: the photos and the form in one multipart request. */
export function submitRegistration(payload: RegistrationPayload, images: RegistrationImages): Promise<RegistrationReceipt> {
  const form = new FormData();
  form.append('data', JSON.stringify(payload));
  for (const [field, image] of Object.entries(images) as [keyof RegistrationImages, Blob][]) {
    form.append(field, image, image instanceof File ? image.name : `${field}.jpg`);
  }
  return callForm<RegistrationReceipt>('/platform/registrations', form);
}
