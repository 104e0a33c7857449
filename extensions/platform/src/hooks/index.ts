import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from '../cli/register';
import { guardAppendOnly } from './guard-append-only';

/** Registers the platform's hooks; each hook lives in its own file. */
export default defineHook(({ init, filter }, context) => {
  init('cli.before', ({ program }) => registerCli(program, context));
  guardAppendOnly(filter);
});
