// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
  const trigger = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (!trigger) return;
  event.preventDefault();
  window.print();
});

// Controls that only make sense with scripting (e.g. a Print button) are hidden until now.
for (const element of document.querySelectorAll(".js-only[hidden]")) element.hidden = false;
