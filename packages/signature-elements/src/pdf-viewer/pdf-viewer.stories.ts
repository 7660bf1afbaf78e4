import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { makePdf, signedPdf } from '../internal/fixtures.js';
import './pdf-viewer.js';
import type { EgovPdfViewer } from './pdf-viewer.js';

const meta = {
  title: 'signature-elements/egov-pdf-viewer',
  component: 'egov-pdf-viewer',
  tags: ['autodocs'],
  render: () => html`<egov-pdf-viewer></egov-pdf-viewer>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const viewerOf = (root: HTMLElement) => root.querySelector<EgovPdfViewer>('egov-pdf-viewer')!;

/** No document yet (pdf.js is not loaded). */
export const Empty: Story = {};

/** A one-page document. */
export const Document: Story = {
  play: async ({ canvasElement }) => {
    const viewer = viewerOf(canvasElement);
    viewer.pdf = await makePdf();
    await waitFor(() => expect(viewer.pageCount).toBe(1), { timeout: 14_000 });
  },
};

/** A signed document: the viewer shows the page and a note, never a verdict. */
export const SignedDocument: Story = {
  play: async ({ canvasElement }) => {
    const viewer = viewerOf(canvasElement);
    viewer.pdf = await signedPdf();
    await waitFor(() => expect(viewer.pageCount).toBe(1), { timeout: 14_000 });
  },
};

/** Not a PDF. */
export const BrokenFile: Story = {
  play: async ({ canvasElement }) => {
    const viewer = viewerOf(canvasElement);
    viewer.pdf = new TextEncoder().encode('không phải PDF');
    await waitFor(() => expect(viewer.shadowRoot!.querySelector('[role=status].error')?.textContent).toMatch(/Không mở được|Could not open/), { timeout: 14_000 });
  },
};

/** Placing a signature box: drag on the page, or use the button and the arrow keys (Shift resizes). */
export const PlacingBox: Story = {
  render: () => html`<egov-pdf-viewer placing></egov-pdf-viewer>`,
  play: async ({ canvasElement }) => {
    const viewer = viewerOf(canvasElement);
    viewer.pdf = await makePdf();
    await waitFor(() => expect(viewer.pageCount).toBe(1), { timeout: 14_000 });
    await viewer.placeHere();
    await waitFor(() => expect(viewer.shadowRoot!.querySelector('[part=box]')).not.toBeNull());
  },
};

/** English, dark theme. */
export const EnglishDark: Story = {
  render: () => html`<div lang="en" data-theme="dark"><egov-pdf-viewer></egov-pdf-viewer></div>`,
};
