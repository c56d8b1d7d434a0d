import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { answerSearch } from "../src/answers/search.js";
import { CATALOGS, type MessageKey } from "../src/i18n/catalog/index.js";
import { CHOICE_TEXT, COMMAND_TEXT, type CommandText } from "../src/i18n/command-text.js";
import { DISCORD_LOCALES, LANGUAGES, languageOf } from "../src/i18n/languages.js";
import { choiceText, commandText, localizeCommand } from "../src/i18n/localize-commands.js";
import { translate, withLanguage } from "../src/i18n/translate.js";
import { createCollection } from "../src/library/collection.js";
import { createSearchIndex } from "../src/library/search.js";

/** The names of a message's placeholders, plural and select arguments included, recursively. */
function placeholders(message: string, language: string): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly unknown[]) => {
    for (const element of elements as {
      type: number;
      value?: unknown;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat's TYPE).
      if (element.type >= 1 && element.type <= 6) names.add(String(element.value));
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, language).getAst());
  return [...names].sort();
}

const keys = Object.keys(CATALOGS.en) as MessageKey[];

describe("the catalogs", () => {
  it.each(LANGUAGES.filter((l) => l !== "en"))(
    "%s has every English key, no other, with the same placeholders",
    (language) => {
      const catalog = CATALOGS[language];
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect({ key, placeholders: placeholders(catalog[key], language) }).toEqual({
          key,
          placeholders: placeholders(CATALOGS.en[key], "en"),
        });
      }
    },
  );

  it("formats every message in every language, plurals by the language's rules", () => {
    for (const language of LANGUAGES)
      for (const key of keys) {
        const values = Object.fromEntries(placeholders(CATALOGS.en[key], "en").map((name) => [name, 2]));
        expect(translate(language, key, values)).not.toMatch(/[{}]/);
      }
    expect(translate("en", "search.footer", { total: 1, page: 1, pages: 1 })).toBe("1 post · page 1/1");
    expect(translate("en", "search.footer", { total: 12, page: 2, pages: 3 })).toBe("12 posts · page 2/3");
    expect(translate("fr", "search.footer", { total: 1, page: 1, pages: 1 })).toBe(
      "1 publication · page 1/1",
    );
    expect(translate("fr", "search.footer", { total: 0, page: 1, pages: 1 })).toBe(
      "0 publication · page 1/1",
    );
    expect(translate("de", "search.footer", { total: 3, page: 1, pages: 1 })).toBe("3 Beiträge · Seite 1/1");
  });
});

