/**
 * The site agent's HTTP protocol with the platform (`/agent/v1/*`, `Authorization: Bearer <token>`),
 * as types both sides compile against. JSON over HTTPS:
 *
 * - `POST /agent/v1/pull` `{limit, held}` → the agent's terminals (with their API settings) and up to
 *   `limit` due commands, each marked sent (one more attempt). `held` lists the commands the agent
 *   still holds in its journal; any other command the platform thinks it sent the agent (a pull the
 *   agent never journaled: killed, or the answer lost on the way) is handed out again at once.
 * - `POST /agent/v1/results` `{results}` → `{accepted, rejected}`: results are recorded once per
 *   command and delivery attempt; repeating a report is harmless, and an accepted (or rejected) id
 *   can be dropped from the journal.
 */
import type { DeviceCommandKind } from '../../../../../schema/codes';
import type { CommandPayload } from '../commands/command-payload';
import type { DeliveryResult, TerminalVendor } from './types';

export interface PullRequest {
  /** Most commands to hand out now (0: only the terminals). */
  limit: number;
  /** Command ids the agent holds unreported. */
  held: number[];
}

export interface AgentTerminal {
  id: number;
  sn: string;
  name: string | null;
  vendor: TerminalVendor;
  api_url: string;
  api_user: string | null;
  api_password: string | null;
}

export interface AgentCommand {
  id: number;
  device: number;
  attempt: number;
  kind: DeviceCommandKind;
  payload: CommandPayload;
  /** face_update: the JPEG, base64. */
  face_jpeg?: string;
}

export interface PullResponse {
  agent: { id: number; name: string; project: number };
  /** How long to wait before asking again when nothing was handed out. */
  poll_seconds: number;
  terminals: AgentTerminal[];
  commands: AgentCommand[];
}

export interface ResultsRequest {
  results: DeliveryResult[];
}

export interface ResultsResponse {
  accepted: number[];
  rejected: number[];
}
