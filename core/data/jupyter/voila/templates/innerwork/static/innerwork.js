/* innerwork's page script: what ipywidgets cannot say to a screen reader or a keyboard, said once, here.
   It only adds roles, names, states and focus to the widgets the page already has; it reads no answers
   and sends nothing anywhere. Idempotent: it runs again after every change to the page. */
(function () {
  "use strict";
  let counter = 0;
  let lastInteraction = 0;
  let lastFocused = null;
  // the focused control's tooltip and its step's heading: enough to find it again when the step is rebuilt
  let lastFocusedTitle = "";
  let lastFocusedStep = "";
  // the "Your entries" panel the focused control was in: a control it removes (Keep it, Delete for good)
  // hands the focus to the panel's heading, not to the top of the page
  let lastFocusedPanel = null;

  const $ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const idOf = (el) => el.id || (el.id = "iw-" + (++counter));
  const recently = () => performance.now() - lastInteraction < 4000;
  const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

  function focusHeading(heading) {
    if (!heading) return false;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: false });
    return document.activeElement === heading;
  }

  function pageStructure() {
    document.documentElement.lang = document.documentElement.lang || "en";
    const cells = document.getElementById("rendered_cells");
    if (cells && !cells.getAttribute("role")) cells.setAttribute("role", "main");
    const exercise = document.querySelector(".innerwork-app h1");
    const gallery = document.querySelector(".innerwork-gallery h1");
    const name = text(exercise) || text(gallery);
    const title = name ? name + " · innerwork" : "innerwork";
    if (document.title !== title) document.title = title;
  }

  function liveRegions() {
    $(".innerwork-gentle-note").forEach((el) => { el.setAttribute("role", "alert"); });
    $(".innerwork-problem").forEach((el) => { el.setAttribute("role", "alert"); });
    $(".innerwork-history-message").forEach((el) => { el.setAttribute("role", "status"); el.setAttribute("aria-live", "polite"); });
    $(".innerwork-saved").forEach((el) => { el.setAttribute("role", "status"); el.setAttribute("aria-live", "polite"); });
  }

  function namedFields() {
    $(".innerwork-step").forEach((step) => {
      const question = step.querySelector(".innerwork-question") || step.querySelector("h2");
      const heading = step.querySelector("h2");
      const described = $(".innerwork-hint, .innerwork-step-help", step).map(idOf);
      const app = step.closest(".innerwork-app");
      const problem = app && app.querySelector(".innerwork-problem");
      const hasProblem = problem && text(problem) !== "";
      if (problem && hasProblem) described.push(idOf(problem));
      const names = [heading, question].filter((el, i, all) => el && all.indexOf(el) === i).map(idOf).join(" ");
      $("textarea, input[type=text], input[type=date], input[type=number], select", step).forEach((field) => {
        const own = field.closest(".innerwork-named");  // a field named by its own item (a rating per need)
        if (!own && names) field.setAttribute("aria-labelledby", names);
        if (described.length) field.setAttribute("aria-describedby", described.join(" "));
        else field.removeAttribute("aria-describedby");
        if (hasProblem) field.setAttribute("aria-invalid", "true");
        else field.removeAttribute("aria-invalid");
      });
      $(".innerwork-checklist, .widget-radio-box", step).forEach((group) => {
        group.setAttribute("role", group.classList.contains("widget-radio-box") ? "radiogroup" : "group");
        if (names) group.setAttribute("aria-labelledby", names);
      });
    });
  }

  function ratings() {
    $(".innerwork-scale .widget-toggle-buttons").forEach((group) => {
      const step = group.closest(".innerwork-step");
      const question = step && (step.querySelector(".innerwork-question") || step.querySelector("h2"));
      const ends = group.closest(".innerwork-scale").querySelector(".innerwork-scale-ends");
      group.setAttribute("role", "radiogroup");
      if (question) group.setAttribute("aria-labelledby", idOf(question));
      if (ends) group.setAttribute("aria-describedby", idOf(ends));
      const buttons = $("button", group);
      const checked = buttons.findIndex((b) => b.classList.contains("mod-active"));
      buttons.forEach((button, i) => {
        button.setAttribute("role", "radio");
        button.setAttribute("aria-checked", String(i === checked));
        button.setAttribute("tabindex", i === (checked < 0 ? 0 : checked) ? "0" : "-1");
        if (!button.dataset.iwKeys) {
          button.dataset.iwKeys = "1";
          button.addEventListener("keydown", (event) => {
            const all = $("button", group);
            const at = all.indexOf(button);
            const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
            let to = null;
            if (step) to = all[(at + step + all.length) % all.length];
            if (event.key === "Home") to = all[0];
            if (event.key === "End") to = all[all.length - 1];
            if (to) { event.preventDefault(); to.focus(); to.click(); }
          });
        }
      });
    });
  }

  function disclosures() {
    $(".jupyter-widget-Collapse-header, .p-Collapse-header").forEach((header) => {
      const open = header.parentElement && (header.parentElement.classList.contains("jupyter-widget-Collapse-open")
        || header.parentElement.classList.contains("p-Collapse-open"));
      header.setAttribute("role", "button");
      header.setAttribute("tabindex", "0");
      header.setAttribute("aria-expanded", String(!!open));
      if (!header.dataset.iwKeys) {
        header.dataset.iwKeys = "1";
        header.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); header.click(); }
        });
      }
    });
    $(".innerwork-help-box").forEach((box) => {
      const button = box.querySelector(".innerwork-help");
      const panel = box.querySelector(".innerwork-help-panel");
      if (!button || !panel) return;
      // the panel is shown and hidden by its own style (the widget's layout); reading the computed style
      // or its layout here would make the browser work the whole page out again after every change
      const open = panel.style.display !== "none";
      button.setAttribute("aria-expanded", String(open));
      if (!button.dataset.iwScroll) {
        // the button floats at the bottom of the screen; the panel opens where the page keeps it: show it
        button.dataset.iwScroll = "1";
        button.addEventListener("click", () => setTimeout(() => {
          if (getComputedStyle(panel).display !== "none") panel.scrollIntoView({ block: "start" });
        }, 250));
      }
      button.setAttribute("aria-controls", idOf(panel));
      panel.setAttribute("role", "region");
      panel.setAttribute("aria-label", "Help now");
    });
    $(".innerwork-help-panel a[href^='tel:']").forEach((link) => {
      const item = link.closest("li");
      const service = item && item.querySelector("strong");
      link.setAttribute("aria-label", "Call " + text(link) + (service ? ", " + text(service) : ""));
    });
    $(".innerwork-notice details").forEach((details) => {
      if (details.dataset.iwSeen) return;
      details.dataset.iwSeen = "1";
      try {
        if (!sessionStorage.getItem("innerwork-notice-seen")) {
          details.open = true;
          sessionStorage.setItem("innerwork-notice-seen", "1");
        }
      } catch (e) { /* storage refused: the short line stays */ }
    });
  }

  function announce(words) {
    // a polite status of the page's own, for what changed under the person's focus
    let region = document.getElementById("iw-announce");
    if (!region) {
      region = document.createElement("div");
      region.id = "iw-announce";
      region.className = "innerwork-visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      (document.getElementById("rendered_cells") || document.body).appendChild(region);
    }
    region.textContent = words;
  }

  function sameControlAgain(step) {
    // a step rebuilt under the person's hands (an "order" step after Up or Down): the focus goes back to the
    // control with the same tooltip, or to the other one for the same item when that one is now disabled
    if (!step || !lastFocused || lastFocused.isConnected || !lastFocusedTitle) return false;
    if (text(step.querySelector("h2")) !== lastFocusedStep) return false;
    const buttons = $("button[title]", step).filter((b) => !b.disabled);
    const item = (lastFocusedTitle.match(/'.*'/) || [""])[0];
    const match = buttons.find((b) => b.title === lastFocusedTitle)
      || (item && buttons.find((b) => b.title.includes(item)));
    if (!match) return false;
    match.focus();
    const row = match.closest(".widget-hbox");
    const place = text(row && row.querySelector(".widget-label")).match(/^(\d+)\. (.*)$/);
    if (place) {
      const count = $(".widget-hbox .widget-label", step).filter((l) => /^\d+\. /.test(text(l))).length;
      announce(`${place[2]}: now ${place[1]} of ${count}`);
    }
    return document.activeElement === match;
  }

  function stepFocus(mutations) {
    if (!recently()) return;  // only what the person just did moves the focus
    // a control that was removed, or hidden (Finish once the summary shows), cannot keep the focus; the page
    // is laid out to tell only when a change of style or class around the control could have hidden it
    const gone = (el) => !el.isConnected || (mutations.some((m) => m.type === "attributes" && m.target.contains(el))
      && el.getClientRects().length === 0);
    // after "Next" or "Back" the new step's heading (the summary's, after "Finish") takes the focus, so it is read out
    const changed = mutations.some((m) => m.type === "childList" && m.target.classList
      && m.target.classList.contains("innerwork-step"));
    const focused = document.activeElement;
    // the browser moves the focus off a control hidden under it (Stop for now) only at its next layout
    const lost = !focused || focused === document.body || gone(focused);
    if (changed) {
      const step = document.querySelector(".innerwork-step");
      if (lost && sameControlAgain(step)) return;
      if (!step || !(focused && step.contains(focused) && focused.tagName !== "BUTTON")) {
        if (focusHeading(step && step.querySelector("h1, h2, h3"))) return;
      }
    }
    if (lost && lastFocused && gone(lastFocused)) {
      if (lastFocusedPanel && lastFocusedPanel.isConnected && focusHeading(lastFocusedPanel.querySelector("h1"))) return;
      // the step's heading, or its first words (the "stopped for now" message), or the page's heading
      const words = $(".innerwork-step .widget-html-content").find((el) => text(el) && !gone(el));
      const target = document.querySelector(".innerwork-step h1, .innerwork-step h2") || words
        || document.querySelector(".innerwork-app h1")
        || document.querySelector(".innerwork-page h1, .innerwork-gallery h1, .innerwork-history h1");
      focusHeading(target);
    }
  }

  function enhance(mutations) {
    pageStructure();
    liveRegions();
    namedFields();
    ratings();
    disclosures();
    if (mutations) stepFocus(mutations);
  }

  document.addEventListener("click", () => { lastInteraction = performance.now(); }, true);
  document.addEventListener("keydown", () => { lastInteraction = performance.now(); }, true);
  document.addEventListener("focusin", (event) => {
    lastFocused = event.target;
    lastFocusedTitle = event.target.getAttribute("title") || "";
    const step = event.target.closest(".innerwork-step");
    lastFocusedStep = step ? text(step.querySelector("h2")) : "";
    lastFocusedPanel = event.target.closest(".innerwork-history");
  }, true);

  let pending = [];
  let scheduled = false;
  const observer = new MutationObserver((mutations) => {
    pending = pending.concat(mutations);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const batch = pending;
      pending = [];
      observer.disconnect();
      try { enhance(batch); } finally {
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style"] });
      }
    });
  });
  enhance(null);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style"] });
})();
