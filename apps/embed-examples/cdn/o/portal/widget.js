/* global document */
// The portal's widget: imports `lit` through the portal's own import map, and must keep getting the portal's module.
import { version } from 'lit';

document.querySelector('#portal-widget').textContent = `Cổng thông tin: ${version}`;
