import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from '../cli/register';

export default defineHook(({ init }, context) => {
  init('cli.before', ({ program }) => registerCli(program, context));
});
