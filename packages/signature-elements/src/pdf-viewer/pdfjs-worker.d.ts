// pdf.js ships its worker without types; importing it only sets `globalThis.pdfjsWorker`.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs';
