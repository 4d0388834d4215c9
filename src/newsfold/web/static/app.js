// newsfold: mark stories updated since the reader's last visit. The server's clock stamps both the stories
// and the visit (body[data-now]), so a wrong clock on the reader's machine cannot hide or invent changes.
(function () {
  "use strict";
  var KEY = "newsfold.lastVisit";
  var now = document.body.getAttribute("data-now");
  if (!now) { return; }
  var last = null;
  try { last = window.localStorage.getItem(KEY); } catch (e) { return; }
  var cards = document.querySelectorAll(".story-card[data-updated]");
  var fresh = 0;
  if (last) {
    cards.forEach(function (card) {
      if (card.getAttribute("data-updated") > last) {
        var badge = card.querySelector(".new-badge");
        if (badge) { badge.hidden = false; fresh += 1; }
        card.classList.add("is-new");
      }
    });
  }
  document.body.setAttribute("data-new-count", String(fresh));
  if (cards.length) {
    try { window.localStorage.setItem(KEY, now); } catch (e) { /* private mode: nothing to remember */ }
  }
})();
