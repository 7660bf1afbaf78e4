import { describe, expect, it } from 'vitest';
import { translate } from '@egov-vn/elements-core';
import { explainError } from '../internal/sign-flow.js';
import { isBatchSigner, splitBatch } from './batch.js';
import { asksPage, boxRect, canSign, dialogPhase, documentLine, isVisible, placementOf, roundBox, signingPage, sizeKb, timeLeft } from './sign-dialog.logic.js';
import { messages } from './sign-dialog.messages.js';

describe('sign dialog logic', () => {
  it('a document line shows the real size once known, “loading” while fetched, never 0 KB', () => {
    expect(documentLine('van-ban.pdf', undefined, true)).toEqual({ name: 'van-ban.pdf', state: 'loading' });
    expect(documentLine('van-ban.pdf', undefined, false)).toEqual({ name: 'van-ban.pdf', state: 'unknown' });
    expect(documentLine('van-ban.pdf', new Uint8Array(300), true)).toEqual({ name: 'van-ban.pdf', state: 'loaded', kb: 1 });
    expect(documentLine('van-ban.pdf', new Uint8Array(5 * 1024 + 600), false)).toMatchObject({ kb: 6 });
    expect(sizeKb(0)).toBe(0);
    expect(sizeKb(1)).toBe(1);
    expect(sizeKb(1535)).toBe(1);
    expect(sizeKb(1536)).toBe(2);
    expect(translate(messages, 'vi', 'loadingDocument', 'van-ban.pdf')).toBe('van-ban.pdf (đang tải…)');
    expect(translate(messages, 'en', 'loadingDocument', 'van-ban.pdf')).toBe('van-ban.pdf (loading…)');
  });

  it('the status phase: waiting beats signing, a problem beats the cancellation notice, then the result', () => {
    const base = { busy: false, waiting: false, cancelled: false, problem: false, result: false };
    expect(dialogPhase(base)).toBe('idle');
    expect(dialogPhase({ ...base, busy: true })).toBe('signing');
    expect(dialogPhase({ ...base, busy: true, waiting: true, problem: true })).toBe('waiting');
    expect(dialogPhase({ ...base, cancelled: true })).toBe('cancelled');
    expect(dialogPhase({ ...base, cancelled: true, problem: true })).toBe('problem');
    expect(dialogPhase({ ...base, result: true })).toBe('result');
  });

  it('places copy and appendix stamps on page 1, asks the page for a custom box or without a signer name', () => {
    expect(placementOf('copy', 'custom')).toBe('standard');
    expect(placementOf('author', 'custom')).toBe('custom');
    expect(signingPage('appendix', 'custom', '', 4)).toBe(0);
    expect(signingPage('author', 'custom', 'Nguyễn Văn A', 3)).toBe(2);
    expect(signingPage('author', 'standard', 'Nguyễn Văn A', 3)).toBeUndefined();
    expect(signingPage('seal', 'standard', '', 0.5)).toBe(0);
    expect(asksPage('copy', 'custom', '')).toBe(false);
    expect(asksPage('author', 'standard', '')).toBe(true);
  });

  it('says when a kind will be invisible', () => {
    const none = { signatureImage: false, sealImage: false, agency: '', docNumber: '' };
    expect(isVisible('author', none)).toBe(false);
    expect(isVisible('author', { ...none, signatureImage: true })).toBe(true);
    expect(isVisible('seal', { ...none, signatureImage: true })).toBe(false);
    expect(isVisible('copy', { ...none, agency: 'UBND tỉnh' })).toBe(true);
    expect(isVisible('appendix', { ...none, agency: 'UBND tỉnh' })).toBe(false);
  });

  it('converts the box from millimetres to points and rounds a drawn box to 0.1 mm', () => {
    const [x1, y1, x2, y2] = boxRect({ left: 25.4, bottom: 0, width: 25.4, height: 50.8 });
    expect([x1, y1, x2, y2].map((n) => Math.round(n * 1000) / 1000)).toEqual([72, 0, 144, 144]);
    expect(roundBox({ left: 10.04, bottom: 9.96, width: 60.25, height: 24.99 })).toEqual({ left: 10, bottom: 10, width: 60.3, height: 25 });
  });

  it('counts down in whole minutes and seconds, never below zero', () => {
    expect(timeLeft(125_000, 0)).toEqual({ minutes: 2, seconds: 5 });
    expect(timeLeft(1_001, 1_000)).toEqual({ minutes: 0, seconds: 1 });
    expect(timeLeft(0, 5_000)).toEqual({ minutes: 0, seconds: 0 });
    expect(translate(messages, 'vi', 'remaining', 2, 5)).toBe('Thời gian còn lại: 2 phút 05 giây');
  });

  it('Sign is enabled only with a provider, and for a remote one a credential', () => {
    expect(canSign({ busy: false, provider: undefined, credential: undefined })).toBe(false);
    expect(canSign({ busy: false, provider: {}, credential: undefined })).toBe(true);
    expect(canSign({ busy: true, provider: {}, credential: undefined })).toBe(false);
    expect(canSign({ busy: false, provider: { remote: {} }, credential: undefined })).toBe(false);
    expect(canSign({ busy: false, provider: { remote: {} }, credential: 'c1' })).toBe(true);
  });

  it('explains a missing provider in Vietnamese and English', () => {
    const p = explainError({ code: 'NO_PROVIDER' });
    expect(p.title.vi).toBe('Chưa có cách ký nào để ký văn bản.');
    expect(p.action.en).toContain('at least one way of signing');
  });
});

