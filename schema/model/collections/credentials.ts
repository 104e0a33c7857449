import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES } from '../../codes';
import type { CollectionDef } from '../types';

/**
 * 接入凭证: a token that lets a program outside the platform act for one project (a site agent
 * delivering commands to the site's terminals) — and, in later waves, national-platform and WeChat
 * credentials, told apart by `kind`. The token itself is never stored: bureau staff save the
 * credential, press 生成令牌 (Directus's token interface asks the API for a random string and
 * saves it), copy it once, and the hook `hash-credential-tokens` stores only its SHA-256 hash.
 */
export const credentials: CollectionDef = {
  collection: 'credentials',
  label: '接入凭证',
  note: '现场代理等外部程序接入平台的令牌；平台只保存令牌的哈希，令牌仅在生成时显示一次',
  icon: 'key',
  displayTemplate: '{{name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'kind', type: 'string', label: '类型', required: true, default: 'site_agent', choices: CREDENTIAL_KINDS, width: 'half' },
    { field: 'name', type: 'string', label: '名称', required: true, maxLength: 100, width: 'half', note: '例如：东门值班室电脑' },
    { field: 'project', type: 'integer', label: '项目', m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half', note: '现场代理只能取得并下发本项目的指令' },
    { field: 'status', type: 'string', label: '状态', required: true, default: 'active', choices: CREDENTIAL_STATUSES, width: 'half', note: '吊销后立即失效，不能恢复；需要时另建新凭证' },
    {
      field: 'token',
      type: 'string',
      label: '令牌',
      maxLength: 64,
      // Holds the SHA-256 of the token; `conceal` makes every read return ********** anyway.
      special: ['conceal'],
      interface: 'system-token',
      width: 'full',
      note: '先保存凭证，再点击生成令牌；令牌只显示这一次，请立即复制到现场代理。重新生成后旧令牌立即失效',
    },
    { field: 'token_hint', type: 'string', label: '令牌末四位', maxLength: 8, readonly: true, width: 'half' },
    { field: 'issued_at', type: 'timestamp', label: '令牌生成时间', readonly: true, width: 'half' },
    { field: 'revoked_at', type: 'timestamp', label: '吊销时间', readonly: true, width: 'half' },
    { field: 'last_used_at', type: 'timestamp', label: '最近使用', readonly: true, width: 'half' },
    { field: 'last_used_ip', type: 'string', label: '最近使用 IP', maxLength: 64, readonly: true, width: 'half' },
    { field: 'date_created', type: 'timestamp', label: '创建时间', special: ['date-created'], readonly: true, width: 'half' },
  ],
  uniques: [{ columns: ['token'], where: 'token is not null' }],
  indexes: [['project', 'kind']],
};
