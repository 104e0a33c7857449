import { admitDevice, rememberDevice, requireActive, type ActiveDevice } from '../../../devices/identify-device';
import { ingestPunches } from '../../../devices/ingest/ingest-punches';
import { punchKey } from '../../../devices/ingest/punch-rows';
import { directionOfStatus, parseAttlog } from '../../../devices/zkteco/parse-attlog';
import { summarizeOperlog } from '../../../devices/zkteco/parse-operlog';
import { nextStamp } from '../../../devices/zkteco/stamp';
import { invalid } from '../../../http/errors';
import { readRawBody } from '../../../http/raw-body';
import { DEVICE_BODY_MAX_BYTES, deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery, type IclockQuery } from '../query';

/**
 * POST /iclock/cdata?SN=…&table=ATTLOG&Stamp=… — the terminal uploads records. `OK: <n>` is answered
 * only after the batch is committed. Lines that cannot be read are not stored but reported (log and
 * the device's 最近错误), and lines with an impossible time go to review (设备事件) while the good
 * lines of the same batch are kept: a resend could not repair them, and refusing the batch would
 * hold back the good punches of everyone else in it. A body with no readable line at all is
 * refused with 400 and nothing stored.
 */
export async function upload(ctx: DeviceContext): Promise<DeviceAnswer> {
  const { req } = ctx;
  const query = iclockQuery(req.query);
  const table = (query.table ?? '').toUpperCase();
  if (!table) throw invalid('TABLE_MISSING', '缺少数据表名 table', 'table');
  const body = (await readRawBody(req, { maxBytes: DEVICE_BODY_MAX_BYTES })).toString('utf8');
  const device = await admitDevice(ctx, { sn: query.SN, protocol: 'zkteco', presented: presentedBy(ctx) }, deviceSettings(ctx.env).admission);
  if (table === 'ATTLOG') return attlog(ctx, requireActive(device), query, body);
  if (table === 'OPERLOG') return operlog(ctx, requireActive(device), query, body);
  // Photos of punches, options and other tables are not used: acknowledged so the terminal moves on.
  ctx.logger.info({ sn: device.sn, table, bytes: body.length }, 'iclock: ignored table');
  return { text: 'OK' };
}

async function attlog(ctx: DeviceContext, device: ActiveDevice, query: IclockQuery, body: string): Promise<DeviceAnswer> {
  const { database, logger } = ctx;
  const { records, problems } = parseAttlog(body);
  if (records.length === 0) {
    if (problems.length) logger.warn({ sn: device.sn, problems }, 'iclock: ATTLOG upload refused, no readable line');
    throw problems.length
      ? invalid('ATTLOG_MALFORMED', `考勤记录格式不正确：第${problems[0]?.line}行${problems[0]?.reason}`)
      : invalid('ATTLOG_EMPTY', '考勤记录为空');
  }
  const drafts = records.map((record) => ({
    pin: record.pin,
    punchedAt: record.punchedAt,
    direction: directionOfStatus(record.status),
    verify: record.verify,
    raw: record.raw,
    dedupKey: punchKey(device.sn, record.pin, record.punchedAt),
  }));
  const stamp = nextStamp(device.attlogStamp, query.Stamp);
  const result = await ingestPunches(database, device, drafts, {
    now: new Date(),
    limits: deviceSettings(ctx.env).limits,
    ip: presentedBy(ctx).ip,
    deviceValues: stamp !== device.attlogStamp ? { attlog_stamp: stamp } : {},
    problems,
  });
  rememberDevice(device, { attlogStamp: stamp });
  if (problems.length) logger.warn({ sn: device.sn, problems }, `iclock: ${problems.length} ATTLOG line(s) could not be read and were not stored`);
  if (result.implausible) logger.warn({ sn: device.sn, implausible: result.implausible }, 'iclock: ATTLOG lines with an impossible time kept for review');
  return { text: `OK: ${records.length + problems.length}` };
}

async function operlog({ database, logger }: DeviceContext, device: ActiveDevice, query: IclockQuery, body: string): Promise<DeviceAnswer> {
  const summary = summarizeOperlog(body);
  if (summary.lines === 0) throw invalid('OPERLOG_EMPTY', '操作记录为空');
  logger.info({ sn: device.sn, counts: summary.counts, users: summary.userPins.slice(0, 50) }, 'iclock: OPERLOG received');
  const stamp = nextStamp(device.operlogStamp, query.Stamp);
  if (stamp !== device.operlogStamp) await database('devices').where({ id: device.id }).update({ operlog_stamp: stamp });
  rememberDevice(device, { operlogStamp: stamp });
  return { text: `OK: ${summary.lines}` };
}
