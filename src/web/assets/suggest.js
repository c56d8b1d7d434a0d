// Suggestions as you type, from the same autocomplete as Discord's /search. Without this script the
// search box still works as a plain form. The list is links: Tab moves from the box into them.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("q");
  const box = document.getElementById("suggestions");
  if (!input || !box) return;
  let controller;
  let timer;
  const show = (items, typed) => {
    box.replaceChildren();
    if (input.value !== typed) return;
    if (items.length === 0) return;
    const list = document.createElement("ul");
    list.setAttribute("aria-label", "Suggestions");
    for (const item of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.append(a);
      list.append(li);
    }
    box.append(list);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value;
    if (typed.trim() === "") return show([], typed);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/suggest?q=${encodeURIComponent(typed)}`, {
          signal: controller.signal,
        });
        if (response.ok) show(await response.json(), typed);
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits.
      }
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") show([], input.value);
  });
});
