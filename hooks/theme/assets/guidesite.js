/* Copy-link buttons beside every anchored heading, so trainers can paste a deep link.
   Without JavaScript the heading's permanent-link anchor (¶) still gives the same URL. */
(function () {
  var labels = { en: ["Copy link", "Link copied"], cy: ["Copïo'r ddolen", "Dolen wedi'i chopïo"] };
  var words = labels[document.documentElement.lang] || labels.en;
  function addButtons() {
    document.querySelectorAll(".md-typeset h2[id], .md-typeset h3[id]").forEach(function (heading) {
      if (heading.querySelector(".gs-copy-link")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "gs-copy-link";
      button.textContent = words[0];
      button.setAttribute("aria-label", words[0] + ": " + heading.textContent.replace("¶", "").trim());
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname + "#" + heading.id;
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = words[1];
          setTimeout(function () { button.textContent = words[0]; }, 2000);
        });
      });
      heading.appendChild(button);
    });
  }
  if (window.document$) { window.document$.subscribe(addButtons); } else { addButtons(); }
})();

/* The Print button of a handout. The page holds its label (in the page's language) in a
   placeholder that stays hidden without JavaScript; here it becomes a real button. */
(function () {
  function addPrintButtons() {
    document.querySelectorAll(".gs-print-action:not(.gs-print-action--ready)").forEach(function (holder) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button gs-print-button";
      button.textContent = holder.textContent.trim();
      button.addEventListener("click", function () { window.print(); });
      holder.textContent = "";
      holder.appendChild(button);
      holder.classList.add("gs-print-action--ready");
    });
  }
  if (window.document$) { window.document$.subscribe(addPrintButtons); } else { addPrintButtons(); }
})();
