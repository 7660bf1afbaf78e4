// Vite's `?url` imports in browser tests (the fonts of @egov-vn/document-pdf served by the test server).
declare module '*?url' {
  const url: string;
  export default url;
}
