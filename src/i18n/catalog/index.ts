import type { Language } from "../languages.js";
import { de } from "./de.js";
import { en, type MessageKey } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ja } from "./ja.js";
import { ptBR } from "./pt-BR.js";

export type { MessageKey };
/** A translation: every English key, no other (the compiler checks); placeholders are checked by test/i18n.test.ts. */
export type Catalog = Record<MessageKey, string>;

export const CATALOGS: Record<Language, Catalog> = { en, fr, de, es, "pt-BR": ptBR, ja };
