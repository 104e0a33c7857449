/**
 * The demo city's gate terminals, alive while `npm start` runs: every few seconds they post the
 * punches whose time has come through the devices' own protocols (ZKTeco PUSH, Uniubi callbacks,
 * Hikvision ISAPI events, scripts/lib/devices.ts), heartbeat like the real ones and confirm the
 * enrolment commands a ZKTeco terminal fetches, so 出勤记录, 设备状态 and the dashboards move.
 *
 * The plan comes from `directus platform demo-today` (extensions/platform/src/seed/demo-today.ts),
 * which first brings the city's punches up to now; it is `{ demo: false }` in a database without the
 * demo city, and then nothing runs. Between timetable punches, one of the people expected today who
 * has not come yet arrives late now and then, so attendance grows at any time of day. This runs in
 * the start script's process, outside the server: the ingest path knows nothing of it.
 */
import { readFileSync } from 'node:fs';
import { demoDeviceSecret, PROJECTS, type DeviceSpec } from '../../seeds/catalogue.ts';
import { attlogLine, hikvisionEvent, postHikvision, postUniubi, uniubiForm, wallTime, ZkTerminal, type DeviceReply, type TerminalSetup } from './devices.ts';
import { directusCli, type Env } from './directus.ts';

interface PlannedPunch {
  at: string;
  sn: string;
  pin: string;
  direction: 'in' | 'out';
  verify: string;
}

interface DemoGate {
  sn: string;
  protocol: 'zkteco' | 'uniubi' | 'hikvision';
  direction: 'in' | 'out' | 'both';
  project: number;
  offline: boolean;
}

type Plan = { demo: false } | { demo: true; day: string; madeAt: string; gates: DemoGate[]; punches: PlannedPunch[]; stragglers: { sn: string; pin: string }[] };

export interface DemoTerminalsOptions {
  baseUrl: string;
  /** The platform's environment (the CLI reads the database from it). */
  env: Env;
  /** Where `demo-today` writes the plan. */
  planFile: string;
  /** How often the terminals post (default 5 s). */
  intervalMs?: number;
  /** How often a late arrival comes when nothing is due (default every third tick). */
  stragglerEveryMs?: number;
  log?: (line: string) => void;
}

export interface DemoTerminals {
  /** Punches acknowledged by the server, per protocol. */
  sent: Record<DemoGate['protocol'], number>;
  stop: () => Promise<void>;
}

const HEARTBEAT_MS = 30_000;
const VERIFY_CARD = '3';

/** One terminal: sends punches (queued until the server acknowledges them) and heartbeats. */
interface Terminal {
  gate: DemoGate;
  send: (punches: readonly PlannedPunch[]) => Promise<number>;
  heartbeat: () => Promise<void>;
}

const ok = (reply: DeviceReply) => reply.status === 200;

/** The demo city's device definitions (seeds/catalogue.ts), by serial number: what a terminal knows about itself. */
const DEMO_DEVICES = new Map<string, DeviceSpec>(PROJECTS.flatMap((project) => project.devices).map((spec) => [spec.sn, spec]));

/**
 * The terminal of a gate, speaking its vendor's protocol from the demo device's own definition (the
 * one place that knows how each vendor talks) and authenticating with the demo device's published
 * secret (`demoDeviceSecret`, which the seed stores on the device), as a configured terminal does.
 */
