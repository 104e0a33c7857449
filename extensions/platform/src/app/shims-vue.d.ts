// Single-file components, compiled by the extension SDK's Vue plugin; typed by vue-tsc (npm run typecheck).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<Record<string, unknown>, Record<string, unknown>, unknown>;
  export default component;
}
