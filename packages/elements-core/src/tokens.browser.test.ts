import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { EgovElement } from './egov-element.js';
import { darkTokens, installTokens, lightTokens, tokens } from './styles/tokens.js';

class TokenProbe extends EgovElement {}
TokenProbe.define('egov-test-token-probe');

const read = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('design tokens', () => {
  it('are installed once on the document when an element connects', async () => {
    const probe = new TokenProbe();
    document.body.append(probe);
    await probe.updateComplete;
    installTokens(document);
    const count = document.adoptedStyleSheets.filter((sheet) => sheet === tokens.styleSheet).length;
    expect(count).toBe(1);
    expect(read(document.documentElement, '--egov-color-primary')).toBe(lightTokens['--egov-color-primary']);
    probe.remove();
  });

  it('switch to dark under data-theme="dark" or .egov-dark, and back under data-theme="light"', () => {
    installTokens(document);
    const host = document.createElement('div');
    document.body.append(host);
    render(
      html`<div id="a" data-theme="dark"><p id="a1">x</p><div data-theme="light"><p id="a2">y</p></div></div>
        <div class="egov-dark"><p id="b1">z</p></div>`,
      host,
    );
    expect(read(host.querySelector('#a1')!, '--egov-color-surface')).toBe(darkTokens['--egov-color-surface']);
    expect(read(host.querySelector('#a2')!, '--egov-color-surface')).toBe(lightTokens['--egov-color-surface']);
    expect(read(host.querySelector('#b1')!, '--egov-color-text')).toBe(darkTokens['--egov-color-text']);
    // The focus ring is declared again in each scheme, so it uses that scheme's focus colour.
    expect(read(host.querySelector('#a1')!, '--egov-focus-ring')).toContain(darkTokens['--egov-color-focus']);
    expect(read(host.querySelector('#a2')!, '--egov-focus-ring')).toContain(lightTokens['--egov-color-focus']);
    host.remove();
  });

  it('lose to unlayered page rules', () => {
    installTokens(document);
    const style = document.createElement('style');
    style.textContent = ':root { --egov-color-primary: rgb(1, 2, 3); }';
    document.head.append(style);
    expect(read(document.documentElement, '--egov-color-primary')).toBe('rgb(1, 2, 3)');
    style.remove();
  });

  it('fall back to a style element in another realm', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument!;
    installTokens(doc);
    expect(doc.head.querySelector('style[data-egov-tokens]')?.textContent).toContain('--egov-color-primary');
    frame.remove();
  });

  it('drop every transition under prefers-reduced-motion: reduce, light or dark, under a themed ancestor too', async () => {
    installTokens(document);
    const themed = document.createElement('div');
    themed.dataset['theme'] = 'dark';
    const inner = document.createElement('span');
    themed.append(inner);
    document.body.append(themed);
    const session = cdp();
    try {
      expect(read(document.documentElement, '--egov-transition')).toBe('150ms ease-out');
      expect(read(inner, '--egov-transition')).toBe('150ms ease-out');
      for (const scheme of ['light', 'dark']) {
        await session.send('Emulation.setEmulatedMedia', {
          features: [
            { name: 'prefers-reduced-motion', value: 'reduce' },
            { name: 'prefers-color-scheme', value: scheme },
          ],
        });
        expect(read(document.documentElement, '--egov-transition')).toBe('0s');
        expect(read(inner, '--egov-transition')).toBe('0s');
      }
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
      themed.remove();
    }
  });
});
