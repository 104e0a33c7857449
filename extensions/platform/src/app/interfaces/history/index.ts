import { defineInterface } from '@directus/extensions-sdk';
import { UI } from '../../../../../../schema/model/studio-ui';
import History from './History.vue';

/** 操作记录: the record's own audit log on its page, in Chinese. */
export default defineInterface({
  id: UI.history,
  name: '操作记录',
  icon: 'history',
  description: '本条记录的审计日志（时间、操作、操作人、说明、变更明细）',
  component: History,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});
