/**
 * What a Hikvision access-controller event means, from its major and minor type (ISAPI
 * `majorEventType`/`subEventType`, the same codes as the Device Network SDK's
 * NET_DVR_ACS_ALARM_INFO: HCNetSDK.h `MAJOR_*`/`MINOR_*`). Only a successful verification by card,
 * fingerprint or face (alone or combined) is attendance. Refusals and failures carry the worker's
 * number too and are kept for review; door, alarm, tamper and remote operations are device events.
 * The minor type tells how the person was verified (`currentVerifyMode` is the reader's configured
 * mode, e.g. `cardOrFace`, not what happened). Pure.
 */
import type { DeviceEventKind } from '../../../../../schema/codes';
import { VERIFY_CARD, VERIFY_FACE, VERIFY_FINGERPRINT } from '../vendor-values';

export const MAJOR_ALARM = 1;
export const MAJOR_EXCEPTION = 2;
export const MAJOR_OPERATION = 3;
export const MAJOR_EVENT = 5;

export type AccessMeaning =
  | { kind: 'punch'; verify: string; label: string }
  | { kind: DeviceEventKind; label: string; /** Counted per day rather than kept one row each. */ tally: boolean };

/** MAJOR_EVENT minors that are a successful verification, with how the person was verified. */
const PASSES: Readonly<Record<number, { verify: string; label: string }>> = {
  0x01: { verify: VERIFY_CARD, label: '合法卡认证通过' },
  0x02: { verify: VERIFY_CARD, label: '刷卡加密码认证通过' },
  0x26: { verify: VERIFY_FINGERPRINT, label: '指纹比对通过' },
  0x28: { verify: VERIFY_FINGERPRINT, label: '刷卡加指纹认证通过' },
  0x2b: { verify: VERIFY_FINGERPRINT, label: '刷卡加指纹加密码认证通过' },
  0x2e: { verify: VERIFY_FINGERPRINT, label: '指纹加密码认证通过' },
  0x36: { verify: VERIFY_FACE, label: '人脸加指纹认证通过' },
  0x39: { verify: VERIFY_FACE, label: '人脸加密码认证通过' },
  0x3c: { verify: VERIFY_FACE, label: '人脸加刷卡认证通过' },
  0x3f: { verify: VERIFY_FACE, label: '人脸加密码加指纹认证通过' },
  0x42: { verify: VERIFY_FACE, label: '人脸加刷卡加指纹认证通过' },
  0x45: { verify: VERIFY_FINGERPRINT, label: '工号加指纹认证通过' },
  0x48: { verify: VERIFY_FINGERPRINT, label: '工号加指纹加密码认证通过' },
  0x4b: { verify: VERIFY_FACE, label: '人脸认证通过' },
  0x4d: { verify: VERIFY_FACE, label: '工号加人脸认证通过' },
  0x69: { verify: VERIFY_FACE, label: '人证比对通过' },
};

/** MAJOR_EVENT minors that open the door without a card or biometric: not proof of presence. */
const WEAK_PASSES: Readonly<Record<number, string>> = {
  0x10: '多重认证成功',
  0x22: '超级密码认证成功',
  0x65: '工号加密码认证通过',
  0x9c: '二维码认证通过',
  0xb5: '密码认证通过',
};

/** MAJOR_EVENT minors where the device refused the person or the verification failed. */
const REFUSALS: Readonly<Record<number, string>> = {
  0x03: '刷卡加密码认证失败',
  0x04: '刷卡加密码认证超时',
  0x05: '刷卡加密码超次',
  0x06: '未分配权限',
  0x07: '无效时段',
  0x08: '卡号过期',
  0x09: '无此卡号',
  0x0a: '反潜回认证失败',
  0x0b: '互锁门未关闭',
  0x0c: '卡不属于多重认证群组',
  0x0d: '卡不在多重认证时间段内',
  0x0e: '多重认证超级权限认证失败',
  0x0f: '多重认证远程认证失败',
  0x21: '多重认证需要远程开门',
  0x23: '多重认证重复认证',
  0x24: '多重认证超时',
  0x27: '指纹比对失败',
  0x29: '刷卡加指纹认证失败',
  0x2a: '刷卡加指纹认证超时',
  0x2c: '刷卡加指纹加密码认证失败',
  0x2d: '刷卡加指纹加密码认证超时',
  0x2f: '指纹加密码认证失败',
  0x30: '指纹加密码认证超时',
  0x31: '指纹不存在',
  0x37: '人脸加指纹认证失败',
  0x38: '人脸加指纹认证超时',
  0x3a: '人脸加密码认证失败',
  0x3b: '人脸加密码认证超时',
  0x3d: '人脸加刷卡认证失败',
  0x3e: '人脸加刷卡认证超时',
  0x40: '人脸加密码加指纹认证失败',
  0x41: '人脸加密码加指纹认证超时',
  0x43: '人脸加刷卡加指纹认证失败',
  0x44: '人脸加刷卡加指纹认证超时',
  0x46: '工号加指纹认证失败',
  0x47: '工号加指纹认证超时',
  0x49: '工号加指纹加密码认证失败',
  0x4a: '工号加指纹加密码认证超时',
  0x4c: '人脸认证失败',
  0x4e: '工号加人脸认证失败',
  0x4f: '工号加人脸认证超时',
  0x50: '人脸识别失败',
  0x66: '工号加密码认证失败',
  0x67: '工号加密码认证超时',
  0x68: '真人检测失败',
  0x70: '人证比对失败',
  0x71: '黑名单',
  0x96: '密码认证失败',
  0x97: '密码不匹配',
};

