// Type of pdf.js's worker module, imported by <egov-pdf-viewer> (compiled from sources in this app's type check).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs';
