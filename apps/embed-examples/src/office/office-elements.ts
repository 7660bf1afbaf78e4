// JSX types of the office features for React 19 (properties set as properties, `on<event-name>` listeners).
import type { EgovErrorEvent, EgovIncoming, EgovIncomingChangeEvent, EgovIncomingOpenEvent, EgovNavigateEvent, EgovOfficeContext } from '@egov-vn/office-elements';
import type { ElementProps } from '../react/elements.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'egov-office-context': ElementProps<EgovOfficeContext, { 'egov-navigate': EgovNavigateEvent; 'egov-error': EgovErrorEvent }> & { locale?: string };
      'egov-incoming': ElementProps<
        EgovIncoming,
        { 'egov-incoming-open': EgovIncomingOpenEvent; 'egov-incoming-change': EgovIncomingChangeEvent; 'egov-navigate': EgovNavigateEvent; 'egov-error': EgovErrorEvent }
      > & { 'document-id'?: string; 'page-size'?: number };
      /** `<egov-compose>` (drafting, trình ký, signing, cấp số, đóng dấu, gửi), defined when its module is imported. */
      'egov-compose': React.HTMLAttributes<HTMLElement> & { 'draft-id'?: string; 'fonts-url'?: string };
    }
  }
}
