/**
 * Declares a feature's messages in both languages. The type makes English carry exactly the Vietnamese keys, so a
 * missing translation fails the typecheck (and the messages test) rather than showing a key on a wall.
 */
export function defineMessages<K extends string>(messages: { vi: Record<K, string>; en: Record<NoInfer<K>, string> }) {
  return messages;
}
