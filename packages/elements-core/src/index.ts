export { definedCatalogues, EgovElement } from './egov-element.js';
export type { EgovEmitArgs, EgovEmitOptions, EgovEventDetail, EgovEventInit, EgovEventName } from './egov-element.js';
export type { EgovErrorDetail, EgovErrorEvent } from './kit-events.js';
export { defaultLocale, defineMessages, languageOf, locales, normalizeLocale, resolveLocale, translate } from './locale.js';
export {
  clearTranslations,
  registerTranslation,
  type TranslationMessages,
  type TranslationOptions,
} from './translations.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the former name stays exported for 0.x code
export type { Catalogue, Lang, Locale, Message, MessageArgs, MessageKey, Messages } from './locale.js';
export { darkTokens, commonTokens, hostStyles, installTokens, lightTokens, tokens } from './styles/tokens.js';
export { visuallyHidden } from './styles/visually-hidden.js';
export { buttonStyles, primaryButtonStyles } from './styles/buttons.js';
export { deepActiveElement, FocusTrapController } from './focus-trap.js';
