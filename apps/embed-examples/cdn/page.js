/* global document */
// The portal's own module (same origin): what a page without a framework writes around the CDN's elements. The
// elements upgrade whenever the loader has their module; properties set before that are kept.
const $ = (selector) => document.querySelector(selector);
const log = (text) => {
  const item = document.createElement('li');
  item.textContent = text;
  $('#log').append(item);
};

$('egov-month-calendar').events = [{ date: '2026-04-06', time: '08:00', title: 'Giao ban' }];

document.addEventListener('egov-deadline-change', (e) => log(`egov-deadline-change: ${e.detail.status}`));
document.addEventListener('egov-month-calendar-select', (e) => log(`egov-month-calendar-select: ${e.detail.date}`));
document.addEventListener('egov-signature-panel-verify', (e) => log(`egov-signature-panel-verify: ${e.detail.report.validSignaturesCount}/${e.detail.report.signaturesCount}`));
document.addEventListener('egov-error', (e) => log(`egov-error: ${e.detail.message.vi}`));

$('#lang').addEventListener('click', () => {
  const en = document.documentElement.lang !== 'en';
  document.documentElement.lang = en ? 'en' : 'vi';
  $('#lang').textContent = en ? 'Tiếng Việt' : 'English';
});

// Nothing is trusted unless the portal says so: the demo root CA, then the signed PDF.
const panel = $('egov-signature-panel');
panel.trustAnchors = [await (await fetch('/demo-root-ca.pem')).text()];
panel.src = '/van-ban-ky-so.pdf';
