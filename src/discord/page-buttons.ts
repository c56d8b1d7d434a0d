import { ButtonStyle, ComponentType } from "discord.js";
import { t } from "../i18n/translate.js";
import type { Reply } from "./reply.js";

/**
 * Previous/Next for page `page` of `pageCount`; `idFor(n)` is the custom_id that opens page n. At the ends the
 * button is disabled but keeps a distinct custom_id (two buttons of one message may not share one).
 */
export function pageButtons(
  page: number,
  pageCount: number,
  idFor: (page: number) => string,
): Reply["components"][number] {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("page.previous"),
        custom_id: idFor(Math.max(page - 1, 0)),
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("page.next"),
        custom_id: idFor(page + 1),
        disabled: page >= pageCount - 1,
      },
    ],
  };
}
