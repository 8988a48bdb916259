const HAN = /[\u3400-\u9fff]/;
// What a program wrote rather than a person: a camelCase field, an ENUM_CODE, a Java/JSON null.
const CODE_LIKE = /\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bnull\b/;

/**
 * Whether a server text may be shown as it is. The server words its conflicts in the reader's language, but
 * some texts (field checks written in English, messages not yet given a label) are still English: on a Chinese
 * page those give way to a Chinese sentence rather than reach the user half in English.
 */
export function showable(text: string | undefined, chinesePage: boolean): text is string {
  if (!text) return false;
  if (!chinesePage) return true;
  return HAN.test(text) && !CODE_LIKE.test(text);
}
