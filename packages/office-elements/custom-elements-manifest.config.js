// The shared Custom Elements Manifest setup (tooling/build-config/cem.js): `cem analyze` writes custom-elements.json.
export { default } from '@egov-vn/build-config/cem';