/** MAJOR_EVENT minors that are door alarms (forced, held open, wiring faults). */
const DOOR_ALARMS: Readonly<Record<number, string>> = {
  0x1b: '门被外力开启',
  0x1c: '门开超时',
  0x53: '门锁输入短路报警',
  0x54: '门锁输入断路报警',
  0x55: '门锁输入异常报警',
  0x56: '门磁输入短路报警',
  0x57: '门磁输入断路报警',
  0x58: '门磁输入异常报警',
  0x59: '开门按钮输入短路报警',
  0x5a: '开门按钮输入断路报警',
  0x5b: '开门按钮输入异常报警',
  0x5c: '门锁打开异常',
  0x5d: '门锁打开超时',
  0x5e: '首卡未授权开门失败',
};

/** MAJOR_ALARM minors (tamper, intrusion, duress and their recovery). */
const ALARMS: Readonly<Record<number, string>> = {
  0x400: '防区短路报警',
  0x401: '防区断路报警',
  0x402: '防区异常报警',
  0x403: '防区恢复',
  0x404: '设备防拆报警',
  0x405: '设备防拆恢复',
  0x406: '读卡器防拆报警',
  0x407: '读卡器防拆恢复',
  0x408: '事件输入报警',
  0x409: '事件输入恢复',
  0x40a: '胁迫报警',
  0x40b: '离线事件存储将满',
  0x40c: '刷卡认证失败超次',
  0x40d: 'SD 卡已满',
  0x40f: '门控安全模块防拆报警',
  0x410: '门控安全模块防拆恢复',
};

/** MAJOR_OPERATION minors that act on the door from afar. */
const REMOTE_DOOR: Readonly<Record<number, string>> = {
  0x400: '远程开门',
  0x401: '远程关门',
  0x402: '远程常开',
  0x403: '远程常闭',
  0x40f: '解除密码开门',
};

const hex = (minor: number) => `0x${minor.toString(16)}`;

export function accessMeaning(major: number | null, minor: number | null): AccessMeaning {
  if (major === null || minor === null) return { kind: 'other', label: '缺少事件类型，无法确认验证结果', tally: true };
  if (major === MAJOR_EVENT) {
    const pass = PASSES[minor];
    if (pass) return { kind: 'punch', ...pass };
    const weak = WEAK_PASSES[minor];
    if (weak) return { kind: 'other', label: `${weak}（无卡、指纹或人脸，不计考勤）`, tally: false };
    const refusal = REFUSALS[minor];
    if (refusal) return { kind: 'refused', label: refusal, tally: false };
    const alarm = DOOR_ALARMS[minor];
    if (alarm) return { kind: 'alarm', label: alarm, tally: false };
    // Lock/door open and close, buttons, always-open periods, relays: every passage makes some.
    return { kind: 'door', label: `门禁事件 ${hex(minor)}`, tally: true };
  }
  if (major === MAJOR_ALARM) return { kind: 'alarm', label: ALARMS[minor] ?? `报警 ${hex(minor)}`, tally: false };
  if (major === MAJOR_OPERATION) {
    const remote = REMOTE_DOOR[minor];
    return remote ? { kind: 'remote', label: remote, tally: false } : { kind: 'other', label: `操作 ${hex(minor)}`, tally: true };
  }
  if (major === MAJOR_EXCEPTION) return { kind: 'exception', label: `设备异常 ${hex(minor)}`, tally: true };
  return { kind: 'other', label: `事件 ${major}/${hex(minor)}`, tally: true };
}