function terminalFor(gate: DemoGate, baseUrl: string): Terminal {
  const device = DEMO_DEVICES.get(gate.sn);
  if (!device || device.protocol !== gate.protocol) throw new Error(`gate ${gate.sn} is not a demo device`);
  const setup: TerminalSetup = { secret: demoDeviceSecret(device.sn) };
  switch (device.protocol) {
    case 'zkteco': {
      const zk = new ZkTerminal(baseUrl, device.sn, setup);
      // The communication key travels on the handshake only; a refused call (401: session expired,
      // address changed) sends the terminal back to a keyed handshake, as the PUSH firmware does.
      let shaken = false;
      // A failed handshake throws, so the punches stay queued for the next tick.
      const handshake = async () => {
        if (shaken) return;
        const { status } = await zk.handshake();
        if (status !== 200) throw new Error(`handshake answered ${status}`);
        shaken = true;
        // A terminal numbers its log for good: records the server already has (its stamp) are not sent again.
        while (zk.log.length < zk.serverStamp) zk.record('');
      };
      return {
        gate,
        // The terminal's own log resends whatever the server has not confirmed with OK.
        send: async (punches) => {
          await handshake();
          for (const p of punches) zk.record(attlogLine(p.pin, new Date(p.at), p.direction === 'out' ? 1 : 0, Number(p.verify)));
          const { sent, refused } = await zk.pushAll();
          if (refused?.status === 401) shaken = false;
          return sent;
        },
        // getrequest is the terminal's heartbeat; the commands it brings (enrolments) are confirmed as a terminal does.
        heartbeat: async () => {
          await handshake();
          const { status, commands } = await zk.poll();
          if (status === 401) shaken = false;
          if (commands.length) await zk.ack(commands.map((command) => ({ id: command.id, returnCode: 0, cmd: 'DATA' })));
        },
      };
    }
    case 'uniubi': {
      return {
        gate,
        send: async (punches) => {
          let sent = 0;
          for (const p of punches) {
            const form = uniubiForm({ deviceKey: device.sn, personId: p.pin, at: new Date(p.at), recMode: p.verify === VERIFY_CARD ? '2' : '1', type: p.verify === VERIFY_CARD ? 'card_0' : 'face_0' });
            const reply = await postUniubi(baseUrl, form, '/uniubi/callback', setup);
            if (!ok(reply)) break;
            sent += 1;
          }
          return sent;
        },
        heartbeat: async () => {
          await postUniubi(baseUrl, { deviceKey: device.sn, type: 'heartbeat', time: String(Date.now()), ip: '192.168.1.90' }, '/uniubi/heartbeat', setup);
        },
      };
    }
    case 'hikvision': {
      // The event sequence number: increasing across restarts (from the clock), unique within a second.
      let sequence = 0;
      const serialNo = (at: Date) => (Math.floor(at.getTime() / 1000) - 1_700_000_000) * 100 + (sequence++ % 100);
      return {
        gate,
        send: async (punches) => {
          let sent = 0;
          for (const p of punches) {
            const at = new Date(p.at);
            const event = hikvisionEvent({ pin: p.pin, serialNo: serialNo(at), at, attendanceStatus: p.direction === 'out' ? 'checkOut' : 'checkIn' });
            if (!ok(await postHikvision(baseUrl, device.sn, event, 'multipart', setup))) break;
            sent += 1;
          }
          return sent;
        },
        heartbeat: async () => {
          await postHikvision(baseUrl, device.sn, { ipAddress: '192.168.1.64', dateTime: `${wallTime(new Date()).replace(' ', 'T')}+08:00`, eventType: 'heartBeat', eventState: 'active', eventDescription: 'heartBeat' }, 'json', setup);
        },
      };
    }
  }
}

/** Tries of `demo-today`: it is idempotent, and on SQLite it can meet the running server's writes. */
const PLAN_ATTEMPTS = 4;
const PLAN_RETRY_MS = 5_000;

async function loadPlan(options: DemoTerminalsOptions): Promise<Plan> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await directusCli(['platform', 'demo-today', '--plan', options.planFile], options.env, { quiet: true });
      return JSON.parse(readFileSync(options.planFile, 'utf8')) as Plan;
    } catch (error) {
      if (attempt >= PLAN_ATTEMPTS) throw error;
      options.log?.(`demo terminals: bringing the demo city up to now failed (${error instanceof Error ? error.message : String(error)}), trying again`);
      await new Promise((resolve) => setTimeout(resolve, PLAN_RETRY_MS));
    }
  }
}

/** Shanghai calendar day of an instant. */
const shanghaiDay = (at: Date): string => wallTime(at).slice(0, 10);

/**
 * Brings the demo city up to now and starts its terminals; null (and nothing posted) when the
 * database has no demo city.
 * @example const demo = await startDemoTerminals({ baseUrl, env, planFile: join(dataDir, 'demo-plan.json') }); await demo?.stop();
 */