describe('splitBatch (several documents, one authorisation)', () => {
  const chain = [new Uint8Array([1])];
  const recorder = () => {
    const calls: (readonly Uint8Array[])[] = [];
    return {
      calls,
      signer: {
        certificateChain: () => Promise.resolve(chain),
        signMany: (data: readonly Uint8Array[]) => {
          calls.push(data);
          return Promise.resolve(data.map((d) => Uint8Array.of(0xff, ...d)));
        },
      },
    };
  };

  it('asks the batch signer once, in the documents’ order whatever order they ask in, and gives each its signature', async () => {
    const { calls, signer } = recorder();
    expect(isBatchSigner({ ...signer, sign: () => Promise.resolve(new Uint8Array()) })).toBe(true);
    const batch = splitBatch(signer, 3);
    const third = batch.signers[2]!.sign(Uint8Array.of(3), { hash: 'SHA-256' });
    const first = batch.signers[0]!.sign(Uint8Array.of(1), { hash: 'SHA-256' });
    expect(calls).toHaveLength(0);
    const second = batch.signers[1]!.sign(Uint8Array.of(2), { hash: 'SHA-256' });
    expect(await Promise.all([first, second, third])).toEqual([Uint8Array.of(0xff, 1), Uint8Array.of(0xff, 2), Uint8Array.of(0xff, 3)]);
    expect(calls).toEqual([[Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]]);
    expect(await batch.signers[1]!.certificateChain()).toBe(chain);
  });

  it('a document that fails before asking cancels the batch: nothing is sent, every document fails', async () => {
    const { calls, signer } = recorder();
    const batch = splitBatch(signer, 3);
    const first = batch.signers[0]!.sign(Uint8Array.of(1), { hash: 'SHA-256' });
    const error = Object.assign(new Error('not found'), { code: 'LOCATE_NOT_FOUND' });
    batch.drop(error);
    await expect(first).rejects.toBe(error);
    await expect(batch.signers[2]!.sign(Uint8Array.of(3), { hash: 'SHA-256' })).rejects.toBe(error);
    expect(calls).toHaveLength(0);
  });

  it('a signature count that differs from the documents fails every document (REMOTE_BATCH_COUNT)', async () => {
    const batch = splitBatch({ certificateChain: () => Promise.resolve(chain), signMany: () => Promise.resolve([new Uint8Array(1)]) }, 2);
    const runs = batch.signers.map((s, i) => s.sign(Uint8Array.of(i), { hash: 'SHA-256' }));
    for (const run of runs) await expect(run).rejects.toMatchObject({ code: 'REMOTE_BATCH_COUNT' });
  });
});
