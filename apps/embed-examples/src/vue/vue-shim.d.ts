// TypeScript sees a .vue file as a component (the template is compiled by @vitejs/plugin-vue, not by tsc).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