export async function startDemoTerminals(options: DemoTerminalsOptions): Promise<DemoTerminals | null> {
  const log = options.log ?? (() => undefined);
  const intervalMs = options.intervalMs ?? 5_000;
  const stragglerEveryMs = options.stragglerEveryMs ?? intervalMs * 3;
  let plan = await loadPlan(options);
  if (!plan.demo) return null;

  const sent: DemoTerminals['sent'] = { zkteco: 0, uniubi: 0, hikvision: 0 };
  let terminals = new Map<string, Terminal>();
  let queues = new Map<string, PlannedPunch[]>();
  let cursor = 0;
  /** People still to come, per gate: each gate lets one in when it has had nothing to send for a while. */
  let stragglers = new Map<string, { sn: string; pin: string }[]>();
  const lastStragglerAt = new Map<string, number>();
  const adopt = (next: Extract<Plan, { demo: true }>) => {
    plan = next;
    terminals = new Map(next.gates.filter((gate) => !gate.offline && DEMO_DEVICES.has(gate.sn)).map((gate) => [gate.sn, terminalFor(gate, options.baseUrl)]));
    queues = new Map([...terminals.keys()].map((sn) => [sn, queues.get(sn) ?? []]));
    cursor = next.punches.findIndex((punch) => punch.at > next.madeAt);
    if (cursor < 0) cursor = next.punches.length;
    stragglers = new Map();
    for (const s of next.stragglers) stragglers.set(s.sn, [...(stragglers.get(s.sn) ?? []), s]);
  };
  adopt(plan);
  const protocols = [...new Set([...terminals.values()].map((t) => t.gate.protocol))].join(', ');
  const toCome = [...stragglers.values()].reduce((n, list) => n + list.length, 0);
  log(`demo terminals: ${terminals.size} gates (${protocols}) post ${plan.punches.length} more punches today, ${toCome} people still to come`);

  let lastHeartbeat = 0;
  let running: Promise<void> | null = null;
  let stopped = false;
  const failing = new Set<string>();

  async function tick(): Promise<void> {
    const now = new Date();
    if (plan.demo && shanghaiDay(now) !== plan.day) {
      const next = await loadPlan(options);
      if (next.demo) adopt(next);
    }
    if (!plan.demo) return;
    const busy = new Set<string>();
    while (cursor < plan.punches.length && plan.punches[cursor]!.at <= now.toISOString()) {
      const punch = plan.punches[cursor]!;
      queues.get(punch.sn)?.push(punch);
      busy.add(punch.sn);
      cursor += 1;
    }
    // A gate with nothing due lets a late arrival in now and then, so every gate (and protocol) moves at any time of day.
    for (const sn of terminals.keys()) {
      if (busy.has(sn)) lastStragglerAt.set(sn, now.getTime());
      if (busy.has(sn) || now.getTime() - (lastStragglerAt.get(sn) ?? 0) < stragglerEveryMs) continue;
      const late = stragglers.get(sn)?.shift();
      if (!late) continue;
      queues.get(sn)?.push({ at: now.toISOString(), sn, pin: late.pin, direction: 'in', verify: '15' });
      lastStragglerAt.set(sn, now.getTime());
    }
    const beat = now.getTime() - lastHeartbeat >= HEARTBEAT_MS;
    if (beat) lastHeartbeat = now.getTime();
    await Promise.all(
      [...terminals.entries()].map(async ([sn, terminal]) => {
        try {
          const queue = queues.get(sn) ?? [];
          if (queue.length) {
            const accepted = await terminal.send(queue);
            sent[terminal.gate.protocol] += accepted;
            // A ZKTeco terminal keeps what it recorded in its own log; the others resend what was not accepted.
            queue.splice(0, terminal.gate.protocol === 'zkteco' ? queue.length : accepted);
          }
          if (terminal.gate.protocol === 'zkteco' || beat) await terminal.heartbeat();
          failing.delete(sn);
        } catch (error) {
          if (!failing.has(sn)) log(`demo terminal ${sn}: ${error instanceof Error ? error.message : String(error)} (will retry)`);
          failing.add(sn);
        }
      }),
    );
  }

  const timer = setInterval(() => {
    // A slow tick (the server busy) is not stacked on: the next one starts when it is done.
    if (stopped || running) return;
    running = tick()
      .catch((error: unknown) => log(`demo terminals: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return {
    sent,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
