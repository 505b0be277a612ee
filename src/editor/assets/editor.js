// The editor's drag and drop (progressive enhancement: every action also works as a plain form).
// SortableJS reorders a list; the new order is posted as a form, and a refusal reloads the page.
(() => {
  const Sortable = window.Sortable;
  if (!Sortable) return;
  for (const list of document.querySelectorAll("[data-sortable]")) {
    const status = document.getElementById("order-status");
    const say = (text) => {
      if (status) status.textContent = text;
    };
    Sortable.create(list, {
      handle: ".drag-handle",
      // Mouse and touch events rather than native drag and drop: the same on every browser.
      forceFallback: true,
      animation: 150,
      onEnd: async (event) => {
        if (event.oldIndex === event.newIndex) return;
        const body = new URLSearchParams();
        body.set("parent", list.dataset.parent ?? "root");
        for (const item of list.querySelectorAll(":scope > [data-id]")) body.append("order", item.dataset.id);
        // The page's CSRF token (every form on it carries one) goes with the order.
        const token = document.querySelector('input[name="_csrf"]');
        if (token) body.set("_csrf", token.value);
        try {
          const response = await fetch(list.dataset.orderUrl, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
            body,
            credentials: "same-origin",
          });
          if (!response.ok) throw new Error(String(response.status));
          say(list.dataset.msgSaved ?? "");
          // Positions shown as "2 of 5" and the move buttons follow the new order after a reload.
          window.setTimeout(() => window.location.reload(), 600);
        } catch {
          say(list.dataset.msgFailed ?? "");
          window.setTimeout(() => window.location.reload(), 1500);
        }
      },
    });
  }
})();
