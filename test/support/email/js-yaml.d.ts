// js-yaml ships no types (it is installed as a dependency of the tooling); the tests need only `load`.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
