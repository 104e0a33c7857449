import type { DeviceStatus } from '../../../schema/api';
import { call } from './client';

export type { DeviceStatus } from '../../../schema/api';

export function fetchDevices(): Promise<DeviceStatus[]> {
  return call<DeviceStatus[]>('/platform/devices');
}
