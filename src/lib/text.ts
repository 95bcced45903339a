/** Checks on user-supplied text shared by the layers that validate input. */

/** Control characters (U+0000–U+001F, U+007F): never in names, codes, tokens, passwords or attributes. */
export const hasControl = (value: string): boolean => [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