describe("the language of a member", () => {
  it.each([
    ["fr", "fr"],
    ["de", "de"],
    ["es-ES", "es"],
    ["es-419", "es"],
    ["pt-BR", "pt-BR"],
    ["ja", "ja"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["zh-CN", "en"],
    ["fr_FR.UTF-8", "fr"],
    ["pt_BR.UTF-8", "pt-BR"],
    ["C.UTF-8", "en"],
    [undefined, "en"],
  ])("%s speaks %s", (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});

describe("commands in every language", () => {
  const registered = commands.map((c) => c.data.toJSON());
  type Node = {
    name: string;
    description: string;
    options?: Node[];
    choices?: { name: string; value: string }[];
  };
  const paths = (node: Node, path: string[] = [node.name]): string[][] => [
    path,
    ...(node.options ?? []).flatMap((o) => paths(o, [...path, o.name])),
  ];
  // Discord's rule for command and option names, in every locale.
  const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

  it.each(Object.keys(COMMAND_TEXT))(
    "%s names and describes every command and option, within Discord's rules",
    (language) => {
      const texts = COMMAND_TEXT[language as keyof typeof COMMAND_TEXT];
      for (const command of registered)
        for (const path of paths(command as Node)) {
          const text: CommandText | undefined = commandText(texts, path);
          expect({ path: path.join("."), text }).toEqual({ path: path.join("."), text: expect.any(Object) });
          expect(text!.name).toMatch(NAME);
          expect(text!.name).toBe(text!.name.toLocaleLowerCase(language));
          expect(text!.description.length).toBeGreaterThan(0);
          expect(text!.description.length).toBeLessThanOrEqual(100);
        }
    },
  );

  it.each(Object.keys(CHOICE_TEXT))("%s labels every fixed choice of every option", (language) => {
    const texts = CHOICE_TEXT[language as keyof typeof CHOICE_TEXT];
    let choices = 0;
    for (const command of registered)
      for (const path of paths(command as Node)) {
        const node = path
          .slice(1)
          .reduce<Node>((n, name) => n.options!.find((o) => o.name === name)!, command as Node);
        for (const choice of node.choices ?? []) {
          choices++;
          const label = choiceText(texts, path, choice.value);
          expect({ path: `${path.join(".")}=${choice.value}`, label }).toEqual({
            path: `${path.join(".")}=${choice.value}`,
            label: expect.any(String),
          });
          expect(label!.length).toBeLessThanOrEqual(100);
        }
      }
    expect(choices).toBeGreaterThan(0);
  });

  it("registers the localizations under Discord's locale codes, option names unique per level", () => {
    for (const json of registered) {
      const localized = localizeCommand(json) as unknown as {
        name_localizations: Record<string, string>;
        description_localizations: Record<string, string>;
        options?: { name_localizations: Record<string, string> }[];
      };
      expect(Object.keys(localized.name_localizations).sort()).toEqual(
        Object.values(DISCORD_LOCALES).flat().sort(),
      );
      expect(localized.description_localizations["es-419"]).toBe(
        localized.description_localizations["es-ES"],
      );
      for (const locale of Object.values(DISCORD_LOCALES).flat()) {
        const names = (localized.options ?? []).map((o) => o.name_localizations[locale]);
        expect(new Set(names).size).toBe(names.length);
      }
    }
    const search = localizeCommand(registered.find((c) => c.name === "search")!) as unknown as {
      name_localizations: Record<string, string>;
      options: { name: string; description_localizations: Record<string, string> }[];
    };
    expect(search.name_localizations.fr).toBe("chercher");
    const schedule = localizeCommand(registered.find((c) => c.name === "schedule")!) as unknown as {
      options: {
        name: string;
        options: {
          name: string;
          choices?: { value: string; name_localizations: Record<string, string> }[];
        }[];
      }[];
    };
    const source = schedule.options.find((o) => o.name === "add")!.options.find((o) => o.name === "source")!;
    expect(source.choices!.find((c) => c.value === "on-this-day")!.name_localizations["pt-BR"]).toBe(
      CHOICE_TEXT["pt-BR"]["schedule.*.source=on-this-day"],
    );
    expect(search.options.find((o) => o.name === "hide")!.description_localizations.ja).toBe(
      "答えを自分だけに表示",
    );
  });
});

describe("answers in the member's language", () => {
  const collection = createCollection(
    [{ id: "1", text: "Fabrice Bellard wrote QEMU", topics: ["emulation"], links: [], mentions: [] }],
    { source: "test", hash: "h", loadedAt: new Date(0) },
  );
  const library = { collection, index: createSearchIndex(collection.posts) };
  const ask = (query: string) => answerSearch(library, { query, userId: "u", ephemeral: false });

  it("searches in French and Japanese, and in English for anyone else", () => {
    expect(withLanguage("fr", () => ask("qemu")).embeds[0]!.title).toBe("Recherche : qemu");
    expect(withLanguage("fr", () => ask("qemu")).embeds[0]!.footer!.text).toBe("1 publication · page 1/1");
    expect(withLanguage("ja", () => ask("zzzz")).embeds[0]!.description).toMatch(
      /^「zzzz」に一致する投稿はありません/,
    );
    expect(ask("qemu").embeds[0]!.title).toBe("Search: qemu");
  });
});
