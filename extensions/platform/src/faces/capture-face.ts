/**
 * 人脸采集 · 核验: checks one photo of an on-site person and, when every rule passes, saves it in one
 * transaction: the original (private), the device-ready JPEG (private, ≤ 50 KB), the links and the
 * measured values on the employment (the face is what this project verified), an audit row, and the
 * device commands. A refused photo saves nothing.
 */
import type { Knex } from 'knex';
import type { FaceCaptureResult } from '../../../../schema/api/faces';
import { writeAudit } from '../audit/write-audit';
import { createService, type DirectusApi } from '../directus';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { savePrivateImage } from '../files/save-file';
import { conflict, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { UploadedImage } from '../http/upload';
import type { FaceEngine } from './face-engine';
import type { FaceMeasurements } from './face-measurements';
import { judgeFace, type FaceCheck } from './face-rules';

/** Largest ID card image read for the comparison (it was capped at upload already). */
const MAX_ID_IMAGE_BYTES = 20 * 1024 * 1024;


interface Target {
  employmentId: number;
  personId: number;
  /** The ID card portrait to compare with: this project's photo of the card, else the identity's. */
  idFront: string | null;
}

/** The on-site employment of the caller's project and its person, else 403 (not yours) / 409 (exited). */
async function captureTarget(database: Knex, employmentId: number, scope: ProjectScope): Promise<Target> {
  const row = await database('employments')
    .join('people', 'people.id', 'employments.person')
    .select('employments.id', 'employments.project', 'employments.status', 'employments.id_front', 'people.id as person_id', 'people.id_front as identity_front')
    .where('employments.id', employmentId)
    .first();
  if (!row || Number(row.project) !== scope.projectId) throw notYours();
  if (row.status !== 'on_site') throw conflict('NOT_ON_SITE', '该人员已退场，无需采集人脸');
  return { employmentId: Number(row.id), personId: Number(row.person_id), idFront: row.id_front ?? row.identity_front ?? null };
}

/** The ID card's portrait side as bytes, or null when there is none (or its file is gone). */
async function readIdFront(api: DirectusApi, fileId: string | null): Promise<{ key: string; bytes: Uint8Array } | null> {
  if (!fileId) return null;
  const assets = await createService(api, 'AssetsService');
  let stream: NodeJS.ReadableStream;
  try {
    ({ stream } = await assets.getAsset(fileId, { transformationParams: {} }));
  } catch {
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_ID_IMAGE_BYTES) return null;
    chunks.push(buffer);
  }
  return { key: fileId, bytes: Buffer.concat(chunks) };
}

/** What is kept on the person: the verdict's checks with their measured values, when, and with what. */
function faceCheckRecord(measurements: FaceMeasurements, checks: FaceCheck[], device: { width: number; height: number; bytes: number; quality: number }) {
  return {
    checked_at: new Date().toISOString(),
    engine: '@vladmandic/human 3.3.6 (tfjs-wasm)',
    image: { width: measurements.image.width, height: measurements.image.height },
    checks: checks.map(({ rule, result, measured }) => ({ rule, result, measured })),
    device_photo: device,
  };
}

/**
 * Checks `image` for the employment and saves it when it passes.
 * @example await captureFace(ctx, faceEngine(), { employmentId: 12, image, scope })
 */
export async function captureFace(api: DirectusApi, engine: FaceEngine, input: { employmentId: number; image: UploadedImage; scope: ProjectScope }): Promise<FaceCaptureResult> {
  const { image, scope } = input;
  const target = await captureTarget(api.database, input.employmentId, scope);
  const measurements = await engine.analyze(image.buffer, await readIdFront(api, target.idFront));
  const verdict = judgeFace(measurements);
  const engineMs = measurements.timing.totalMs;
  if (!verdict.passed || !measurements.face) return { ...verdict, face_photo: null, face_device_photo: null, engine_ms: engineMs };

  const device = await engine.devicePhoto(image.buffer, measurements.face.box);
  const record = faceCheckRecord(measurements, verdict.checks, { width: device.width, height: device.height, bytes: device.data.byteLength, quality: device.quality });
  const saved = await api.database.transaction(async (trx) => {
    const before = await trx('employments').select('face_photo', 'face_device_photo').where({ id: target.employmentId }).first();
    const facePhoto = await savePrivateImage(api, image, { title: `人脸照片 ${target.personId}`, knex: trx });
    const deviceFile = { buffer: Buffer.from(device.data), type: 'image/jpeg' as const, filename: 'face-device.jpg' };
    const faceDevicePhoto = await savePrivateImage(api, deviceFile, { title: `设备人脸照片 ${target.personId}`, knex: trx });
    await trx('employments').where({ id: target.employmentId }).update({ face_photo: facePhoto, face_device_photo: faceDevicePhoto, face_check: JSON.stringify(record) });
    await writeAudit(trx, {
      actor: scope.userId,
      actorKind: 'user',
      project: scope.projectId,
      action: 'face.capture',
      collection: 'employments',
      item: target.employmentId,
      before: { face_photo: before?.face_photo ?? null, face_device_photo: before?.face_device_photo ?? null },
      after: { face_photo: facePhoto, face_device_photo: faceDevicePhoto, person: target.personId },
    });
    await queueDeviceSync(trx, [target.employmentId], 'face');
    return { facePhoto, faceDevicePhoto };
  });
  return { ...verdict, face_photo: saved.facePhoto, face_device_photo: saved.faceDevicePhoto, engine_ms: engineMs };
}
